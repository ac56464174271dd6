import FyndCore
import FyndSegment

/// The first look at a document: one scan of its folded text (`FoldedText`) with the keys of a
/// rule set, which tells the sentences where a rule may fire and the rules that may; the other
/// sentences are neither cut into words nor matched.
///
/// Cost: one automaton step per byte of the document, a binary search over the sentences per
/// key found; `possibleRules` a walk over the candidate rules' conditions, `couldBeRelevant`
/// over those of the signals that can add to relevance, each signal's up to the first that can
/// fire, and none after a signal without which the document cannot be relevant.
extension Matcher {
    /// What the first look at a document found: the sentences in which some rule may fire,
    /// and those rules.
    public struct Candidates: Sendable {
        /// Per sentence: whether a rule may fire in it.
        public var sentences: [Bool]
        /// Per rule: whether it may fire somewhere (its trigger word is in the document).
        var isCandidate: [Bool]
        /// Per key of the first look: whether it is in the document (empty when the rule set
        /// has no gate).
        var found: [Bool] = []
        var ruleSet: RuleSet = .all

        /// The rules that may fire somewhere (indices into `rules`), in order.
        public var rules: [Int] { isCandidate.indices.filter { isCandidate[$0] } }
    }

    /// The sentences in which some rule may fire: those where the word that makes a rule a
    /// candidate occurs. One scan of the folded form of `text` (a document's UTF-8), made and
    /// looked at a window of about `windowBytes` at a time (`FoldedText(utf8:covering:)`), so
    /// that only a window's folded bytes are held at once; the result does not depend on the
    /// window's size. The other sentences need no words and no matching. Nil when the text has
    /// no folded form (`everything` then); all sentences (those `only` marks) and rules when a
    /// key needs words. With `only`, of the sentences it marks: each run of them that follow one
    /// another is scanned (and as much after it as a key is long, which a key that begins in it
    /// may reach), and the rules and keys found are those of these runs. Without `only`,
    /// `window` is given each window with the stretch of the folded text that is its own (those
    /// stretches one after another, each beginning at a space).
    public func candidates(inText text: [UInt8], windowBytes: Int, sentences: [Sentence], rules: RuleSet = .all, only: [Bool]? = nil,
                           window: (FoldedText, Range<Int>) -> Void = { _, _ in }) -> Candidates? {
        let selection = tables.selections[rules.rawValue]
        guard !selection.keysNeedWords else { return everything(sentences, rules: rules, only: only) }
        var look = Look(self, rules, sentences: sentences.count)
        let longest = selection.keyAutomaton.longest, count = text.count + 2
        let ok = text.withUnsafeBufferPointer { text -> Bool in
            if let only {
                // The runs as the whole text has them, scanned a group of about a window at a time.
                let runs = sentences.withUnsafeBufferPointer { Self.runs($0, only, longest: longest, in: count) }
                var first = 0
                while first < runs.count {
                    var last = first
                    while last + 1 < runs.count, runs[last + 1].upperBound - runs[first].lowerBound <= windowBytes { last += 1 }
                    guard let folded = FoldedText(utf8: text, covering: runs[first].lowerBound..<runs[last].upperBound) else { return false }
                    look.scan(folded, Array(runs[first...last]), sentences: sentences)
                    first = last + 1
                }
                return true
            }
            // Windows cut where the folded text has a space (a white-space byte of the text), each
            // scanned to as far after its end as a key that begins in it may reach.
            var start = 0
            while start < count {
                var end = min(count, start + max(1, windowBytes))
                // Folded byte `end` stands for text byte `end - 1` (the last, `count - 1`, is a space).
                while end <= text.count, text[end - 1] != 0x20 && text[end - 1] != 0x0A { end += 1 }
                let scanned = start..<min(count, end + longest)
                guard let folded = FoldedText(utf8: text, covering: scanned) else { return false }
                look.scan(folded, [scanned], sentences: sentences)
                window(folded, start..<end)
                start = end
            }
            return true
        }
        return ok ? look.candidates(only: only) : nil
    }

    /// Every sentence (those `only` marks) and every rule of the set: what a look without a
    /// folded text, or with keys that need words, finds.
    public func everything(_ sentences: [Sentence], rules: RuleSet = .all, only: [Bool]? = nil) -> Candidates {
        var isCandidate = Array(repeating: false, count: self.rules.count)
        for r in tables.selections[rules.rawValue].rules { isCandidate[r] = true }
        return Candidates(sentences: only ?? Array(repeating: true, count: sentences.count), isCandidate: isCandidate, ruleSet: rules)
    }

