import Foundation
import Testing
@testable import FyndPipeline

/// Lines come out whole and in order wherever they fall against the reader's one-megabyte
/// chunks: inside one, across a boundary, longer than a chunk; with "\r\n" endings; too long
/// for the limit; and the last without a newline.
@Suite struct LineReaderTests {
    @Test func linesAcrossChunksAreWhole() throws {
        let sentence = "{\"id\": \"d\", \"text\": \"IVO riktar kritik mot socialnämnden i Österåker.\"}"
        var lines: [String] = []
        var size = 0, k = 0
        while size < 3_300_000 {
            // Lengths that vary so that boundaries fall anywhere, one longer than a chunk.
            let line = k == 5_000 ? String(repeating: "x", count: 1_500_000) : sentence + String(repeating: " ", count: k % 97)
            lines.append(line)
            size += line.utf8.count + (k % 3 == 0 ? 2 : 1)
            k += 1
        }
        let text = lines.enumerated().map { $1 + ($0 % 3 == 0 ? "\r\n" : "\n") }.joined().dropLast()
        let path = NSTemporaryDirectory() + "fynd-lines-\(UUID().uuidString).jsonl"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = LineReader(fd: open(path, O_RDONLY), closeOnDeinit: true)
        var read: [String] = []
        var tooLong: [Int] = []
        while let line = reader.next(limit: 1_000_000) {
            switch line {
            case .line(let bytes): read.append(String(decoding: bytes, as: UTF8.self))
            case .tooLong(let n): tooLong.append(n); read.append("")
            }
        }
        #expect(read.count == lines.count)
        #expect(tooLong == [1_500_000])
        for (i, (got, want)) in zip(read, lines).enumerated() where i != 5_000 {
            #expect(got == want, "line \(i + 1)")
        }
    }
}
