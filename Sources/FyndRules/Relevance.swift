/// The relevance decision: whether a document reports a supervision case of the social services.
///
/// Reads: the hits of relevance rules (target `.relevance(signal:)`), per sentence and in the
/// headline. Produces: `RelevanceDecision` — every feature with its value and fitted weight,
/// the passages that hold a case's evidence, the score and the verdict.
///
/// The unit of evidence is a passage: two neighbouring sentences, or the headline with the lead
/// (the first three sentences). A passage holding every `evidence` signal of the pack (a
/// supervisor or review act, the social services, a judgement or act of the case) is what a
/// reader takes as a case. Features in [0, 1] say which signals occur, how often, in the lead,
/// together in a passage or a sentence free of signals `against` a case (another authority,
/// health care, policy text, …), and how much those weigh; a logistic model fitted on labelled documents
/// (`scripts/fit_relevance.py`, weights in `rules/relevance-model.yaml`) adds them up. The
/// document is relevant when the score is at least 0.
public struct Relevance: Sendable, Equatable {
    /// What a feature measures.
    public enum Measure: Sendable, Hashable {
        /// The signal occurs somewhere.
        case present(Int)
        /// The signal occurs in more than one sentence: (n − 1) / 3, at most 1.
        case repeated(Int)
        /// The signal occurs in the headline or the first three sentences.
        case lead(Int)
        /// One passage holds every signal of the mask and none against a case.
        case passage(UInt64)
        /// One sentence holds every signal of the mask and none against a case.
        case sentence(UInt64)
        /// The signal occurs in at least as many sentences as all evidence signals together.
        case dominates(Int)
        /// The signal occurs in a passage that holds every evidence signal: the case told is
        /// another authority's, or health care's.
        case inCase(Int)

        /// The bits of the signals it measures.
        var signals: UInt64 {
            switch self {
            case .present(let i), .repeated(let i), .lead(let i), .dominates(let i), .inCase(let i): 1 << i
            case .passage(let m), .sentence(let m): m
            }
        }
    }

    public struct Feature: Sendable, Hashable {
        public var name: String
        public var measure: Measure
    }

    /// Signal names, sorted; a signal's bit in a mask is its index here.
    public let signals: [String]
    public let features: [Feature]
    public let weights: [Double]
    public let bias: Double
    /// Bits of the evidence signals, of the signals against a case, and of those among them that
    /// one unit beside a stated case does not make (`RelevanceSettings.background`).
    let evidenceMask: UInt64
    let againstMask: UInt64
    let backgroundMask: UInt64
    /// Rule (by index) → its signal's bit, or 0 for a rule that gives no signal.
    let bitOfRule: [UInt64]
    /// The bit that a category hit judged a deficit gives where another evidence signal is
    /// (`RelevanceSettings.deficitSignal`), or 0; and which rules are category rules.
    let deficitBit: UInt64
    let isCategory: [Bool]
    /// The verdict for a document without a signal (every feature 0): most documents of an
    /// archive, decided without their features.
    let relevantWithoutSignals: Bool

    /// The features for a pack's signals. `evidence` signals get lead and co-occurrence
    /// features; `against` signals only features whose weight may not be positive.
    public static func features(signals: [String], evidence: [String], against: [String]) -> [Feature] {
        let index = Dictionary(uniqueKeysWithValues: signals.enumerated().map { ($1, $0) })
        let ev = evidence.compactMap { index[$0] }
        var out: [Feature] = []
        for (i, s) in signals.enumerated() where !against.contains(s) {
            out.append(Feature(name: s, measure: .present(i)))
            out.append(Feature(name: "\(s).repeated", measure: .repeated(i)))
            if ev.contains(i) { out.append(Feature(name: "lead.\(s)", measure: .lead(i))) }
        }
        for (n, a) in ev.enumerated() {
            for b in ev[(n + 1)...] {
                out.append(Feature(name: "passage.\(signals[a])+\(signals[b])", measure: .passage(1 << a | 1 << b)))
            }
        }
        if ev.count > 2 {
            let all = ev.reduce(UInt64(0)) { $0 | 1 << $1 }
            out.append(Feature(name: "passage.all", measure: .passage(all)))
            out.append(Feature(name: "sentence.all", measure: .sentence(all)))
        }
        for (i, s) in signals.enumerated() where against.contains(s) {
            out.append(Feature(name: s, measure: .present(i)))
            out.append(Feature(name: "\(s).repeated", measure: .repeated(i)))
            out.append(Feature(name: "\(s).dominates", measure: .dominates(i)))
            if ev.count > 2 { out.append(Feature(name: "\(s).in_case", measure: .inCase(i))) }
        }
        return out
    }

