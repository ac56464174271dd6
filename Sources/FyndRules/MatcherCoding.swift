import FyndCore

/// The matcher's tables in the compiled pack (`PackFormat`): tables of integers, lists laid
/// flat, each automaton as its trie (`AhoCorasickCoding.swift`). Decoding checks every index
/// against the table it points into, so that a damaged form is refused, never read out of bounds.
extension MatcherTables {
    public func encode(into w: inout PackWriter) {
        w.uint(UInt(patternCount))
        w.uint32s(targetOfRule.map(Int32.init))
        w.lists(terms.map { $0.map { Int32($0.pattern) } })
        w.uint32s(terms.flatMap { $0.map { $0.optional ? 1 : 0 } })
        tree.encode(into: &w)
        readiness.encode(into: &w)
        automaton.encode(into: &w)
        for s in selections { s.encode(into: &w) }
        // Few terms are cues: (term, role) pairs.
        w.array(cueRoles.indices.flatMap { t in cueRoles[t].map { (t, $0) } }) { w, pair in
            w.uint(UInt(pair.0))
            w.int(pair.1.code)
        }
        for list in [skipTerms, supervisorTerms, processTerms, ownerTerms] + actorTerms.lists { w.uint32s(list.map(Int32.init)) }
        w.lists(replacedBy.map { $0.map(Int32.init) })
    }

    public init(decoding r: inout PackReader) throws(PackFormatError) {
        let patternCount = try r.count()
        let targetsAt = r.offset
        let targetOfRule = try r.uint32s().map(Int.init)
        let ruleCount = Int32(targetOfRule.count)
        // A target indexes tables of one entry per rule (`MatchScratch`): no more targets than rules.
        guard targetOfRule.allSatisfy({ $0 < targetOfRule.count }) else {
            throw PackFormatError(offset: targetsAt, message: "a rule's target out of range in a table of \(ruleCount) rules")
        }
        let termWords = try r.lists(itemsBelow: Int32(patternCount))
        let (wordStart, words) = (termWords.start, termWords.items)
        let optional = try r.uint32s(below: 2)
        guard optional.count == words.count, (0..<(wordStart.count - 1)).allSatisfy({ wordStart[$0] < wordStart[$0 + 1] }) else {
            throw r.failure("terms without words, or words without their flags")
        }
        let terms = (0..<(wordStart.count - 1)).map { t in
            (Int(wordStart[t])..<Int(wordStart[t + 1])).map { (pattern: Int(words[$0]), optional: optional[$0] == 1) }
        }
        let termCount = Int32(terms.count)
        let tree = try ConditionTree(decoding: &r, termCount: termCount)
        let readiness = try ConditionReadiness(decoding: &r, patternCount: patternCount, termCount: Int(termCount), nodeCount: tree.nodes.count)
        let automaton = try AhoCorasick(decoding: &r)
        guard tree.roots.count == targetOfRule.count, automaton.lengths.count == patternCount else {
            throw r.failure("\(tree.roots.count) conditions for \(ruleCount) rules, or \(automaton.lengths.count) patterns for \(patternCount)")
        }
        var selections: [Selection] = []
        for _ in 0..<3 { selections.append(try Selection(decoding: &r, patternCount: patternCount, ruleCount: ruleCount, termCount: Int(termCount))) }
        var cueRoles = [[CueRole]](repeating: [], count: terms.count)
        for (t, role) in try r.array({ r throws(PackFormatError) in (try r.count(), try CueRole(code: try r.int(), r)) }) {
            guard t < terms.count else { throw r.failure("a cue role of term \(t) of \(terms.count)") }
            cueRoles[t].append(role)
        }
        var lists: [[Int]] = []
        for _ in 0..<10 { lists.append(try r.uint32s(below: termCount).map(Int.init)) }
        let replaced = try r.lists(itemsBelow: ruleCount)
        guard replaced.count == targetOfRule.count else {
            throw r.failure("the rules' replaced rules are not of \(ruleCount) rules")
        }
        self.init(automaton: automaton, selections: selections, patternCount: patternCount, terms: terms, readiness: readiness, tree: tree,
                  targetOfRule: targetOfRule, cueRoles: cueRoles, skipTerms: lists[0], supervisorTerms: lists[1], processTerms: lists[2],
                  ownerTerms: lists[3], actorTerms: ActorTerms(board: lists[4], act: lists[5], opens: lists[6], relative: lists[7], possessive: lists[8],
                                                                    subordinate: lists[9]),
                  replacedBy: (0..<replaced.count).map { replaced[$0].map(Int.init) })
    }
}

extension MatcherTables.CueRole {
    /// One number: the kind in the lowest three bits, the window above them.
    var code: Int {
        switch self {
        case .before(let within): within << 3
        case .after(let within): within << 3 | 1
        case .negationException: 2
        case .deficit: 3
        case .improvement: 4
        case .polarityException: 5
        }
    }

    init(code: Int, _ r: PackReader) throws(PackFormatError) {
        switch code & 7 {
        case 0: self = .before(within: code >> 3)
        case 1: self = .after(within: code >> 3)
        case 2: self = .negationException
        case 3: self = .deficit
        case 4: self = .improvement
        case 5: self = .polarityException
        default: throw r.failure("cue role \(code)")
        }
    }
}

