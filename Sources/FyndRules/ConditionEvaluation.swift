/// Where a rule's condition holds in a sentence, from the word positions of the patterns that
/// occurred in it (`MatchScratch`). Each question is asked with what it needs: `earliest` (the
/// rule's match), `first` (a part of `all`), `holdsSomewhere` (a part of `none`) stop at the first
/// answer; lists of spans are built only for `near` and `clause`, which pair them up.
/// `mayHold` prunes first: a part whose words did not all occur costs a few lookups, and the
/// parts of an `any` are read only up to the last that may hold (`possibleParts`): a long list
/// of alternatives of which a sentence holds one or two is not read to its end (nor stepped
/// through: the loops stop once the parts that may hold are read).
///
/// The spans and their order are those of the plain definition, `occurrences`: a term's
/// matches in text order, an `any`'s alternatives one after the other, one span for `all`, one
/// span with `first == Int.max` for a `none` that holds. Lists are runs of the scratch's
/// `spans`, each built once per sentence and node (term), so that nothing is allocated once the
/// scratch has grown, and nothing is retained while the tree is walked.
extension Matcher {
    struct Span: Equatable {
        var first: Int
        var last: Int
        /// From a clause scope: other words may stand between its parts.
        var spread = false

        var isReal: Bool { first != Int.max }
    }

    /// Whether node `n` may hold in the sentence, read without a walk (after `settleReadiness`):
    /// a term where its words occurred or it needs none, another node where `ConditionReadiness`
    /// marked it. Two loads; where it is false, the walk finds nothing.
    @inline(__always)
    func mayHold(_ n: Int32, _ s: inout MatchScratch) -> Bool {
        let node = tables.tree.nodes[Int(n)]
        return node.kind == .term ? s.termMayHold(node.value) : s.mayHold(n)
    }

    /// Calls `body` on each part of `any` node `n` that may hold, in order, until it returns true
    /// (then true) or the parts that may hold are all read (then false): the parts after the
    /// last that may hold (`possibleParts`) are not stepped through.
    @inline(__always)
    func anyPossiblePart(of n: Int32, _ s: inout MatchScratch, where body: (Int32, inout MatchScratch) -> Bool) -> Bool {
        let parts = tables.tree.childRange(n)
        var left = s.possibleParts(n), k = parts.lowerBound
        while left > 0 && k < parts.upperBound {
            let child = tables.tree.children[k]
            k += 1
            guard s.mayHold(child) else { continue }
            left -= 1
            if body(child, &s) { return true }
        }
        return false
    }

    /// The rule's match: the occurrence that starts first (the first listed of equals), not a
    /// `none`'s placeholder.
    func earliest(_ n: Int32, _ s: inout MatchScratch) -> Span? {
        let node = tables.tree.nodes[Int(n)]
        switch node.kind {
        case .term:
            let found = termOccurrences(node.value, &s)
            return s.earliest(in: found)
        case .any:
            var best: Span?
            _ = anyPossiblePart(of: n, &s) { child, s in
                if let e = earliest(child, &s), best == nil || e.first < best!.first { best = e }
                return false
            }
            return best
        case .all:
            return first(n, &s).flatMap { $0.isReal ? $0 : nil }
        case .none:
            return nil
        case .near, .clause:
            let found = occurrences(n, &s)
            return s.earliest(in: found)
        }
    }

