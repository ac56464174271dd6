import CSQLite
import FyndCore

/// The state of incremental runs, in a SQLite file: per document a fingerprint of its input, the rule
/// pack's version and its result line. A document whose input and rule pack are unchanged is
/// not processed again; its stored line is written instead.
///
/// Documents are keyed by the file they come from and their id, so files of the same name in
/// two folders, or lines of the same id in two JSONL files, keep rows of their own.
///
/// One run at a time: the store holds an exclusive lock on the file for as long as it is open,
/// and a second run refuses with a message. Every batch is one transaction, so a killed run
/// leaves the store as it was after the last finished batch. A run that saw far fewer documents
/// than are stored (an input folder empty, vanished or unreadable) removes none unless allowed.
public final class StateStore {
    /// What identifies a document and its input's content.
    public struct Key: Sendable, Equatable {
        /// The file the document came from (a JSONL file for its lines; "-" for standard input).
        public var path: String
        public var id: String
        public var fingerprint: String

        public init(path: String, id: String, fingerprint: String) {
            self.path = path
            self.id = id
            self.fingerprint = fingerprint
        }
    }

    public struct Error: Swift.Error, CustomStringConvertible {
        public var description: String
    }

    /// What a run did, for its summary line.
    public struct Summary: Sendable, Equatable {
        public var new = 0, changed = 0, unchanged = 0, removed = 0, failed = 0
        public init(new: Int = 0, changed: Int = 0, unchanged: Int = 0, removed: Int = 0, failed: Int = 0) {
            self.new = new
            self.changed = changed
            self.unchanged = unchanged
            self.removed = removed
            self.failed = failed
        }
    }

    private var db: OpaquePointer?
    private let path: String
    private let rulesVersion: String
    private var lookup: OpaquePointer?
    private var upsert: OpaquePointer?
    private var markSeen: OpaquePointer?
    public private(set) var summary = Summary()
    /// Documents stored when the run began.
    public private(set) var storedAtStart = 0
    /// Why every stored document is processed again, when none was stored with this run's rule
    /// pack and options ("the options changed: +relevant-findings, now +all-findings").
    public private(set) var reprocessReason: String?

