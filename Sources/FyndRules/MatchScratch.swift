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
/// sentence allocates nothing once the arrays have grown: the patterns' word positions, the
/// terms' and conditions' spans and the readiness of conditions are flat arrays of plain values,
/// reset by what the last sentence touched. One per worker (`Worker` owns one).
public struct MatchScratch {
    /// Indices into the sentence's tokens of its words (punctuation left out).
    var words: [Int] = []
    /// Byte offset of each word in the sentence's " w1 w2 … wn " (`Sentence.wordBytes`).
    var wordStarts: [Int] = []
    /// Clause number of each word: punctuation and clause words start a new clause. Numbered
    /// when a check first reads them (`settleClauses`).
    var clause: [Int] = []
    /// The sentence whose clauses are still to be numbered (`deferClauses`).
    private var clauseSentence: Sentence?
    /// Per word, where `near` counts it: a later item of a coordinated list stands where the
    /// first stands (`listPositions()`); empty when the sentence has no such list.
    var listPosition: [Int] = []
    /// The sentence whose lists are still to be read (`deferListPositions`).
    var listSentence: Sentence?
    /// The first word of each item of the list being read (`computeListPositions`).
    var listStarts: [Int] = []
    /// Pairs of clauses a polarity cue reaches across (`computeClauses`): a clause opened by ",
    /// vilket" judges the clause before it ("…, vilket är en brist"); a judgement reaches its
    /// reason opened by ", för" or ", bland annat för" ("får kritik, bland annat för att …").
    var judgedAcross: [(cue: Int, judged: Int)] = []
    /// Per clause while they are numbered (`computeClauses`): the break that opened it (0 for a
    /// clause word or the start), its first word, the clause it belongs to.
    private var opener: [UInt8] = [], firstWord: [Int] = [], merged: [Int] = []
    /// When set, the time of each rule's checks is recorded here (`fynd profile`).
    public var profile: RuleProfile?
    /// The patterns' occurrences, one per (pattern, word), in order of discovery.
    private var patternHits: [PatternHit] = []
    /// Per pattern: its first and last occurrence (-1: it did not occur; `lastHit` is read only
    /// where `firstHit` is set).
    private var firstHit: [Int32]
    private var lastHit: [Int32]
    private var touchedPatterns: [Int32] = []
    /// The spans found in the sentence, term by term and node by node: each term's matches and
    /// each listed node's occurrences are one run of it (`Run`).
    private(set) var spans: [Matcher.Span] = []
    /// Per term and per condition node: its run of `spans`, where known.
    private var termRuns: [Run]
    private var nodeRuns: [Run]
    private var touchedTerms: [Int32] = []
    /// Word positions where a term whose first word is optional may start (`Matcher.termOccurrences`).
    var starts: [Int] = []
    /// The parts a clause scope has taken for one anchor (`Matcher.clauseOccurrences`).
    var taken: [Matcher.Span] = []
    /// The sentence's candidate rules, in order of discovery, and which rules are among them (a
    /// bit each, 64 rules a word).
    var candidates: [Int32] = []
    private var isCandidate: [UInt64]
    /// The rules that the sentence's non-negated hits replace (`Matcher.resolve`).
    private var replaced: [Int] = []
    private var isReplacedRule: [Bool]
    /// Per target (category or attribute value, by `MatcherTables.targetOfRule`): the highest
    /// priority of the sentence's hits that may drop others (`Matcher.resolve`), and the targets set.
    private var topPriority: [Int]
    private var toppedTargets: [Int] = []

    /// An occurrence of a pattern: its word, and the next occurrence of the same pattern (-1
    /// after its last).
    struct PatternHit {
        var word: Int32
        var next: Int32
    }

    /// A run of `spans`; `start < 0` when not known.
    struct Run {
        var start: Int32 = -1
        var end: Int32 = -1
        var range: Range<Int>? { start < 0 ? nil : Int(start)..<Int(end) }
    }

    /// Marks a rule as a candidate; false when it already was.
    @inline(__always)
    mutating func markCandidate(_ rule: Int) -> Bool {
        let bit: UInt64 = 1 << (rule & 63)
        if isCandidate[rule >> 6] & bit != 0 { return false }
        isCandidate[rule >> 6] |= bit
        return true
    }

