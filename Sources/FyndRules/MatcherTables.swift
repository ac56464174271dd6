import Dispatch
import FyndCore
import FyndSegment

/// What `Matcher` derives from a rule pack before it can match: the automata, the condition
/// tree, which terms and conditions may hold as words occur, the rule sets of a first look,
/// the cues' roles. Built once from a pack (`init(pack:)`, most of the compiling time: four
/// automata and the interning of every term), and stored in the compiled pack
/// (`MatcherCoding.swift`), so that start-up decodes flat tables instead of building them.
public struct MatcherTables: Sendable, Equatable {
    let automaton: AhoCorasick
    /// By `Matcher.RuleSet.rawValue`.
    let selections: [Selection]
    let patternCount: Int
    /// Term (by index) → its words as (pattern index, optional).
    let terms: [[(pattern: Int, optional: Bool)]]
    let readiness: ConditionReadiness
    let tree: ConditionTree
    /// Rule (by index) → a number for its target, the same for rules of one category or value.
    let targetOfRule: [Int]
    /// Term → what it is as a negation or polarity cue (empty for most terms).
    let cueRoles: [[CueRole]]
    /// The cue terms that need no word, and so may hold in any sentence.
    let wordlessCues: [Int]
    let skipTerms: [Int]
    let supervisorTerms: [Int]
    let processTerms: [Int]
    let ownerTerms: [Int]
    /// The terms that find who owns an act (`AgentSettings`).
    let actorTerms: ActorTerms
    /// Rule → the rules it replaces.
    let replacedBy: [[Int]]
    /// The number of rules the tables are of.
    public var ruleCount: Int { targetOfRule.count }

    /// Per rule set: pattern → the rules it makes candidates, and the keys of the first look
    /// (a class: read once per document and sentence, so a copy costs one reference).
    final class Selection: Sendable, Equatable {
        let rulesByPattern: FlatLists
        let keyAutomaton: AhoCorasick
        /// Key (pattern of `keyAutomaton`) → the rules it makes candidates.
        let rulesByKey: FlatLists
        /// The rules of the set, in order.
        let rules: [Int]
        /// True when some key cannot be folded (a letter whose lower case has another length),
        /// so that every sentence must be looked at word by word.
        let keysNeedWords: Bool
        /// Besides the rules' trigger keys, the relevance set's automaton holds every required
        /// word of its rules' terms, so that a rule counts as a candidate only when each part it
        /// needs has its words in the document. Term → the keys of its required words:
        /// `termKeys[termKeyStart[t] ..< termKeyStart[t + 1]]` (both empty without such a gate).
        let termKeyStart: [Int32]
        let termKeys: [Int32]

        init(rulesByPattern: FlatLists, keyAutomaton: AhoCorasick, rulesByKey: FlatLists, rules: [Int], keysNeedWords: Bool,
             termKeyStart: [Int32], termKeys: [Int32]) {
            self.termKeyStart = termKeyStart
            self.termKeys = termKeys
            self.rulesByPattern = rulesByPattern
            self.keyAutomaton = keyAutomaton
            self.rulesByKey = rulesByKey
            self.rules = rules
            self.keysNeedWords = keysNeedWords
        }

        static func == (a: Selection, b: Selection) -> Bool {
            (a.rulesByPattern, a.keyAutomaton, a.rulesByKey, a.rules) == (b.rulesByPattern, b.keyAutomaton, b.rulesByKey, b.rules)
                && (a.keysNeedWords, a.termKeyStart, a.termKeys) == (b.keysNeedWords, b.termKeyStart, b.termKeys)
        }
    }

    /// The terms of `AgentSettings` that find who owns an act, by index.
    struct ActorTerms: Sendable, Equatable {
        var board: [Int] = [], act: [Int] = [], opens: [Int] = [], relative: [Int] = [], possessive: [Int] = [], subordinate: [Int] = []

        var lists: [[Int]] { [board, act, opens, relative, possessive, subordinate] }
    }

    /// What a term tells as a cue: negation before or after a match (within so many words), an
    /// exception to negation cues, a deficit or improvement, an exception to polarity cues.
    enum CueRole: Sendable, Equatable {
        case before(within: Int), after(within: Int), negationException, deficit, improvement, polarityException
    }