    /// The rules that give a signal (by its bit), in order.
    func rules(ofSignal bit: UInt64) -> [Int] { rulesOfSignal[bit.trailingZeroBitCount] }
    private let rulesOfSignal: [[Int]]

    /// The signals that `couldBeRelevant` reads: those of the features of positive weight, and
    /// the evidence signals (beside which a deficit may be found). Others can only take relevance away.
    let signalsThatCanAdd: UInt64
    /// The signals each feature of positive weight needs, and its weight, in the features' order:
    /// what `couldBeRelevant` adds up, without reading the other features.
    private let addingSignals: [UInt64], addingWeights: [Double]

    /// Whether a feature can only take relevance away (it measures a signal against a case).
    func isAgainst(_ f: Feature) -> Bool { againstMask & f.measure.signals != 0 }

    public init(rules: [Rule], settings: RelevanceSettings) {
        var names = Set<String>()
        for r in rules { if case .relevance(let s) = r.target { names.insert(s) } }
        signals = names.sorted()
        let index = Dictionary(uniqueKeysWithValues: signals.enumerated().map { ($1, $0) })
        features = Self.features(signals: signals, evidence: settings.evidence, against: settings.against)
        weights = features.map { settings.model.weights[$0.name] ?? 0 }
        bias = settings.model.bias
        evidenceMask = settings.evidence.compactMap { index[$0] }.reduce(0) { $0 | 1 << $1 }
        againstMask = settings.against.compactMap { index[$0] }.reduce(0) { $0 | 1 << $1 }
        backgroundMask = settings.background.compactMap { index[$0] }.reduce(0) { $0 | 1 << $1 } & againstMask
        bitOfRule = rules.map { rule in
            if case .relevance(let s) = rule.target, let i = index[s] { UInt64(1) << i } else { 0 }
        }
        deficitBit = settings.deficitSignal.flatMap { index[$0] }.map { UInt64(1) << $0 } ?? 0
        isCategory = rules.map { if case .category = $0.target { true } else { false } }
        var bySignal = [[Int]](repeating: [], count: UInt64.bitWidth)
        for (r, bit) in bitOfRule.enumerated() where bit != 0 { bySignal[bit.trailingZeroBitCount].append(r) }
        rulesOfSignal = bySignal
        signalsThatCanAdd = zip(features, weights).reduce(evidenceMask) { $1.1 > 0 ? $0 | $1.0.measure.signals : $0 }
        let adding = zip(features, weights).filter { $0.1 > 0 }
        (addingSignals, addingWeights) = (adding.map(\.0.measure.signals), adding.map(\.1))
        relevantWithoutSignals = Self.score([Double](repeating: 0, count: features.count), bias: bias, weights: weights) >= 0
    }

    /// The signals of each sentence and of the headline, from rule hits (negated hits give none).
    /// A finding judged a deficit adds `deficitBit` where the relevance rules gave an evidence
    /// signal: such a sentence is matched with every rule wherever relevance is decided.
    /// A background signal that only one unit holds is set aside where a passage states a case
    /// (`Evidence.settingAsideBackground`). `oneWord` marks the sentences of one word
    /// (`Sentence.isOneWord`): those without a signal are left out (`units`).
    public func evidence(hits: [[RuleHit]], headline: [RuleHit]?, oneWord: [Bool] = []) -> Evidence {
        evidence(hits: hits, headline: headline, units: units(hits, oneWord: oneWord))
    }

    /// The sentences that are units of evidence, by index: all but those of one word that give no
    /// signal. A caption ("Arkivbild."), a label ("Annons") or a one-word heading between two
    /// sentences states nothing and does not part them: they still make a passage.
    func units(_ hits: [[RuleHit]], oneWord: [Bool]) -> [Int] {
        hits.indices.filter { i in
            i >= oneWord.count || !oneWord[i] || hits[i].contains { !$0.negated && bitOfRule[$0.rule] != 0 }
        }
    }