    /// Per condition node: nil when not evaluated in this sentence, else the rule's match (or
    /// none).
    private var conditionResults: [Matcher.Span??]
    private let readinessTables: ConditionReadiness
    private var readiness: Readiness
    private var touchedConditions: [Int32] = []
    /// Negation and polarity of a span, computed once per sentence for all rules that share it.
    /// A sentence has a few such spans: they are looked up one by one, without hashing.
    var negations: [(key: SpanKey, negated: Bool)] = []
    var polarities: [(key: SpanKey, polarity: Polarity)] = []
    /// Whether the supervisor owns the act a category hit starting at a word names, and whether
    /// its clause tells the supervisor's process, by word, once asked in the sentence
    /// (`Matcher.isSupervisorsProcess`).
    var supervisorsProcess: [(word: Int, owned: Bool, process: Bool?)] = []
    /// The occurrences of each agent list (by `Matcher.AgentList`), once asked in the sentence.
    var agentSpans: [[Matcher.Span]?] = Array(repeating: nil, count: Matcher.AgentList.allCases.count)
    var agentSpansAsked = false
    /// Cue occurrences of the sentence, once some span needed them.
    var cues: Cues?

    struct Cues {
        var before: [(span: Matcher.Span, within: Int)] = []
        var after: [(span: Matcher.Span, within: Int)] = []
        var deficits: [Matcher.Span] = []
        var improvements: [Matcher.Span] = []
    }

    struct SpanKey: Equatable { var first: Int; var last: Int; var isCategory: Bool; var spread: Bool }

    public init(matcher: Matcher) { self.init(matcher: matcher, firstSentence: 1) }

    /// A scratch whose sentences are numbered from `firstSentence` (`Readiness`).
    init(matcher: Matcher, firstSentence: UInt32) {
        let tables = matcher.tables
        firstHit = Array(repeating: -1, count: tables.patternCount)
        lastHit = firstHit
        termRuns = Array(repeating: Run(), count: matcher.termCount)
        nodeRuns = Array(repeating: Run(), count: matcher.conditionCount)
        conditionResults = Array(repeating: nil, count: matcher.conditionCount)
        readinessTables = tables.readiness
        readiness = Readiness(terms: matcher.termCount, tables: tables.readiness, firstSentence: firstSentence)
        isCandidate = Array(repeating: 0, count: (matcher.rules.count + 63) / 64)
        isReplacedRule = Array(repeating: false, count: matcher.rules.count)
        topPriority = Array(repeating: .min, count: matcher.rules.count)
    }

    func conditionResult(_ c: Int32) -> Matcher.Span?? { conditionResults[Int(c)] }

    mutating func setConditionResult(_ c: Int32, _ span: Matcher.Span?) {
        conditionResults[Int(c)] = .some(span)
        touchedConditions.append(c)
    }

    /// Whether condition node `c` may hold in the sentence: each word it needs occurred.
    func mayHold(_ c: Int32) -> Bool { readiness.holds(Int(c)) }

    /// How many of the parts of node `n` may hold (`mayHold`), each time a part is listed
    /// counted; `Int.max` for a node that always holds (its parts that always hold are not counted).
    func possibleParts(_ n: Int32) -> Int { readiness.possibleParts(Int(n)) }

    /// Whether every word term `t` needs occurred in the sentence (after `settleReadiness`).
    func termMayHold(_ t: Int) -> Bool { readiness.termReady(t) || readinessTables.needsNothing[t] }

    /// Per sentence: the terms whose key occurred, the terms and nodes that may hold, and how
    /// many parts of each node may (`ConditionReadiness`). Each mark is the number of the
    /// sentence it holds in (a stamp), so that starting a sentence is one increment: nothing is
    /// cleared term by term or node by node. What a node becoming possible reads and writes of
    /// its parent is one `NodeMark`, a single load from memory.
    struct Readiness {
        /// The number of the sentence being matched: a stamp equal to it is of this sentence.
        /// Stamps take 32 bits; when the number runs out, every stamp is cleared and it starts again.
        private var sentence: UInt32 = 1
        /// Per term: the sentence in which every word it needs occurred.
        private var termStamp: [UInt32]
        /// Per node: when it may hold, and how many of its parts may.
        private var marks: [NodeMark]
        var touchedTerms: [Int32] = []
        /// The work list, with room for every node (each becomes possible at most once a sentence).
        private var stack: [Int32]

        struct NodeMark {
            /// The sentence in which the node may hold; `UInt32.max` for one that always holds.
            var hold: UInt32
            /// The sentence `count` is of, and how many of the node's parts may hold in it.
            var stamp: UInt32 = 0
            var count: UInt32 = 0
            /// How many parts must, for the node to (`ConditionReadiness.needed`); 0 for a node
            /// that always holds, which is never counted up to.
            var threshold: UInt32
        }

