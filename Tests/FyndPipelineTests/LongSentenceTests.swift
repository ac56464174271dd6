import FyndCore
import Foundation
import FyndPipeline
import FyndSegment
import Testing

/// Issue 17 item 6: a text without sentence ends costs time in proportion to its length.
@Suite struct LongSentenceTests {
    /// `bytes` of Swedish words with rule terms among them and no full stop, the same for every run.
    static func words(_ bytes: Int) -> String {
        let vocabulary = ["IVO", "kritik", "socialnämnden", "kommun", "barn", "orosanmälan", "utredning", "brister",
                          "hemtjänsten", "och", "att", "det", "som", "en", "för", "av", "på", "i", "med", "till"]
        var state: UInt64 = 17
        var text = ""
        while text.utf8.count < bytes {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += vocabulary[Int(state >> 33) % vocabulary.count] + " "
        }
        return text
    }

    /// CPU time this thread has used (not the wall clock: other processes on the machine do
    /// not count), in nanoseconds.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1e9 + Double(t.tv_nsec)
    }

    /// The work per input byte (the thread's CPU time divided by the size) stays about the same
    /// when the text grows sixfold; before the cap it grew with the length (time with its
    /// square). Every sentence stays within the cap, the record says so, and the offsets still
    /// point into the whole text.
    @Test func workPerByteStaysBoundedAsASentenceGrows() throws {
        let worker = try Repo.worker()
        func process(_ size: Int) -> (result: DocumentResult?, perByte: Double) {
            let text = Self.words(size)
            let item = InputItem(id: "long", source: "long.txt", payload: .bytes(Array(text.utf8), .text))
            let start = Self.threadCPU()
            guard case .result(let result) = worker.process(item) else { return (nil, 0) }
            _ = worker.encode(.result(result))
            return (result, (Self.threadCPU() - start) / Double(size))
        }
        _ = process(20_000)  // warm-up: first-use costs are not per byte
        let small = process(50_000), large = process(300_000)
        #expect(large.perByte < small.perByte * 2, "work per byte: \(small.perByte) ns at 50 kB, \(large.perByte) ns at 300 kB")
        let result = try #require(large.result)
        #expect(!result.findings.isEmpty)
        #expect(result.findings.allSatisfy { $0.evidence.split(separator: " ").count <= Segmenter.maxSentenceWords })
        #expect(result.document.warnings.contains { $0.contains("cut at a word boundary") })
        let scalars = Array(result.document.text.unicodeScalars)
        for f in result.findings.suffix(3) {
            #expect(f.evidence.contains(String(String.UnicodeScalarView(scalars[f.start..<f.end]))))
        }
    }
}
