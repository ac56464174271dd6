import FyndCore

/// Negation and polarity of a match, and the supervisor's own process told from a finding: from
/// the cue terms of the pack (`negation`, `polarity`, `agents`) found in the sentence.
///
/// Cost: the cues are found once per sentence in which some rule fired (only the terms that may
/// hold are looked at), then each span is compared with them: a few comparisons per cue.
extension Matcher {
    /// Whether a category hit tells the supervisor's process rather than a finding about the
    /// board (`AgentSettings`): the supervisor owns the act it names, however a cue judges it
    /// (`isSupervisorsAct`); or no cue judges it, and its clause holds a supervisor and a process
    /// verb, or the supervisor's genitive stands right before it.
    func isSupervisorsProcess(_ h: RuleHit, _ s: inout MatchScratch) -> Bool {
        guard !h.negated, isCategory[h.rule], !tables.supervisorTerms.isEmpty else { return false }
        // The rest depends on the word the hit starts at alone: asked once per word, and the
        // process test only for a hit no cue judges.
        let i: Int
        if let k = s.supervisorsProcess.firstIndex(where: { $0.word == h.firstWord }) {
            i = k
        } else {
            i = s.supervisorsProcess.count
            s.supervisorsProcess.append((h.firstWord, isSupervisorsAct(at: h.firstWord, &s), nil))
        }
        if s.supervisorsProcess[i].owned { return true }
        guard h.polarity == .mention else { return false }
        if let process = s.supervisorsProcess[i].process { return process }
        let process = isSupervisorsProcess(at: h.firstWord, &s)
        s.supervisorsProcess[i].process = process
        return process
    }

    private func isSupervisorsProcess(at word: Int, _ s: inout MatchScratch) -> Bool {
        s.settleClauses(clauseWords: clauseWords)
        let clause = s.clause[word]
        if agentSpans(.owner, &s).contains(where: { $0.last == word - 1 }) { return true }
        func inClause(_ spans: [Span]) -> Bool { spans.contains { s.clause[$0.first] == clause && s.clause[$0.last] == clause } }
        return inClause(agentSpans(.supervisor, &s)) && inClause(agentSpans(.process, &s))
    }

    /// Whether the supervisor owns the act at `word`: a possessive right before it (or one word
    /// before it) points back to the supervisor, the nearest party before the possessive in its
    /// clause ("i sitt svar till JO under deras utredning"); or the word is an act ("utreder") or
    /// the object of a verb that opens one ("inledde en utredning"), and its agent is the
    /// supervisor: the nearest party before the word in the clause, with no clause of another
    /// subject opened between it and the act ("IVO anser att nämnden borde ha utrett …" is the
    /// board's act, "IVO beslutade att utreda …" the supervisor's), or, where the clause names no
    /// party before the word, the antecedent right before a relative word ("… till JO, som
    /// startade en utredning").
    private func isSupervisorsAct(at word: Int, _ s: inout MatchScratch) -> Bool {
        // Cheapest first: most category hits stand in sentences without a supervisor, and most
        // words with one are neither an act nor after a possessive.
        var supervisors = agentSpans(.supervisor, &s)
        guard !supervisors.isEmpty else { return false }
        s.settleClauses(clauseWords: clauseWords)
        let clause = s.clause[word]
        let possessive = agentSpans(.possessive, &s).first { s.clause[$0.last] == clause && (word - 2...word - 1).contains($0.last) }
        // The act itself ("utreder"), or the object of a verb that opens one ("inledde en ny
        // utredning"); not what the act is about ("utreda handläggningen", "inleder en granskning
        // av nämndernas handläggning": the review's topic).
        let act = possessive != nil ? nil : (agentSpans(.act, &s).filter { $0.first <= word && word <= $0.last }
            + agentSpans(.opens, &s).filter { $0.last < word && word - $0.last <= 3 && s.clause[$0.first] == clause })
            .max { $0.first < $1.first }
        guard possessive != nil || act != nil else { return false }
        // The parties the sentence names; a supervisor's genitive ("IVO:s") owns a word, it does not act.
        // A term that is both ("vi") is another party.
        let board = agentSpans(.board, &s)
        let genitives = Set(agentSpans(.owner, &s).map(\.first))
        supervisors.removeAll { genitives.contains($0.first) || board.contains($0) }
        guard !supervisors.isEmpty else { return false }
        let parties = supervisors.map { ($0, true) } + board.map { ($0, false) }
        /// The nearest party ending before `end` in the clause, and whether it is the supervisor.
        func nearestParty(before end: Int) -> (span: Span, supervisor: Bool)? {
            parties.filter { $0.0.last < end && s.clause[$0.0.first] == clause }
                .max { ($0.0.last, $1.0.first) < ($1.0.last, $0.0.first) }.map { ($0.0, $0.1) }
        }
        /// In a clause that names no party before the word, the antecedent right before a relative word.
        func relativeToSupervisor(_ s: inout MatchScratch) -> Bool {
            guard let r = agentSpans(.relative, &s).filter({ $0.last < word && s.clause[$0.first] == clause }).max(by: { $0.first < $1.first }) else {
                return false
            }
            return parties.contains { $0.1 && $0.0.last == r.first - 1 }
        }
        if let p = possessive { return nearestParty(before: p.first)?.supervisor ?? relativeToSupervisor(&s) }
        guard let act, let agent = nearestParty(before: word) else { return relativeToSupervisor(&s) }
        // "att", "hur", … between the agent and the act open a clause of another subject, unless
        // the act follows at once as an infinitive ("att inte utreda").
        let opened = agentSpans(.subordinate, &s).contains { $0.first > agent.span.last && $0.last < act.first && act.first - $0.last > 2 }
        return agent.supervisor && !opened
    }