    /// The first span `occurrences` would list.
    func first(_ n: Int32, _ s: inout MatchScratch) -> Span? {
        let node = tables.tree.nodes[Int(n)]
        switch node.kind {
        case .term:
            let found = termOccurrences(node.value, &s)
            return found.isEmpty ? nil : s.spans[found.lowerBound]
        case .any:
            var found: Span?
            _ = anyPossiblePart(of: n, &s) { child, s in
                found = first(child, &s)
                return found != nil
            }
            return found
        case .all:
            guard s.mayHold(n) else { return nil }
            let parts = tables.tree.childRange(n)
            var positive: Int32?, positives = 0
            for k in parts where tables.tree.nodes[Int(tables.tree.children[k])].kind != .none {
                positive = tables.tree.children[k]
                positives += 1
            }
            // One part and exclusions that hold in the sentence: its first occurrence that no
            // exclusion takes out (its occurrences are listed only then: most sentences hold none).
            let excluding = positives < parts.count && exclusionHolds(in: n, &s)
            if excluding, positives == 1, let positive {
                let found = occurrences(positive, &s)
                for i in found where s.spans[i].isReal && !excluded(s.spans[i], in: n, candidates: found, &s) { return s.spans[i] }
                return nil
            }
            var first = Int.max, last = -1, spread = false
            for k in parts where tables.tree.nodes[Int(tables.tree.children[k])].kind != .none {
                guard let best = self.first(tables.tree.children[k], &s) else { return nil }
                if best.isReal { first = min(first, best.first); last = max(last, best.last); spread = spread || best.spread }
            }
            guard last >= 0 else {
                // Exclusions alone: a placeholder unless one of them holds.
                for k in parts where self.first(tables.tree.children[k], &s) == nil { return nil }
                return Span(first: Int.max, last: Int.max)
            }
            let span = Span(first: first, last: last, spread: spread)
            return excluding ? nil : span
        case .none:
            for k in tables.tree.childRange(n) {
                let part = tables.tree.children[k]
                if mayHold(part, &s) && holdsSomewhere(part, &s) { return nil }
            }
            return Span(first: Int.max, last: Int.max)
        case .near, .clause:
            let found = occurrences(n, &s)
            return found.isEmpty ? nil : s.spans[found.lowerBound]
        }
    }

    /// Whether a part of an exclusion (a `none` part of `all` node `n`) holds in the sentence.
    private func exclusionHolds(in n: Int32, _ s: inout MatchScratch) -> Bool {
        for k in tables.tree.childRange(n) where tables.tree.nodes[Int(tables.tree.children[k])].kind == .none {
            for j in tables.tree.childRange(tables.tree.children[k]) {
                let part = tables.tree.children[j]
                if mayHold(part, &s) && holdsSomewhere(part, &s) { return true }
            }
        }
        return false
    }

    /// Whether an exclusion (a `none` part of `all` node `n`) takes out match `h`. An exclusion
    /// that covers one of `candidates` (the occurrences of the match) takes out what it covers,
    /// not the whole sentence: "enligt IVO:s utredning" the word "utredning" in it, not a later
    /// "utan föregående utredning". What it covers is `h` with the occurrences that share words
    /// with it or stand right beside it: one match found by two alternatives ("kan få betala
    /// vite", "vite"), a name and its abbreviation ("lagen om stöd och service … (LSS)"). An
    /// exclusion that covers none is the sentence's context ("SOU 2020:47", "men kommer att
    /// följa upp"): it takes out every match. (A match built of several parts is taken out by
    /// any exclusion that holds: `exclusionHolds`.)
    func excluded(_ h: Span, in n: Int32, candidates: Range<Int>, _ s: inout MatchScratch) -> Bool {
        func overlaps(_ a: Span, _ b: Span) -> Bool { a.isReal && b.isReal && a.first <= b.last && b.first <= a.last }
        // `h` grown by the occurrences that overlap or touch it, until none more does.
        var covered = h, grown = true
        while grown {
            grown = false
            for c in candidates where overlaps(s.spans[c], Span(first: covered.first - 1, last: covered.last + 1)) {
                let y = s.spans[c]
                if y.first < covered.first || y.last > covered.last {
                    covered = Span(first: min(covered.first, y.first), last: max(covered.last, y.last))
                    grown = true
                }
            }
        }
        for k in tables.tree.childRange(n) {
            let none = tables.tree.children[k]
            guard tables.tree.nodes[Int(none)].kind == .none else { continue }
            for j in tables.tree.childRange(none) {
                let part = tables.tree.children[j]
                guard mayHold(part, &s) else { continue }
                for e in occurrences(part, &s) {
                    let x = s.spans[e]
                    guard x.isReal else { continue }
                    if overlaps(x, covered) || !candidates.contains(where: { overlaps(s.spans[$0], x) }) { return true }
                }
            }
        }
        return false
    }

