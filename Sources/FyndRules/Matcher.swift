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
/// Immutable and shareable between threads.
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
    private final class Selection: Sendable {
        let rulesByPattern: [[Int32]]
        let keyAutomaton: AhoCorasick
        /// Key (pattern of `keyAutomaton`) → the rules it makes candidates.
        let rulesByKey: [[Int32]]
        /// The rules of the set, in order.
        let rules: [Int]
        /// True when some key cannot be folded (a letter whose lower case has another length),
        /// so that every sentence must be looked at word by word.
        let keysNeedWords: Bool
        /// Pattern → its key in `keyAutomaton`, or -1: besides the rules' trigger keys, the
        /// relevance set's automaton holds every required word of its rules' terms, so that a
        /// rule counts as a candidate only when each part it needs has its words in the document.
        let keyOfPattern: [Int32]

        init(rulesByPattern: [[Int32]], keyAutomaton: AhoCorasick, rulesByKey: [[Int32]], rules: [Int], keysNeedWords: Bool,
             keyOfPattern: [Int32]) {
            self.keyOfPattern = keyOfPattern
            self.rulesByPattern = rulesByPattern
            self.keyAutomaton = keyAutomaton
            self.rulesByKey = rulesByKey
            self.rules = rules
            self.keysNeedWords = keysNeedWords
        }
    }

    public let pack: RulePack
    public var rules: [Rule] { pack.rules }

    private let automaton: AhoCorasick
    /// By `RuleSet.rawValue`.
    private let selections: [Selection]
    /// Sizes for `MatchScratch`.
    let patternCount: Int
    let termCount: Int
    var conditionCount: Int { conditions.count }
    /// Term (by index) → its words as (pattern index, optional).
    private let terms: [[(pattern: Int, optional: Bool)]]
    /// Term (by index) → the patterns that must occur for it to match, flat: those of term `t`
    /// are `requiredPatterns[requiredStart[t]..<requiredStart[t + 1]]`.
    private let requiredPatterns: [Int32]
    private let requiredStart: [Int32]
    /// Distinct conditions of the pack; rules with the same condition share one evaluation.
    private let conditions: [CompiledCondition]
    /// Rule (by index) → its condition's index in `conditions`.
    private let conditionOfRule: [Int]
    /// Rule (by index) → a number for its target, the same for rules of one category or value.
    private let targetOfRule: [Int]
    private let beforeCues: [(term: Int, within: Int)]
    private let afterCues: [(term: Int, within: Int)]
    private let cueExceptions: [Int]
    private let skipTerms: [Int]
    private let supervisorTerms: [Int]
    private let processTerms: [Int]
    private let ownerTerms: [Int]
    private let deficitCues: [Int]
    private let improvementCues: [Int]
    private let clauseWords: ClauseWords
    private let replacedBy: [[Int]]

    indirect enum CompiledCondition: Sendable, Hashable {
        case term(Int)
        case any([CompiledCondition])
        case all([CompiledCondition])
        case none([CompiledCondition])
        case near(CompiledCondition, CompiledCondition, Int)
        case clause([CompiledCondition], Int)
    }

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
        func compile(_ c: Condition) -> CompiledCondition {
            switch c {
            case .term(let t): .term(intern(t))
            case .any(let cs): .any(cs.map(compile))
            case .all(let cs): .all(cs.map(compile))
            case .none(let cs): .none(cs.map(compile))
            case .near(let a, let b, let w): .near(compile(a), compile(b), w)
            case .clause(let cs, let w): .clause(cs.map(compile), w)
            }
        }
        var conditionIndex: [CompiledCondition: Int] = [:]
        var distinct: [CompiledCondition] = []
        conditionOfRule = pack.rules.map { rule in
            let c = compile(rule.condition)
            if let i = conditionIndex[c] { return i }
            conditionIndex[c] = distinct.count
            distinct.append(c)
            return distinct.count - 1
        }
        conditions = distinct
        var targetIndex: [RuleTarget: Int] = [:]
        targetOfRule = pack.rules.map { rule in
            if let i = targetIndex[rule.target] { return i }
            targetIndex[rule.target] = targetIndex.count
            return targetIndex.count - 1
        }
        beforeCues = pack.negation.before.map { (intern($0.term), $0.within) }
        afterCues = pack.negation.after.map { (intern($0.term), $0.within) }
        cueExceptions = pack.negation.exceptions.map(intern)
        skipTerms = pack.skip.terms.map(intern)
        supervisorTerms = pack.agents.supervisor.map(intern)
        processTerms = pack.agents.process.map(intern)
        ownerTerms = pack.agents.owner.map(intern)
        deficitCues = pack.polarity.deficit.map(intern)
        improvementCues = pack.polarity.improvement.map(intern)
        // A term occurs only if all its required words do, so one of them is enough to make its
        // rule a candidate, the rarest (`Term.keyWord`); and of the parts a rule needs all of,
        // one is enough (`Condition.triggerTerms`).
        // Keys as the folded document shows them: "ivo:s" is "ivo s" there.
        let foldedKeys = patterns.map { FoldedText($0.key).map { Array($0.bytes.dropFirst().dropLast()) } }
        func selection(_ included: (Int) -> Bool, gate: Bool = false) -> Selection {
            var byPattern = [[Int32]](repeating: [], count: patterns.count)
            for (r, rule) in pack.rules.enumerated() where included(r) {
                for t in rule.condition.triggerTerms {
                    guard let key = t.keyWord else { continue }
                    let p = patternIndex[key]!
                    if byPattern[p].last != Int32(r) { byPattern[p].append(Int32(r)) }
                }
            }
            let keyed = patterns.indices.filter { !byPattern[$0].isEmpty }
            var foldable = keyed.filter { foldedKeys[$0] != nil }
            let keysNeedWords = foldable.count < keyed.count
            var rulesByKey = foldable.map { byPattern[$0] }
            if gate {
                let words = Set(pack.rules.indices.filter(included).flatMap { r in
                    pack.rules[r].condition.positiveTerms.flatMap { $0.words.filter { !$0.optional }.map { patternIndex[$0.pattern]! } }
                })
                // Not the common words, which nearly every document has: they would tell nothing
                // and be reported at every other word.
                let extra = words.subtracting(foldable).filter { foldedKeys[$0] != nil && !Term.commonWords.contains(patterns[$0].word) }.sorted()
                foldable += extra
                rulesByKey += extra.map { _ in [] }
            }
            var keyOfPattern = [Int32](repeating: -1, count: gate ? patterns.count : 0)
            for (key, p) in foldable.enumerated() where gate { keyOfPattern[p] = Int32(key) }
            return Selection(rulesByPattern: byPattern, keyAutomaton: AhoCorasick(patterns: foldable.map { foldedKeys[$0]! }),
                             rulesByKey: rulesByKey, rules: pack.rules.indices.filter(included),
                             keysNeedWords: keysNeedWords, keyOfPattern: keyOfPattern)
        }
        let idIndex = Dictionary(pack.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        replacedBy = pack.rules.map { $0.replaces.compactMap { idIndex[$0] } }
        let isRest = Self.restRules(pack.rules, against: Set(pack.relevance.against), replacedBy: replacedBy)
        selections = [selection { _ in true }, selection({ !isRest[$0] }, gate: true), selection { isRest[$0] }]
        self.terms = terms
        clauseWords = ClauseWords(pack.negation.clauseWords)
        automaton = AhoCorasick(patterns: patterns.map { Array($0.key.utf8) })
        patternCount = patterns.count
        termCount = terms.count
        let required = terms.map { $0.filter { !$0.optional }.map { Int32($0.pattern) } }
        requiredPatterns = required.flatMap { $0 }
        requiredStart = required.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }
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

    /// What the first look at a document found: the sentences in which some rule may fire,
    /// and those rules.
    public struct Candidates: Sendable {
        /// Per sentence: whether a rule may fire in it.
        public var sentences: [Bool]
        /// The rules that may fire somewhere (indices into `rules`), in order: those whose
        /// trigger word is in the document.
        public var rules: [Int]
        /// Per key of the first look: whether it is in the document (empty when the rule set
        /// has no gate).
        var found: [Bool] = []
        var ruleSet: RuleSet = .all
    }

    /// The sentences in which some rule may fire: those where the word that makes a rule a
    /// candidate occurs. One scan of the whole folded document; the other sentences need no
    /// words and no matching. All sentences and rules when `folded` is nil.
    public func candidates(in folded: FoldedText?, sentences: [Sentence], rules: RuleSet = .all) -> Candidates {
        let selection = selections[rules.rawValue]
        guard let folded, !selection.keysNeedWords else {
            return Candidates(sentences: Array(repeating: true, count: sentences.count), rules: selection.rules, ruleSet: rules)
        }
        var wanted = Array(repeating: false, count: sentences.count)
        var isCandidate = Array(repeating: false, count: self.rules.count)
        let keys = selection.keyAutomaton
        let gates = !selection.keyOfPattern.isEmpty
        var found = [Bool](repeating: false, count: gates ? keys.lengths.count : 0)
        folded.bytes.withUnsafeBufferPointer { buf in
            keys.scanInQuarters(buf) { key, end in
                if gates { found[key] = true }
                // A word that only the gate looks for (no rule waits for it) marks no sentence.
                guard !selection.rulesByKey[key].isEmpty else { return }
                for r in selection.rulesByKey[key] { isCandidate[Int(r)] = true }
                let start = end - keys.lengths[key]
                // The first byte of the word in the text (the buffer has one leading space).
                let byte = (buf[start] == 0x20 ? start + 1 : start) - 1
                var lo = 0, hi = sentences.count - 1
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    if sentences[mid].range.lowerBound <= byte { lo = mid } else { hi = mid - 1 }
                }
                if lo < sentences.count, sentences[lo].range.contains(byte) { wanted[lo] = true }
            }
        }
        return Candidates(sentences: wanted, rules: isCandidate.indices.filter { isCandidate[$0] }, found: found, ruleSet: rules)
    }

    /// Of the candidate rules, those that can fire: for a rule set with a gate (`.relevance`), a
    /// rule whose condition needs a part none of whose words is in the document cannot. Looked
    /// at only for documents that the candidates alone do not rule out.
    public func possibleRules(_ candidates: Candidates) -> [Int] {
        let selection = selections[candidates.ruleSet.rawValue]
        guard !candidates.found.isEmpty else { return candidates.rules }
        func possible(_ c: CompiledCondition) -> Bool {
            switch c {
            case .term(let t):
                terms[t].allSatisfy { w in
                    let key = selection.keyOfPattern[w.pattern]
                    return w.optional || key < 0 || candidates.found[Int(key)]
                }
            case .any(let cs): cs.contains(where: possible)
            case .all(let cs): cs.allSatisfy(possible)
            case .none: true
            case .near(let a, let b, _): possible(a) && possible(b)
            case .clause(let cs, _): cs.allSatisfy(possible)
            }
        }
        return candidates.rules.filter { possible(conditions[conditionOfRule[$0]]) }
    }

    /// Per paragraph: whether it stands in a section that quotes the law, an authority's remit
    /// or general facts, from a heading of the skip file ("Tillämpliga bestämmelser", "Fakta:
    /// Orosanmälan") up to the next heading ("IVO:s bedömning"), the heading included. What such
    /// a section says is no finding of the case.
    public func quotedSections(in document: Document) -> [Bool] {
        let headings = pack.skip.sectionHeadings
        guard !headings.isEmpty else { return Array(repeating: false, count: document.paragraphs.count) }
        var inSection = false
        return document.utf8.withUnsafeBufferPointer { text in document.paragraphs.map { range in
            let paragraph = text[range]
            // A heading: a short line without closing punctuation or a statute sign.
            let last = paragraph.last ?? 0
            let isHeading = paragraph.count <= 60 && last != UInt8(ascii: ".") && last != UInt8(ascii: "!") && last != UInt8(ascii: "?")
                && !paragraph.contains(0xA7)
            if isHeading {
                var end = paragraph.endIndex
                while end > paragraph.startIndex, paragraph[end - 1] == UInt8(ascii: ":") || paragraph[end - 1] == 0x20 { end -= 1 }
                let title = Folding.lower(String(decoding: paragraph[paragraph.startIndex..<end], as: UTF8.self))
                // "Tillämpliga bestämmelser", or a fact box: "Fakta: Orosanmälan".
                inSection = headings.contains(title) || title.utf8.indices.contains { i in
                    title.utf8[i] == UInt8(ascii: ":") && title.utf8[title.utf8.index(after: i)...].first == 0x20
                        && headings.contains(String(title.utf8[..<i])!)
                }
            }
            return inSection
        } }
    }

    /// The rules that fire in a sentence, after `replaces` and priority (unless `resolve` is false,
    /// as when a rule's own examples are checked).
    public func match(_ tokens: [Token], resolve: Bool = true, rules: RuleSet = .all) -> [RuleHit] {
        var scratch = MatchScratch(matcher: self)
        return match(tokens, scratch: &scratch, resolve: resolve, rules: rules)
    }

    /// Whether the pack has rules that `.relevance` leaves out.
    public var splitsRelevance: Bool { !selections[RuleSet.rest.rawValue].rules.isEmpty }

    /// As `match(_:resolve:)`, reusing a worker's scratch memory, for the rules of one set.
    public func match(_ tokens: [Token], scratch state: inout MatchScratch, resolve: Bool = true, rules: RuleSet = .all) -> [RuleHit] {
        let rulesByPattern = selections[rules.rawValue].rulesByPattern
        state.reset(tokens: tokens)
        if state.words.isEmpty { return [] }
        var candidates: [Int32] = []
        let buffer = state.buffer  // a local copy: the scan below updates `state`
        buffer.withUnsafeBufferPointer { buf in
            automaton.scan(buf) { pattern, end in
                let start = end - automaton.lengths[pattern]
                // A key that begins with a space starts at the word after it.
                let probe = buf[start] == 0x20 ? start + 1 : start
                let word = state.wordAt(byte: probe)
                state.addHit(pattern: pattern, word: word)
                for r in rulesByPattern[pattern] where state.markCandidate(Int(r)) { candidates.append(r) }
            }
        }
        // A first part that shares its ending with the word after the conjunction also holds
        // that ending: "handläggnings- och dokumentationsrutiner" is both words' rutiner.
        for (word, joined) in Self.sharedEndings(tokens) {
            joined.withUnsafeBufferPointer { buf in
                automaton.scan(buf) { pattern, _ in
                    state.addHit(pattern: pattern, word: word)
                    for r in rulesByPattern[pattern] where state.markCandidate(Int(r)) { candidates.append(r) }
                }
            }
        }
        if candidates.isEmpty { return [] }
        defer { state.clearCandidates(candidates) }
        state.computeClauses(tokens: tokens, clauseWords: clauseWords)
        if skipTerms.contains(where: { !termOccurrences($0, &state).isEmpty }) { return [] }
        var hits: [RuleHit] = []
        for r in candidates.sorted() {
            let started = state.profile == nil ? 0 : DispatchTime.now().uptimeNanoseconds
            defer { state.profile?.record(rule: Int(r), since: started) }
            let c = conditionOfRule[Int(r)]
            let span: Span
            if let known = state.conditionResult(c) {
                guard let k = known else { continue }
                span = k
            } else {
                let found = occurrences(conditions[c], &state).filter { $0.first != Int.max }.min(by: { $0.first < $1.first })
                state.setConditionResult(c, found)
                guard let f = found else { continue }
                span = f
            }
            let isCategory: Bool
            if case .category = pack.rules[Int(r)].target { isCategory = true } else { isCategory = false }
            let key = MatchScratch.SpanKey(first: span.first, last: span.last, isCategory: isCategory, spread: span.spread)
            let negated: Bool
            if let known = state.negations[key] {
                negated = known
            } else {
                negated = isNegated(span, rule: Int(r), &state)
                state.negations[key] = negated
            }
            var polarity = Polarity.mention  // attributes and relevance carry no polarity
            if isCategory {
                if let fixed = pack.rules[Int(r)].polarity {
                    polarity = fixed
                } else if let known = state.polarities[key] {
                    polarity = known
                } else {
                    polarity = sentencePolarity(span, &state)
                    state.polarities[key] = polarity
                }
            }
            let range = tokens[state.words[span.first]].range.lowerBound..<tokens[state.words[span.last]].range.upperBound
            hits.append(RuleHit(rule: Int(r), firstWord: span.first, lastWord: span.last, range: range, negated: negated, polarity: polarity))
        }
        hits = hits.filter { !isSupervisorsProcess($0, &state) }
        return resolve ? self.resolve(hits) : hits.sorted { ($0.firstWord, $0.rule) < ($1.firstWord, $1.rule) }
    }

    /// Whether a category hit tells the supervisor's process rather than a finding about the
    /// board (`AgentSettings`): no cue judges it, and its clause holds a supervisor and a process
    /// verb, or the supervisor's genitive stands right before it.
    private func isSupervisorsProcess(_ h: RuleHit, _ s: inout MatchScratch) -> Bool {
        guard h.polarity == .mention, !h.negated, case .category = pack.rules[h.rule].target, !supervisorTerms.isEmpty else { return false }
        let clause = s.clause[h.firstWord]
        if ownerTerms.contains(where: { t in termOccurrences(t, &s).contains { $0.last == h.firstWord - 1 } }) { return true }
        func inClause(_ terms: [Int]) -> Bool {
            terms.contains { t in termOccurrences(t, &s).contains { s.clause[$0.first] == clause && s.clause[$0.last] == clause } }
        }
        return inClause(supervisorTerms) && inClause(processTerms)
    }

    /// Coordinated compounds: each first part written with a hyphen before a conjunction or a
    /// comma ("utrednings-, handläggnings- och dokumentationsrutiner", "barn- och ungdomsvården"),
    /// with the text to scan for it — the part joined to the word that ends the list, between
    /// spaces — by its word index. Its own patterns stay: the joined form only adds.
    private static let conjunctions: Set<String> = ["och", "eller", "samt"]

    static func sharedEndings(_ tokens: [Token]) -> [(word: Int, joined: [UInt8])] {
        var out: [(word: Int, joined: [UInt8])] = []
        var wordIndex = 0
        var pending: [(word: Int, token: Int)] = []
        func hyphenAfter(_ t: Int) -> Bool {
            t + 1 < tokens.count && tokens[t + 1].folded == "-" && tokens[t + 1].range.lowerBound == tokens[t].range.upperBound
        }
        for (t, token) in tokens.enumerated() {
            guard token.isWord else {
                if token.folded != "-" && token.folded != "," { pending.removeAll() }
                continue
            }
            defer { wordIndex += 1 }
            if hyphenAfter(t) {
                pending.append((wordIndex, t))
            } else if Self.conjunctions.contains(token.folded), !pending.isEmpty {
                continue
            } else {
                // The word that ends the list, when a conjunction came before it.
                if let last = pending.last, t > last.token + 2, tokens[t - 1].isWord, Self.conjunctions.contains(tokens[t - 1].folded) {
                    for p in pending { out.append((p.word, Array((" " + tokens[p.token].folded + token.folded + " ").utf8))) }
                }
                pending.removeAll()
            }
        }
        return out
    }

    /// Drops hits that a non-negated hit of the same sentence `replaces`, and among overlapping hits
    /// of one target keeps those of the highest priority. Returns hits in text order.
    private func resolve(_ hits: [RuleHit]) -> [RuleHit] {
        var removed = Set<Int>()
        for h in hits where !h.negated { removed.formUnion(replacedBy[h.rule]) }
        let kept = removed.isEmpty ? hits : hits.filter { !removed.contains($0.rule) }
        // Overlapping hits are compared only within their target (category or attribute value).
        var byTarget: [Int: [Int]] = [:]
        for (i, h) in kept.enumerated() { byTarget[targetOfRule[h.rule], default: []].append(i) }
        var survivors: [RuleHit] = []
        for group in byTarget.values {
            for i in group {
                let h = kept[i]
                let outranked = group.contains { j in
                    let o = kept[j]
                    return !o.negated && rules[o.rule].priority > rules[h.rule].priority && o.firstWord <= h.lastWord && h.firstWord <= o.lastWord
                }
                if !outranked { survivors.append(h) }
            }
        }
        return survivors.sorted { ($0.firstWord, $0.rule) < ($1.firstWord, $1.rule) }
    }

    struct Span: Equatable {
        var first: Int
        var last: Int
        /// From a clause scope: other words may stand between its parts.
        var spread = false
    }

    /// Whether a condition can hold in the sentence: every word it needs has occurred. Looked
    /// at before its spans are built, so that the alternatives of a large `any` whose words are
    /// not in the sentence cost a few lookups each.
    private func mayHold(_ c: CompiledCondition, _ s: MatchScratch) -> Bool {
        switch c {
        case .term(let t): return requiredWordsOccurred(t, s)
        case .any(let cs): return cs.contains { mayHold($0, s) }
        case .all(let cs), .clause(let cs, _): return cs.allSatisfy { mayHold($0, s) }
        case .none: return true
        case .near(let a, let b, _): return mayHold(a, s) && mayHold(b, s)
        }
    }

    /// Whether every word a term needs occurred in the sentence.
    private func requiredWordsOccurred(_ t: Int, _ s: MatchScratch) -> Bool {
        for k in Int(requiredStart[t])..<Int(requiredStart[t + 1]) where !s.occurred(Int(requiredPatterns[k])) { return false }
        return true
    }

    /// Spans where a condition holds; `none` that holds yields a span with `first == Int.max`.
    private func occurrences(_ c: CompiledCondition, _ s: inout MatchScratch) -> [Span] {
        switch c {
        case .term(let t):
            return termOccurrences(t, &s)
        case .any(let cs):
            var out: [Span] = []
            for child in cs where mayHold(child, s) { out += occurrences(child, &s) }
            return out
        case .all(let cs):
            guard cs.allSatisfy({ mayHold($0, s) }) else { return [] }
            var first = Int.max, last = -1, spread = false
            for child in cs {
                let o = occurrences(child, &s)
                guard let best = o.first else { return [] }
                if best.first != Int.max { first = min(first, best.first); last = max(last, best.last); spread = spread || best.spread }
            }
            return [last < 0 ? Span(first: Int.max, last: Int.max) : Span(first: first, last: last, spread: spread)]
        case .none(let cs):
            for child in cs where !occurrences(child, &s).filter({ $0.first != Int.max }).isEmpty { return [] }
            return [Span(first: Int.max, last: Int.max)]
        case .near(let a, let b, let within):
            guard mayHold(a, s), mayHold(b, s) else { return [] }
            let oa = occurrences(a, &s), ob = occurrences(b, &s)
            var out: [Span] = []
            for x in oa where x.first != Int.max {
                for y in ob where y.first != Int.max && distance(x, y) <= within {
                    out.append(Span(first: min(x.first, y.first), last: max(x.last, y.last), spread: x.spread || y.spread))
                }
            }
            return out
        case .clause(let cs, let within):
            guard cs.allSatisfy({ mayHold($0, s) }) else { return [] }
            return clauseOccurrences(cs.map { occurrences($0, &s).filter { $0.first != Int.max } }, within: within, s)
        }
    }

    /// Spans where one occurrence of every part lies inside one clause, the whole at most `within`
    /// words long: for each occurrence of the first part, the nearest occurrence of each other
    /// part in its clause that shares no word with the parts before it.
    private func clauseOccurrences(_ parts: [[Span]], within: Int, _ s: MatchScratch) -> [Span] {
        guard !parts.contains(where: \.isEmpty) else { return [] }
        var out: [Span] = []
        for anchor in parts[0] {
            let clause = s.clause[anchor.first]
            guard s.clause[anchor.last] == clause else { continue }
            var span = Span(first: anchor.first, last: anchor.last, spread: true)
            var taken = [anchor]
            for part in parts.dropFirst() {
                // Each part its own words: "kommer" is not both the modal and the verb.
                let inClause = part.filter { p in
                    s.clause[p.first] == clause && s.clause[p.last] == clause && !taken.contains { p.first <= $0.last && $0.first <= p.last }
                }
                guard let nearest = inClause.min(by: { distance($0, anchor) < distance($1, anchor) }) else { span.first = Int.max; break }
                taken.append(nearest)
                span = Span(first: min(span.first, nearest.first), last: max(span.last, nearest.last), spread: true)
            }
            if span.first != Int.max, span.last - span.first < within { out.append(span) }
        }
        return out
    }

    private func distance(_ a: Span, _ b: Span) -> Int { max(a.first - b.last, b.first - a.last, 0) }

    private func termOccurrences(_ t: Int, _ s: inout MatchScratch) -> [Span] {
        // Most terms do not occur: a word that must be there has no hit in the sentence.
        guard requiredWordsOccurred(t, s) else { return [] }
        if let cached = s.cached(t) { return cached }
        let words = terms[t]
        var starts: [Int] = []
        for w in words {
            starts += s.positions(w.pattern)
            if !w.optional { break }
        }
        if words[0].optional { starts = Array(Set(starts)).sorted() }
        var out: [Span] = []
        for start in starts {
            if let end = matchTerm(words, 0, start, s) { out.append(Span(first: start, last: end - 1)) }
        }
        s.store(t, out)
        return out
    }

    /// Matches words[i...] from word position `at`; returns the position after the last matched word.
    private func matchTerm(_ words: [(pattern: Int, optional: Bool)], _ i: Int, _ at: Int, _ s: MatchScratch) -> Int? {
        if i == words.count { return at }
        if at < s.words.count, s.has(pattern: words[i].pattern, word: at), let end = matchTerm(words, i + 1, at + 1, s) { return end }
        if words[i].optional { return matchTerm(words, i + 1, at, s) }
        return nil
    }

    /// Negated when a cue denies a deficit word on which the match hangs ("inga brister i
    /// dokumentationen") or that follows it in its clause ("I handläggningen har IVO inte sett
    /// några brister"), when a cue stands right before an attribute's match ("slipper vite"),
    /// or when an after-cue follows the match ("… har inte konstaterats").
    private func isNegated(_ span: Span, rule: Int, _ s: inout MatchScratch) -> Bool {
        let cues = sentenceCues(&s)
        if cues.before.isEmpty && cues.after.isEmpty { return false }
        let isCategory: Bool
        if case .category = pack.rules[rule].target { isCategory = true } else { isCategory = false }
        for (o, within) in cues.before {
            // A finding followed in its clause (within six words) by a cue that denies the deficit
            // word after it; not a one-word cue such as "utan" ("inte inletts utan dröjsmål").
            if isCategory, within > 1, o.first > span.last, o.first - span.last <= 6, s.clause[o.first] == s.clause[span.last],
               cues.deficits.contains(where: { d in d.first > o.last && d.first - o.last <= within && s.clause[d.first] == s.clause[o.last] }) {
                return true
            }
            guard o.last < span.last, s.clause[o.last] == s.clause[span.first] || s.clause[o.last] == s.clause[span.last] else { continue }
            // A denied deficit word between the cue and the end of a finding's match.
            if isCategory, cues.deficits.contains(where: { d in
                d.first > o.last && d.first - o.last <= within && d.first <= span.last
                    && s.clause[d.first] == s.clause[o.last] && s.clause[d.first] == s.clause[span.first]
            }) { return true }
            // An attribute denied outright: the cue right before it ("slipper vite", "ingen kritik"),
            // with the subject between in verb-second order ("Därmed slipper kommunen det vite"), or
            // inside a match that a clause scope spreads out ("riktar därför ingen kritik").
            if !isCategory, o.last < span.first, span.first - o.last <= min(3, within), s.clause[o.last] == s.clause[span.first] { return true }
            if !isCategory, span.spread, o.first > span.first { return true }
        }
        for (o, within) in cues.after where o.first > span.last && o.first - span.last <= within && s.clause[o.first] == s.clause[span.last] {
            return true
        }
        return false
    }

    /// Where the negation and polarity cues of the pack occur in the sentence, found once per
    /// sentence for all the spans that are checked in it.
    private func cueOccurrences(_ s: inout MatchScratch) -> MatchScratch.Cues {
        var cues = MatchScratch.Cues()
        let exceptions = cueExceptions.flatMap { termOccurrences($0, &s) }
        for cue in beforeCues {
            for o in termOccurrences(cue.term, &s) where !exceptions.contains(where: { $0.first <= o.first && $0.last >= o.last }) {
                cues.before.append((o, cue.within))
            }
        }
        for cue in afterCues {
            for o in termOccurrences(cue.term, &s) { cues.after.append((o, cue.within)) }
        }
        for t in deficitCues { cues.deficits += termOccurrences(t, &s) }
        for t in improvementCues { cues.improvements += termOccurrences(t, &s) }
        return cues
    }

    private func sentenceCues(_ s: inout MatchScratch) -> MatchScratch.Cues {
        if let known = s.cues { return known }
        let found = cueOccurrences(&s)
        s.cues = found
        return found
    }

    /// The polarity of the cue word nearest the match; deficit on a tie; mention when none.
    private func sentencePolarity(_ span: Span, _ s: inout MatchScratch) -> Polarity {
        let cues = sentenceCues(&s)
        var best: (distance: Int, polarity: Polarity)?
        for (occurrences, polarity) in [(cues.deficits, Polarity.deficit), (cues.improvements, .improvement)] {
            for o in occurrences {
                let d = max(o.first - span.last, span.first - o.last, 0)
                if best == nil || d < best!.distance { best = (d, polarity) }
            }
        }
        return best?.polarity ?? .mention
    }
}