    /// The lists of `AgentSettings`.
    enum AgentList: Int, CaseIterable { case supervisor, process, owner, board, act, opens, relative, possessive, subordinate }

    /// The occurrences of a list's terms in the sentence, term by term: found once per sentence
    /// (a sentence asks for each word a category hit starts at), in the text's order within a term.
    private func agentSpans(_ list: AgentList, _ s: inout MatchScratch) -> [Span] {
        if let known = s.agentSpans[list.rawValue] { return known }
        let terms: [Int]
        switch list {
        case .supervisor: terms = tables.supervisorTerms
        case .process: terms = tables.processTerms
        case .owner: terms = tables.ownerTerms
        case .board: terms = tables.actorTerms.board
        case .act: terms = tables.actorTerms.act
        case .opens: terms = tables.actorTerms.opens
        case .relative: terms = tables.actorTerms.relative
        case .possessive: terms = tables.actorTerms.possessive
        case .subordinate: terms = tables.actorTerms.subordinate
        }
        var out: [Span] = []
        // Most of the terms cannot hold in the sentence: told apart here, without a call.
        for t in terms where s.termMayHold(t) { for i in termOccurrences(t, &s) { out.append(s.spans[i]) } }
        s.agentSpans[list.rawValue] = out
        s.agentSpansAsked = true
        return out
    }

