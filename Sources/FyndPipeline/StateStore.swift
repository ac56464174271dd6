import CSQLite
import FyndCore

/// The state of incremental runs, in a SQLite file: per document a fingerprint of its input, the rule
/// pack's version and its result line. A document whose input and rule pack are unchanged is
/// not processed again; its stored line is written instead.
///
/// One run at a time: the store holds an exclusive lock on the file for as long as it is open,
/// and a second run refuses with a message. Every batch is one transaction, so a killed run
/// leaves the store as it was after the last finished batch.
public final class StateStore {
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
            try exec("""
                CREATE TABLE IF NOT EXISTS documents (
                    id TEXT PRIMARY KEY, source TEXT NOT NULL, fingerprint TEXT NOT NULL, rules_version TEXT NOT NULL,
                    result TEXT NOT NULL, failed INTEGER NOT NULL, relevant INTEGER NOT NULL)
                """)
            try exec("COMMIT")
        } catch {
            sqlite3_close(db)
            db = nil
            if error.description.contains("locked") || error.description.contains("busy") {
                throw Error(description: "another fynd run is using the state file \(path); wait for it to finish or use another --state file")
            }
            throw error
        }
        lookup = try prepare("SELECT fingerprint, rules_version, result, failed, relevant FROM documents WHERE id = ?1")
        upsert = try prepare("""
            INSERT INTO documents (id, source, fingerprint, rules_version, result, failed, relevant) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT(id) DO UPDATE SET source = ?2, fingerprint = ?3, rules_version = ?4, result = ?5, failed = ?6, relevant = ?7
            """)
        // The documents this run saw, in memory: reused ones cost no write to the file.
        try exec("PRAGMA temp_store = MEMORY")
        try exec("CREATE TEMP TABLE seen (id TEXT PRIMARY KEY)")
        markSeen = try prepare("INSERT OR IGNORE INTO temp.seen (id) VALUES (?1)")
    }

    deinit {
        sqlite3_finalize(lookup)
        sqlite3_finalize(upsert)
        sqlite3_finalize(markSeen)
        sqlite3_close(db)
    }

    /// The stored line of a document whose input and rule pack are unchanged, else nil.
    /// Counts the document as unchanged, changed or new.
    public func storedLine(id: String, fingerprint: String) throws(Error) -> (bytes: [UInt8], failed: Bool, relevant: Bool)? {
        sqlite3_reset(lookup)
        try bind(lookup, 1, id)
        switch sqlite3_step(lookup) {
        case SQLITE_ROW:
            let sha = String(cString: sqlite3_column_text(lookup, 0))
            let version = String(cString: sqlite3_column_text(lookup, 1))
            if sha == fingerprint && version == rulesVersion {
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
            throw Error(description: "state lookup failed: \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    /// Stores the new results of one batch, and notes every document as seen, in one transaction.
    public func save(_ results: [(id: String, source: String, fingerprint: String, line: [UInt8], failed: Bool, relevant: Bool, reused: Bool)]) throws(Error) {
        try exec("BEGIN")
        for r in results {
            sqlite3_reset(markSeen)
            try bind(markSeen, 1, r.id)
            try step(markSeen)
            if r.reused { continue }
            if r.failed { summary.failed += 1 }
            sqlite3_reset(upsert)
            try bind(upsert, 1, r.id)
            try bind(upsert, 2, r.source)
            try bind(upsert, 3, r.fingerprint)
            try bind(upsert, 4, rulesVersion)
            try bind(upsert, 5, String(decoding: r.line, as: UTF8.self))
            sqlite3_bind_int(upsert, 6, r.failed ? 1 : 0)
            sqlite3_bind_int(upsert, 7, r.relevant ? 1 : 0)
            try step(upsert)
        }
        try exec("COMMIT")
    }

    /// Deletes the documents this run did not see (gone from the archive) and counts them.
    public func finish() throws(Error) {
        try exec("BEGIN")
        let delete = try prepare("DELETE FROM documents WHERE id NOT IN (SELECT id FROM temp.seen)")
        defer { sqlite3_finalize(delete) }
        try step(delete)
        summary.removed = Int(sqlite3_changes(db))
        try exec("COMMIT")
    }

    /// Number of documents in the store.
    public func count() throws(Error) -> Int {
        let s = try prepare("SELECT count(*) FROM documents")
        defer { sqlite3_finalize(s) }
        guard sqlite3_step(s) == SQLITE_ROW else { throw Error(description: String(cString: sqlite3_errmsg(db))) }
        return Int(sqlite3_column_int64(s, 0))
    }

    private func exec(_ sql: String) throws(Error) {
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &message) != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(db))
            sqlite3_free(message)
            throw Error(description: "state file \(path): \(text)")
        }
    }

    private func prepare(_ sql: String) throws(Error) -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
            throw Error(description: "state file \(path): \(String(cString: sqlite3_errmsg(db)))")
        }
        return statement
    }

    private func bind(_ statement: OpaquePointer?, _ index: Int32, _ text: String) throws(Error) {
        var copy = text
        let rc = copy.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { fynd_sqlite_bind_text(statement, index, $0.baseAddress, Int32($0.count)) }
        }
        guard rc == SQLITE_OK else { throw Error(description: "state file \(path): \(String(cString: sqlite3_errmsg(db)))") }
    }

    private func step(_ statement: OpaquePointer?) throws(Error) {
        guard sqlite3_step(statement) == SQLITE_DONE else {
            throw Error(description: "state file \(path): \(String(cString: sqlite3_errmsg(db)))")
        }
    }
}