/// The words that start a new clause ("men", "däremot"), looked up without hashing most words:
/// a word longer than all of them, or starting with a byte none starts with, is none.
struct ClauseWords: Sendable {
    private let words: Set<String>
    private let longest: Int
    private let firstBytes: [Bool]

    init(_ words: Set<String>) {
        self.words = words
        longest = words.map(\.utf8.count).max() ?? 0
        var firstBytes = [Bool](repeating: false, count: 256)
        for w in words { if let b = w.utf8.first { firstBytes[Int(b)] = true } }
        self.firstBytes = firstBytes
    }

    func contains(_ word: String) -> Bool {
        guard let b = word.utf8.first, firstBytes[Int(b)], word.utf8.count <= longest else { return false }
        return words.contains(word)
    }
}

/// Per-sentence working memory of the matcher, kept between sentences so that matching a
/// sentence allocates little. One per worker (`Worker` owns one).
public struct MatchScratch {
    /// Indices into the sentence's tokens of its words (punctuation left out).
    var words: [Int] = []
    /// " w1 w2 … wn " in folded form.
    var buffer: [UInt8] = []
    /// Byte offset of each word in `buffer`.
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
    private var cache: [[Matcher.Span]?]
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

    /// Per condition: nil when not evaluated in this sentence, else its first span (or none).
    private var conditionResults: [Matcher.Span??]
    private var touchedConditions: [Int] = []
    /// Negation and polarity of a span, computed once per sentence for all rules that share it.
    var negations: [SpanKey: Bool] = [:]
    var polarities: [SpanKey: Polarity] = [:]
    /// Cue occurrences of the sentence, once some span needed them.
    var cues: Cues?

