/// Where a rule's condition holds in a sentence, from the word positions of the patterns that
/// occurred in it (`MatchScratch`). Each question is asked with what it needs: `earliest` (the
/// rule's match), `first` (a part of `all`), `holdsSomewhere` (a part of `none`) stop at the first
/// answer; full lists of spans are built only for `near` and `clause`, which pair them up.
/// `mayHold` prunes first: a part whose words did not all occur costs a few lookups.
///
/// The spans and their order are those of the plain definition, `occurrences`: a term's
/// matches in text order, an `any`'s alternatives one after the other, one span for `all`, one
/// span with `first == Int.max` for a `none` that holds.
extension Matcher {
    struct Span: Equatable {
        var first: Int
        var last: Int
        /// From a clause scope: other words may stand between its parts.
        var spread = false

        var isReal: Bool { first != Int.max }
    }

    /// The rule's match: the occurrence that starts first (the first listed of equals), not a
    /// `none`'s placeholder.
    func earliest(_ n: Int32, _ s: inout MatchScratch) -> Span? {
        switch tables.tree.nodes[Int(n)].kind {
        case .term:
            return Self.earliest(of: termOccurrences(tables.tree.nodes[Int(n)].value, &s))
        case .any:
            var best: Span?
            for k in tables.tree.childRange(n) where mayHold(tables.tree.children[k], &s) {
                if let e = earliest(tables.tree.children[k], &s), best == nil || e.first < best!.first { best = e }
            }
            return best
        case .all:
            return first(n, &s).flatMap { $0.isReal ? $0 : nil }
        case .none:
            return nil
        case .near, .clause:
            return Self.earliest(of: occurrences(n, &s))
        }
    }

    private static func earliest(of spans: [Span]) -> Span? {
        var best: Span?
        for o in spans where o.isReal && (best == nil || o.first < best!.first) { best = o }
        return best
    }

    /// The first span `occurrences` would list.
    func first(_ n: Int32, _ s: inout MatchScratch) -> Span? {
        let node = tables.tree.nodes[Int(n)]
        switch node.kind {
        case .term:
            return termOccurrences(node.value, &s).first
        case .any:
            for k in tables.tree.childRange(n) where mayHold(tables.tree.children[k], &s) {
                if let f = first(tables.tree.children[k], &s) { return f }
            }
            return nil
        case .all:
            guard mayHold(n, &s) else { return nil }
            var first = Int.max, last = -1, spread = false
            for k in tables.tree.childRange(n) {
                guard let best = self.first(tables.tree.children[k], &s) else { return nil }
                if best.isReal { first = min(first, best.first); last = max(last, best.last); spread = spread || best.spread }
            }
            return last < 0 ? Span(first: Int.max, last: Int.max) : Span(first: first, last: last, spread: spread)
        case .none:
            for k in tables.tree.childRange(n) where holdsSomewhere(tables.tree.children[k], &s) { return nil }
            return Span(first: Int.max, last: Int.max)
        case .near, .clause:
            return occurrences(n, &s).first
        }
    }

    /// Whether `occurrences` would list a real span (one with words).
    func holdsSomewhere(_ n: Int32, _ s: inout MatchScratch) -> Bool {
        switch tables.tree.nodes[Int(n)].kind {
        case .term:
            return !termOccurrences(tables.tree.nodes[Int(n)].value, &s).isEmpty
        case .any:
            for k in tables.tree.childRange(n) where mayHold(tables.tree.children[k], &s) && holdsSomewhere(tables.tree.children[k], &s) { return true }
            return false
        case .all:
            return first(n, &s)?.isReal ?? false
        case .none:
            return false
        case .near, .clause:
            return !occurrences(n, &s).isEmpty
        }
    }

    /// Whether a condition can hold in the sentence: every word it needs has occurred
    /// (`ConditionReadiness` keeps it as the sentence is scanned).
    @inline(__always)
    func mayHold(_ n: Int32, _ s: inout MatchScratch) -> Bool { s.mayHold(n) }

