/// Checks that catch rules that parse but cannot be right: rules with no `match` example, terms
/// that none of the rule's own `match` examples uses (untested), rules that never survive
/// `replaces` and priority on their own examples (unreachable), and phrases that spell out one
/// construction in several word orders, which a `clause:` says once.
public enum RuleLint {
    public static func run(matcher: Matcher, runner: inout ExampleRunner) -> [String] {
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
            let named = namedTerms(in: rule.condition, rules: matcher.rules)
            let untested = untestedTerms(rule.condition.positiveTerms.filter { !named.contains($0) },
                                         examples: rule.matchExamples.map { runner.segmenter.words(in: $0.sentence) })
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

    /// The terms of the other rules' conditions that `condition` holds in place (`rule: <id>`):
    /// their own rules' examples test them.
    static func namedTerms(in condition: Condition, rules: [Rule]) -> Set<Term> {
        var groups: [Condition] = []
        func collect(_ c: Condition) {
            switch c {
            case .term: return
            case .any(let cs), .all(let cs), .none(let cs), .clause(let cs, _): groups.append(c); cs.forEach(collect)
            case .near(let a, let b, _): groups.append(c); collect(a); collect(b)
            }
        }
        switch condition {
        case .term: return []
        case .any(let cs), .all(let cs), .none(let cs), .clause(let cs, _): cs.forEach(collect)
        case .near(let a, let b, _): collect(a); collect(b)
        }
        guard !groups.isEmpty else { return [] }
        var named: Set<Term> = []
        for other in rules where other.condition != condition && groups.contains(other.condition) {
            named.formUnion(other.condition.terms)
        }
        return named
    }

    /// The terms that occur in none of the examples (given as word lists). A term is tried only
    /// on the examples that have a word fitting each of its required words (of the word with
    /// the fewest), so a rule's terms are not each compared with every one of its examples.
    static func untestedTerms(_ terms: [Term], examples: [[String]]) -> [Term] {
        let index = ExampleIndex(examples)
        return terms.filter { term in
            let words = term.words.filter { !$0.optional }.compactMap { index.words(fitting: $0.pattern) }
            let fewest = words.min { $0.reduce(0) { $0 + $1.examples.count } < $1.reduce(0) { $0 + $1.examples.count } }
            let candidates = fewest.map { Set($0.flatMap(\.examples)).sorted() } ?? Array(examples.indices)
            return !candidates.contains { occurs(term, in: examples[$0]) }
        }
    }

    /// A rule's examples by the words they have: sorted by the words' bytes, to find the words
    /// that begin with a stem, and by their bytes from the end, for the words that end with one.
    private struct ExampleIndex {
        typealias Entry = (key: [UInt8], examples: [Int])
        let forward: [Entry]
        let backward: [Entry]

        init(_ examples: [[String]]) {
            var with: [String: [Int]] = [:]
            for (e, words) in examples.enumerated() {
                for w in Set(words) { with[w, default: []].append(e) }
            }
            forward = with.map { (Array($0.key.utf8), $0.value) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            backward = with.map { (Array($0.key.utf8.reversed()), $0.value) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        }

        /// The words that fit `p`, with their examples; nil for a compound part (`*word*`), which any word may hold.
        func words(fitting p: WordPattern) -> ArraySlice<Entry>? {
            switch p.kind {
            case .exact: Self.entries(forward, from: Array(p.word.utf8), exact: true)
            case .prefix: Self.entries(forward, from: Array(p.word.utf8), exact: false)
            case .suffix: Self.entries(backward, from: Array(p.word.utf8.reversed()), exact: false)
            case .infix: nil
            }
        }

        /// The entries whose key is `key` or (unless `exact`) begins with it.
        private static func entries(_ entries: [Entry], from key: [UInt8], exact: Bool) -> ArraySlice<Entry> {
            var lo = 0, hi = entries.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if entries[mid].key.lexicographicallyPrecedes(key) { lo = mid + 1 } else { hi = mid }
            }
            var end = lo
            while end < entries.count, entries[end].key.starts(with: key), !exact || entries[end].key.count == key.count { end += 1 }
            return entries[lo..<end]
        }
    }

    /// Pairs of multi-word terms listed side by side in one `any` whose words are the same, in
    /// another order or with words between ("riktar kritik" and "riktar allvarlig kritik"; not
    /// "kritik riktas", another word form). At most one pair per list: the first in list order.
    static func wordOrderVariants(_ c: Condition) -> [(Term, Term)] {
        switch c {
        case .term: return []
        case .none: return []
        case .near(let a, let b, _): return wordOrderVariants(a) + wordOrderVariants(b)
        case .all(let cs), .clause(let cs, _): return cs.flatMap(wordOrderVariants)
        case .any(let cs):
            let phrases = cs.compactMap { if case .term(let t) = $0, t.words.count > 1 { t } else { nil } }
            return firstWordOrderVariant(phrases).map { [$0] + cs.flatMap(wordOrderVariants) } ?? cs.flatMap(wordOrderVariants)
        }
    }

    /// The first pair (in list order) of `phrases` that are one construction. Only phrases whose
    /// words include all of another's are compared: found through the phrases of each word,
    /// starting from the other's rarest word, not by comparing every phrase with every other.
    /// A phrase listed more than once is looked at once, with the places it stands at.
    private static func firstWordOrderVariant(_ phrases: [Term]) -> (Term, Term)? {
        var placesOf: [[WordPattern]: [Int]] = [:]
        var distinct: [[WordPattern]] = []
        for (i, t) in phrases.enumerated() {
            let words = t.words.filter { !$0.optional }.map(\.pattern)
            if placesOf[words] == nil { distinct.append(words) }
            placesOf[words, default: []].append(i)
        }
        let sets = distinct.map(Set.init)
        var phrasesWith: [WordPattern: [Int]] = [:]
        for (d, set) in sets.enumerated() { for w in set { phrasesWith[w, default: []].append(d) } }
        var first: (Int, Int)?
        func consider(_ a: [WordPattern], _ b: [WordPattern]) {
            // The first place of `a` followed by a place of `b`.
            let pa = placesOf[a]!, pb = placesOf[b]!
            guard let i = pa.first, let j = pb.first(where: { $0 > i }), (first.map { (i, j) < $0 } ?? true), isVariant(a, b) else { return }
            first = (i, j)
        }
        for (d, set) in sets.enumerated() {
            guard let rarest = set.map({ phrasesWith[$0]! }).min(by: { $0.count < $1.count }) else { continue }
            for e in rarest where set.isSubset(of: sets[e]) {
                consider(distinct[d], distinct[e])
                if e != d { consider(distinct[e], distinct[d]) }
            }
        }
        return first.map { (phrases[$0.0], phrases[$0.1]) }
    }

    /// Whether the shorter word list (the first when both are as long) is made of the longer's
    /// words in another order or with words put between: no contiguous run of the longer
    /// ("riktar kritik mot" only extends "riktar kritik").
    private static func isVariant(_ wa: [WordPattern], _ wb: [WordPattern]) -> Bool {
        let (short, long) = wa.count <= wb.count ? (wa, wb) : (wb, wa)
        guard short.count > 1, Set(short).isSubset(of: Set(long)) else { return false }
        let at = short.map { long.firstIndex(of: $0)! }
        return at != Array(at[0]..<at[0] + short.count)
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
