import FyndCore
import FyndPipeline
import Foundation
import Testing

@Suite struct StateTests {
    func run(_ paths: [String], state: StateStore) throws -> [UInt8] {
        let runner = try Runner(matcher: Repo.pack.0, gazetteer: Repo.pack.1, jobs: 2)
        var out: [UInt8] = []
        _ = try runner.run(Inputs(paths: paths, maxDocBytes: 50 << 20), state: state) { out += $0 }
        #expect(try state.finish() == nil)
        return out
    }

    @Test func unchangedDocumentsAreNotProcessedAgainAndGiveTheSameLines() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let version = Repo.pack.0.pack.version
        try FileManager.default.copyItem(atPath: Repo.path("corpus/articles"), toPath: dir + "/archive")
        let db = dir + "/state.sqlite"
        let n = try FileManager.default.contentsOfDirectory(atPath: dir + "/archive").filter { $0.hasSuffix(".txt") }.count

        let first = try StateStore(path: db, rulesVersion: version)
        let a = try run([dir + "/archive"], state: first)
        #expect(first.summary == StateStore.Summary(new: n, changed: 0, unchanged: 0, removed: 0, failed: 0))
        _ = consume first

        // One article changes, one is deleted, one is added.
        try Data("IVO riktar kritik mot socialnämnden i Kalix kommun.".utf8).write(to: URL(fileURLWithPath: dir + "/archive/106_nytt_aldreboende.txt"))
        try FileManager.default.removeItem(atPath: dir + "/archive/107_socialtjanstlag_debatt.txt")
        try Data("Socialtjänsten i Gävle får kritik av IVO för hanteringen av orosanmälningar.".utf8).write(to: URL(fileURLWithPath: dir + "/archive/108_ny.txt"))
        let second = try StateStore(path: db, rulesVersion: version)
        let b = try run([dir + "/archive"], state: second)
        #expect(second.summary == StateStore.Summary(new: 1, changed: 1, unchanged: n - 2, removed: 1, failed: 0))
        #expect(try second.count() == n)
        let aLines = a.split(separator: 0x0A), bLines = b.split(separator: 0x0A)
        #expect(Array(aLines.prefix(5)) == Array(bLines.prefix(5)), "unchanged documents give the stored lines")
        _ = consume second

        // A changed rule pack processes everything again.
        let third = try StateStore(path: db, rulesVersion: "another pack")
        _ = try run([dir + "/archive"], state: third)
        #expect(third.summary.changed == n)
        #expect(third.summary.unchanged == 0)
    }

    @Test func aSecondRunOnTheSameStateRefuses() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try StateStore(path: dir + "/s.sqlite", rulesVersion: "v")
        #expect(throws: StateStore.Error.self) { try StateStore(path: dir + "/s.sqlite", rulesVersion: "v") }
        do {
            _ = try StateStore(path: dir + "/s.sqlite", rulesVersion: "v")
        } catch {
            #expect(error.description.contains("another fynd run is using the state file"))
        }
        _ = first
    }

    /// Files of the same name in two folders, and lines of the same id in two JSONL files, keep
    /// rows of their own (the key is the file and the id).
    @Test func documentsOfTheSameIdInTwoFilesKeepTheirOwnRows() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for month in ["2024-01", "2024-02"] {
            try FileManager.default.createDirectory(atPath: dir + "/archive/" + month, withIntermediateDirectories: true)
            try Data("IVO riktar kritik mot socialnämnden i Gävle kommun (\(month)).".utf8).write(to: URL(fileURLWithPath: dir + "/archive/\(month)/index.txt"))
            try Data("{\"id\": \"x\", \"text\": \"Kommunen bygger en skola (\(month)).\"}\n".utf8).write(to: URL(fileURLWithPath: dir + "/archive/\(month)/feed.jsonl"))
        }
        let db = dir + "/state.sqlite"
        let first = try StateStore(path: db, rulesVersion: "v")
        let a = try run([dir + "/archive"], state: first)
        #expect(first.summary == StateStore.Summary(new: 4))
        #expect(try first.count() == 4)
        _ = consume first
        let second = try StateStore(path: db, rulesVersion: "v")
        #expect(try run([dir + "/archive"], state: second) == a)
        #expect(second.summary == StateStore.Summary(unchanged: 4))
    }

    /// A store written by an earlier version (keyed by id alone) is moved to the new key and reused.
    @Test func aStoreOfTheEarlierLayoutIsMigrated() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let jsonl = dir + "/feed.jsonl"
        try Data("{\"id\": \"x\", \"text\": \"Kommunen bygger en skola.\"}\n".utf8).write(to: URL(fileURLWithPath: jsonl))
        let db = dir + "/new.sqlite"
        let fresh = try StateStore(path: db, rulesVersion: "v")
        let line = try run([jsonl], state: fresh)
        _ = consume fresh
        // The same row in the old layout, as the earlier version wrote it.
        let old = dir + "/old.sqlite"
        let sql = """
            CREATE TABLE documents (id TEXT PRIMARY KEY, source TEXT NOT NULL, fingerprint TEXT NOT NULL, rules_version TEXT NOT NULL,
                result TEXT NOT NULL, failed INTEGER NOT NULL, relevant INTEGER NOT NULL);
            ATTACH '\(db)' AS new;
            INSERT INTO documents SELECT id, source, fingerprint, rules_version, result, failed, relevant FROM new.documents;
            """
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        shell.arguments = ["sqlite3", old, sql]
        try shell.run()
        shell.waitUntilExit()
        try #require(shell.terminationStatus == 0, "sqlite3 is installed")
        let migrated = try StateStore(path: old, rulesVersion: "v")
        #expect(try run([jsonl], state: migrated) == line)
        #expect(migrated.summary == StateStore.Summary(unchanged: 1))
    }

    /// A damaged state file is named, and the message says what to do.
    @Test func aDamagedStateFileIsNamedWithAdvice() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/state.sqlite"
        try Data(repeating: 0x78, count: 8192).write(to: URL(fileURLWithPath: db))
        do {
            _ = try StateStore(path: db, rulesVersion: "v")
            Issue.record("a damaged file was opened")
        } catch {
            #expect(error.description.contains("state file \(db)"), "\(error)")
            #expect(error.description.contains("the file is damaged: move it away and run again"), "\(error)")
        }
    }

    /// A file that cannot be read this time (here: grown past --max-doc-bytes) is a failure, not
    /// a removal: its stored row stays.
    @Test func aFileThatCannotBeReadIsNotCountedRemoved() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/archive", withIntermediateDirectories: true)
        for n in 1...4 {
            try Data("IVO riktar kritik mot socialnämnden i Gävle kommun (\(n)).".utf8).write(to: URL(fileURLWithPath: dir + "/archive/\(n).txt"))
        }
        let db = dir + "/state.sqlite"
        let first = try StateStore(path: db, rulesVersion: "v")
        _ = try run([dir + "/archive"], state: first)
        _ = consume first
        try Data(repeating: 0x61, count: 1000).write(to: URL(fileURLWithPath: dir + "/archive/4.txt"))
        let second = try StateStore(path: db, rulesVersion: "v")
        let runner = try Runner(matcher: Repo.pack.0, gazetteer: Repo.pack.1, jobs: 1)
        _ = try runner.run(Inputs(paths: [dir + "/archive"], maxDocBytes: 500), state: second) { _ in }
        #expect(try second.finish() == nil)
        #expect(second.summary == StateStore.Summary(unchanged: 3))
        #expect(try second.count() == 4)
    }
}
