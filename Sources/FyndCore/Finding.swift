/// Whether a finding reports a lack, a remedy, or neither (TAXONOMY.md).
public enum Polarity: String, Sendable, Codable, CaseIterable {
    case deficit, improvement, mention
}

/// One rule's match in one sentence, with its evidence (OUTPUT.md `findings`).
public struct Finding: Sendable, Equatable {
    public var category: String
    public var rule: String
    public var polarity: Polarity
    public var negated: Bool
    /// Index of the sentence in the document (0-based).
    public var sentence: Int
    /// Offsets in Unicode scalars into the normalised text.
    public var start: Int
    public var end: Int
    /// The whole sentence the match lies in.
    public var evidence: String

    public init(category: String, rule: String, polarity: Polarity, negated: Bool, sentence: Int, start: Int, end: Int, evidence: String) {
        self.category = category
        self.rule = rule
        self.polarity = polarity
        self.negated = negated
        self.sentence = sentence
        self.start = start
        self.end = end
        self.evidence = evidence
    }
}
