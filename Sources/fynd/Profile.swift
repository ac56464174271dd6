import ArgumentParser
import Foundation
import FyndPipeline

struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Show where the time goes: per stage, and per rule its hits and the cost of its checks.",
        discussion: """
            For rule authors who benchmark their rule packs. Runs one thread over PATH, times each stage \
            (read, normalise, segment, match, extract, emit) with its MB/s, and lists the rules most \
            expensive first: hits (not negated), documents matched, how often its checks ran, and their time \
            (estimated from one check in 16, so that reading the clock does not slow the match stage). \
            As in `fynd run`, finding and attribute rules are matched only in relevant documents; with \
            --all-findings every rule is matched in every document, to see what each one costs. A \
            relevance rule, whose weight counts once per document, is checked only until it has fired \
            in the document, so its hits are at most one per document.

            Examples:
              fynd profile corpus/seeds
              fynd profile --rules rules/ archive.jsonl --top 20
              fynd profile archive.jsonl --json > profile.json
              fynd profile --all-findings --rules my-rules/ archive.jsonl
            """
    )

    @Argument(help: "Files or directories to profile.")
    var paths: [String]

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "How many rules to list.")
    var top = 30

    @Flag(help: "Print the profile as JSON.")
    var json = false

    @Flag(name: .customLong("all-findings"), help: "Match every rule in every document, not the finding and attribute rules in relevant documents only.")
    var allFindings = false

    func run() throws {
        let worker = try Worker(extractor: try ruleOptions.load(), options: OutputOptions(allFindings: allFindings))
        let report = Profiler.run(Inputs(paths: paths, maxDocBytes: 50 << 20), worker: worker)
        if json {
            let object: [String: Any] = [
                "documents": report.documents, "sentences": report.sentences, "bytes": report.bytes,
                "stages": report.stages.map { ["stage": $0.name, "seconds": $0.seconds, "mb_per_s": mbps(report.bytes, $0.seconds)] },
                "rules": report.rules.map { ["rule": $0.id, "hits": $0.hits, "documents": $0.documents, "checks": $0.checks, "seconds": $0.seconds] },
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        let total = report.stages.reduce(0) { $0 + $1.seconds }
        print("\(counted(report.documents, "document")), \(counted(report.sentences, "sentence")), "
              + String(format: "%.1f MB in %.3f s: %.1f MB/s, %.0f docs/s", Double(report.bytes) / 1e6, total, mbps(report.bytes, total),
                       Double(report.documents) / max(total, 1e-9)))
        print("\nstage        seconds   share    MB/s")
        for s in report.stages {
            print(s.name.padding(toLength: 12, withPad: " ", startingAt: 0)
                  + String(format: "%8.3f  %5.1f %%  %7.1f", s.seconds, 100 * s.seconds / max(total, 1e-9), mbps(report.bytes, s.seconds)))
        }
        print("\nrule                                        hits   docs   checks   seconds")
        for r in report.rules.prefix(top) {
            print(r.id.padding(toLength: 42, withPad: " ", startingAt: 0)
                  + String(format: "%6d %6d %8d  %8.4f", r.hits, r.documents, r.checks, r.seconds))
        }
    }

    private func mbps(_ bytes: Int, _ seconds: Double) -> Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
}
