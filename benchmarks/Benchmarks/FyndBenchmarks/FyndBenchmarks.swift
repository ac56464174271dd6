import Benchmark
import Foundation
import FyndCore
import FyndEmit
import FyndNormalize
import FyndPipeline
import FyndRules
import FyndSegment

/// Inputs read once: 2 000 real government texts, and the Swedish test page with its seeds.
enum Data {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let texts: [String] = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -dc '\(root.path)/../shared/corpus/regeringen/regeringen.jsonl.gz' | head -n 2000"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try! p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return data.split(separator: 0x0A).compactMap { (try? JSON.parseObject(Array($0)[...]))?["text"] }
    }()
    static let textBytes = texts.reduce(0) { $0 + $1.utf8.count }
    static let html = try! Swift.Array(Foundation.Data(contentsOf: root.appendingPathComponent("corpus/html/osteraker-familjehemsplacering.html")))
    static let documents: [Document] = texts.compactMap { try? Normalizer().normalize(text: $0, id: "b", source: "b", format: .text, sha256: "") }
    static let sentences: [[Token]] = {
        let segmenter = try! Segmenter()
        return documents.flatMap { segmenter.segment($0).map(\.tokens) }
    }()

    /// The shipped pack, or every rule `copies` times under new ids.
    static func matcher(copies: Int) -> Matcher {
        var files = EmbeddedRules.files.filter { $0.name.hasSuffix(".yaml") }
        if copies > 1 {
            files = files.map { file in
                guard file.name.hasPrefix("categories/") || file.name.hasPrefix("attributes/") else { return file }
                let parts = file.text.components(separatedBy: "\nrules:\n")
                var text = parts[0] + "\nrules:\n" + parts[1]
                for k in 1..<copies {
                    text += "\n" + parts[1].replacingOccurrences(of: "\n  - id: ", with: "\n  - id: x\(k).")
                        .replacingOccurrences(of: "  - id: ", with: "  - id: x\(k).", options: .anchored)
                        .replacingOccurrences(of: "replaces: [", with: "replaces: [x\(k).")
                }
                return (file.name, text)
            }
        }
        return Matcher(pack: try! RulePack.parse(files: files, segmenter: try! Segmenter()))
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3), maxIterations: 50)

    Benchmark("Normalise text (2 000 documents)") { benchmark in
        for _ in benchmark.scaledIterations {
            for t in Data.texts { blackHole(try? Normalizer().normalize(text: t, id: "b", source: "b", format: .text, sha256: "")) }
        }
    }
    Benchmark("Normalise HTML (one page)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? Normalizer().normalize(bytes: Data.html, id: "b", source: "b", format: .html)) }
    }
    Benchmark("Segment, sentences and words (2 000 documents)") { benchmark in
        let segmenter = try! Segmenter()
        for _ in benchmark.scaledIterations { for d in Data.documents { blackHole(segmenter.segment(d)) } }
    }
    Benchmark("Segment, sentences only (2 000 documents)") { benchmark in
        let segmenter = try! Segmenter()
        for _ in benchmark.scaledIterations { for d in Data.documents { blackHole(segmenter.sentences(d)) } }
    }
    Benchmark("Match documents, every rule (first look, then words) (2 000 documents)") { benchmark in
        let segmenter = try! Segmenter()
        let matcher = Data.matcher(copies: 1)
        let sentences = Data.documents.map { segmenter.sentences($0) }
        var scratch = MatchScratch(matcher: matcher)
        for _ in benchmark.scaledIterations {
            for (d, document) in Data.documents.enumerated() {
                var s = sentences[d]
                let wanted = (matcher.candidates(inText: document.utf8, windowBytes: 1 << 16, sentences: s) ?? matcher.everything(s)).sentences
                segmenter.tokenize(&s, in: document, only: wanted)
                for i in s.indices where wanted[i] { blackHole(matcher.match(s[i].tokens, scratch: &scratch)) }
            }
        }
    }
    for copies in [1, 10, 100] {
        let matcher = Data.matcher(copies: copies)
        Benchmark("Match every sentence word by word, rule pack x\(copies) (\(Data.sentences.count) sentences)") { benchmark in
            var scratch = MatchScratch(matcher: matcher)
            for _ in benchmark.scaledIterations { for s in Data.sentences { blackHole(matcher.match(s, scratch: &scratch)) } }
        }
    }
    Benchmark("Emit JSON (2 000 results)") { benchmark in
        let encoder = JSONLEncoder()
        let results = Data.documents.map { DocumentResult(document: $0, attributes: Attributes(), findings: [], sentenceCount: 1, rulesVersion: "v") }
        for _ in benchmark.scaledIterations { for r in results { blackHole(encoder.encode(.result(r))) } }
    }
}
