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

    private typealias Selection = MatcherTables.Selection
    private typealias CueRole = MatcherTables.CueRole

    public let pack: RulePack
    public var rules: [Rule] { pack.rules }

    private let automaton: AhoCorasick
    /// By `RuleSet.rawValue`.
    private let selections: [Selection]
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
    private let targetOfRule: [Int]
    /// Term → what it is as a negation or polarity cue (empty for most terms).
    private let cueRoles: [[CueRole]]
    /// The cue terms that need no word, and so may hold in any sentence.
    private let wordlessCues: [Int]
    private let skipTerms: [Int]
    private let supervisorTerms: [Int]
    private let processTerms: [Int]
    private let ownerTerms: [Int]
    private let clauseWords: ClauseWords
    private let replacedBy: [[Int]]

    /// Compiles `pack` (`MatcherTables`).
    public convenience init(pack: RulePack) {
        self.init(pack: pack, tables: MatcherTables(pack: pack))
    }

    /// The matcher of `pack` with the tables built from it (or decoded from its compiled form).
    public init(pack: RulePack, tables: MatcherTables) {
        self.pack = pack
        tree = tables.tree
        targetOfRule = tables.targetOfRule
        skipTerms = tables.skipTerms
        supervisorTerms = tables.supervisorTerms
        processTerms = tables.processTerms
        ownerTerms = tables.ownerTerms
        replacedBy = tables.replacedBy
        selections = tables.selections
        automaton = tables.automaton
        terms = tables.terms
        cueRoles = tables.cueRoles
        clauseWords = ClauseWords(pack.negation.clauseWords)
        patternCount = tables.patternCount
        termCount = tables.terms.count
        readiness = tables.readiness
        wordlessCues = tables.wordlessCues
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
        let gates = !selection.termKeyStart.isEmpty
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
        return candidates.found.withUnsafeBufferPointer { found in
            selection.termKeyStart.withUnsafeBufferPointer { start in
                selection.termKeys.withUnsafeBufferPointer { keys in
                    tree.nodes.withUnsafeBufferPointer { nodes in
                        tree.children.withUnsafeBufferPointer { children in
                            func possible(_ n: Int32) -> Bool {
                                let node = nodes[Int(n)]
                                let parts = Int(node.firstChild)..<Int(node.firstChild + node.childCount)
                                switch node.kind {
                                case .term: return (Int(start[node.value])..<Int(start[node.value + 1])).allSatisfy { found[Int(keys[$0])] }
                                case .any: return parts.contains { possible(children[$0]) }
                                case .all, .near, .clause: return parts.allSatisfy { possible(children[$0]) }
                                case .none: return true
                                }
                            }
                            return candidates.rules.filter { possible(tree.roots[$0]) }
                        }
                    }
                }
            }
        }
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
        state.settleReadiness()
        state.computeClauses(tokens: tokens, clauseWords: clauseWords)
        if skipTerms.contains(where: { !termOccurrences($0, &state).isEmpty }) { return [] }
        var hits: [RuleHit] = []
        for r in candidates.sorted() {
            let started = state.profile == nil ? 0 : DispatchTime.now().uptimeNanoseconds
            defer { state.profile?.record(rule: Int(r), since: started) }
            let c = tree.roots[Int(r)]
            let span: Span
            if let known = state.conditionResult(c) {
                guard let k = known else { continue }
                span = k
            } else {
                let found = earliest(c, &state)
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
            t + 1 < tokens.count && tokens[t + 1].range.lowerBound == tokens[t].range.upperBound && tokens[t + 1].folded == "-"
        }
        for (t, token) in tokens.enumerated() {
            guard token.isWord else {
                if !pending.isEmpty, token.folded != "-" && token.folded != "," { pending.removeAll() }
                continue
            }
            defer { wordIndex += 1 }
            if hyphenAfter(t) {
                pending.append((wordIndex, t))
            } else if !pending.isEmpty, Self.conjunctions.contains(token.folded) {
                continue
            } else if let last = pending.last {
                // The word that ends the list, when a conjunction came before it.
                if t > last.token + 2, tokens[t - 1].isWord, Self.conjunctions.contains(tokens[t - 1].folded) {
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
    /// sentence for all the spans that are checked in it: only the terms that may hold are looked at.
    private func cueOccurrences(_ s: inout MatchScratch) -> MatchScratch.Cues {
        var cues = MatchScratch.Cues()
        var before: [(span: Span, within: Int)] = []
        var exceptions: [Span] = [], neutral: [Span] = []
        for t in s.readyTerms.lazy.map({ Int($0) }) + wordlessCues where !cueRoles[t].isEmpty {
            let found = termOccurrences(t, &s)
            guard !found.isEmpty else { continue }
            for role in cueRoles[t] {
                switch role {
                case .before(let within): before += found.map { ($0, within) }
                case .after(let within): cues.after += found.map { ($0, within) }
                case .negationException: exceptions += found
                case .deficit: cues.deficits += found
                case .improvement: cues.improvements += found
                case .polarityException: neutral += found
                }
            }
        }
        cues.before = before.filter { o in !exceptions.contains(where: { $0.first <= o.span.first && $0.last >= o.span.last }) }
        // A cue word inside a polarity exception ("eller inte", "inte bara") judges nothing.
        if !neutral.isEmpty {
            let inside = { (o: Span) in neutral.contains(where: { $0.first <= o.first && $0.last >= o.last }) }
            cues.deficits.removeAll(where: inside)
            cues.improvements.removeAll(where: inside)
        }
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
