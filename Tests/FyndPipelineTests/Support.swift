import FyndCore
import FyndExtract
import FyndPipeline
import FyndRules
import FyndSegment
import Foundation

/// Paths and a shared pipeline for the end-to-end tests.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    /// `../shared` beside the repository (present in CI too).
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared").path

    static let pack: (Matcher, Gazetteer) = {
        let (pack, gazetteer) = try! RulePackLoader.load(directory: nil, segmenter: try! Segmenter())
        return (Matcher(pack: pack), gazetteer)
    }()

    static func worker() throws -> Worker { try Worker(matcher: pack.0, gazetteer: pack.1) }

    /// Results (or errors) of every document under `paths`, in order.
    static func run(_ paths: [String]) throws -> [Outcome] {
        let w = try worker()
        let inputs = Inputs(paths: paths, maxDocBytes: 50 << 20)
        var out: [Outcome] = []
        while let item = inputs.next() { out.append(w.process(item)) }
        return out
    }

    /// The JSONL bytes of a run with `jobs` threads.
    static func jsonl(_ paths: [String], jobs: Int, options: OutputOptions = OutputOptions()) throws -> [UInt8] {
        let runner = try Runner(matcher: pack.0, gazetteer: pack.1, jobs: jobs, options: options)
        var bytes: [UInt8] = []
        _ = try runner.run(Inputs(paths: paths, maxDocBytes: 50 << 20)) { bytes += $0 }
        return bytes
    }

    /// Lines of the government corpus (`../shared/corpus/regeringen`) picked by a shell filter
    /// (`head -n 400`, `grep …`), written to a new file in `dir`; its path.
    static func governmentLines(_ filter: String, in dir: String, name: String) throws -> String {
        let file = shared + "/corpus/regeringen/regeringen.jsonl.gz"
        guard FileManager.default.fileExists(atPath: file) else { throw CocoaError(.fileNoSuchFile) }
        let out = dir + "/" + name
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "gzip -dc '\(file)' | \(filter) > '\(out)'"]
        try shell.run()
        shell.waitUntilExit()
        return out
    }

    static func goldLabels(_ file: String) throws -> [GoldLabel] {
        try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map { try GoldLabel.parse(Array($0.utf8)) }
    }
}

extension Outcome {
    var result: DocumentResult? { if case .result(let r) = self { r } else { nil } }
    var error: DocumentError? { if case .failure(_, _, let e) = self { e } else { nil } }
}
