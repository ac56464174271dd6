import Dispatch
import FyndCore
import FyndSegment

/// One rule that fired in one sentence. Its numbers are kept in 32 bits (24 bytes a hit where
/// `Int`s took 48: a news text has about one hit per byte of text): a document is capped at
/// 50 MB by default (`--max-doc-bytes`), far below 4 GB.
public struct RuleHit: Sendable, Equatable {
    private var ruleIndex, first, last: UInt32
    private var bytes: NarrowRange
    public var negated: Bool
    public var polarity: Polarity

    /// Index into `Matcher.rules`.
    public var rule: Int {
        get { Int(ruleIndex) }
        set { ruleIndex = UInt32(newValue) }
    }
    /// First and last word of the match (indices into the sentence's word tokens).
    public var firstWord: Int {
        get { Int(first) }
        set { first = UInt32(newValue) }
    }
    public var lastWord: Int {
        get { Int(last) }
        set { last = UInt32(newValue) }
    }
    /// Byte range in the document text, from the first to the last matched word.
    public var range: Range<Int> {
        get { bytes.range }
        set { bytes = NarrowRange(newValue) }
    }

    public init(rule: Int, firstWord: Int, lastWord: Int, range: Range<Int>, negated: Bool, polarity: Polarity) {
        ruleIndex = UInt32(rule)
        first = UInt32(firstWord)
        last = UInt32(lastWord)
        bytes = NarrowRange(range)
        self.negated = negated
        self.polarity = polarity
    }
}

/// The compiled rule pack: every term word of every rule, negation cue and polarity cue in one
/// automaton, scanned once per sentence; then only the rules whose words occurred are checked.
/// Immutable and shareable between threads. This file compiles the pack; the first look at a
/// document (`FirstLook`), matching a sentence (`SentenceMatch`), condition evaluation
/// (`ConditionEvaluation`), negation and polarity (`Negation`) and resolving hits (`Resolution`)
/// read it.
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

    typealias Selection = MatcherTables.Selection
    typealias CueRole = MatcherTables.CueRole

    public let pack: RulePack
    public var rules: [Rule] { pack.rules }

    /// What the pack compiles to, held as one value (its arrays are shared, not copied).
    let tables: MatcherTables
    let clauseWords: WordSet
    /// Per rule, what matching a sentence reads of it for every candidate and hit (plain
    /// arrays: reading a `Rule` would retain its strings): whether it finds a category, its
    /// fixed polarity, its priority.
    let isCategory: [Bool]
    let fixedPolarity: [Polarity?]
    let priority: [Int]
    /// The first bytes of the headings of quoted and of background sections (`quotedSections`,
    /// `backgroundSections`).
    let quotedLeads: HeadingLeads
    let backgroundLeads: HeadingLeads
    /// Sizes for `MatchScratch`.
    var conditionCount: Int { tables.tree.nodes.count }
    var termCount: Int { tables.terms.count }

    /// Compiles `pack` (`MatcherTables`).
    public convenience init(pack: RulePack) {
        self.init(pack: pack, tables: MatcherTables(pack: pack))
    }

    /// The matcher of `pack` with the tables built from it (or decoded from its compiled form).
    public init(pack: RulePack, tables: MatcherTables) {
        self.pack = pack
        self.tables = tables
        clauseWords = WordSet(pack.negation.clauseWords)
        isCategory = pack.rules.map { if case .category = $0.target { true } else { false } }
        fixedPolarity = pack.rules.map(\.polarity)
        priority = pack.rules.map(\.priority)
        quotedLeads = HeadingLeads(pack.skip.sectionHeadings)
        backgroundLeads = HeadingLeads(pack.skip.backgroundHeadings)
    }

}