        init(terms: Int, tables: ConditionReadiness, firstSentence: UInt32) {
            termStamp = Array(repeating: 0, count: terms)
            marks = zip(tables.always, tables.needed).map { always, needed in
                always ? NodeMark(hold: .max, threshold: 0) : NodeMark(hold: 0, threshold: UInt32(needed))
            }
            stack = Array(repeating: 0, count: marks.count)
            sentence = firstSentence
        }

        /// Whether every word term `t` needs occurred in the sentence.
        func termReady(_ t: Int) -> Bool { termStamp[t] == sentence }

        /// Whether node `n` may hold in the sentence.
        func holds(_ n: Int) -> Bool { marks[n].hold >= sentence }

        /// How many of node `n`'s parts became possible in the sentence (`propagate` counts every
        /// one); `Int.max` for a node that always holds.
        func possibleParts(_ n: Int) -> Int {
            let mark = marks[n]
            if mark.hold == .max { return .max }
            return mark.stamp == sentence ? Int(mark.count) : 0
        }

        /// Marks each term keyed by a pattern of `keys` (those that occurred, `firstHit` not
        /// negative) whose patterns all occurred as ready, and the nodes that makes possible: the
        /// term's own, and each parent that has as many possible parts as its threshold (tables
        /// of `ConditionReadiness`; the terms' nodes seed the work list, nothing is appended but
        /// the ready terms).
        mutating func settle(keys: [Int32], keyStart: UnsafeBufferPointer<Int32>, termsOfKey: UnsafeBufferPointer<Int32>,
                             patternsStart: UnsafeBufferPointer<Int32>, patterns: UnsafeBufferPointer<Int32>,
                             nodeOfTerm: UnsafeBufferPointer<Int32>, firstHit: UnsafeBufferPointer<Int32>,
                             parentsStart: UnsafeBufferPointer<Int32>, parents: UnsafeBufferPointer<Int32>) {
            let sentence = sentence
            var top = 0
            stack.withUnsafeMutableBufferPointer { stack in
                termStamp.withUnsafeMutableBufferPointer { termStamp in
                    for key in keys {
                        for i in Int(keyStart[Int(key)])..<Int(keyStart[Int(key) + 1]) {
                            let term = Int(termsOfKey[i])
                            var all = true
                            for k in Int(patternsStart[term])..<Int(patternsStart[term + 1]) where firstHit[Int(patterns[k])] < 0 {
                                all = false
                                break
                            }
                            guard all else { continue }
                            termStamp[term] = sentence
                            touchedTerms.append(Int32(term))
                            if nodeOfTerm[term] >= 0 { stack[top] = nodeOfTerm[term]; top += 1 }
                        }
                    }
                }
                guard top > 0 else { return }
                marks.withUnsafeMutableBufferPointer { marks in
                    while top > 0 {
                        top -= 1
                        let n = Int(stack[top])
                        marks[n].hold = sentence
                        for k in Int(parentsStart[n])..<Int(parentsStart[n + 1]) {
                            let p = Int(parents[k])
                            if marks[p].stamp != sentence { marks[p].stamp = sentence; marks[p].count = 0 }
                            marks[p].count += 1
                            if marks[p].count == marks[p].threshold { stack[top] = Int32(p); top += 1 }
                        }
                    }
                }
            }
        }

        /// Starts the next sentence: every stamp of the last one is out of date.
        mutating func reset() {
            if sentence == .max - 1 {
                for i in marks.indices where marks[i].hold != .max { marks[i].hold = 0 }
                for i in marks.indices { marks[i].stamp = 0 }
                for t in termStamp.indices { termStamp[t] = 0 }
                sentence = 0
            }
            sentence += 1
            touchedTerms.removeAll(keepingCapacity: true)
        }
    }

    /// The terms that may hold in the sentence (after `settleReadiness`), those that need no word left out.
    var readyTerms: [Int32] { readiness.touchedTerms }

    /// After the sentence's patterns are all added: which terms and nodes may hold.
    mutating func settleReadiness() {
        firstHit.withUnsafeBufferPointer { readinessTables.settle(&readiness, keys: touchedPatterns, firstHit: $0) }
    }

