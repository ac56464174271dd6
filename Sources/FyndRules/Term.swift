/// One word of a term as the automaton sees it: exact, a stem (`orosanmäl*`), a compound head
/// (`*dokumentation`), or a compound part anywhere in the word (`*familjehem*`).
public struct WordPattern: Hashable, Sendable {
    public enum Kind: Sendable { case exact, prefix, suffix, infix }
    public var kind: Kind
    /// The folded word without wildcards.
    public var word: String

    /// The key searched for in the sentence buffer " w1 w2 … wn ": spaces mark the word edges.
    var key: String {
        switch kind {
        case .exact: " \(word) "
        case .prefix: " \(word)"
        case .suffix: "\(word) "
        case .infix: word
        }
    }
}

/// A term: a sequence of consecutive words, some optional (`inleda utredning?`).
public struct Term: Hashable, Sendable {
    public struct Word: Hashable, Sendable {
        public var pattern: WordPattern
        public var optional: Bool
    }
    public var words: [Word]
    /// The term as written in the rule file.
    public var source: String

    /// The source alone: equal terms have equal sources, and compiling a pack hashes every term.
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// The required word that looks rarest in running text, which must occur for the term to:
    /// not a common function word when the term has another ("komma till tals" → "tals"), and
    /// of those the longest ("i sitt beslut" → "beslut").
    var keyWord: WordPattern? {
        words.filter { !$0.optional }.map(\.pattern).min { Self.rank($0) < Self.rank($1) }
    }

    private static func rank(_ p: WordPattern) -> (Int, Int) {
        (commonWords.contains(p.word) ? 1 : 0, -p.word.utf8.count)
    }

    /// The most frequent words of Swedish prose and of administrative text, each found in most documents.
    static let commonWords: Set<String> = [
        "och", "att", "det", "som", "en", "ett", "är", "av", "för", "på", "med", "till", "den", "har", "inte", "om", "de", "i",
        "var", "sig", "så", "men", "vid", "från", "kan", "ska", "eller", "när", "under", "efter", "hade", "han", "hon", "vi",
        "man", "jag", "sin", "sitt", "sina", "också", "mot", "alla", "detta", "denna", "dessa", "vara", "blir", "bli", "får",
        "kommer", "finns", "sedan", "även", "där", "hur", "vad", "nu", "då", "samt", "enligt", "genom", "utan", "över",
        "mellan", "inom", "både", "andra", "två", "år", "bara", "mer", "mycket", "många", "något", "några", "ingen", "inga",
        // Frequent in administrative text, where fynd reads whole archives.
        "utredning", "utredningen", "utredningar", "kommun", "kommunen", "kommuner", "kommunerna", "regeringen", "beslut",
    ]
}

/// Reads term syntax: words separated by spaces; `*` at the end of a word for any ending, at the
/// start for any beginning (a compound head), at both ends for a compound part; `?` after a word
/// makes it optional. Punctuation is ignored ("14 kap. 1 § SoL" is the words 14 kap 1 sol).
public enum TermSyntax {
    /// Parses `source`, cutting each word with `split` (the document word tokenizer).
    /// Returns nil with a message when nothing matchable is left.
    public static func parse(_ source: String, split: (String) -> [String]) -> Result<Term, TermError> {
        var words: [Term.Word] = []
        for chunk in source.split(separator: " ") {
            var core = Substring(chunk)
            var optional = false
            if core.hasSuffix("?") { optional = true; core = core.dropLast() }
            let leading = core.hasPrefix("*"), trailing = core.hasSuffix("*")
            core = core.drop { $0 == "*" }
            while core.hasSuffix("*") { core = core.dropLast() }
            if core.utf8.contains(UInt8(ascii: "*")) { return .failure(TermError(message: "'*' may stand only at the start or end of a word in \"\(source)\"")) }
            let parts = split(String(core))
            for (i, part) in parts.enumerated() {
                let kind: WordPattern.Kind
                let first = i == 0, last = i == parts.count - 1
                switch (leading && first, trailing && last) {
                case (true, true): kind = .infix
                case (true, false): kind = .suffix
                case (false, true): kind = .prefix
                case (false, false): kind = .exact
                }
                words.append(Term.Word(pattern: WordPattern(kind: kind, word: part), optional: optional))
            }
        }
        if words.isEmpty { return .failure(TermError(message: "the term \"\(source)\" has no words")) }
        if words.allSatisfy(\.optional) { return .failure(TermError(message: "the term \"\(source)\" has only optional words")) }
        if let short = words.first(where: { $0.pattern.kind != .exact && $0.pattern.word.unicodeScalars.count < 3 }) {
            return .failure(TermError(message: "the wildcard word \"\(short.pattern.word)\" in \"\(source)\" is shorter than 3 letters and would match almost anything"))
        }
        return .success(Term(words: words, source: source))
    }
}

public struct TermError: Error, Sendable {
    public var message: String
}