    /// Negated when a cue denies a deficit word on which the match hangs ("inga brister i
    /// dokumentationen") or that follows it in its clause ("I handläggningen har IVO inte sett
    /// några brister"), when a cue stands right before an attribute's match ("slipper vite"),
    /// or when an after-cue follows the match ("… har inte konstaterats").
    func isNegated(_ span: Span, rule: Int, _ s: inout MatchScratch) -> Bool {
        let cues = sentenceCues(&s)
        if cues.before.isEmpty && cues.after.isEmpty { return false }
        s.settleClauses(clauseWords: clauseWords)
        let isCategory = self.isCategory[rule]
        for (o, within) in cues.before {
            // A finding followed in its clause (within six words) by a cue that denies the deficit
            // word after it; not a one-word cue such as "utan" ("inte inletts utan dröjsmål").
            if isCategory, within > 1, o.first > span.last, o.first - span.last <= 6, s.clause[o.first] == s.clause[span.last],
               cues.deficits.contains(where: { d in d.first > o.last && d.first - o.last <= within && s.clause[d.first] == s.clause[o.last] }) {
                return true
            }
            // A finding whose match ends on the denial's own words ("motiveringen att IVO inte hade
            // uppmärksammat några brister"): its "inte" is the denial's, which denies the deficit after it.
            if isCategory, o.first > span.first, o.first <= span.last, o.last >= span.last, cues.deficits.contains(where: { d in
                d.first > o.last && d.first - o.last <= within && s.clause[d.first] == s.clause[o.last] && s.clause[o.first] == s.clause[span.last]
            }) { return true }
            guard o.last < span.last, s.clause[o.last] == s.clause[span.first] || s.clause[o.last] == s.clause[span.last] else { continue }
            // A denied deficit word between the cue and the end of a finding's match.
            if isCategory, cues.deficits.contains(where: { d in
                d.first > o.last && d.first - o.last <= within && d.first <= span.last
                    && s.clause[d.first] == s.clause[o.last] && s.clause[d.first] == s.clause[span.first]
            }) { return true }
            // A cue that holds both its negation and the deficit it denies ("inte har brustit",
            // "brister inte"): two deficit words inside it, the match going on past it.
            if isCategory, s.clause[o.last] == s.clause[span.first],
               cues.deficits.lazy.filter({ $0.first >= o.first && $0.last <= o.last }).prefix(2).count == 2 { return true }
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
    func cueOccurrences(_ s: inout MatchScratch) -> MatchScratch.Cues {
        var cues = MatchScratch.Cues()
        var before: [(span: Span, within: Int)] = []
        var exceptions: [Span] = [], neutral: [Span] = []
        for t in s.readyTerms.lazy.map({ Int($0) }) + tables.wordlessCues where !tables.cueRoles[t].isEmpty {
            let found = termOccurrences(t, &s)
            guard !found.isEmpty else { continue }
            let spans = s.spans[found]
            for role in tables.cueRoles[t] {
                switch role {
                case .before(let within): before += spans.map { ($0, within) }
                case .after(let within): cues.after += spans.map { ($0, within) }
                case .negationException: exceptions += spans
                case .deficit: cues.deficits += spans
                case .improvement: cues.improvements += spans
                case .polarityException: neutral += spans
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

    func sentenceCues(_ s: inout MatchScratch) -> MatchScratch.Cues {
        if let known = s.cues { return known }
        let found = cueOccurrences(&s)
        s.cues = found
        return found
    }

    /// Whether a cue judges the match: it stands in the match's clause, or in a clause that
    /// judges the match's (`MatchScratch.judgedAcross`: "…, vilket är en brist", "får kritik,
    /// bland annat för att …"). A cue in another clause judges that clause's words ("Kommunen
    /// hade brister i lokalerna, och familjehemmen ska få handledning").
    private func reaches(_ cue: Span, _ span: Span, _ s: MatchScratch) -> Bool {
        let clause = s.clause[cue.first]
        if clause == s.clause[span.first] || s.clause[cue.last] == s.clause[span.last] { return true }
        return s.judgedAcross.contains { $0.cue == clause && ($0.judged == s.clause[span.first] || $0.judged == s.clause[span.last]) }
    }

    /// The polarity of the cue word nearest the match in its reach; deficit on a tie; mention when none.
    func sentencePolarity(_ span: Span, _ s: inout MatchScratch) -> Polarity {
        let cues = sentenceCues(&s)
        if cues.deficits.isEmpty && cues.improvements.isEmpty { return .mention }
        s.settleClauses(clauseWords: clauseWords)
        var best: (distance: Int, polarity: Polarity)?
        for (occurrences, polarity) in [(cues.deficits, Polarity.deficit), (cues.improvements, .improvement)] {
            for o in occurrences where reaches(o, span, s) {
                let d = max(o.first - span.last, span.first - o.last, 0)
                if best == nil || d < best!.distance { best = (d, polarity) }
            }
        }
        return best?.polarity ?? .mention
    }
}
