import ArgumentParser
import Foundation
import FyndCore
import FyndPipeline

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Compare findings and attributes with document-level gold labels.",
        discussion: """
            Runs the pipeline over PATH and scores each document that has a line in the gold file: per-category \
            precision, recall and F1 (required categories must be found; allowed ones may be), and the \
            attributes relevant, municipality, area, outcome, published and deadline. Lists every miss and \
            false positive with its evidence sentence. Exits 1 unless everything is right.

            Example:
              fynd eval --gold corpus/seeds/gold.jsonl corpus/seeds
            """
    )

    @Option(help: ArgumentHelp("Gold labels, one JSON object per line.", valueName: "file.jsonl"))
    var gold: String

    @Argument(help: "Files or directories to evaluate.")
    var paths: [String] = []

    @OptionGroup var ruleOptions: RuleOptions

    @Flag(help: "Print the scores as JSON.")
    var json = false

    func validate() throws {
        guard !paths.isEmpty || FileWalker.isDirectory(defaultCorpus) else { throw noInputError("eval --gold \(gold)") }
    }

    func run() throws {
        let extractor = try ruleOptions.load()
        guard let data = FileManager.default.contents(atPath: gold) else {
            printError("fynd: cannot read \(gold)")
            throw ExitCode(2)
        }
        var labels: [String: GoldLabel] = [:]
        for (n, line) in data.split(separator: 0x0A).enumerated() where !line.allSatisfy({ $0 == 0x20 }) {
            do { let g = try GoldLabel.parse(Array(line)); labels[g.id] = g } catch {
                printError("fynd: \(gold):\(n + 1): \(error)")
                throw ExitCode(2)
            }
        }
        let worker = try Worker(extractor: extractor)
        var evaluation = Evaluation()
        var seen = Set<String>()
        let inputs = Inputs(paths: paths.isEmpty ? [defaultCorpus] : paths, maxDocBytes: 50 << 20, excluding: [gold])
        while let item = inputs.next()?.prepared() {
            guard let label = labels[item.id] else { continue }
            seen.insert(item.id)
            switch worker.process(item) {
            case .result(let r): evaluation.add(r, gold: label)
            case .failure(_, _, let e): evaluation.failed.append(.init(document: item.id, kind: "error", detail: e.message, evidence: []))
            }
        }
        evaluation.missingDocuments = labels.keys.filter { !seen.contains($0) }.sorted()
        json ? printJSON(evaluation) : printText(evaluation)
        if !evaluation.isPerfect { throw ExitCode(1) }
    }

    private func printText(_ e: Evaluation) {
        print("documents: \(e.documents)")
        print("category              P      R      F1     tp  fp  fn")
        for (c, k) in e.perCategory.sorted(by: { $0.key < $1.key }) { print(row(c, k)) }
        print(row("all (micro)", e.overall))
        for (name, v) in e.attributes.sorted(by: { $0.key < $1.key }) { print("\(name): \(v.right)/\(v.total) right") }
        for m in e.missingDocuments { print("missing: no input for gold document \(m)") }
        for err in e.failed + e.errors {
            print("\(err.document): \(err.kind): \(err.detail)")
            for ev in err.evidence { print("    \(ev)") }
        }
    }

    private func row(_ name: String, _ k: Evaluation.Counts) -> String {
        name.padding(toLength: 20, withPad: " ", startingAt: 0)
            + String(format: "  %.3f  %.3f  %.3f  %3d %3d %3d", k.precision, k.recall, k.f1, k.tp, k.fp, k.fn)
    }

    private func printJSON(_ e: Evaluation) {
        var categories: [String: Any] = [:]
        for (c, k) in e.perCategory { categories[c] = ["precision": k.precision, "recall": k.recall, "f1": k.f1, "tp": k.tp, "fp": k.fp, "fn": k.fn] }
        let object: [String: Any] = [
            "documents": e.documents,
            "f1": e.overall.f1, "precision": e.overall.precision, "recall": e.overall.recall,
            "categories": categories,
            "attributes": e.attributes.mapValues { ["right": $0.right, "total": $0.total] },
            "errors": e.errors.map { ["document": $0.document, "kind": $0.kind, "detail": $0.detail, "evidence": $0.evidence] },
            "perfect": e.isPerfect,
        ]
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) { print(String(decoding: data, as: UTF8.self)) }
    }
}