    /// Starts a sentence: forgets the last one and lists its words.
    mutating func reset(_ sentence: Sentence) {
        for p in touchedPatterns { firstHit[Int(p)] = -1 }
        touchedPatterns.removeAll(keepingCapacity: true)
        patternHits.removeAll(keepingCapacity: true)
        readiness.reset()
        for t in touchedTerms { termRuns[Int(t)].start = -1 }
        touchedTerms.removeAll(keepingCapacity: true)
        for c in touchedConditions {
            conditionResults[Int(c)] = nil
            nodeRuns[Int(c)].start = -1
        }
        touchedConditions.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        if !negations.isEmpty { negations.removeAll(keepingCapacity: true) }
        if !polarities.isEmpty { polarities.removeAll(keepingCapacity: true) }
        if !supervisorsProcess.isEmpty { supervisorsProcess.removeAll(keepingCapacity: true) }
        if agentSpansAsked {
            for i in agentSpans.indices { agentSpans[i] = nil }
            agentSpansAsked = false
        }
        cues = nil
        words.removeAll(keepingCapacity: true)
        wordStarts.removeAll(keepingCapacity: true)
        clause.removeAll(keepingCapacity: true)
        clauseSentence = nil
        let base = sentence.wordBytes.lowerBound
        for (i, t) in sentence.tokens.enumerated() where t.isWord {
            words.append(i)
            wordStarts.append(t.folded.lowerBound - base)
        }
    }

    mutating func markReplaced(_ rules: [Int]) {
        for r in rules where !isReplacedRule[r] {
            isReplacedRule[r] = true
            replaced.append(r)
        }
    }

    func isReplaced(_ rule: Int) -> Bool { isReplacedRule[rule] }

    mutating func clearReplaced() {
        for r in replaced { isReplacedRule[r] = false }
        replaced.removeAll(keepingCapacity: true)
    }

    /// Raises the highest priority of a dropping hit of `target` to `priority`.
    mutating func raiseTopPriority(_ target: Int, to priority: Int) {
        if topPriority[target] == .min { toppedTargets.append(target) }
        topPriority[target] = max(topPriority[target], priority)
    }

    /// The highest priority of a hit of `target` that may drop others (`Int.min`: none).
    func topPriority(_ target: Int) -> Int { topPriority[target] }

    mutating func clearTopPriorities() {
        for t in toppedTargets { topPriority[t] = .min }
        toppedTargets.removeAll(keepingCapacity: true)
    }