    /// Every span where a condition holds (the plain definition), for `near` and `clause`,
    /// which pair their parts' spans; known per node and sentence once built.
    func occurrences(_ n: Int32, _ s: inout MatchScratch) -> [Span] {
        let node = tables.tree.nodes[Int(n)]
        switch node.kind {
        case .term:
            return termOccurrences(node.value, &s)
        case .all, .none:
            return first(n, &s).map { [$0] } ?? []
        case .any, .near, .clause:
            if let known = s.occurrences(n) { return known }
            var out: [Span] = []
            if mayHold(n, &s) {
                let parts = tables.tree.childRange(n).map { tables.tree.children[$0] }
                switch node.kind {
                case .any:
                    for child in parts where mayHold(child, &s) { out += occurrences(child, &s) }
                case .near:
                    let oa = occurrences(parts[0], &s), ob = occurrences(parts[1], &s)
                    for x in oa where x.isReal {
                        for y in ob where y.isReal && distance(x, y) <= node.value {
                            out.append(Span(first: min(x.first, y.first), last: max(x.last, y.last), spread: x.spread || y.spread))
                        }
                    }
                default:
                    out = clauseOccurrences(parts.map { occurrences($0, &s).filter(\.isReal) }, within: node.value, s)
                }
            }
            s.setOccurrences(n, out)
            return out
        }
    }

    /// Spans where one occurrence of every part lies inside one clause, the whole at most `within`
    /// words long: for each occurrence of the first part, the nearest occurrence of each other
    /// part in its clause that shares no word with the parts before it.
    private func clauseOccurrences(_ parts: [[Span]], within: Int, _ s: MatchScratch) -> [Span] {
        guard !parts.contains(where: \.isEmpty) else { return [] }
        var out: [Span] = []
        for anchor in parts[0] {
            let clause = s.clause[anchor.first]
            guard s.clause[anchor.last] == clause else { continue }
            var span = Span(first: anchor.first, last: anchor.last, spread: true)
            var taken = [anchor]
            for part in parts.dropFirst() {
                // Each part its own words: "kommer" is not both the modal and the verb.
                let inClause = part.filter { p in
                    s.clause[p.first] == clause && s.clause[p.last] == clause && !taken.contains { p.first <= $0.last && $0.first <= p.last }
                }
                guard let nearest = inClause.min(by: { distance($0, anchor) < distance($1, anchor) }) else { span.first = Int.max; break }
                taken.append(nearest)
                span = Span(first: min(span.first, nearest.first), last: max(span.last, nearest.last), spread: true)
            }
            if span.first != Int.max, span.last - span.first < within { out.append(span) }
        }
        return out
    }

    func distance(_ a: Span, _ b: Span) -> Int { max(a.first - b.last, b.first - a.last, 0) }

    /// A term's matches in the sentence, in text order; known per sentence once built.
    func termOccurrences(_ t: Int, _ s: inout MatchScratch) -> [Span] {
        // Most terms do not occur: a word that must be there has no hit in the sentence.
        guard s.termMayHold(t) else { return [] }
        if let cached = s.cached(t) { return cached }
        let words = tables.terms[t]
        // Where the term may start: where its first word occurred, or, when that is optional,
        // where any word up to the first required one did.
        var starts = s.positions(words[0].pattern)
        if words[0].optional {
            for w in words.dropFirst() {
                starts += s.positions(w.pattern)
                if !w.optional { break }
            }
            starts = Array(Set(starts)).sorted()
        }
        var out = s.storage(t)
        for start in starts {
            if let end = matchTerm(words, 0, start, s) { out.append(Span(first: start, last: end - 1)) }
        }
        s.store(t, out)
        return out
    }

    /// Matches words[i...] from word position `at`; returns the position after the last matched word.
    private func matchTerm(_ words: [(pattern: Int, optional: Bool)], _ i: Int, _ at: Int, _ s: MatchScratch) -> Int? {
        if i == words.count { return at }
        if at < s.words.count, s.has(pattern: words[i].pattern, word: at), let end = matchTerm(words, i + 1, at + 1, s) { return end }
        if words[i].optional { return matchTerm(words, i + 1, at, s) }
        return nil
    }
}