extension MatcherTables.Selection {
    func encode(into w: inout PackWriter) {
        w.lists(rulesByPattern)
        keyAutomaton.encode(into: &w)
        w.lists(rulesByKey)
        w.uint32s(rules.map(Int32.init))
        w.bool(keysNeedWords)
        w.bool(!termKeyStart.isEmpty)
        if !termKeyStart.isEmpty { w.lists(start: termKeyStart, items: termKeys) }
    }

    convenience init(decoding r: inout PackReader, patternCount: Int, ruleCount: Int32, termCount: Int) throws(PackFormatError) {
        let rulesByPattern = try r.lists(itemsBelow: ruleCount)
        let keyAutomaton = try AhoCorasick(decoding: &r)
        let rulesByKey = try r.lists(itemsBelow: ruleCount)
        let rules = try r.uint32s(below: ruleCount).map(Int.init)
        let keysNeedWords = try r.bool()
        guard rulesByPattern.count == patternCount, rulesByKey.count == keyAutomaton.lengths.count else {
            throw r.failure("a rule set's patterns or keys are not of \(patternCount) patterns and \(ruleCount) rules")
        }
        var gate: (start: [Int32], items: [Int32]) = ([], [])
        if try r.bool() {
            let lists = try r.lists(itemsBelow: Int32(rulesByKey.count))
            gate = (lists.start, lists.items)
            guard lists.count == termCount else {
                throw r.failure("the gate's keys are not of \(termCount) terms and \(rulesByKey.count) keys")
            }
        }
        self.init(rulesByPattern: rulesByPattern, keyAutomaton: keyAutomaton, rulesByKey: rulesByKey, rules: rules, keysNeedWords: keysNeedWords,
                  termKeyStart: gate.start, termKeys: gate.items)
    }
}

extension ConditionTree {
    func encode(into w: inout PackWriter) {
        w.uint32s(nodes.map { Int32($0.kind.rawValue) })
        w.array(nodes) { $0.int($1.value) }
        w.uint32s(nodes.map(\.firstChild))
        w.uint32s(nodes.map(\.childCount))
        w.uint32s(children)
        w.uint32s(roots)
    }

    /// Checked as the matcher reads it: a node's parts come before it, a term node names a term.
    init(decoding r: inout PackReader, termCount: Int32) throws(PackFormatError) {
        let kinds = try r.uint32s(below: Int32(Kind.clause.rawValue + 1))
        let values = try r.array { r throws(PackFormatError) in try r.int() }
        let firstChild = try r.uint32s(), childCount = try r.uint32s()
        let children = try r.uint32s(below: Int32(kinds.count))
        let roots = try r.uint32s(below: Int32(kinds.count))
        guard values.count == kinds.count, firstChild.count == kinds.count, childCount.count == kinds.count else {
            throw r.failure("node tables of \(kinds.count), \(values.count), \(firstChild.count) and \(childCount.count) nodes")
        }
        var nodes: [Node] = []
        nodes.reserveCapacity(kinds.count)
        for n in kinds.indices {
            let node = Node(kind: Kind(rawValue: UInt8(kinds[n]))!, value: values[n], firstChild: firstChild[n], childCount: childCount[n])
            let parts = Int(node.firstChild)..<(Int(node.firstChild) + Int(node.childCount))
            guard parts.upperBound <= children.count, children[parts].allSatisfy({ $0 < n }),
                  node.kind != .term || node.value >= 0 && node.value < termCount else {
                throw r.failure("condition node \(n) has parts after it or names no term")
            }
            nodes.append(node)
        }
        self.init(nodes: nodes, children: children, roots: roots)
    }
}

extension ConditionReadiness {
    func encode(into w: inout PackWriter) {
        w.lists(start: keyStart, items: termsOfKey)
        w.lists(start: patternsStart, items: patterns)
        w.int32s(nodeOfTerm)
        w.lists(start: parentsStart, items: parents)
        w.uint32s(needed)
        w.uint32s(always.map { $0 ? 1 : 0 })
        w.uint32s(needsNothing.map { $0 ? 1 : 0 })
    }

    convenience init(decoding r: inout PackReader, patternCount: Int, termCount: Int, nodeCount: Int) throws(PackFormatError) {
        let byKey = try r.lists(itemsBelow: Int32(termCount))
        let needs = try r.lists(itemsBelow: Int32(patternCount))
        let nodeOfTerm = try r.int32s(in: -1..<Int32(nodeCount))
        let byChild = try r.lists(itemsBelow: Int32(nodeCount))
        let needed = try r.uint32s()
        let always = try r.uint32s(below: 2).map { $0 == 1 }
        let needsNothing = try r.uint32s(below: 2).map { $0 == 1 }
        guard byKey.count == patternCount, needs.count == termCount, nodeOfTerm.count == termCount, needsNothing.count == termCount,
              byChild.count == nodeCount, needed.count == nodeCount, always.count == nodeCount else {
            throw r.failure("readiness tables not of \(patternCount) patterns, \(termCount) terms and \(nodeCount) conditions")
        }
        self.init(keyStart: byKey.start, termsOfKey: byKey.items, patternsStart: needs.start, patterns: needs.items, nodeOfTerm: nodeOfTerm,
                  parentsStart: byChild.start, parents: byChild.items, needed: needed, always: always, needsNothing: needsNothing)
    }
}