    struct Cues {
        var before: [(span: Matcher.Span, within: Int)] = []
        var after: [(span: Matcher.Span, within: Int)] = []
        var deficits: [Matcher.Span] = []
        var improvements: [Matcher.Span] = []
    }

    struct SpanKey: Hashable { var first: Int; var last: Int; var isCategory: Bool; var spread: Bool }

    public init(matcher: Matcher) {
        positionLists = Array(repeating: [], count: matcher.patternCount)
        hasOccurred = Array(repeating: false, count: matcher.patternCount)
        cache = Array(repeating: nil, count: matcher.termCount)
        conditionResults = Array(repeating: nil, count: matcher.conditionCount)
        isCandidate = Array(repeating: false, count: matcher.rules.count)
    }

    func conditionResult(_ c: Int) -> Matcher.Span?? { conditionResults[c] }

    mutating func setConditionResult(_ c: Int, _ span: Matcher.Span?) {
        conditionResults[c] = .some(span)
        touchedConditions.append(c)
    }

    /// Starts a sentence: forgets the last one and fills the word buffer.
    mutating func reset(tokens: [Token]) {
        for p in touchedPatterns {
            positionLists[p].removeAll(keepingCapacity: true)
            hasOccurred[p] = false
        }
        touchedPatterns.removeAll(keepingCapacity: true)
        for t in touchedTerms { cache[t] = nil }
        touchedTerms.removeAll(keepingCapacity: true)
        for c in touchedConditions { conditionResults[c] = nil }
        touchedConditions.removeAll(keepingCapacity: true)
        if !negations.isEmpty { negations.removeAll(keepingCapacity: true) }
        if !polarities.isEmpty { polarities.removeAll(keepingCapacity: true) }
        cues = nil
        words.removeAll(keepingCapacity: true)
        wordStarts.removeAll(keepingCapacity: true)
        clause.removeAll(keepingCapacity: true)
        buffer.removeAll(keepingCapacity: true)
        buffer.append(0x20)
        for (i, t) in tokens.enumerated() where t.isWord {
            words.append(i)
            wordStarts.append(buffer.count)
            buffer += t.folded.utf8
            buffer.append(0x20)
        }
    }

