/// Resolving a sentence's hits: `replaces` and priority between the rules that fired.
///
/// Cost: quadratic in the hits of one sentence, which are few; allocates only the result.
extension Matcher {
    /// Drops hits that a non-negated hit of the same sentence `replaces`, and among overlapping hits
    /// of one target keeps those of the highest priority. Returns hits in text order. A sentence
    /// has a few hits: each is compared with the others, which allocates nothing but the result.
    func resolve(_ hits: [RuleHit]) -> [RuleHit] {
        let rules = pack.rules
        func replaced(_ h: RuleHit) -> Bool { hits.contains { !$0.negated && tables.replacedBy[$0.rule].contains(h.rule) } }
        // Overlapping hits are compared only within their target (category or attribute value).
        func outranked(_ h: RuleHit) -> Bool {
            hits.contains { o in
                !o.negated && tables.targetOfRule[o.rule] == tables.targetOfRule[h.rule] && rules[o.rule].priority > rules[h.rule].priority
                    && o.firstWord <= h.lastWord && h.firstWord <= o.lastWord && !replaced(o)
            }
        }
        return hits.filter { !replaced($0) && !outranked($0) }.sorted { ($0.firstWord, $0.rule) < ($1.firstWord, $1.rule) }
    }
}