    init(automaton: AhoCorasick, selections: [Selection], patternCount: Int, terms: [[(pattern: Int, optional: Bool)]],
         readiness: ConditionReadiness, tree: ConditionTree, targetOfRule: [Int], cueRoles: [[CueRole]], skipTerms: [Int],
         supervisorTerms: [Int], processTerms: [Int], ownerTerms: [Int], actorTerms: ActorTerms, replacedBy: [[Int]]) {
        self.automaton = automaton
        self.selections = selections
        self.patternCount = patternCount
        self.terms = terms
        self.readiness = readiness
        self.tree = tree
        self.targetOfRule = targetOfRule
        self.cueRoles = cueRoles
        wordlessCues = cueRoles.indices.filter { !cueRoles[$0].isEmpty && readiness.needsNothing[$0] }
        self.skipTerms = skipTerms
        self.supervisorTerms = supervisorTerms
        self.processTerms = processTerms
        self.ownerTerms = ownerTerms
        self.actorTerms = actorTerms
        self.replacedBy = replacedBy
    }

    public init(pack: RulePack) {
        var patternIndex: [WordPattern: Int] = [:]
        var patterns: [WordPattern] = []
        var termIndex: [Term: Int] = [:]
        var terms: [[(pattern: Int, optional: Bool)]] = []
        func intern(_ t: Term) -> Int {
            if let i = termIndex[t] { return i }
            let words = t.words.map { w -> (Int, Bool) in
                if let p = patternIndex[w.pattern] { return (p, w.optional) }
                patternIndex[w.pattern] = patterns.count
                patterns.append(w.pattern)
                return (patterns.count - 1, w.optional)
            }
            termIndex[t] = terms.count
            terms.append(words.map { (pattern: $0.0, optional: $0.1) })
            return terms.count - 1
        }
        let tree = ConditionTree(pack.rules.map(\.condition), term: intern)
        var targetIndex: [RuleTarget: Int] = [:]
        let targetOfRule = pack.rules.map { rule in
            if let i = targetIndex[rule.target] { return i }
            targetIndex[rule.target] = targetIndex.count
            return targetIndex.count - 1
        }
        var roles: [(term: Int, role: CueRole)] = pack.negation.before.map { (intern($0.term), .before(within: $0.within)) }
        roles += pack.negation.after.map { (intern($0.term), .after(within: $0.within)) }
        roles += pack.negation.exceptions.map { (intern($0), .negationException) }
        roles += pack.polarity.deficit.map { (intern($0), .deficit) }
        roles += pack.polarity.improvement.map { (intern($0), .improvement) }
        roles += pack.polarity.exceptions.map { (intern($0), .polarityException) }
        let skipTerms = pack.skip.terms.map(intern)
        let supervisorTerms = pack.agents.supervisor.map(intern)
        let processTerms = pack.agents.process.map(intern)
        let ownerTerms = pack.agents.owner.map(intern)
        let actorTerms = ActorTerms(board: pack.agents.board.map(intern), act: pack.agents.act.map(intern), opens: pack.agents.opens.map(intern),
                                    relative: pack.agents.relative.map(intern),
                                    possessive: pack.agents.possessive.map(intern), subordinate: pack.agents.subordinate.map(intern))
        // A term occurs only if all its required words do, so one of them is enough to make its
        // rule a candidate, the rarest (`Term.keyWord`); and of the parts a rule needs all of,
        // one is enough (`Condition.triggerTerms`).
        // Keys as the folded document shows them: "ivo:s" is "ivo s" there.
        let foldedKeys = patterns.map { pattern in
            Array(pattern.key.utf8).withUnsafeBufferPointer { FoldedText(utf8: $0, covering: 0..<($0.count + 2)) }.map { Array($0.bytes.dropFirst().dropLast()) }
        }
        let triggerPatterns = pack.rules.map { rule in rule.condition.triggerTerms.compactMap { $0.keyWord.map { patternIndex[$0]! } } }
        let requiredPatterns = pack.rules.map { rule in
            rule.condition.positiveTerms.flatMap { $0.words.filter { !$0.optional }.map { patternIndex[$0.pattern]! } }
        }
        let allPatterns = patterns
        let allTerms = terms
        @Sendable func selection(_ included: (Int) -> Bool, gate: Bool = false) -> Selection {
            var byPattern = [[Int32]](repeating: [], count: allPatterns.count)
            for r in pack.rules.indices where included(r) {
                for p in triggerPatterns[r] where byPattern[p].last != Int32(r) { byPattern[p].append(Int32(r)) }
            }
            let keyed = allPatterns.indices.filter { !byPattern[$0].isEmpty }
            var foldable = keyed.filter { foldedKeys[$0] != nil }
            let keysNeedWords = foldable.count < keyed.count
            var rulesByKey = foldable.map { byPattern[$0] }
            if gate {
                let words = Set(pack.rules.indices.filter(included).flatMap { requiredPatterns[$0] })
                // Not the common words, which nearly every document has: they would tell nothing
                // and be reported at every other word.
                let extra = words.subtracting(foldable).filter { foldedKeys[$0] != nil && !Term.commonWords.contains(allPatterns[$0].word) }.sorted()
                foldable += extra
                rulesByKey += extra.map { _ in [] }
            }
            var termKeys: (start: [Int32], items: [Int32]) = ([], [])
            if gate {
                var keyOfPattern = [Int32](repeating: -1, count: allPatterns.count)
                for (key, p) in foldable.enumerated() { keyOfPattern[p] = Int32(key) }
                termKeys = FlatLists.flat(allTerms.map { $0.filter { !$0.optional && keyOfPattern[$0.pattern] >= 0 }.map { keyOfPattern[$0.pattern] } })
            }
            return Selection(rulesByPattern: FlatLists(byPattern), keyAutomaton: AhoCorasick(patterns: foldable.map { foldedKeys[$0]! }),
                             rulesByKey: FlatLists(rulesByKey), rules: pack.rules.indices.filter(included), keysNeedWords: keysNeedWords,
                             termKeyStart: termKeys.start, termKeys: termKeys.items)
        }
        let idIndex = Dictionary(pack.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let replacedBy = pack.rules.map { $0.replaces.compactMap { idIndex[$0] } }
        let isRest = Self.restRules(pack.rules, against: Set(pack.relevance.against), replacedBy: replacedBy)
        // The four automata are built side by side (most of the compiling time).
        // One variable per part: elements of one array would share its storage across threads.
        nonisolated(unsafe) var all: Selection?
        nonisolated(unsafe) var core: Selection?
        nonisolated(unsafe) var rest: Selection?
        nonisolated(unsafe) var automaton: AhoCorasick?
        DispatchQueue.concurrentPerform(iterations: 4) { part in
            switch part {
            case 0: all = selection { _ in true }
            case 1: core = selection({ !isRest[$0] }, gate: true)
            case 2: rest = selection { isRest[$0] }
            default: automaton = AhoCorasick(patterns: allPatterns.map { Array($0.key.utf8) })
            }
        }
        var cueRoles = [[CueRole]](repeating: [], count: terms.count)
        for (t, role) in roles { cueRoles[t].append(role) }
        let readiness = ConditionReadiness(tree: tree, requiredPatterns: terms.map { $0.filter { !$0.optional }.map(\.pattern) },
                                           patternCount: patterns.count)
        self.init(automaton: automaton!, selections: [all!, core!, rest!], patternCount: patterns.count, terms: terms, readiness: readiness,
                  tree: tree, targetOfRule: targetOfRule, cueRoles: cueRoles, skipTerms: skipTerms, supervisorTerms: supervisorTerms,
                  processTerms: processTerms, ownerTerms: ownerTerms, actorTerms: actorTerms, replacedBy: replacedBy)
    }

    /// Per rule: whether it belongs to `RuleSet.rest`.
    private static func restRules(_ rules: [Rule], against: Set<String>, replacedBy: [[Int]]) -> [Bool] {
        var rest = rules.map { rule -> Bool in
            if case .relevance(let signal) = rule.target { return against.contains(signal) }
            return true
        }
        // Rules that must be resolved together: linked by `replaces`, or of one target (each
        // linked to the target's first rule: links in proportion to the rules, not their square).
        var linked = [[Int]](repeating: [], count: rules.count)
        for (r, replaced) in replacedBy.enumerated() {
            for o in replaced { linked[r].append(o); linked[o].append(r) }
        }
        var firstOfTarget: [RuleTarget: Int] = [:]
        for (r, rule) in rules.enumerated() {
            if let first = firstOfTarget[rule.target] {
                linked[r].append(first)
                linked[first].append(r)
            } else {
                firstOfTarget[rule.target] = r
            }
        }
        // A rule linked, however indirectly, to one outside `rest` leaves it too.
        var queue = rules.indices.filter { !rest[$0] }
        while let r = queue.popLast() {
            for o in linked[r] where rest[o] {
                rest[o] = false
                queue.append(o)
            }
        }
        return rest
    }

    public static func == (a: Self, b: Self) -> Bool {
        (a.automaton, a.selections, a.patternCount, a.readiness, a.tree, a.targetOfRule) == (b.automaton, b.selections, b.patternCount, b.readiness, b.tree, b.targetOfRule)
            && (a.cueRoles, a.wordlessCues) == (b.cueRoles, b.wordlessCues)
            && (a.skipTerms, a.supervisorTerms, a.processTerms, a.ownerTerms, a.replacedBy) == (b.skipTerms, b.supervisorTerms, b.processTerms, b.ownerTerms, b.replacedBy)
            && a.actorTerms == b.actorTerms
            && a.terms.elementsEqual(b.terms) { $0.elementsEqual($1) { $0 == $1 } }
    }
}
