import FyndCore

/// What must hold in a sentence for a rule to fire.
public indirect enum Condition: Sendable, Equatable {
    /// The term occurs.
    case term(Term)
    /// At least one holds.
    case any([Condition])
    /// Each holds.
    case all([Condition])
    /// None holds (an exclusion).
    case none([Condition])
    /// Something of `a` and something of `b` lie at most `within` words apart.
    case near(a: Condition, b: Condition, within: Int)
    /// Every part holds inside one clause, in any order, the whole at most `within` words long
    /// (`Int.max`: the clause's length): Swedish word order at once ("riktar därför ingen kritik",
    /// "I dag riktar myndigheten hård kritik mot …", "kritik riktas").
    case clause([Condition], within: Int)

    /// Every term below this condition, exclusions included.
    var terms: [Term] {
        switch self {
        case .term(let t): [t]
        case .any(let cs), .all(let cs), .none(let cs): cs.flatMap(\.terms)
        case .near(let a, let b, _): a.terms + b.terms
        case .clause(let cs, _): cs.flatMap(\.terms)
        }
    }

    /// Terms that can make the condition true (not those under `none`).
    var positiveTerms: [Term] {
        switch self {
        case .term(let t): [t]
        case .any(let cs), .all(let cs): cs.flatMap(\.positiveTerms)
        case .none: []
        case .near(let a, let b, _): a.positiveTerms + b.positiveTerms
        case .clause(let cs, _): cs.flatMap(\.positiveTerms)
        }
    }

    /// Terms of which one occurs whenever the condition holds. For `all` and `near` those of one
    /// part suffice, the part whose words look rarest (fewest terms, longest words): "komma till
    /// tals" waits for "tals", not for every "kommer".
    var triggerTerms: [Term] {
        switch self {
        case .term(let t): [t]
        case .any(let cs): cs.flatMap(\.triggerTerms)
        case .none: []
        case .all(let cs): Self.rarest(cs.map(\.triggerTerms))
        case .near(let a, let b, _): Self.rarest([a.triggerTerms, b.triggerTerms])
        case .clause(let cs, _): Self.rarest(cs.map(\.triggerTerms))
        }
    }

    private static func rarest(_ parts: [[Term]]) -> [Term] {
        // Each term adds a word to wait for; a short or common key word is seen more often.
        func cost(_ terms: [Term]) -> Int {
            terms.reduce(0) { sum, term in
                guard let key = term.keyWord else { return sum }
                return sum + 10 - min(key.word.utf8.count, 9) + (Term.commonWords.contains(key.word) ? 10 : 0)
            }
        }
        return parts.filter { !$0.isEmpty }.min { cost($0) < cost($1) } ?? []
    }
}

/// Where a rule's hits go: a finding category, a document attribute, or a relevance signal.
public enum RuleTarget: Hashable, Sendable {
    case category(String)
    case attribute(field: String, value: String)
    case relevance(signal: String)
}

/// An example sentence of a rule, with where it stands in its file.
public struct Example: Sendable, Equatable {
    public var sentence: String
    public var location: SourceLocation
}

/// A line and column in a rule file.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var description: String { "\(file):\(line):\(column)" }
}

/// One rule of a rule file.
public struct Rule: Sendable, Equatable {
    public var id: String
    public var target: RuleTarget
    public var description: String?
    public var condition: Condition
    /// A fixed polarity; nil means from the sentence's cue words.
    public var polarity: Polarity?
    public var priority: Int
    /// Ids of rules whose hits in the same sentence this rule's hit removes.
    public var replaces: [String]
    public var matchExamples: [Example]
    public var noMatchExamples: [Example]
    public var location: SourceLocation
}
