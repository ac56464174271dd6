/// Which terms and condition nodes may hold in a sentence, kept up to date as its patterns
/// occur: a term may hold once every word it needs has occurred; `any` once one part may, the
/// others once all their parts may; `none` always. The matcher then asks "may this hold?" with
/// one load instead of walking the condition.
///
/// Cost per sentence: one step for each term that needs a pattern when that pattern first
/// occurs, and one for each parent of a node that becomes possible.
final class ConditionReadiness: Sendable {
    /// Pattern → the terms that need it: `termsOfPattern[termsStart[p] ..< termsStart[p + 1]]`.
    private let termsStart: [Int32]
    private let termsOfPattern: [Int32]
    /// Term → how many distinct patterns it needs.
    let required: [Int32]
    /// Term → its node in the tree, or -1 (a cue or skip term of no condition).
    private let nodeOfTerm: [Int32]
    /// Node → its parents, once per time it stands among their parts.
    private let parentsStart: [Int32]
    private let parents: [Int32]
    /// Node → how many of its parts must become possible for it to be (those that always hold
    /// are counted in advance).
    private let needed: [Int32]
    /// Node → whether it holds in every sentence (a `none`, or built of such parts only).
    let always: [Bool]

    init(tree: ConditionTree, requiredPatterns: [[Int]], patternCount: Int) {
        let distinct = requiredPatterns.map { Array(Set($0)) }
        var byPattern = [[Int32]](repeating: [], count: patternCount)
        for (t, patterns) in distinct.enumerated() { for p in patterns { byPattern[p].append(Int32(t)) } }
        (termsStart, termsOfPattern) = Self.flat(byPattern)
        required = distinct.map { Int32($0.count) }
        var nodeOfTerm = [Int32](repeating: -1, count: requiredPatterns.count)
        var byChild = [[Int32]](repeating: [], count: tree.nodes.count)
        var always = [Bool](repeating: false, count: tree.nodes.count)
        var needed = [Int32](repeating: 0, count: tree.nodes.count)
        // Parts come before the nodes made of them, so one pass in order sees each part decided.
        for (n, node) in tree.nodes.enumerated() {
            let parts = tree.childRange(Int32(n)).map { tree.children[$0] }
            for c in parts { byChild[Int(c)].append(Int32(n)) }
            let ready = Int32(parts.filter { always[Int($0)] }.count)
            switch node.kind {
            case .term: nodeOfTerm[node.value] = Int32(n); needed[n] = 0
            case .none: always[n] = true
            case .any: always[n] = ready > 0; needed[n] = 1
            case .all, .near, .clause: always[n] = ready == parts.count; needed[n] = Int32(parts.count) - ready
            }
        }
        self.nodeOfTerm = nodeOfTerm
        (parentsStart, parents) = Self.flat(byChild)
        self.needed = needed
        self.always = always
    }

    private static func flat(_ lists: [[Int32]]) -> (start: [Int32], items: [Int32]) {
        (lists.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }, lists.flatMap { $0 })
    }

    /// Pattern `p` occurred for the first time in the sentence.
    func occurred(_ p: Int, _ s: inout MatchScratch.Readiness) {
        for k in Int(termsStart[p])..<Int(termsStart[p + 1]) {
            let t = Int(termsOfPattern[k])
            s.termCount[t] += 1
            if s.termCount[t] == 1 { s.touchedTerms.append(Int32(t)) }
            if s.termCount[t] == required[t], nodeOfTerm[t] >= 0 { becamePossible(nodeOfTerm[t], &s) }
        }
    }

    private func becamePossible(_ n: Int32, _ s: inout MatchScratch.Readiness) {
        s.holds[Int(n)] = true
        s.touchedNodes.append(n)
        for k in Int(parentsStart[Int(n)])..<Int(parentsStart[Int(n) + 1]) {
            let p = Int(parents[k])
            guard !always[p] else { continue }
            if s.nodeCount[p] == 0 { s.countedNodes.append(Int32(p)) }
            s.nodeCount[p] += 1
            if s.nodeCount[p] == needed[p] { becamePossible(Int32(p), &s) }
        }
    }
}
