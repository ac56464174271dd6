import Dispatch
import FyndCore
import FyndSegment

/// One rule that fired in one sentence.
public struct RuleHit: Sendable, Equatable {
    /// Index into `Matcher.rules`.
    public var rule: Int
    /// First and last word of the match (indices into the sentence's word tokens).
    public var firstWord: Int
    public var lastWord: Int
    /// Byte range in the document text, from the first to the last matched word.
    public var range: Range<Int>
    public var negated: Bool
    public var polarity: Polarity
}

/// The compiled rule pack: every term word of every rule, negation cue and polarity cue in one
/// automaton, scanned once per sentence; then only the rules whose words occurred are checked.
/// Immutable and shareable between threads. This file compiles the pack; the first look at a
/// document (`FirstLook`), matching a sentence (`SentenceMatch`), condition evaluation
/// (`ConditionEvaluation`), negation and polarity (`Negation`) and resolving hits (`Resolution`)
/// read it.
public final class Matcher: Sendable {
    /// Which rules a first look or a match is about. `.relevance` holds the relevance rules
    /// whose signal is not `against` a case; `.rest` the finding, attribute and penalty rules, whose hits count only
    /// in a relevant document: a penalty can only take relevance away, attributes are filled
    /// only for relevant documents, and no category counts as found in the others. The
    /// pipeline looks for the words of `.relevance` in every document; where they cannot add up
    /// to relevance (most text of an archive) nothing is matched. Otherwise the sentences with
    /// such words are matched with every rule, and, in a relevant document, the other sentences
    /// with `.rest`. A rule linked by `replaces`, or sharing its target, with a rule of
    /// `.relevance` is in `.relevance` too, so that matching with `.rest` resolves its hits as
    /// matching with every rule would.
    public enum RuleSet: Int, Sendable { case all, relevance, rest }

    /// Per rule set: pattern → the rules it makes candidates, and the keys of the first look
    /// (a class: read once per document and sentence, so a copy costs one reference).
    final class Selection: Sendable {
        let rulesByPattern: [[Int32]]
        let keyAutomaton: AhoCorasick
        /// Key (pattern of `keyAutomaton`) → the rules it makes candidates.
        let rulesByKey: [[Int32]]
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

        init(rulesByPattern: [[Int32]], keyAutomaton: AhoCorasick, rulesByKey: [[Int32]], rules: [Int], keysNeedWords: Bool,
             termKeyStart: [Int32], termKeys: [Int32]) {
            self.termKeyStart = termKeyStart
            self.termKeys = termKeys
            self.rulesByPattern = rulesByPattern
            self.keyAutomaton = keyAutomaton
            self.rulesByKey = rulesByKey
            self.rules = rules
            self.keysNeedWords = keysNeedWords
        }
    }

    public let pack: RulePack
    public var rules: [Rule] { pack.rules }

    let automaton: AhoCorasick
    /// By `RuleSet.rawValue`.
    let selections: [Selection]
    /// Sizes for `MatchScratch`.
    let patternCount: Int
    let termCount: Int
    var conditionCount: Int { tree.nodes.count }
    /// Term (by index) → its words as (pattern index, optional).
    let terms: [[(pattern: Int, optional: Bool)]]
    /// Which terms and conditions may hold, as patterns occur.
    let readiness: ConditionReadiness
    /// The conditions of the pack's rules; rules with the same condition share one node.
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
    let clauseWords: WordSet
    let replacedBy: [[Int]]

    public init(pack: RulePack) {
        self.pack = pack
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
        self.tree = tree
        var targetIndex: [RuleTarget: Int] = [:]
        targetOfRule = pack.rules.map { rule in
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
        skipTerms = pack.skip.terms.map(intern)
        supervisorTerms = pack.agents.supervisor.map(intern)
        processTerms = pack.agents.process.map(intern)
        ownerTerms = pack.agents.owner.map(intern)
        // A term occurs only if all its required words do, so one of them is enough to make its
        // rule a candidate, the rarest (`Term.keyWord`); and of the parts a rule needs all of,
        // one is enough (`Condition.triggerTerms`).
        // Keys as the folded document shows them: "ivo:s" is "ivo s" there.
        let foldedKeys = patterns.map { FoldedText($0.key).map { Array($0.bytes.dropFirst().dropLast()) } }
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
                termKeys = ConditionTree.flat(allTerms.map { $0.filter { !$0.optional && keyOfPattern[$0.pattern] >= 0 }.map { keyOfPattern[$0.pattern] } })
            }
            return Selection(rulesByPattern: byPattern, keyAutomaton: AhoCorasick(patterns: foldable.map { foldedKeys[$0]! }),
                             rulesByKey: rulesByKey, rules: pack.rules.indices.filter(included), keysNeedWords: keysNeedWords,
                             termKeyStart: termKeys.start, termKeys: termKeys.items)
        }
        let idIndex = Dictionary(pack.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let replacedBy = pack.rules.map { $0.replaces.compactMap { idIndex[$0] } }
        self.replacedBy = replacedBy
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
        selections = [all!, core!, rest!]
        self.automaton = automaton!
        self.terms = terms
        var cueRoles = [[CueRole]](repeating: [], count: terms.count)
        for (t, role) in roles { cueRoles[t].append(role) }
        self.cueRoles = cueRoles
        clauseWords = WordSet(pack.negation.clauseWords)
        patternCount = patterns.count
        termCount = terms.count
        let readiness = ConditionReadiness(tree: tree, requiredPatterns: terms.map { $0.filter { !$0.optional }.map(\.pattern) },
                                           patternCount: patterns.count)
        self.readiness = readiness
        wordlessCues = cueRoles.indices.filter { !cueRoles[$0].isEmpty && readiness.needsNothing[$0] }
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
}
