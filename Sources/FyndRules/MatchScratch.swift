import FyndCore

/// A few folded words ("men", "däremot"; "och", "eller"), looked up on a token's bytes without hashing: a word
/// longer than all of them, or starting with a byte none starts with, is none; else it is
/// compared with those of its length.
struct WordSet: Sendable {
    private let words: [[UInt8]]
    private let longest: Int
    private let firstBytes: [Bool]

    init(_ words: some Collection<String>) {
        self.words = words.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        longest = self.words.map(\.count).max() ?? 0
        var firstBytes = [Bool](repeating: false, count: 256)
        for w in self.words { if let b = w.first { firstBytes[Int(b)] = true } }
        self.firstBytes = firstBytes
    }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let b = word.first, firstBytes[Int(b)], word.count <= longest else { return false }
        return words.contains { $0.count == word.count && $0.elementsEqual(word) }
    }
}

/// Per-sentence working memory of the matcher, kept between sentences so that matching a
/// sentence allocates little. One per worker (`Worker` owns one).
public struct MatchScratch {
    /// Indices into the sentence's tokens of its words (punctuation left out).
    var words: [Int] = []
    /// Byte offset of each word in the sentence's " w1 w2 … wn " (`Sentence.wordBytes`).
    var wordStarts: [Int] = []
    /// Clause number of each word: punctuation and clause words start a new clause.
    var clause: [Int] = []
    /// When set, the time of each rule's checks is recorded here (`fynd profile`).
    public var profile: RuleProfile?
    /// Word positions of each pattern that occurred, in order of discovery.
    private var positionLists: [[Int]]
    /// Per pattern: whether it occurred in the sentence (without touching its position list).
    private var hasOccurred: [Bool]
    private var touchedPatterns: [Int] = []
    /// Per term: its matches in the sentence, where `isCached` says they are known; the arrays
    /// keep their storage from sentence to sentence.
    private var cache: [[Matcher.Span]]
    private var isCached: [Bool]
    private var touchedTerms: [Int] = []

    /// Rules already among this sentence's candidates.
    private var isCandidate: [Bool]
    /// Marks a rule as a candidate; false when it already was.
    mutating func markCandidate(_ rule: Int) -> Bool {
        if isCandidate[rule] { return false }
        isCandidate[rule] = true
        return true
    }

    mutating func clearCandidates(_ rules: [Int32]) {
        for r in rules { isCandidate[Int(r)] = false }
    }

    /// Per condition node: nil when not evaluated in this sentence, else the rule's match (or
    /// none); whether it may hold; its spans, where `Matcher.occurrences` listed them.
    private var conditionResults: [Matcher.Span??]
    private let readinessTables: ConditionReadiness
    private var readiness: Readiness
    private var occurrenceLists: [[Matcher.Span]?]
    private var touchedConditions: [Int32] = []
    /// Negation and polarity of a span, computed once per sentence for all rules that share it.
    /// A sentence has a few such spans: they are looked up one by one, without hashing.
    var negations: [(key: SpanKey, negated: Bool)] = []
    var polarities: [(key: SpanKey, polarity: Polarity)] = []
    /// Cue occurrences of the sentence, once some span needed them.
    var cues: Cues?

    struct Cues {
        var before: [(span: Matcher.Span, within: Int)] = []
        var after: [(span: Matcher.Span, within: Int)] = []
        var deficits: [Matcher.Span] = []
        var improvements: [Matcher.Span] = []
    }

    struct SpanKey: Equatable { var first: Int; var last: Int; var isCategory: Bool; var spread: Bool }

    public init(matcher: Matcher) {
        positionLists = Array(repeating: [], count: matcher.tables.patternCount)
        hasOccurred = Array(repeating: false, count: matcher.tables.patternCount)
        cache = Array(repeating: [], count: matcher.termCount)
        isCached = Array(repeating: false, count: matcher.termCount)
        conditionResults = Array(repeating: nil, count: matcher.conditionCount)
        readinessTables = matcher.tables.readiness
        readiness = Readiness(terms: matcher.termCount, always: matcher.tables.readiness.always)
        occurrenceLists = Array(repeating: nil, count: matcher.conditionCount)
        isCandidate = Array(repeating: false, count: matcher.rules.count)
    }

    func conditionResult(_ c: Int32) -> Matcher.Span?? { conditionResults[Int(c)] }

    mutating func setConditionResult(_ c: Int32, _ span: Matcher.Span?) {
        conditionResults[Int(c)] = .some(span)
        touchedConditions.append(c)
    }

    /// Whether condition node `c` may hold in the sentence: each word it needs occurred.
    func mayHold(_ c: Int32) -> Bool { readiness.holds[Int(c)] }