    /// Numbers the clauses of the sentence's words (needed only when some rule fired). An
    /// apposition or a parenthesis of a few words ("Justitieombudsmannen, JO, inleder …",
    /// "Ivo (Inspektionen för vård och omsorg) tog emot …") belongs to the clause around it.
    mutating func computeClauses(tokens: [Token], clauseWords: ClauseWords) {
        var clauseNumber = 0
        // Per clause: the break that opened it (0 for a clause word or the start) and its first word.
        var opener: [UInt8] = [0], firstWord: [Int] = [0]
        func open(_ by: UInt8) {
            clauseNumber += 1
            opener.append(by)
            firstWord.append(clause.count)
        }
        for t in tokens {
            guard t.isWord else {
                if let b = t.folded.utf8.first, t.folded.utf8.count <= 3, Self.isClauseBreak(t.folded, first: b) { open(b) }
                continue
            }
            if clauseWords.contains(t.folded) { open(0) }
            clause.append(clauseNumber)
        }
        guard clauseNumber > 1 else { return }
        // Clause k is an inserted phrase when "," or "(" opened it, "," or ")" closed it, and it is short.
        var merged = Array(0...clauseNumber)
        for k in 1..<clauseNumber {
            let length = firstWord[k + 1] - firstWord[k]
            let inserted = (opener[k] == UInt8(ascii: ",") && opener[k + 1] == UInt8(ascii: ",") && length <= 5)
                || (opener[k] == UInt8(ascii: "(") && opener[k + 1] == UInt8(ascii: ")") && length <= 8)
            guard inserted, length > 0, !Self.opensClause(words[firstWord[k]], tokens) else { continue }
            merged[k] = merged[k - 1]
            merged[k + 1] = merged[k - 1]
        }
        for i in clause.indices { clause[i] = merged[clause[i]] }
    }

