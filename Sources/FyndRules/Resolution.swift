/// Resolving a sentence's hits: `replaces` and priority between the rules that fired.
///
/// Cost: a pass over the hits marks the rules that non-negated hits replace, and one notes per
/// target the highest priority of a hit that may drop others (both in the scratch); a hit of that
/// priority or higher is kept without a look at the others, and only a hit below it is compared
/// with them, a few loads each. With the rules of one target at one priority (as the shipped pack
/// mostly is, and every copy of a rule in a pack written ten times) nearly no hit is compared:
/// the cost grows with the hits, not their square. Allocates the hits kept and the result.
extension Matcher {
    /// Drops hits that a non-negated hit of the same sentence `replaces`, and among overlapping hits
    /// of one target keeps those of the highest priority. Returns hits in text order.
    func resolve(_ hits: [RuleHit], _ s: inout MatchScratch) -> [RuleHit] {
        for h in hits where !h.negated { s.markReplaced(tables.replacedBy[h.rule]) }
        let targetOfRule = tables.targetOfRule
        // Only a hit that is not negated and not replaced drops others.
        for h in hits where !h.negated && !s.isReplaced(h.rule) { s.raiseTopPriority(targetOfRule[h.rule], to: priority[h.rule]) }
        var kept: [RuleHit] = []
        kept.reserveCapacity(hits.count)
        // Overlapping hits are compared only within their target (category or attribute value).
        for h in hits where !s.isReplaced(h.rule) && (priority[h.rule] >= s.topPriority(targetOfRule[h.rule]) || !hits.contains { o in
            !o.negated && targetOfRule[o.rule] == targetOfRule[h.rule] && priority[o.rule] > priority[h.rule]
                && o.firstWord <= h.lastWord && h.firstWord <= o.lastWord && !s.isReplaced(o.rule)
        }) {
            kept.append(h)
        }
        s.clearTopPriorities()
        s.clearReplaced()
        return Self.inTextOrder(kept)
    }

    /// Hits in text order: by first word, then by rule, from hits in rule order (as `match` makes
    /// them: one per candidate rule, the candidates in order). A counting sort by first word that
    /// keeps the order within a word: a step per hit and per word, where comparing the hits
    /// grew with ten copies of the pack.
    static func inTextOrder(_ hits: [RuleHit]) -> [RuleHit] {
        guard hits.count > 1 else { return hits }
        var start = [Int](repeating: 0, count: hits.reduce(0) { max($0, $1.firstWord) } + 2)
        for h in hits { start[h.firstWord + 1] += 1 }
        for w in 1..<start.count { start[w] += start[w - 1] }
        return [RuleHit](unsafeUninitializedCapacity: hits.count) { ordered, count in
            for h in hits {
                (ordered.baseAddress! + start[h.firstWord]).initialize(to: h)
                start[h.firstWord] += 1
            }
            count = hits.count
        }
    }
}
