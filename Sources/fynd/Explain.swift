import ArgumentParser
import Foundation
import FyndCore
import FyndExtract
import FyndPipeline
import FyndRules

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show a document's sentences with the matched words highlighted and each finding's rule.",
        discussion: """
            The tool for rule authors: see why a rule fired, or did not. Matched words are shown in colour on \
            a terminal and in [brackets] otherwise; negated findings are marked.

            Example:
              fynd explain corpus/seeds/003_6bf3a60ec5a2bff4.txt
            """
    )

    @Argument(help: "A .txt, .html or .jsonl file (all its documents).")
    var file: String

    @OptionGroup var ruleOptions: RuleOptions

    @Flag(help: "Show every sentence, not only those with findings.")
    var all = false

    func run() throws {
        let worker = try Worker(extractor: try ruleOptions.load())
        let matcher = worker.matcher
        let colour = isTerminal(1)
        let inputs = Inputs(paths: [file], maxDocBytes: 50 << 20)
        var failed = UnreadDirectories.report([file])
        while let item = inputs.next() {
            let r: DocumentResult
            switch worker.process(item) {
            case .result(let result): r = result
            case .failure(_, let source, let error):
                printError("fynd: \(source): \(error.message) (\(error.code))")
                failed += 1
                continue
            }
            let a = r.attributes
            print("== \(r.document.id)  relevant: \(a.relevant)  municipality: \(a.municipality)  area: \(a.area)  outcome: \(a.outcome)")
            print("   categories found: \(r.categoriesSorted.joined(separator: ", "))")
            let (sentences, allHits, headline) = worker.matchAll(r.document)
            let oneWord = sentences.map { $0.isOneWord(in: r.document.utf8) }
            printRelevance(matcher.pack.decision.decide(hits: allHits, headline: headline, oneWord: oneWord), matcher.pack.decision)
            let text = r.document.utf8
            let sentenceTexts = sentences.map { Substring(String(decoding: text[$0.range], as: UTF8.self)) }
            let events = worker.extractor.outcomeEvents(r.document, sentenceTexts, hits: allHits, headline: headline)
            let told = events.map { "\($0.value) (\($0.sentence.map { "sentence \($0)" } ?? "headline"), \($0.time.rawValue))" }
            let area = worker.extractor.areaDecision(sentenceTexts, hits: allHits, headline: headline)
            print("   area: \(area.areas) (\(area.why))")
            print("   outcome events: \(told.isEmpty ? "none" : told.joined(separator: ", ")) → \(Outcomes.resolve(events))")
            let places = worker.extractor.municipalities.resolve(r.document, sentences: r.document.title.map { [Substring($0)] + sentenceTexts } ?? sentenceTexts)
            if !places.isEmpty {
                print("   municipality found by: " + places.map { "\($0.name) (\($0.forms.joined(separator: "; ")))" }.joined(separator: ", "))
            }
            for (i, s) in sentences.enumerated() {
                let hits = allHits[i]
                if hits.isEmpty && !all { continue }
                print(String(format: "%3d  ", i) + highlight(text, s.range, hits.map(\.range), colour: colour))
                for h in hits {
                    let rule = matcher.rules[h.rule]
                    let target: String
                    switch rule.target {
                    case .category(let c): target = c
                    case .attribute(let f, let v): target = "\(f)=\(v)"
                    case .relevance(let s): target = "relevance:\(s)"
                    }
                    print("       → \(rule.id) [\(target)] \(h.polarity.rawValue)\(h.negated ? " NEGATED" : "")")
                }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// The relevance decision: each feature that is not 0 with its contribution, the score and
    /// the passages that hold every evidence signal.
    private func printRelevance(_ d: RelevanceDecision, _ relevance: Relevance) {
        let rows = zip(relevance.features, zip(d.values, relevance.weights)).filter { $1.0 != 0 }
        print(String(format: "   relevance: score %.2f (bias %.2f) → %@", d.score, relevance.bias, d.relevant ? "relevant" : "not relevant"))
        for (f, (x, w)) in rows {
            print(String(format: "     %+6.2f  %@ = %.2f × %.2f", x * w, f.name, x, w))
        }
        let passages = d.passages.map { "\($0.lowerBound)–\($0.upperBound - 1)" }
        print("   passages with a case's evidence (sentences): \(passages.isEmpty ? "none" : passages.joined(separator: ", "))")
    }

    private func highlight(_ text: [UInt8], _ range: Range<Int>, _ marks: [Range<Int>], colour: Bool) -> String {
        let clamped = marks.map { $0.clamped(to: range) }.filter { !$0.isEmpty }
        let marked = colour ? Highlight(Highlight.merged(clamped), open: "\u{1B}[1;33m", close: "\u{1B}[0m")
                            : Highlight(Highlight.nested(clamped), open: "[", close: "]")
        return marked.render(text, range)
    }
}
