import Dispatch
import FyndCore

/// Matching one sentence: its words (`Sentence.wordBytes`) scanned once with every pattern of
/// the pack, the rules whose trigger words occurred checked (`ConditionEvaluation`), each
/// match judged for negation and polarity (`Negation`) and the hits resolved (`Resolution`).
///
/// Cost: one automaton step per byte of the sentence's words and one report per pattern found
/// (its word found by a cursor that only moves forward); then work in proportion to the
/// candidate rules and their spans, nothing for a sentence where no rule is a candidate. The
/// working memory is the worker's `MatchScratch`: once it has grown, a sentence allocates only
/// its hits (and, where a rule fired, its cues).
extension Matcher {
    /// The rules that fire in a sentence, after `replaces` and priority (unless `resolve` is false,
    /// as when a rule's own examples are checked).
    public func match(_ sentence: Sentence, resolve: Bool = true, rules: RuleSet = .all) -> [RuleHit] {
        var scratch = MatchScratch(matcher: self)
        return match(sentence, scratch: &scratch, resolve: resolve, rules: rules)
    }

    /// Whether the pack has rules that `.relevance` leaves out.
    public var splitsRelevance: Bool { !tables.selections[RuleSet.rest.rawValue].rules.isEmpty }

    /// As `match(_:resolve:)`, reusing a worker's scratch memory, for the rules of one set.
    public func match(_ sentence: Sentence, scratch state: inout MatchScratch, resolve: Bool = true, rules: RuleSet = .all) -> [RuleHit] {
        let rulesByPattern = tables.selections[rules.rawValue].rulesByPattern
        let automaton = tables.automaton
        let tokens = sentence.tokens
        state.reset(sentence)
        if state.words.isEmpty { return [] }
        rulesByPattern.start.withUnsafeBufferPointer { ruleStart in
            rulesByPattern.items.withUnsafeBufferPointer { ruleItems in
                func found(_ pattern: Int, at word: Int) {
                    // The rules of a pattern are candidates from its first occurrence on.
                    guard state.addHit(pattern: pattern, word: word) else { return }
                    for k in Int(ruleStart[pattern])..<Int(ruleStart[pattern + 1]) where state.markCandidate(Int(ruleItems[k])) {
                        state.candidates.append(ruleItems[k])
                    }
                }
                sentence.folded.withUnsafeBufferPointer { folded in
                    let buf = UnsafeBufferPointer(rebasing: folded[sentence.wordBytes])
                    var word = 0
                    automaton.scan(buf) { pattern, end in
                        // A pattern lies in one word: the one of its last byte that is not the
                        // space after it. Matches are reported as they end, so words only move forward.
                        word = state.wordAt(byte: buf[end - 1] == 0x20 ? end - 2 : end - 1, from: word)
                        found(pattern, at: word)
                    }
                }
                // A first part that shares its ending with the word after the conjunction also holds
                // that ending: "handläggnings- och dokumentationsrutiner" is both words' rutiner.
                for (word, joined) in Self.sharedEndings(sentence) {
                    joined.withUnsafeBufferPointer { buf in
                        automaton.scan(buf) { pattern, _ in found(pattern, at: word) }
                    }
                }
            }
        }
        if state.candidates.isEmpty { return [] }
        defer { state.clearCandidates() }
        state.settleReadiness()
        state.deferClauses(sentence)
        state.deferListPositions(sentence)
        // A table of contents names chapters; it states nothing.
        if sentence.isContentsEntry || tables.skipTerms.contains(where: { state.termMayHold($0) && !termOccurrences($0, &state).isEmpty }) { return [] }
        var hits: [RuleHit] = []
        state.sortCandidates()
        hits.reserveCapacity(state.candidates.count)
        let candidates = state.candidates
        for r in candidates {
            let started = state.profile?.begin(rule: Int(r)) ?? 0
            defer { if started != 0 { state.profile?.end(rule: Int(r), since: started) } }
            let c = tables.tree.roots[Int(r)]
            // Most candidates cannot hold: a word their condition needs did not occur. A load or
            // two each (`ConditionReadiness`) instead of a walk.
            guard mayHold(c, &state) else { continue }
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
            let isCategory = self.isCategory[Int(r)]
            let key = MatchScratch.SpanKey(first: span.first, last: span.last, isCategory: isCategory, spread: span.spread)
            let negated: Bool
            if let known = state.negations.first(where: { $0.key == key })?.negated {
                negated = known
            } else {
                negated = isNegated(span, rule: Int(r), &state)
                state.negations.append((key, negated))
            }
            var polarity = Polarity.mention  // attributes and relevance carry no polarity
            if isCategory {
                if let fixed = fixedPolarity[Int(r)] {
                    polarity = fixed
                } else if let known = state.polarities.first(where: { $0.key == key })?.polarity {
                    polarity = known
                } else {
                    polarity = sentencePolarity(span, &state)
                    state.polarities.append((key, polarity))
                }
            }
            let range = tokens[state.words[span.first]].range.lowerBound..<tokens[state.words[span.last]].range.upperBound
            hits.append(RuleHit(rule: Int(r), firstWord: span.first, lastWord: span.last, range: range, negated: negated, polarity: polarity))
        }
        // A question asks what a cue would have to judge: a topic it names alone is no finding
        // (the sentence read for it only when it has such a hit).
        let asked = hits.contains { isCategory[$0.rule] && $0.polarity == .mention && !$0.negated } ? sentence.questionStart : nil
        hits.removeAll { h in
            if let a = asked, isCategory[h.rule], h.polarity == .mention, !h.negated, h.firstWord >= a { return true }
            return isSupervisorsProcess(h, &state)
        }
        return resolve ? self.resolve(hits, &state) : Self.inTextOrder(hits)
    }

