import ArgumentParser
import Foundation
import FyndCore
import FyndPipeline
import FyndRules

/// The relevance features of each document, for fitting the relevance model.
struct Features: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Print each document's relevance features as JSON lines (input of scripts/fit_relevance.py).",
        discussion: """
            One line per document: its id, the features that are not 0 (the pack's feature names, values \
            in [0, 1]), the score under the pack's current weights and the decision. Every sentence is \
            matched, as `fynd explain` does.

            Example:
              fynd features corpus/articles > features.jsonl
            """
    )

    @Argument(help: "Files or directories (.txt, .html, .jsonl).")
    var paths: [String]

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let worker = try Worker(extractor: try ruleOptions.load())
        let matcher = worker.matcher
        let relevance = matcher.pack.decision
        let inputs = Inputs(paths: paths, maxDocBytes: 50 << 20)
        while let item = inputs.next() {
            guard case .result(let r) = worker.process(item) else { continue }
            let (sentences, hits, headline) = worker.matchAll(r.document)
            let d = relevance.decide(hits: hits, headline: headline, oneWord: sentences.map { $0.isOneWord(in: r.document.utf8) })
            var features: [String: Double] = [:]
            for (f, x) in zip(relevance.features, d.values) where x != 0 { features[f.name] = x }
            let line: [String: Any] = ["id": r.document.id, "features": features, "score": d.score, "relevant": d.relevant]
            let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
