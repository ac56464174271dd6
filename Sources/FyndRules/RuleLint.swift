/// Checks that catch rules that parse but cannot be right: rules with no `match` example, terms
/// that none of the rule's own `match` examples uses (untested), rules that never survive
/// `replaces` and priority on their own examples (unreachable), and phrases that spell out one
/// construction in several word orders, which a `clause:` says once.
public enum RuleLint {
    public static func run(matcher: Matcher, runner: ExampleRunner) -> [String] {
        var warnings: [String] = []
        for (index, rule) in matcher.rules.enumerated() {
            if !rule.matchExamples.isEmpty,
               rule.matchExamples.allSatisfy({ e in !runner.hits(e.sentence, resolve: true).contains { $0.rule == index } }) {
                warnings.append("\(rule.location): \(rule.id): unreachable: another rule replaces or outranks it on every one of its match examples")
            }
            if rule.matchExamples.isEmpty {
                warnings.append("\(rule.location): \(rule.id): no match example")
                continue
            }
            let exampleWords = rule.matchExamples.map { runner.segmenter.words(in: $0.sentence) }
            let untested = rule.condition.positiveTerms.filter { term in !exampleWords.contains { occurs(term, in: $0) } }
            if !untested.isEmpty {
                let list = untested.map { "\"\($0.source)\"" }.joined(separator: ", ")
                warnings.append("\(rule.location): \(rule.id): \(untested.count) term(s) occur in none of its match examples: \(list)")
            }
            for (a, b) in wordOrderVariants(rule.condition) {
                warnings.append("\(rule.location): \(rule.id): \"\(a.source)\" and \"\(b.source)\" are one construction in another word order "
                                + "or with words between: a clause: [[…], […]] says it once")
            }
        }
        return warnings
    }

    /// Pairs of multi-word terms listed side by side in one `any` whose words are the same, in
    /// another order or with words between ("riktar kritik" and "riktar allvarlig kritik"; not
    /// "kritik riktas", another word form). At most one pair per list.
    static func wordOrderVariants(_ c: Condition) -> [(Term, Term)] {
        switch c {
        case .term: return []
        case .none: return []
        case .near(let a, let b, _): return wordOrderVariants(a) + wordOrderVariants(b)
        case .all(let cs), .clause(let cs, _): return cs.flatMap(wordOrderVariants)
        case .any(let cs):
            let phrases = cs.compactMap { if case .term(let t) = $0, t.words.count > 1 { t } else { nil } }
            func words(_ t: Term) -> [WordPattern] { t.words.filter { !$0.optional }.map(\.pattern) }
            for (i, a) in phrases.enumerated() {
                for b in phrases[(i + 1)...] {
                    let (wa, wb) = (words(a), words(b))
                    let (short, long) = wa.count <= wb.count ? (wa, wb) : (wb, wa)
                    guard short.count > 1, Set(short).isSubset(of: Set(long)) else { continue }
                    // Another order of the same words, or words put between: the shorter is no
                    // contiguous run of the longer ("riktar kritik mot" only extends "riktar kritik").
                    let at = short.map { long.firstIndex(of: $0)! }
                    if at != Array(at[0]..<at[0] + short.count) { return [(a, b)] + cs.flatMap(wordOrderVariants) }
                }
            }
            return cs.flatMap(wordOrderVariants)
        }
    }

    /// Whether `term` occurs in a word list (a plain re-implementation, independent of the automaton).
    static func occurs(_ term: Term, in words: [String]) -> Bool {
        func fits(_ p: WordPattern, _ w: String) -> Bool {
            switch p.kind {
            case .exact: w == p.word
            case .prefix: w.hasPrefix(p.word)
            case .suffix: w.hasSuffix(p.word)
            case .infix: w.contains(p.word)
            }
        }
        func from(_ i: Int, _ at: Int) -> Bool {
            if i == term.words.count { return true }
            if at < words.count, fits(term.words[i].pattern, words[at]), from(i + 1, at + 1) { return true }
            return term.words[i].optional && from(i + 1, at)
        }
        return words.indices.contains { from(0, $0) } || (term.words.allSatisfy(\.optional))
    }
}

/// The per-category table that `check-rules` prints.
public enum RuleTable {
    public static func render(matcher: Matcher) -> String {
        var groups: [String: (rules: Int, match: Int, noMatch: Int)] = [:]
        for r in matcher.rules {
            let key: String
            switch r.target {
            case .category(let c): key = c
            case .attribute(let f, _): key = f
            case .relevance: key = "relevance"
            }
            var g = groups[key] ?? (0, 0, 0)
            g.rules += 1
            g.match += r.matchExamples.count
            g.noMatch += r.noMatchExamples.count
            groups[key] = g
        }
        var lines = [pad("category / field", 22) + pad("rules", 7) + pad("match", 7) + "no_match"]
        for (k, g) in groups.sorted(by: { $0.key < $1.key }) {
            lines.append(pad(k, 22) + pad("\(g.rules)", 7) + pad("\(g.match)", 7) + "\(g.noMatch)")
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(1, n - s.count)) }
}
