import Foundation
import Testing
@testable import FyndPipeline

/// The output file on its own: the lock, the torn last line, the settings of a partial run.
@Suite struct OutputFileTests {
    /// A second writer of the same output is refused before it changes a byte (flock locks are
    /// per open file, so this holds within one process as between two).
    @Test func aSecondWriterIsRefusedAndChangesNothing() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.jsonl"
        let first = try OutputFile(path: path, resume: false)
        try first.write(Array("{\"id\": \"a\"}\n".utf8))
        try first.flush()
        #expect(throws: OutputFile.Error.self) { try OutputFile(path: path, resume: false) }
        #expect(try String(contentsOfFile: path + ".partial", encoding: .utf8) == "{\"id\": \"a\"}\n")
        try first.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"id\": \"a\"}\n")
    }

    /// Resuming keeps the lines that end in a newline and cuts off the rest, even when the rest
    /// parses as JSON; with other settings it is refused.
    @Test func resumeKeepsWholeLinesAndChecksTheSettings() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.jsonl"
        do {
            let first = try OutputFile(path: path, resume: false, settings: "s1")
            try first.write(Array("{\"id\": \"a\"}\r\n{\"id\": \"b\"}".utf8))
            try first.flush()
        }
        #expect(throws: OutputFile.Error.self) { try OutputFile(path: path, resume: true, settings: "s2") }
        let resumed = try OutputFile(path: path, resume: true, settings: "s1")
        #expect(resumed.resumedIDs == ["a"])
        try resumed.write(Array("{\"id\": \"b\"}\n".utf8))
        try resumed.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"id\": \"a\"}\r\n{\"id\": \"b\"}\n")
        #expect(!FileManager.default.fileExists(atPath: path + ".partial.settings"))
    }

    /// A pipe named as the output (as `--out /dev/null` names a device) is written straight and
    /// stays a pipe: no partial file, nothing renamed over it; resuming into it is refused.
    @Test func aPipeAsOutputIsWrittenStraightAndStaysAPipe() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/results.fifo"
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        #expect(throws: OutputFile.Error.self) { try OutputFile(path: path, resume: true) }
        let out = try OutputFile(path: path, resume: false)
        #expect(out.partialPath == nil)
        try out.write(Array("{\"id\": \"a\"}\n".utf8))
        try out.commit()
        var bytes = [UInt8](repeating: 0, count: 64)
        let n = read(reader, &bytes, bytes.count)
        #expect(n > 0 && String(decoding: bytes[..<max(n, 0)], as: UTF8.self) == "{\"id\": \"a\"}\n")
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }
}
