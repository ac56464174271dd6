/// Resolving a sentence's hits: `replaces` and priority between the rules that fired.
///
/// Cost: a pass over the hits marks the rules that non-negated hits replace (in the scratch);
/// then each hit is compared with the others, a few loads each (quadratic in the hits of one
/// sentence, which are few; sorting the hits by target first cost more than it saved, with the
/// shipped pack and with ten copies of it); allocates only the result.
extension Matcher {
    /// Drops hits that a non-negated hit of the same sentence `replaces`, and among overlapping hits
    /// of one target keeps those of the highest priority. Returns hits in text order.
    func resolve(_ hits: [RuleHit], _ s: inout MatchScratch) -> [RuleHit] {
        for h in hits where !h.negated { s.markReplaced(tables.replacedBy[h.rule]) }
        let targetOfRule = tables.targetOfRule
        let kept = hits.filter { h in
            // Overlapping hits are compared only within their target (category or attribute value).
            !s.isReplaced(h.rule) && !hits.contains { o in
                !o.negated && targetOfRule[o.rule] == targetOfRule[h.rule] && priority[o.rule] > priority[h.rule]
                    && o.firstWord <= h.lastWord && h.firstWord <= o.lastWord && !s.isReplaced(o.rule)
            }
        }
        s.clearReplaced()
        return kept.sorted { ($0.firstWord, $0.rule) < ($1.firstWord, $1.rule) }
    }
}