    /// Whether `occurrences` would list a real span (one with words).
    func holdsSomewhere(_ n: Int32, _ s: inout MatchScratch) -> Bool {
        let node = tables.tree.nodes[Int(n)]
        switch node.kind {
        case .term:
            return !termOccurrences(node.value, &s).isEmpty
        case .any:
            return anyPossiblePart(of: n, &s) { child, s in holdsSomewhere(child, &s) }
        case .all:
            return first(n, &s)?.isReal ?? false
        case .none:
            return false
        case .near, .clause:
            return !occurrences(n, &s).isEmpty
        }
    }

    /// Every span where a condition holds (the plain definition), for `near` and `clause`,
    /// which pair their parts' spans: a run of `s.spans`, built once per node and sentence.
    /// The parts' runs are built first, so that the node's own spans follow them in one run.
    func occurrences(_ n: Int32, _ s: inout MatchScratch) -> Range<Int> {
        let node = tables.tree.nodes[Int(n)]
        if node.kind == .term { return termOccurrences(node.value, &s) }
        if let known = s.nodeSpans(n) { return known }
        let parts = tables.tree.childRange(n)
        switch node.kind {
        case .term:
            preconditionFailure("a term's spans are its matches")
        case .all, .none:
            let found = first(n, &s)
            let start = s.spans.count
            if let found { s.appendSpan(found) }
            return s.storeNode(n, from: start)
        case .any:
            guard s.mayHold(n) else { return s.storeNode(n, from: s.spans.count) }
            // The parts that may hold end at the last of them: the rest are not read.
            var end = parts.lowerBound, left = s.possibleParts(n)
            while left > 0 && end < parts.upperBound {
                if s.mayHold(tables.tree.children[end]) { left -= 1 }
                end += 1
            }
            let possible = parts.lowerBound..<(left > 0 ? parts.upperBound : end)
            for k in possible where s.mayHold(tables.tree.children[k]) { _ = occurrences(tables.tree.children[k], &s) }
            let start = s.spans.count
            for k in possible where s.mayHold(tables.tree.children[k]) {
                let found = occurrences(tables.tree.children[k], &s)
                s.appendSpans(found)
            }
            return s.storeNode(n, from: start)
        case .near:
            guard s.mayHold(n) else { return s.storeNode(n, from: s.spans.count) }
            let a = occurrences(tables.tree.children[parts.lowerBound], &s), b = occurrences(tables.tree.children[parts.lowerBound + 1], &s)
            let start = s.spans.count
            for i in a {
                let x = s.spans[i]
                guard x.isReal else { continue }
                for j in b {
                    let y = s.spans[j]
                    if y.isReal && (distance(x, y) <= node.value || listDistance(x, y, s.listPositions()) <= node.value) {
                        s.appendSpan(Span(first: min(x.first, y.first), last: max(x.last, y.last), spread: x.spread || y.spread))
                    }
                }
            }
            return s.storeNode(n, from: start)
        case .clause:
            guard s.mayHold(n) else { return s.storeNode(n, from: s.spans.count) }
            for k in parts { _ = occurrences(tables.tree.children[k], &s) }
            let start = s.spans.count
            clauseOccurrences(parts, within: node.value, &s)
            return s.storeNode(n, from: start)
        }
    }