    /// Words that open a subordinate clause: a phrase starting so is no apposition.
    private static let subordinators: Set<String> = ["som", "att", "där", "när", "om", "eftersom", "då", "vilket", "vilka", "men", "och", "medan", "innan", "efter"]

    private static func opensClause(_ token: Int, _ tokens: [Token]) -> Bool { subordinators.contains(tokens[token].folded) }

    private static func isClauseBreak(_ s: String, first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""): return true
        case 0xE2: return s == "–" || s == "—" || s == "\u{201D}"
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
        }
        if positionLists[pattern].last != word { positionLists[pattern].append(word) }
    }

    /// Word positions of a pattern, in increasing order; empty when it did not occur.
    func positions(_ pattern: Int) -> [Int] { positionLists[pattern] }

    func has(pattern: Int, word: Int) -> Bool { positionLists[pattern].contains(word) }

    func occurred(_ pattern: Int) -> Bool { hasOccurred[pattern] }

    func cached(_ term: Int) -> [Matcher.Span]? { cache[term] }

    mutating func store(_ term: Int, _ spans: [Matcher.Span]) {
        cache[term] = spans
        touchedTerms.append(term)
    }
}

/// Per rule: how often its checks ran (its words occurred in a sentence) and how long they took.
public final class RuleProfile {
    public private(set) var checks: [Int]
    public private(set) var nanoseconds: [UInt64]

    public init(rules: Int) {
        checks = Array(repeating: 0, count: rules)
        nanoseconds = Array(repeating: 0, count: rules)
    }

    func record(rule: Int, since start: UInt64) {
        checks[rule] += 1
        nanoseconds[rule] += DispatchTime.now().uptimeNanoseconds &- start
    }
}