    /// What a first look has found so far: the keys, candidate rules and sentences of the
    /// stretches of folded text scanned.
    private struct Look {
        let selection: MatcherTables.Selection
        let ruleSet: RuleSet
        var isCandidate: [Bool]
        var found: [Bool]
        var wanted: [Bool]

        init(_ matcher: Matcher, _ ruleSet: RuleSet, sentences: Int) {
            selection = matcher.tables.selections[ruleSet.rawValue]
            self.ruleSet = ruleSet
            isCandidate = Array(repeating: false, count: matcher.rules.count)
            found = [Bool](repeating: false, count: selection.termKeyStart.isEmpty ? 0 : selection.keyAutomaton.lengths.count)
            wanted = Array(repeating: false, count: sentences)
        }

        /// Scans `runs` (positions in the whole folded text, within `folded`'s stretch).
        mutating func scan(_ folded: FoldedText, _ runs: [Range<Int>], sentences: [Sentence]) {
            let lengths = selection.keyAutomaton.lengths
            let gates = !found.isEmpty
            let offset = folded.start
            // Reports come at most words of a document: the tables are read through pointers (a
            // list of rules as an `ArraySlice` retains its array, a captured array checks it is unique).
            folded.bytes.withUnsafeBufferPointer { buf in
                selection.rulesByKey.start.withUnsafeBufferPointer { ruleStart in
                    selection.rulesByKey.items.withUnsafeBufferPointer { ruleItems in
                        found.withUnsafeMutableBufferPointer { found in
                            isCandidate.withUnsafeMutableBufferPointer { isCandidate in
                                wanted.withUnsafeMutableBufferPointer { wanted in
                                    sentences.withUnsafeBufferPointer { sentences in
                                        let local = runs.map { ($0.lowerBound - offset)..<($0.upperBound - offset) }
                                        selection.keyAutomaton.scanInQuarters(in: buf, runs: local) { key, end in
                                            if gates { found[key] = true }
                                            let rules = Int(ruleStart[key])..<Int(ruleStart[key + 1])
                                            // A word that only the gate looks for (no rule waits for it) marks no sentence.
                                            guard !rules.isEmpty else { return }
                                            for k in rules { isCandidate[Int(ruleItems[k])] = true }
                                            let start = end - lengths[key]
                                            // The first byte of the word in the text (the folded text has one leading space).
                                            let byte = (buf[start] == 0x20 ? start + 1 : start) - 1 + offset
                                            var lo = 0, hi = sentences.count - 1
                                            while lo < hi {
                                                let mid = (lo + hi + 1) / 2
                                                if sentences[mid].range.lowerBound <= byte { lo = mid } else { hi = mid - 1 }
                                            }
                                            if lo < sentences.count, sentences[lo].range.contains(byte) { wanted[lo] = true }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        func candidates(only: [Bool]?) -> Candidates {
            var wanted = wanted
            if let only { for i in wanted.indices where !only[i] { wanted[i] = false } }
            return Candidates(sentences: wanted, isCandidate: isCandidate, found: found, ruleSet: ruleSet)
        }
    }

    /// The byte ranges of the folded text (`count` bytes) to scan for the keys that begin in the
    /// sentences `only` marks: per run of such sentences, from the space before its first byte
    /// to `longest` bytes after its last, runs that meet joined.
    static func runs(_ sentences: UnsafeBufferPointer<Sentence>, _ only: [Bool], longest: Int, in count: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        for (i, sentence) in sentences.enumerated() where only[i] {
            let span = sentence.range.lowerBound..<min(count, sentence.range.upperBound + 1 + longest)
            if let last = runs.last, span.lowerBound <= last.upperBound {
                runs[runs.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                runs.append(span)
            }
        }
        return runs
    }

    /// Of the candidate rules, those that can fire: for a rule set with a gate (`.relevance`), a
    /// rule whose condition needs a part none of whose words is in the document cannot.
    public func possibleRules(_ candidates: Candidates) -> [Int] {
        var rules: [Int] = []
        withPossibility(candidates) { possible in rules = candidates.rules.filter(possible) }
        return rules
    }

    /// Whether matching could make the document relevant: `Relevance.couldBeRelevant` for the
    /// candidate rules, and then for those of them that can fire (`possibleRules`), with the
    /// headline's hits. The decision reads only which signals are possible, and only the signals
    /// that can add to relevance: each is looked for among its own rules
    /// (`Relevance.rules(ofSignal:)`). The second look walks the conditions of a signal's
    /// candidate rules up to the first that can fire, and stops as soon as the signals left
    /// cannot make the document relevant. False means the document needs no words and has no hits.
    public func couldBeRelevant(_ candidates: Candidates, headline: [RuleHit]?) -> Bool {
        let decision = pack.decision
        let isCandidate = candidates.isCandidate
        var signals: UInt64 = 0
        var unseen = decision.signalsThatCanAdd
        while unseen != 0 {
            let bit = unseen & (0 &- unseen)
            unseen &= ~bit
            if decision.rules(ofSignal: bit).contains(where: { isCandidate[$0] }) { signals |= bit }
        }
        guard decision.couldBeRelevant(signals: signals, headline: headline) else { return false }
        guard !candidates.found.isEmpty else { return true }
        withPossibility(candidates) { possible in
            var unchecked = signals
            while unchecked != 0 {
                let bit = unchecked & (0 &- unchecked)
                unchecked &= ~bit
                if decision.rules(ofSignal: bit).contains(where: { isCandidate[$0] && possible($0) }) { continue }
                signals &= ~bit
                if !decision.couldBeRelevant(signals: signals, headline: headline) { return }
            }
        }
        return decision.couldBeRelevant(signals: signals, headline: headline)
    }

    /// Calls `body` with a test of whether a candidate rule can fire (every rule can for a rule
    /// set without a gate). The test walks the rule's condition: a term can hold only when each
    /// of its required words is in the document.
    private func withPossibility(_ candidates: Candidates, _ body: ((Int) -> Bool) -> Void) {
        let selection = tables.selections[candidates.ruleSet.rawValue]
        guard !candidates.found.isEmpty else { return body { _ in true } }
        candidates.found.withUnsafeBufferPointer { found in
            selection.termKeyStart.withUnsafeBufferPointer { start in
                selection.termKeys.withUnsafeBufferPointer { keys in
                    tables.tree.nodes.withUnsafeBufferPointer { nodes in
                        tables.tree.children.withUnsafeBufferPointer { children in
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
                            body { possible(tables.tree.roots[$0]) }
                        }
                    }
                }
            }
        }
    }

    /// Per paragraph: whether it stands in a section that quotes the law, an authority's remit
    /// or general facts, from a heading of the skip file ("Tillämpliga bestämmelser", "Fakta:
    /// Orosanmälan") up to the next heading ("IVO:s bedömning") or the next paragraph of
    /// reported speech ("– Vi såg det tidigt, säger …"), the heading included. What such a
    /// section says is no finding of the case; someone quoted is the article again (a fact box
    /// printed first has no heading after it).
    public func quotedSections(in document: Document) -> [Bool] {
        sections(in: document, headings: pack.skip.sectionHeadings, leads: quotedLeads, openingWords: false)
    }

    /// Per paragraph: whether it stands in a section that tells the case's background or the
    /// review's purpose and method, under a heading of the skip file's `background_sections`
    /// whole or as its opening words ("Bakgrund", "Bakgrund till uppdraget", "1.2 Syfte och
    /// avgränsning"), up to the next heading as `quotedSections`. A category such a section names
    /// that no cue judges is the review's topic or the case's history, not a finding.
    public func backgroundSections(in document: Document) -> [Bool] {
        sections(in: document, headings: pack.skip.backgroundHeadings, leads: backgroundLeads, openingWords: true)
    }

    /// The paragraphs from a heading in `headings` (whole, before ": ", or with `openingWords`
    /// the heading's first words after a section number) up to the next heading or paragraph
    /// of reported speech. A short line that `leads` rules out is no heading without a look-up.
    private func sections(in document: Document, headings: Set<String>, leads: HeadingLeads, openingWords: Bool) -> [Bool] {
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
                guard leads.mayBegin(paragraph[paragraph.startIndex..<end], afterNumber: openingWords) else {
                    inSection = false
                    return inSection
                }
                var title = Folding.lower(String(decoding: paragraph[paragraph.startIndex..<end], as: UTF8.self))
                // "Tillämpliga bestämmelser", or a fact box: "Fakta: Orosanmälan" (on the bytes: a
                // string built only at a colon).
                inSection = headings.contains(title) || title.withUTF8 { t in
                    t.indices.contains { i in
                        t[i] == UInt8(ascii: ":") && i + 1 < t.count && t[i + 1] == 0x20 && headings.contains(String(decoding: t[..<i], as: UTF8.self))
                    }
                } || openingWords && Self.opens(title, with: headings)
            } else if inSection, Self.isReportedSpeech(paragraph) {
                inSection = false
            }
            return inSection
        } }
    }

    /// Whether a heading, after a section number ("2.1 "), is one of `headings` or opens with
    /// one and a space ("bakgrund och syfte").
    static func opens(_ title: String, with headings: Set<String>) -> Bool {
        // On the bytes through a pointer (a section number is ASCII): the words, then each run of
        // them before a space looked up — a string and a lookup a space, no index walk.
        var title = title
        return title.withUTF8 { t in
            let start = t.firstIndex { !($0 &- 0x30 < 10 || $0 == UInt8(ascii: ".") || $0 == 0x20) } ?? t.endIndex
            func known(_ end: Int) -> Bool { headings.contains(String(decoding: t[start..<end], as: UTF8.self)) }
            return known(t.count) || (start..<t.count).contains { t[$0] == 0x20 && known($0) }
        }
    }

    /// Whether a paragraph is a quote as news prints one: it opens with a dash and a space and
    /// names its speaker with "säger" ("– Vi hann inte med, säger enhetschefen.").
    static func isReportedSpeech(_ paragraph: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        guard quoteDashes.contains(where: { paragraph.starts(with: $0) }) else { return false }
        return ByteSearch.firstIndex(of: saysWord, in: UnsafeBufferPointer(rebasing: paragraph), from: 0) != nil
    }

    /// The dashes a quote opens with, each with its space, and the verb naming the speaker, as bytes.
    private static let quoteDashes: [[UInt8]] = [Array("– ".utf8), Array("— ".utf8), Array("- ".utf8)]
    private static let saysWord = Array(" säger ".utf8)
}

/// The pairs of first bytes that begin a set of lower-cased headings, where both are ASCII: a
/// line whose first two bytes, lower-cased, begin none (nor, after a section number, those
/// there) is no heading, told without making a lower-cased `String` of it. A line that begins
/// with a byte that is not ASCII, or has fewer than two bytes, is looked up as before (as is
/// every line when a heading is shorter than two bytes).
///
/// Cost: two loads a line; 2 kB a set.
struct HeadingLeads: Sendable {
    /// One bit per pair of ASCII bytes (first << 7 | second).
    private let pairs: [UInt64]
    private let usable: Bool

    init(_ headings: Set<String>) {
        var pairs = [UInt64](repeating: 0, count: 128 * 128 / 64)
        var usable = true
        for heading in headings {
            let b = Array(heading.utf8)
            guard b.count >= 2 else { usable = false; continue }
            // A line that begins with ASCII bytes lower-cases to ASCII bytes: it cannot begin another.
            guard b[0] < 0x80, b[1] < 0x80 else { continue }
            let pair = Int(b[0]) << 7 | Int(b[1])
            pairs[pair >> 6] |= 1 << (pair & 63)
        }
        self.pairs = pairs
        self.usable = usable
    }

    /// Whether `line` (a heading's text without its closing colon) may begin with a heading, or
    /// with `afterNumber`, begin with one after a section number ("1.2 ").
    func mayBegin(_ line: Slice<UnsafeBufferPointer<UInt8>>, afterNumber: Bool) -> Bool {
        guard usable else { return true }
        func lower(_ b: UInt8) -> Int { Int(b &- 0x41 < 26 ? b | 0x20 : b) }
        func begins(at i: Int) -> Bool {
            guard i + 1 < line.endIndex, line[i] < 0x80, line[i + 1] < 0x80 else { return true }
            let pair = lower(line[i]) << 7 | lower(line[i + 1])
            return pairs[pair >> 6] & 1 << (pair & 63) != 0
        }
        if begins(at: line.startIndex) { return true }
        guard afterNumber else { return false }
        var i = line.startIndex
        while i < line.endIndex, line[i] &- 0x30 < 10 || line[i] == UInt8(ascii: ".") || line[i] == 0x20 { i += 1 }
        return i != line.startIndex && begins(at: i)
    }
}