    /// Appends the spans where one occurrence of every part lies inside one clause, the whole
    /// at most `within` words long: for each occurrence of the first part, the nearest
    /// occurrence of each other part in its clause that shares no word with the parts before
    /// it. The parts' runs must be built.
    private func clauseOccurrences(_ parts: Range<Int>, within: Int, _ s: inout MatchScratch) {
        s.settleClauses(clauseWords: clauseWords)
        let anchors = occurrences(tables.tree.children[parts.lowerBound], &s)
        for a in anchors {
            let anchor = s.spans[a]
            guard anchor.isReal else { continue }
            let clause = s.clause[anchor.first]
            guard s.clause[anchor.last] == clause else { continue }
            var span = Span(first: anchor.first, last: anchor.last, spread: true)
            s.taken.removeAll(keepingCapacity: true)
            s.taken.append(anchor)
            for k in parts.dropFirst() {
                // Each part its own words: "kommer" is not both the modal and the verb.
                var nearest: Span?, best = Int.max
                for i in occurrences(tables.tree.children[k], &s) {
                    let p = s.spans[i]
                    guard p.isReal, s.clause[p.first] == clause, s.clause[p.last] == clause,
                          !s.taken.contains(where: { p.first <= $0.last && $0.first <= p.last }) else { continue }
                    let d = distance(p, anchor)
                    if nearest == nil || d < best { nearest = p; best = d }
                }
                guard let nearest else { span.first = Int.max; break }
                s.taken.append(nearest)
                span = Span(first: min(span.first, nearest.first), last: max(span.last, nearest.last), spread: true)
            }
            if span.first != Int.max, span.last - span.first < within { s.appendSpan(span) }
        }
    }

    func distance(_ a: Span, _ b: Span) -> Int { max(a.first - b.last, b.first - a.last, 0) }

    /// The distance of `near` where `distance` is too far: a later item of a coordinated list
    /// counts from where the first item stands ("brister i A, i B och i C": "brister" is as near
    /// C as A); `Int.max` when the sentence has no list.
    func listDistance(_ a: Span, _ b: Span, _ positions: [Int]) -> Int {
        guard !positions.isEmpty else { return Int.max }
        func moved(_ x: Span) -> Span {
            let p = positions[x.first], q = positions[x.last]
            return Span(first: min(p, q), last: max(p, q))
        }
        return distance(moved(a), moved(b))
    }

    /// A term's matches in the sentence, in the order its first words were found (the text's);
    /// a run of `s.spans`, built once per sentence.
    func termOccurrences(_ t: Int, _ s: inout MatchScratch) -> Range<Int> {
        // Most terms do not occur: a word that must be there has no hit in the sentence.
        guard s.termMayHold(t) else { return 0..<0 }
        if let known = s.termSpans(t) { return known }
        let words = tables.terms[t]
        let start = s.spans.count
        if words[0].optional {
            // Where the term may start: where any word up to the first required one occurred.
            s.starts.removeAll(keepingCapacity: true)
            for w in words {
                var h = s.firstOccurrence(of: w.pattern)
                while h >= 0 {
                    s.starts.append(s.word(ofOccurrence: h))
                    h = s.nextOccurrence(after: h)
                }
                if !w.optional { break }
            }
            s.starts.sort()
            var previous = -1
            for k in s.starts.indices where s.starts[k] != previous {
                previous = s.starts[k]
                if let end = matchTerm(words, 0, previous, &s) { s.appendSpan(Span(first: previous, last: end - 1)) }
            }
        } else {
            // Where its first word occurred.
            var h = s.firstOccurrence(of: words[0].pattern)
            while h >= 0 {
                let at = s.word(ofOccurrence: h)
                if let end = matchTerm(words, 1, at + 1, &s) { s.appendSpan(Span(first: at, last: end - 1)) }
                h = s.nextOccurrence(after: h)
            }
        }
        return s.storeTerm(t, from: start)
    }

    /// Matches words[i...] from word position `at`; returns the position after the last matched word.
    /// Only reads the scratch: it is passed `inout` so that it is not copied for each call.
    private func matchTerm(_ words: [(pattern: Int, optional: Bool)], _ i: Int, _ at: Int, _ s: inout MatchScratch) -> Int? {
        if i == words.count { return at }
        if at < s.words.count, s.has(pattern: words[i].pattern, word: at), let end = matchTerm(words, i + 1, at + 1, &s) { return end }
        if words[i].optional { return matchTerm(words, i + 1, at, &s) }
        return nil
    }
}
