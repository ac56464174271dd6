/// How large a rule pack may be. Each limit is many times what the shipped pack has (its
/// largest file, `relevance/acts.yaml`: 115 kB; the whole pack: 69 rules, 433 kB of YAML; no rule
/// with a quarter of `termsPerRule`), and low enough that loading and `check-rules` stay quick.
/// A pack over one is refused with a diagnostic naming the file, the limit and how much it has.
public enum RuleLimits {
    /// Bytes of one YAML rule file, checked before the YAML parser sees it.
    public static let fileBytes = 1 << 20
    /// Bytes of all YAML rule files of a pack together.
    public static let packBytes = 8 << 20
    /// Rules of one file and of a pack.
    public static let rulesPerFile = 2_000
    public static let rulesPerPack = 10_000
    /// Terms of one rule: each sentence in which the rule may fire looks at all of them.
    public static let termsPerRule = 5_000
    /// Terms (of rules, cues and settings) of one file and of a pack.
    public static let termsPerFile = 20_000
    public static let termsPerPack = 100_000
    /// Words of one term: matching tries a term's optional words both ways.
    public static let wordsPerTerm = 12
}
