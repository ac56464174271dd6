import FyndCore

/// Which terms and condition nodes may hold in a sentence: a term once every word it needs
/// has occurred; `any` once one part may, the others once all their parts may; `none` always.
/// The matcher then asks "may this hold?" with one load instead of walking the condition.
///
/// Each term waits on one of its words, its key: the one fewest terms of the pack need, so that
/// the words nearly every sentence has ("i", "och") wake few terms. Once the sentence is
/// scanned (`settle`), each term of a key that occurred whose other words occurred too becomes
/// possible, and so do the nodes built of it.
/// Cost per sentence: a step per term whose key occurred and per word of it, and one for each
/// parent of a node that becomes possible (on news where every item is a case, most of it: some
/// 70 nodes and 130 parents a sentence); nothing for a sentence in which no rule is a candidate.
/// Forgetting a sentence costs nothing per node: the marks are stamped with the sentence's number
/// (`MatchScratch.Readiness`).
final class ConditionReadiness: Sendable, Equatable {
    /// Pattern → the terms whose key it is: `termsOfKey[keyStart[p] ..< keyStart[p + 1]]`.
    let keyStart: [Int32]
    let termsOfKey: [Int32]
    /// Term → the distinct patterns it needs: `patterns[patternsStart[t] ..< patternsStart[t + 1]]`.
    let patternsStart: [Int32]
    let patterns: [Int32]
    /// Term → its node in the tree, or -1 (a cue or skip term of no condition).
    let nodeOfTerm: [Int32]
    /// Node → its parents, once per time it stands among their parts.
    let parentsStart: [Int32]
    let parents: [Int32]
    /// Node → how many of its parts must become possible for it to be (those that always hold
    /// are counted in advance).
    let needed: [Int32]
    /// Node → whether it holds in every sentence (a `none`, or built of such parts only).
    let always: [Bool]
    /// Term → whether it needs no word at all (it may hold in every sentence).
    let needsNothing: [Bool]

    init(tree: ConditionTree, requiredPatterns: [[Int]], patternCount: Int) {
        let distinct = requiredPatterns.map { Array(Set($0)).sorted() }
        var termsNeeding = [Int](repeating: 0, count: patternCount)
        for ps in distinct { for p in ps { termsNeeding[p] += 1 } }
        var byKey = [[Int32]](repeating: [], count: patternCount)
        for (t, ps) in distinct.enumerated() {
            if let key = ps.min(by: { termsNeeding[$0] < termsNeeding[$1] }) { byKey[key].append(Int32(t)) }
        }
        (keyStart, termsOfKey) = FlatLists.flat(byKey)
        (patternsStart, patterns) = FlatLists.flat(distinct.map { $0.map(Int32.init) })
        needsNothing = distinct.map(\.isEmpty)
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
        (parentsStart, parents) = FlatLists.flat(byChild)
        self.needed = needed
        self.always = always
    }

    /// The tables as `init(tree:requiredPatterns:patternCount:)` made them (`MatcherCoding.swift`).
    init(keyStart: [Int32], termsOfKey: [Int32], patternsStart: [Int32], patterns: [Int32], nodeOfTerm: [Int32], parentsStart: [Int32],
         parents: [Int32], needed: [Int32], always: [Bool], needsNothing: [Bool]) {
        self.keyStart = keyStart
        self.termsOfKey = termsOfKey
        self.patternsStart = patternsStart
        self.patterns = patterns
        self.nodeOfTerm = nodeOfTerm
        self.parentsStart = parentsStart
        self.parents = parents
        self.needed = needed
        self.always = always
        self.needsNothing = needsNothing
    }

    static func == (a: ConditionReadiness, b: ConditionReadiness) -> Bool {
        (a.keyStart, a.termsOfKey, a.patternsStart, a.patterns, a.nodeOfTerm) == (b.keyStart, b.termsOfKey, b.patternsStart, b.patterns, b.nodeOfTerm)
            && (a.parentsStart, a.parents, a.needed, a.always, a.needsNothing) == (b.parentsStart, b.parents, b.needed, b.always, b.needsNothing)
    }

    /// After the scan: each term keyed by a pattern of `keys` (the patterns that occurred, in
    /// order) whose words all occurred (`firstHit`, by pattern, not negative) may hold, and so
    /// may the nodes that it completes (a work list over raw tables: this runs for every
    /// sentence with a candidate rule).
    func settle(_ s: inout MatchScratch.Readiness, keys: [Int32], firstHit: UnsafeBufferPointer<Int32>) {
        keyStart.withUnsafeBufferPointer { keyStart in
            termsOfKey.withUnsafeBufferPointer { termsOfKey in
                patternsStart.withUnsafeBufferPointer { start in
                    patterns.withUnsafeBufferPointer { patterns in
                        nodeOfTerm.withUnsafeBufferPointer { nodeOfTerm in
                            parentsStart.withUnsafeBufferPointer { parentsStart in
                                parents.withUnsafeBufferPointer { parents in
                                    s.settle(keys: keys, keyStart: keyStart, termsOfKey: termsOfKey, patternsStart: start, patterns: patterns,
                                             nodeOfTerm: nodeOfTerm, firstHit: firstHit, parentsStart: parentsStart, parents: parents)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
