import FyndCore

/// The matcher's tables in the compiled pack (`PackFormat`): tables of integers, lists laid
/// flat, each automaton as its trie (`AhoCorasickCoding.swift`). Decoding checks every index
/// against the table it points into, so that a damaged form is refused, never read out of bounds.
extension MatcherTables {
    public func encode(into w: inout PackWriter) {
        w.uint(UInt(patternCount))
        w.int32s(targetOfRule.map(Int32.init))
        w.lists(terms.map { $0.map { Int32($0.pattern) } })
        w.int32s(terms.flatMap { $0.map { $0.optional ? 1 : 0 } })
        tree.encode(into: &w)
        readiness.encode(into: &w)
        automaton.encode(into: &w)
        for s in selections { s.encode(into: &w) }
        w.array(cueRoles) { w, roles in w.array(roles) { $0.int($1.code) } }
        for list in [skipTerms, supervisorTerms, processTerms, ownerTerms] { w.int32s(list.map(Int32.init)) }
        w.lists(replacedBy.map { $0.map(Int32.init) })
    }

    public init(decoding r: inout PackReader) throws(PackFormatError) {
        let patternCount = try r.count()
        let targetOfRule = try r.int32s(in: 0..<Int32.max).map(Int.init)
        let ruleCount = Int32(targetOfRule.count)
        let (wordStart, words) = try r.lists()
        guard words.allSatisfy({ $0 >= 0 && Int($0) < patternCount }) else { throw r.failure("a term word of no pattern") }
        let optional = try r.int32s(in: 0..<2)
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
        let cueRoles = try r.array { r throws(PackFormatError) in
            try r.array { r throws(PackFormatError) in try CueRole(code: try r.int(), r) }
        }
        guard cueRoles.count == terms.count else { throw r.failure("cue roles of \(cueRoles.count) terms, not \(terms.count)") }
        var lists: [[Int]] = []
        for _ in 0..<4 { lists.append(try r.int32s(in: 0..<termCount).map(Int.init)) }
        let (replacedStart, replaced) = try r.lists()
        guard replacedStart.count == targetOfRule.count + 1, replaced.allSatisfy({ $0 >= 0 && $0 < ruleCount }) else {
            throw r.failure("the rules' replaced rules are not of \(ruleCount) rules")
        }
        self.init(automaton: automaton, selections: selections, patternCount: patternCount, terms: terms, readiness: readiness, tree: tree,
                  targetOfRule: targetOfRule, cueRoles: cueRoles, skipTerms: lists[0], supervisorTerms: lists[1], processTerms: lists[2],
                  ownerTerms: lists[3], replacedBy: (0..<targetOfRule.count).map { k in replaced[Int(replacedStart[k])..<Int(replacedStart[k + 1])].map(Int.init) })
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
        w.int32s(rules.map(Int32.init))
        w.bool(keysNeedWords)
        w.bool(!termKeyStart.isEmpty)
        if !termKeyStart.isEmpty { w.lists(start: termKeyStart, items: termKeys) }
    }

    convenience init(decoding r: inout PackReader, patternCount: Int, ruleCount: Int32, termCount: Int) throws(PackFormatError) {
        let rulesByPattern = try r.nestedLists()
        let keyAutomaton = try AhoCorasick(decoding: &r)
        let rulesByKey = try r.nestedLists()
        let rules = try r.int32s(in: 0..<ruleCount).map(Int.init)
        let keysNeedWords = try r.bool()
        guard rulesByPattern.count == patternCount, rulesByKey.count == keyAutomaton.lengths.count,
              (rulesByPattern + rulesByKey).allSatisfy({ $0.allSatisfy { $0 >= 0 && $0 < ruleCount } }) else {
            throw r.failure("a rule set's patterns or keys are not of \(patternCount) patterns and \(ruleCount) rules")
        }
        var gate: (start: [Int32], items: [Int32]) = ([], [])
        if try r.bool() {
            gate = try r.lists()
            guard gate.start.count == termCount + 1, gate.items.allSatisfy({ $0 >= 0 && Int($0) < rulesByKey.count }) else {
                throw r.failure("the gate's keys are not of \(termCount) terms and \(rulesByKey.count) keys")
            }
        }
        self.init(rulesByPattern: rulesByPattern, keyAutomaton: keyAutomaton, rulesByKey: rulesByKey, rules: rules, keysNeedWords: keysNeedWords,
                  termKeyStart: gate.start, termKeys: gate.items)
    }
}

extension ConditionTree {
    func encode(into w: inout PackWriter) {
        w.int32s(nodes.map { Int32($0.kind.rawValue) })
        w.array(nodes) { $0.int($1.value) }
        w.int32s(nodes.map(\.firstChild))
        w.int32s(nodes.map(\.childCount))
        w.int32s(children)
        w.int32s(roots)
    }

    /// Checked as the matcher reads it: a node's parts come before it, a term node names a term.
    init(decoding r: inout PackReader, termCount: Int32) throws(PackFormatError) {
        let kinds = try r.int32s(in: 0..<Int32(Kind.clause.rawValue + 1))
        let values = try r.array { r throws(PackFormatError) in try r.int() }
        let firstChild = try r.int32s(in: 0..<Int32.max), childCount = try r.int32s(in: 0..<Int32.max)
        let children = try r.int32s(in: 0..<Int32(kinds.count))
        let roots = try r.int32s(in: 0..<Int32(kinds.count))
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
        w.int32s(needed)
        w.int32s(always.map { $0 ? 1 : 0 })
        w.int32s(needsNothing.map { $0 ? 1 : 0 })
    }

    convenience init(decoding r: inout PackReader, patternCount: Int, termCount: Int, nodeCount: Int) throws(PackFormatError) {
        let (keyStart, termsOfKey) = try r.lists()
        let (patternsStart, patterns) = try r.lists()
        let nodeOfTerm = try r.int32s(in: -1..<Int32(nodeCount))
        let (parentsStart, parents) = try r.lists()
        let needed = try r.int32s(in: 0..<Int32.max)
        let always = try r.int32s(in: 0..<2).map { $0 == 1 }
        let needsNothing = try r.int32s(in: 0..<2).map { $0 == 1 }
        guard keyStart.count == patternCount + 1, termsOfKey.allSatisfy({ $0 >= 0 && Int($0) < termCount }),
              patternsStart.count == termCount + 1, patterns.allSatisfy({ $0 >= 0 && Int($0) < patternCount }),
              nodeOfTerm.count == termCount, needsNothing.count == termCount,
              parentsStart.count == nodeCount + 1, parents.allSatisfy({ $0 >= 0 && Int($0) < nodeCount }),
              needed.count == nodeCount, always.count == nodeCount else {
            throw r.failure("readiness tables not of \(patternCount) patterns, \(termCount) terms and \(nodeCount) conditions")
        }
        self.init(keyStart: keyStart, termsOfKey: termsOfKey, patternsStart: patternsStart, patterns: patterns, nodeOfTerm: nodeOfTerm,
                  parentsStart: parentsStart, parents: parents, needed: needed, always: always, needsNothing: needsNothing)
    }
}