    private func evidence(hits: [[RuleHit]], headline: [RuleHit]?, units: [Int]) -> Evidence {
        func mask(_ hits: [RuleHit]) -> UInt64 {
            let bits = hits.reduce(0) { $1.negated ? $0 : $0 | bitOfRule[$1.rule] }
            guard deficitBit != 0, bits & evidenceMask != 0,
                  hits.contains(where: { !$0.negated && $0.polarity == .deficit && isCategory[$0.rule] }) else { return bits }
            return bits | deficitBit
        }
        return Evidence(sentences: units.map { mask(hits[$0]) }, headline: headline.map(mask) ?? 0)
            .settingAsideBackground(backgroundMask, evidence: evidenceMask)
    }

    /// Signal bits per sentence and in the headline.
    public struct Evidence: Sendable, Equatable {
        public var sentences: [UInt64]
        public var headline: UInt64

        /// The passages: the headline with the first three sentences, then each sentence with the next.
        func passages() -> [(range: Range<Int>, bits: UInt64)] {
            let lead = 0..<min(3, sentences.count)
            var out = [(lead, sentences[lead].reduce(headline, |))]
            for i in sentences.indices.dropLast() { out.append((i..<i + 2, sentences[i] | sentences[i + 1])) }
            return out
        }

        /// The document-level view of a background signal (the government named): one unit
        /// (sentence or headline) with it does not make a text that states a case — a passage
        /// holding every evidence signal — a policy text. "IVO ska varje år lämna en rapport till
        /// regeringen" in IVO's report on what its supervision found is background; a government
        /// text names the government again and again. Such a lone signal is cleared from its
        /// unit; one in two units or more stays. Where no passage holds every evidence signal, a
        /// lone one is still cleared from a unit told beside the case: one whose passage holds
        /// two evidence signals ("Länsstyrelserna har fått i uppdrag av regeringen att granska
        /// kommunerna" beside the board's criticism of them).
        func settingAsideBackground(_ background: UInt64, evidence: UInt64) -> Evidence {
            // The background signals seen in some unit, and those seen again in another.
            var seen: UInt64 = 0, again: UInt64 = 0
            for unit in sentences where unit & background != 0 {
                again |= seen & unit & background
                seen |= unit & background
            }
            again |= seen & headline & background
            seen |= headline & background
            let lone = seen & ~again
            guard lone != 0, evidence != 0 else { return self }
            if anyPassage({ $0 & evidence == evidence }) {
                return Evidence(sentences: sentences.map { $0 & ~lone }, headline: headline & ~lone)
            }
            // Each unit's passages: the lead for the headline and the first three sentences, and
            // each sentence with the one before and the one after.
            func besideCase(_ bits: UInt64) -> Bool { (bits & evidence).nonzeroBitCount >= 2 }
            let lead = sentences.prefix(3).reduce(headline, |)
            var out = self
            if headline & lone != 0, besideCase(lead) { out.headline &= ~lone }
            for i in sentences.indices where sentences[i] & lone != 0 {
                let before = i > 0 ? sentences[i - 1] : 0, after = i + 1 < sentences.count ? sentences[i + 1] : 0
                if besideCase(sentences[i] | before) || besideCase(sentences[i] | after) || i < 3 && besideCase(lead) {
                    out.sentences[i] &= ~lone
                }
            }
            return out
        }

        /// Whether a passage's signals pass the test, without building the passages.
        func anyPassage(_ test: (UInt64) -> Bool) -> Bool {
            if test(sentences.prefix(3).reduce(headline, |)) { return true }
            for i in sentences.indices.dropLast() where test(sentences[i] | sentences[i + 1]) { return true }
            return false
        }
    }