    /// Opens (or creates) the store and locks it for this run.
    public init(path: String, rulesVersion: String) throws(Error) {
        self.path = path
        self.rulesVersion = rulesVersion
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw Error(description: "cannot open the state file \(path): \(message)")
        }
        do {
            try exec("PRAGMA locking_mode = EXCLUSIVE")
            try exec("PRAGMA journal_mode = WAL")
            try exec("PRAGMA synchronous = NORMAL")
            // Takes the exclusive lock now, so that a second run fails here and not half-way.
            try exec("BEGIN EXCLUSIVE")
            try migrate()
            try exec("""
                CREATE TABLE IF NOT EXISTS documents (
                    path TEXT NOT NULL, id TEXT NOT NULL, source TEXT NOT NULL, fingerprint TEXT NOT NULL, rules_version TEXT NOT NULL,
                    result TEXT NOT NULL, failed INTEGER NOT NULL, relevant INTEGER NOT NULL, PRIMARY KEY (path, id))
                """)
            try exec("COMMIT")
        } catch {
            sqlite3_close(db)
            db = nil
            if error.description.contains("database is locked") || error.description.contains("busy") {
                throw Error(description: "another fynd run is using the state file \(path); wait for it to finish or use another --state file")
            }
            throw error
        }
        lookup = try prepare("SELECT fingerprint, rules_version, result, failed, relevant FROM documents WHERE path = ?1 AND id = ?2")
        upsert = try prepare("""
            INSERT INTO documents (path, id, source, fingerprint, rules_version, result, failed, relevant) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            ON CONFLICT(path, id) DO UPDATE SET source = ?3, fingerprint = ?4, rules_version = ?5, result = ?6, failed = ?7, relevant = ?8
            """)
        // The documents this run saw, in memory: reused ones cost no write to the file.
        try exec("PRAGMA temp_store = MEMORY")
        try exec("CREATE TEMP TABLE seen (path TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (path, id))")
        markSeen = try prepare("INSERT OR IGNORE INTO temp.seen (path, id) VALUES (?1, ?2)")
        storedAtStart = try count()
        reprocessReason = try reasonToReprocess()
    }

    /// The rule pack's version and the options (after the first "+") differ from the stored rows'.
    private func reasonToReprocess() throws(Error) -> String? {
        let s = try prepare("SELECT rules_version FROM documents GROUP BY rules_version ORDER BY count(*) DESC LIMIT 1")
        defer { sqlite3_finalize(s) }
        guard sqlite3_step(s) == SQLITE_ROW else { return nil }
        let stored = String(cString: sqlite3_column_text(s, 0))
        guard stored != rulesVersion else { return nil }
        func split(_ v: String) -> (pack: Substring, options: Substring) {
            let plus = v.firstIndex(of: "+") ?? v.endIndex
            return (v[..<plus], v[plus...])
        }
        let (was, now) = (split(stored), split(rulesVersion))
        if was.pack == now.pack { return "the options changed (\(was.options), now \(now.options))" }
        return "the rule pack changed"
    }

    /// Moves a store of an earlier version, keyed by id alone, to the key of path and id; the
    /// path of a JSONL line's row is its source without the line number.
    private func migrate() throws(Error) {
        guard try number("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'documents'") == 1,
              try number("SELECT count(*) FROM pragma_table_info('documents') WHERE name = 'path'") == 0 else { return }
        try exec("ALTER TABLE documents RENAME TO documents_v1")
        try exec("""
            CREATE TABLE documents (
                path TEXT NOT NULL, id TEXT NOT NULL, source TEXT NOT NULL, fingerprint TEXT NOT NULL, rules_version TEXT NOT NULL,
                result TEXT NOT NULL, failed INTEGER NOT NULL, relevant INTEGER NOT NULL, PRIMARY KEY (path, id))
            """)
        // "file.jsonl:12" → "file.jsonl": everything before the last colon when a number follows it.
        try exec("""
            INSERT OR IGNORE INTO documents
            SELECT CASE WHEN (lower(source) LIKE '%.jsonl:%' OR source LIKE '-:%') AND rtrim(source, '0123456789') LIKE '%:'
                        THEN substr(rtrim(source, '0123456789'), 1, length(rtrim(source, '0123456789')) - 1) ELSE source END,
                   id, source, fingerprint, rules_version, result, failed, relevant FROM documents_v1
            """)
        try exec("DROP TABLE documents_v1")
    }

    deinit {
        sqlite3_finalize(lookup)
        sqlite3_finalize(upsert)
        sqlite3_finalize(markSeen)
        sqlite3_close(db)
    }

    /// The stored line of a document whose input and rule pack are unchanged, else nil.
    /// Counts the document as unchanged, changed or new.
    public func storedLine(_ key: Key) throws(Error) -> (bytes: [UInt8], failed: Bool, relevant: Bool)? {
        sqlite3_reset(lookup)
        try bind(lookup, 1, key.path)
        try bind(lookup, 2, key.id)
        switch sqlite3_step(lookup) {
        case SQLITE_ROW:
            let sha = String(cString: sqlite3_column_text(lookup, 0))
            let version = String(cString: sqlite3_column_text(lookup, 1))
            if sha == key.fingerprint && version == rulesVersion {
                let count = Int(sqlite3_column_bytes(lookup, 2))
                let line = Array(UnsafeBufferPointer(start: sqlite3_column_text(lookup, 2), count: count))
                let failed = sqlite3_column_int(lookup, 3) != 0
                if failed { summary.failed += 1 }
                summary.unchanged += 1
                return (line, failed, sqlite3_column_int(lookup, 4) != 0)
            }
            summary.changed += 1
            return nil
        case SQLITE_DONE:
            summary.new += 1
            return nil
        default:
            throw failure("lookup failed: " + String(cString: sqlite3_errmsg(db)))
        }
    }

    /// Stores the new results of one batch, and notes every document as seen, in one transaction.
    public func save(_ results: [(key: Key, source: String, line: [UInt8], failed: Bool, relevant: Bool, reused: Bool)]) throws(Error) {
        try exec("BEGIN")
        for r in results {
            try noteSeen(r.key)
            if r.reused { continue }
            if r.failed { summary.failed += 1 }
            sqlite3_reset(upsert)
            try bind(upsert, 1, r.key.path)
            try bind(upsert, 2, r.key.id)
            try bind(upsert, 3, r.source)
            try bind(upsert, 4, r.key.fingerprint)
            try bind(upsert, 5, rulesVersion)
            try bind(upsert, 6, String(decoding: r.line, as: UTF8.self))
            sqlite3_bind_int(upsert, 7, r.failed ? 1 : 0)
            sqlite3_bind_int(upsert, 8, r.relevant ? 1 : 0)
            try step(upsert)
        }
        try exec("COMMIT")
    }

    /// Notes documents as seen without looking them up: those a resumed run finds already done
    /// in its partial output (the interrupted run stored them), and files that could not be
    /// read this time (their stored row is kept).
    public func markSeen(_ keys: [Key]) throws(Error) {
        if keys.isEmpty { return }
        try exec("BEGIN")
        for key in keys { try noteSeen(key) }
        try exec("COMMIT")
    }

    private func noteSeen(_ key: Key) throws(Error) {
        sqlite3_reset(markSeen)
        try bind(markSeen, 1, key.path)
        try bind(markSeen, 2, key.id)
        try step(markSeen)
    }

    /// Refused removals: the run saw too few of the stored documents to trust that the others are gone.
    public struct RemovalRefused: Swift.Error, CustomStringConvertible, Equatable {
        public var unseen: Int
        public var stored: Int
        public var description: String {
            "this run did not see \(unseen) of the \(stored) documents stored: an input folder may be empty, missing or unreadable; "
                + "they are kept, not counted removed (give --allow-removals if they were removed on purpose)"
        }
    }

    /// Deletes the documents this run did not see (gone from the archive) and counts them.
    /// Rows below `keepingBelow` (directories that could not be listed) are kept. When more than
    /// half of the stored documents would go and `allowRemovals` is false, nothing is deleted
    /// and the refusal is returned.
    public func finish(allowRemovals: Bool = false, keepingBelow directories: [String] = []) throws(Error) -> RemovalRefused? {
        try exec("BEGIN")
        try exec("CREATE TEMP TABLE IF NOT EXISTS kept (prefix TEXT NOT NULL)")
        let keep = try prepare("INSERT INTO temp.kept (prefix) VALUES (?1)")
        defer { sqlite3_finalize(keep) }
        for dir in directories {
            sqlite3_reset(keep)
            try bind(keep, 1, dir.hasSuffix("/") ? dir : dir + "/")
            try step(keep)
        }
        let gone = """
            NOT EXISTS (SELECT 1 FROM temp.seen s WHERE s.path = documents.path AND s.id = documents.id)
            AND NOT EXISTS (SELECT 1 FROM temp.kept k WHERE substr(documents.path, 1, length(k.prefix)) = k.prefix)
            """
        let unseen = try number("SELECT count(*) FROM documents WHERE " + gone)
        if !allowRemovals && unseen * 2 > storedAtStart {
            try exec("COMMIT")
            return RemovalRefused(unseen: unseen, stored: storedAtStart)
        }
        let delete = try prepare("DELETE FROM documents WHERE " + gone)
        defer { sqlite3_finalize(delete) }
        try step(delete)
        summary.removed = Int(sqlite3_changes(db))
        try exec("COMMIT")
        return nil
    }

    /// Number of documents in the store.
    public func count() throws(Error) -> Int { try number("SELECT count(*) FROM documents") }

    /// The one number a query gives.
    private func number(_ sql: String) throws(Error) -> Int {
        let s = try prepare(sql)
        defer { sqlite3_finalize(s) }
        guard sqlite3_step(s) == SQLITE_ROW else { throw failure(String(cString: sqlite3_errmsg(db))) }
        return Int(sqlite3_column_int64(s, 0))
    }

    /// An error of the store, naming the file, with advice where there is some.
    private func failure(_ message: String) -> Error {
        var text = "state file \(path): \(message)"
        if message.contains("malformed") || message.contains("not a database") {
            text += "; the file is damaged: move it away and run again to rebuild it (every document is then processed once)"
        } else if message.contains("disk I/O error") || message.contains("readonly") || message.contains("unable to open") {
            text += "; check that the file and its folder can be written and the disk has room"
        }
        return Error(description: text)
    }

    private func exec(_ sql: String) throws(Error) {
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &message) != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(db))
            sqlite3_free(message)
            throw failure(text)
        }
    }

    private func prepare(_ sql: String) throws(Error) -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
            throw failure(String(cString: sqlite3_errmsg(db)))
        }
        return statement
    }

    private func bind(_ statement: OpaquePointer?, _ index: Int32, _ text: String) throws(Error) {
        var copy = text
        let rc = copy.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { fynd_sqlite_bind_text(statement, index, $0.baseAddress, Int32($0.count)) }
        }
        guard rc == SQLITE_OK else { throw failure(String(cString: sqlite3_errmsg(db))) }
    }

    private func step(_ statement: OpaquePointer?) throws(Error) {
        guard sqlite3_step(statement) == SQLITE_DONE else {
            throw failure(String(cString: sqlite3_errmsg(db)))
        }
    }
}
