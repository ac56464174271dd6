import FyndCore
import FyndSegment

/// An embedded example that did not behave as its rule file says.
public struct ExampleFailure: Sendable, CustomStringConvertible {
    public var location: SourceLocation
    /// The rule the example belongs to, or "negation"/"polarity".
    public var owner: String
    public var sentence: String
    public var problem: String
    public var description: String { "\(location): \(owner): \(problem): \"\(sentence)\"" }
}

/// Runs every example of every rule file, the SwiftLint way: each rule carries the sentences
/// that must and must not fire it, and one generic runner checks them all.
public struct ExampleRunner {
    let matcher: Matcher
    public let segmenter: Segmenter
    /// One scratch for every example: a fresh one costs memory for every rule and word of the
    /// pack, which made checking a pack grow with the square of its size.
    private var scratch: MatchScratch

    public init(matcher: Matcher, segmenter: Segmenter) {
        self.matcher = matcher
        self.segmenter = segmenter
        scratch = MatchScratch(matcher: matcher)
    }

    /// Hits of every sentence of `text`, taken as one paragraph (rules' own view: not resolved).
    public mutating func hits(_ text: String, resolve: Bool = false) -> [RuleHit] {
        let doc = Document(id: "", source: "", sha256: "", text: text, paragraphs: [0..<text.utf8.count])
        return segmenter.segment(doc).flatMap { matcher.match($0, scratch: &scratch, resolve: resolve) }
    }

    /// Number of examples checked and the failures among them.
    public mutating func run() -> (checked: Int, failures: [ExampleFailure]) {
        var failures: [ExampleFailure] = []
        var checked = 0
        for (index, rule) in matcher.rules.enumerated() {
            for e in rule.matchExamples {
                checked += 1
                if !hits(e.sentence).contains(where: { $0.rule == index && !$0.negated }) {
                    failures.append(.init(location: e.location, owner: rule.id, sentence: e.sentence, problem: "does not fire on its match example"))
                }
            }
            for e in rule.noMatchExamples {
                checked += 1
                if hits(e.sentence).contains(where: { $0.rule == index && !$0.negated }) {
                    failures.append(.init(location: e.location, owner: rule.id, sentence: e.sentence, problem: "fires on its no_match example"))
                }
            }
        }
        let negation = matcher.pack.negation
        for e in negation.examplesNegated {
            checked += 1
            let found = categoryHits(e.sentence)
            if found.isEmpty || found.contains(where: { !$0.negated }) {
                failures.append(.init(location: e.location, owner: "negation", sentence: e.sentence,
                                      problem: found.isEmpty ? "no category rule fires, so negation is not tested" : "a category hit is not negated"))
            }
        }
        for e in negation.examplesNotNegated {
            checked += 1
            if !categoryHits(e.sentence).contains(where: { !$0.negated }) {
                failures.append(.init(location: e.location, owner: "negation", sentence: e.sentence, problem: "no category hit that is not negated"))
            }
        }
        for e in matcher.pack.skip.examplesSkipped {
            checked += 1
            if !hits(e.sentence).isEmpty {
                failures.append(.init(location: e.location, owner: "skip", sentence: e.sentence, problem: "rules fire in a sentence that should be skipped"))
            }
        }
        for e in matcher.pack.skip.examplesKept {
            checked += 1
            if hits(e.sentence).isEmpty {
                failures.append(.init(location: e.location, owner: "skip", sentence: e.sentence, problem: "no rule fires (skipped, or no rule matches)"))
            }
        }
        for e in matcher.pack.agents.examplesProcess {
            checked += 1
            if categoryHits(e.sentence).contains(where: { !$0.negated }) {
                failures.append(.init(location: e.location, owner: "agents", sentence: e.sentence, problem: "a category fires on the supervisor's process"))
            }
        }
        for e in matcher.pack.agents.examplesJudged {
            checked += 1
            if !categoryHits(e.sentence).contains(where: { !$0.negated }) {
                failures.append(.init(location: e.location, owner: "agents", sentence: e.sentence, problem: "no category fires"))
            }
        }
        for (polarity, e) in matcher.pack.polarity.examples {
            checked += 1
            let found = categoryHits(e.sentence).filter { !$0.negated }
            if found.isEmpty || found.contains(where: { $0.polarity != polarity }) {
                let got = Set(found.map(\.polarity.rawValue)).sorted().joined(separator: ", ")
                failures.append(.init(location: e.location, owner: "polarity", sentence: e.sentence,
                                      problem: "expected \(polarity.rawValue), got \(got.isEmpty ? "no category hit" : got)"))
            }
        }
        return (checked, failures)
    }

    private mutating func categoryHits(_ text: String) -> [RuleHit] {
        hits(text, resolve: true).filter { if case .category = matcher.rules[$0.rule].target { true } else { false } }
    }
}