    /// The value of each feature for a document's evidence. One pass over the sentences and the
    /// headline counts each signal's units; the passages are looked at where a feature asks,
    /// without building them: nothing is allocated but the values.
    public func values(_ e: Evidence) -> [Double] {
        let sentences = e.sentences
        // Per signal: in how many units (sentences and the headline) it occurs.
        var counts = [Int](repeating: 0, count: UInt64.bitWidth)
        var withEvidence = 0
        func add(_ unit: UInt64) {
            if unit & evidenceMask != 0 { withEvidence += 1 }
            var bits = unit
            while bits != 0 {
                counts[bits.trailingZeroBitCount] += 1
                bits &= bits &- 1
            }
        }
        for unit in sentences { add(unit) }
        add(e.headline)
        // The lead passage: the headline with the first three sentences.
        let lead = sentences.prefix(3).reduce(e.headline, |)
        return features.map { f in
            switch f.measure {
            case .present(let i): counts[i] > 0 ? 1 : 0
            case .repeated(let i): Double(min(max(counts[i] - 1, 0), 3)) / 3
            case .lead(let i): lead & 1 << i != 0 ? 1 : 0
            case .passage(let m): e.anyPassage { $0 & m == m && $0 & againstMask == 0 } ? 1 : 0
            case .sentence(let m): sentences.contains { $0 & m == m && $0 & againstMask == 0 } || e.headline & m == m && e.headline & againstMask == 0 ? 1 : 0
            case .dominates(let i): counts[i] > 0 && counts[i] >= withEvidence ? 1 : 0
            case .inCase(let i): e.anyPassage { $0 & evidenceMask == evidenceMask && $0 & 1 << i != 0 } ? 1 : 0
            }
        }
    }

    /// The decision for a document's rule hits; `oneWord` as in `evidence`.
    public func decide(hits: [[RuleHit]], headline: [RuleHit]?, oneWord: [Bool] = []) -> RelevanceDecision {
        let units = units(hits, oneWord: oneWord)
        let e = evidence(hits: hits, headline: headline, units: units)
        let x = values(e)
        let score = score(x)
        // Passages in the document's sentence numbers: from the first unit's to the last's.
        let passages = e.passages().filter { $0.bits & evidenceMask == evidenceMask && evidenceMask != 0 }
            .map { $0.range.isEmpty ? $0.range : units[$0.range.lowerBound]..<units[$0.range.upperBound - 1] + 1 }
        return RelevanceDecision(relevant: score >= 0, score: score, values: x, passages: passages)
    }

    /// Whether the document is relevant, from its rule hits; `oneWord` as in `evidence`.
    public func isRelevant(hits: [[RuleHit]], headline: [RuleHit]?, oneWord: [Bool] = []) -> Bool {
        let e = evidence(hits: hits, headline: headline, oneWord: oneWord)
        if e.headline == 0, !e.sentences.contains(where: { $0 != 0 }) { return relevantWithoutSignals }
        return score(values(e)) >= 0
    }

    /// The bias plus each feature's value times its weight.
    private func score(_ values: [Double]) -> Double { Self.score(values, bias: bias, weights: weights) }

    private static func score(_ values: [Double], bias: Double, weights: [Double]) -> Double {
        zip(values, weights).reduce(bias) { $0 + $1.0 * $1.1 }
    }

    /// Whether a document can be relevant when at most the given rules fire (besides the
    /// headline's hits): the highest score their signals allow, each feature of positive weight
    /// counted whole when all its signals are among them. False means matching cannot make it
    /// relevant.
    public func couldBeRelevant(rules: [Int], headline: [RuleHit]?) -> Bool {
        couldBeRelevant(signals: rules.reduce(0) { $0 | bitOfRule[$1] }, headline: headline)
    }

    /// As `couldBeRelevant(rules:headline:)`, for the signal bits the rules give.
    func couldBeRelevant(signals: UInt64, headline: [RuleHit]?) -> Bool {
        var possible = signals | (headline.map { evidence(hits: [], headline: $0).headline } ?? 0)
        // Where an evidence signal may be, a deficit may be found beside it.
        if possible & evidenceMask != 0 { possible |= deficitBit }
        var best = bias
        for k in addingSignals.indices where possible & addingSignals[k] == addingSignals[k] { best += addingWeights[k] }
        return best >= 0
    }
}

/// Why a document is relevant or not: the feature values (in `Relevance.features` order), the
/// score (bias plus each value times its weight) and the passages that hold every evidence signal.
public struct RelevanceDecision: Sendable {
    public var relevant: Bool
    public var score: Double
    public var values: [Double]
    /// Sentence ranges of the passages with all the evidence; a lead passage may include the headline.
    public var passages: [Range<Int>]
}

/// The fitted weights of the relevance features (`rules/relevance-model.yaml`).
public struct RelevanceModel: Sendable, Equatable {
    public var bias: Double = -1
    public var weights: [String: Double] = [:]
}