    /// Puts the candidates in rule order: read off the candidate bits in order, a load per 64
    /// rules and a step per candidate (sorting them cost more, the more so with more rules).
    mutating func sortCandidates() {
        candidates.removeAll(keepingCapacity: true)
        for (k, word) in isCandidate.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                candidates.append(Int32(k << 6 | bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
    }

    /// Forgets the candidates of the sentence.
    mutating func clearCandidates() {
        for r in candidates { isCandidate[Int(r) >> 6] = 0 }
        candidates.removeAll(keepingCapacity: true)
    }

    /// Keeps the sentence whose clauses `settleClauses` numbers when a check first reads them:
    /// most sentences with a candidate rule have no match to judge and no clause scope to pair.
    mutating func deferClauses(_ sentence: Sentence) { clauseSentence = sentence }

    /// Numbers the clauses of the sentence `deferClauses` kept (`clause`, `judgedAcross`), once.
    mutating func settleClauses(clauseWords: WordSet) {
        guard let sentence = clauseSentence else { return }
        clauseSentence = nil
        computeClauses(sentence, clauseWords: clauseWords)
    }

    /// Numbers the clauses of the sentence's words. An apposition or a parenthesis of a few words
    /// ("Justitieombudsmannen, JO, inleder …", "Ivo (Inspektionen för vård och omsorg) tog emot
    /// …") belongs to the clause around it.
    private mutating func computeClauses(_ sentence: Sentence, clauseWords: WordSet) {
        var clauseNumber = 0
        opener.removeAll(keepingCapacity: true)
        firstWord.removeAll(keepingCapacity: true)
        if !judgedAcross.isEmpty { judgedAcross.removeAll(keepingCapacity: true) }
        opener.append(0)
        firstWord.append(0)
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
                } else if clauseNumber > 0, opener[clauseNumber] == UInt8(ascii: ",") {
                    let position = clause.count - firstWord[clauseNumber]
                    if position == 0, form.elementsEqual("vilket".utf8) { judgedAcross.append((clauseNumber, clauseNumber - 1)) }
                    if form.elementsEqual("för".utf8), position == 0 || (position == 2 && isBlandAnnat(sentence, words: clause.count - 2, in: folded)) {
                        judgedAcross.append((clauseNumber - 1, clauseNumber))
                    }
                }
                clause.append(clauseNumber)
            }
        }
        guard clauseNumber > 1 else { return }
        // Clause k is an inserted phrase when "," or "(" opened it, "," or ")" closed it, and it is short.
        merged.removeAll(keepingCapacity: true)
        merged.append(contentsOf: 0...clauseNumber)
        for k in 1..<clauseNumber {
            let length = firstWord[k + 1] - firstWord[k]
            let inserted = (opener[k] == UInt8(ascii: ",") && opener[k + 1] == UInt8(ascii: ",") && length <= 5)
                || (opener[k] == UInt8(ascii: "(") && opener[k + 1] == UInt8(ascii: ")") && length <= 8)
            guard inserted, length > 0, !Self.opensClause(sentence, word: sentence.tokens[words[firstWord[k]]]) else { continue }
            merged[k] = merged[k - 1]
            merged[k + 1] = merged[k - 1]
        }
        for i in clause.indices { clause[i] = merged[clause[i]] }
        for (i, r) in judgedAcross.enumerated() { judgedAcross[i] = (merged[r.cue], merged[r.judged]) }
    }

    /// Whether the word at `index` and the next are "bland annat".
    private func isBlandAnnat(_ sentence: Sentence, words index: Int, in folded: UnsafeBufferPointer<UInt8>) -> Bool {
        index >= 0 && index + 1 < words.count && folded[sentence.tokens[words[index]].folded].elementsEqual("bland".utf8)
            && folded[sentence.tokens[words[index + 1]].folded].elementsEqual("annat".utf8)
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

    /// The word whose bytes contain `byte`, the first word looked at being `from` (a scan
    /// reports matches in the order they end, so that its words only move forward).
    @inline(__always)
    func wordAt(byte: Int, from: Int) -> Int {
        var w = from
        while w + 1 < wordStarts.count, wordStarts[w + 1] <= byte { w += 1 }
        return w
    }

    /// Pattern `pattern` occurred at word `word` (once per word: a repeat right after is
    /// dropped); true when it is the pattern's first occurrence in the sentence.
    mutating func addHit(pattern: Int, word: Int) -> Bool {
        let h = Int32(patternHits.count)
        let last = lastHit[pattern]
        let isFirst = firstHit[pattern] < 0
        if isFirst {
            firstHit[pattern] = h
            touchedPatterns.append(Int32(pattern))
        } else {
            if patternHits[Int(last)].word == Int32(word) { return false }
            patternHits[Int(last)].next = h
        }
        lastHit[pattern] = h
        patternHits.append(PatternHit(word: Int32(word), next: -1))
        return isFirst
    }

    /// A pattern's occurrences, in the order they were found (that of the text, but for shared
    /// endings, `Matcher.sharedEndings`): the first (-1 when it did not occur), each one's word,
    /// and the next (-1 after the last).
    func firstOccurrence(of pattern: Int) -> Int { Int(firstHit[pattern]) }
    func word(ofOccurrence h: Int) -> Int { Int(patternHits[h].word) }
    func nextOccurrence(after h: Int) -> Int { Int(patternHits[h].next) }

    /// Whether `pattern` occurred at `word`. Inlined: a call on the matcher's `inout` scratch
    /// copied the whole scratch.
    @inline(__always)
    func has(pattern: Int, word: Int) -> Bool {
        var h = Int(firstHit[pattern])
        while h >= 0 {
            if patternHits[h].word == Int32(word) { return true }
            h = Int(patternHits[h].next)
        }
        return false
    }

    /// The matches of term `t`, where known.
    func termSpans(_ t: Int) -> Range<Int>? { termRuns[t].range }

    /// The occurrences of condition node `n`, where known.
    func nodeSpans(_ n: Int32) -> Range<Int>? { nodeRuns[Int(n)].range }

    mutating func appendSpan(_ span: Matcher.Span) { spans.append(span) }

    /// Appends a copy of the spans at `range` (another run of `spans`).
    mutating func appendSpans(_ range: Range<Int>) {
        for i in range { spans.append(spans[i]) }
    }

    /// The spans appended since `start` are the matches of term `t`.
    mutating func storeTerm(_ t: Int, from start: Int) -> Range<Int> {
        termRuns[t] = Run(start: Int32(start), end: Int32(spans.count))
        touchedTerms.append(Int32(t))
        return start..<spans.count
    }

    /// The spans appended since `start` are the occurrences of node `n`.
    mutating func storeNode(_ n: Int32, from start: Int) -> Range<Int> {
        nodeRuns[Int(n)] = Run(start: Int32(start), end: Int32(spans.count))
        touchedConditions.append(n)
        return start..<spans.count
    }

    /// The real span of `range` that starts first (the first of equals). Inlined, as `has`.
    @inline(__always)
    func earliest(in range: Range<Int>) -> Matcher.Span? {
        var best: Matcher.Span?
        for i in range {
            let o = spans[i]
            if o.isReal && (best == nil || o.first < best!.first) { best = o }
        }
        return best
    }
}