    /// Coordinated compounds: each first part written with a hyphen before a conjunction or a
    /// comma ("utrednings-, handläggnings- och dokumentationsrutiner", "barn- och ungdomsvården"),
    /// with the text to scan for it — the part joined to the word that ends the list, between
    /// spaces — by its word index. Its own patterns stay: the joined form only adds.
    private static let conjunctions = WordSet(["och", "eller", "samt"])

    static func sharedEndings(_ sentence: Sentence) -> [(word: Int, joined: [UInt8])] {
        let tokens = sentence.tokens
        var out: [(word: Int, joined: [UInt8])] = []
        var wordIndex = 0
        var pending: [(word: Int, token: Int)] = []
        sentence.folded.withUnsafeBufferPointer { folded in
            func form(_ t: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: folded[tokens[t].folded]) }
            func isMark(_ t: Int, _ mark: Character) -> Bool { form(t).elementsEqual(mark.utf8) }
            func isConjunction(_ t: Int) -> Bool { Self.conjunctions.contains(form(t)) }
            func hyphenAfter(_ t: Int) -> Bool {
                t + 1 < tokens.count && tokens[t + 1].range.lowerBound == tokens[t].range.upperBound && isMark(t + 1, "-")
            }
            for (t, token) in tokens.enumerated() {
                guard token.isWord else {
                    if !pending.isEmpty, !isMark(t, "-") && !isMark(t, ",") { pending.removeAll() }
                    continue
                }
                defer { wordIndex += 1 }
                if hyphenAfter(t) {
                    pending.append((wordIndex, t))
                } else if !pending.isEmpty, isConjunction(t) {
                    continue
                } else if let last = pending.last {
                    // The word that ends the list, when a conjunction came before it.
                    if t > last.token + 2, tokens[t - 1].isWord, isConjunction(t - 1) {
                        for p in pending { out.append((p.word, [0x20] + form(p.token) + form(t) + [0x20])) }
                    }
                    pending.removeAll()
                }
            }
        }
        return out
    }
}

/// Per rule: how often its checks ran (its words occurred in a sentence) and about how long
/// they took. One check in `sampleEvery` of each rule is timed and the rule's time is estimated
/// from those: two clock reads cost about as much as a cheap check, so timing every check
/// would weigh on the match stage it is part of, most where a pack has many rules.
public final class RuleProfile {
    /// Every how manyth check of a rule is timed (the first one always).
    public static let sampleEvery = 16
    public private(set) var checks: [Int]
    private var timedChecks: [Int]
    private var timedNanoseconds: [UInt64]

    public init(rules: Int) {
        checks = Array(repeating: 0, count: rules)
        timedChecks = checks
        timedNanoseconds = Array(repeating: 0, count: rules)
    }

    /// The estimated seconds of all of a rule's checks: the mean of its timed checks times
    /// how many ran.
    public func seconds(rule: Int) -> Double {
        timedChecks[rule] == 0 ? 0 : Double(timedNanoseconds[rule]) / Double(timedChecks[rule]) * Double(checks[rule]) / 1e9
    }

    /// Counts a check of `rule`; the clock's reading when this check is one to time, else 0.
    func begin(rule: Int) -> UInt64 {
        defer { checks[rule] += 1 }
        return checks[rule] % Self.sampleEvery == 0 ? DispatchTime.now().uptimeNanoseconds : 0
    }

    /// Ends a timed check that `begin` started at `start`.
    func end(rule: Int, since start: UInt64) {
        timedChecks[rule] += 1
        timedNanoseconds[rule] += DispatchTime.now().uptimeNanoseconds &- start
    }
}