    /// Whether every word term `t` needs occurred in the sentence (after `settleReadiness`).
    func termMayHold(_ t: Int) -> Bool { readiness.termReady[t] || readinessTables.needsNothing[t] }

    /// Per sentence: the terms whose key occurred, the terms and nodes that may hold, and how
    /// many parts of each node may (`ConditionReadiness`).
    struct Readiness {
        var waiting: [Int32] = []
        var termReady: [Bool]
        var nodeCount: [Int32]
        var holds: [Bool]
        var touchedTerms: [Int32] = []
        /// The nodes of terms that became possible, whose parents are still to count them.
        var possible: [Int32] = []
        /// Per node, with room for every node (each becomes possible, and is counted, at most
        /// once a sentence): those that became possible, those counted, and the work list.
        private var touchedNodes: [Int32]
        private var countedNodes: [Int32]
        private var stack: [Int32]
        private var touchedNodeCount = 0, countedNodeCount = 0

        init(terms: Int, always: [Bool]) {
            termReady = Array(repeating: false, count: terms)
            nodeCount = Array(repeating: 0, count: always.count)
            holds = always
            touchedNodes = Array(repeating: 0, count: always.count)
            countedNodes = touchedNodes
            stack = touchedNodes
        }

        /// Marks the nodes of `possible` as possible, and each parent that has as many possible
        /// parts as it `needed` too (tables of `ConditionReadiness`).
        mutating func propagate(start: UnsafeBufferPointer<Int32>, parents: UnsafeBufferPointer<Int32>,
                                needed: UnsafeBufferPointer<Int32>, always: UnsafeBufferPointer<Bool>) {
            var touched = touchedNodeCount, counted = countedNodeCount
            let seeds = possible
            possible.removeAll(keepingCapacity: true)
            holds.withUnsafeMutableBufferPointer { holds in
                nodeCount.withUnsafeMutableBufferPointer { count in
                    touchedNodes.withUnsafeMutableBufferPointer { touchedNodes in
                        countedNodes.withUnsafeMutableBufferPointer { countedNodes in
                            stack.withUnsafeMutableBufferPointer { stack in
                                var top = 0
                                for n in seeds { stack[top] = n; top += 1 }
                                while top > 0 {
                                    top -= 1
                                    let n = Int(stack[top])
                                    holds[n] = true
                                    touchedNodes[touched] = Int32(n)
                                    touched += 1
                                    for k in Int(start[n])..<Int(start[n + 1]) {
                                        let p = Int(parents[k])
                                        guard !always[p] else { continue }
                                        if count[p] == 0 { countedNodes[counted] = Int32(p); counted += 1 }
                                        count[p] += 1
                                        if count[p] == needed[p] { stack[top] = Int32(p); top += 1 }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            touchedNodeCount = touched
            countedNodeCount = counted
        }

        mutating func reset() {
            for t in touchedTerms { termReady[Int(t)] = false }
            for i in 0..<touchedNodeCount { holds[Int(touchedNodes[i])] = false }
            for i in 0..<countedNodeCount { nodeCount[Int(countedNodes[i])] = 0 }
            waiting.removeAll(keepingCapacity: true)
            touchedTerms.removeAll(keepingCapacity: true)
            touchedNodeCount = 0
            countedNodeCount = 0
        }
    }

    /// The terms that may hold in the sentence (after `settleReadiness`), those that need no word left out.
    var readyTerms: [Int32] { readiness.touchedTerms }

    /// After the sentence's patterns are all added: which terms and nodes may hold.
    mutating func settleReadiness() {
        hasOccurred.withUnsafeBufferPointer { readinessTables.settle(&readiness, occurred: $0) }
    }

    func occurrences(_ c: Int32) -> [Matcher.Span]? { occurrenceLists[Int(c)] }

    mutating func setOccurrences(_ c: Int32, _ spans: [Matcher.Span]) {
        occurrenceLists[Int(c)] = spans
        touchedConditions.append(c)
    }

    /// Starts a sentence: forgets the last one and lists its words.
    mutating func reset(_ sentence: Sentence) {
        for p in touchedPatterns {
            positionLists[p].removeAll(keepingCapacity: true)
            hasOccurred[p] = false
        }
        touchedPatterns.removeAll(keepingCapacity: true)
        readiness.reset()
        for t in touchedTerms { isCached[t] = false }
        touchedTerms.removeAll(keepingCapacity: true)
        for c in touchedConditions {
            conditionResults[Int(c)] = nil
            occurrenceLists[Int(c)] = nil
        }
        touchedConditions.removeAll(keepingCapacity: true)
        if !negations.isEmpty { negations.removeAll(keepingCapacity: true) }
        if !polarities.isEmpty { polarities.removeAll(keepingCapacity: true) }
        cues = nil
        words.removeAll(keepingCapacity: true)
        wordStarts.removeAll(keepingCapacity: true)
        clause.removeAll(keepingCapacity: true)
        let base = sentence.wordBytes.lowerBound
        for (i, t) in sentence.tokens.enumerated() where t.isWord {
            words.append(i)
            wordStarts.append(t.folded.lowerBound - base)
        }
    }

    /// Numbers the clauses of the sentence's words (needed only when some rule fired). An
    /// apposition or a parenthesis of a few words ("Justitieombudsmannen, JO, inleder …",
    /// "Ivo (Inspektionen för vård och omsorg) tog emot …") belongs to the clause around it.
    mutating func computeClauses(_ sentence: Sentence, clauseWords: WordSet) {
        var clauseNumber = 0
        // Per clause: the break that opened it (0 for a clause word or the start) and its first word.
        var opener: [UInt8] = [0], firstWord: [Int] = [0]
        sentence.folded.withUnsafeBufferPointer { folded in
            for t in sentence.tokens {
                let form = UnsafeBufferPointer(rebasing: folded[t.folded])
                guard t.isWord else {
                    if !form.isEmpty, form.count <= 3, Self.isClauseBreak(form) {
                        clauseNumber += 1
                        opener.append(form[0])
                        firstWord.append(clause.count)
                    }
                    continue
                }
                if clauseWords.contains(form) {
                    clauseNumber += 1
                    opener.append(0)
                    firstWord.append(clause.count)
                }
                clause.append(clauseNumber)
            }
        }
        guard clauseNumber > 1 else { return }
        // Clause k is an inserted phrase when "," or "(" opened it, "," or ")" closed it, and it is short.
        var merged = Array(0...clauseNumber)
        for k in 1..<clauseNumber {
            let length = firstWord[k + 1] - firstWord[k]
            let inserted = (opener[k] == UInt8(ascii: ",") && opener[k + 1] == UInt8(ascii: ",") && length <= 5)
                || (opener[k] == UInt8(ascii: "(") && opener[k + 1] == UInt8(ascii: ")") && length <= 8)
            guard inserted, length > 0, !Self.opensClause(sentence, word: sentence.tokens[words[firstWord[k]]]) else { continue }
            merged[k] = merged[k - 1]
            merged[k + 1] = merged[k - 1]
        }
        for i in clause.indices { clause[i] = merged[clause[i]] }
    }

    /// Words that open a subordinate clause: a phrase starting so is no apposition.
    private static let subordinators: Set<String> = ["som", "att", "där", "när", "om", "eftersom", "då", "vilket", "vilka", "men", "och", "medan", "innan", "efter"]

    private static func opensClause(_ sentence: Sentence, word: Token) -> Bool { subordinators.contains(sentence.foldedForm(word)) }

    /// , ; : ( ) " – — ”
    private static func isClauseBreak(_ form: UnsafeBufferPointer<UInt8>) -> Bool {
        switch form[0] {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""): return true
        case 0xE2: return form.count == 3 && form[1] == 0x80 && (form[2] == 0x93 || form[2] == 0x94 || form[2] == 0x9D)
        default: return false
        }
    }

    /// The word whose bytes contain `byte`.
    func wordAt(byte: Int) -> Int {
        var lo = 0, hi = wordStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if wordStarts[mid] <= byte { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    mutating func addHit(pattern: Int, word: Int) {
        if !hasOccurred[pattern] {
            hasOccurred[pattern] = true
            touchedPatterns.append(pattern)
            readinessTables.occurred(pattern, &readiness)
        }
        if positionLists[pattern].last != word { positionLists[pattern].append(word) }
    }

    /// Word positions of a pattern, in increasing order; empty when it did not occur.
    func positions(_ pattern: Int) -> [Int] { positionLists[pattern] }

    func has(pattern: Int, word: Int) -> Bool { positionLists[pattern].contains(word) }

    func cached(_ term: Int) -> [Matcher.Span]? { isCached[term] ? cache[term] : nil }

    /// An empty array with the storage of the term's matches in an earlier sentence, to be
    /// filled and handed to `store`.
    mutating func storage(_ term: Int) -> [Matcher.Span] {
        var spans = cache[term]
        cache[term] = []
        spans.removeAll(keepingCapacity: true)
        return spans
    }

    mutating func store(_ term: Int, _ spans: [Matcher.Span]) {
        cache[term] = spans
        isCached[term] = true
        touchedTerms.append(term)
    }
}
