import FyndCore
import FyndRules
import FyndSegment

/// Tells Swedish from English (and other text) by the share of common function words.
public enum Language {
    /// "sv", "en", or "und" when the text has too few words of either.
    public static func guess(_ sentences: [Sentence]) -> String {
        guess(words: sentences.lazy.flatMap(\.tokens).filter(\.isWord).prefix(sample).map(\.folded))
    }

    /// As `guess(_:)`, from the first words of a folded text: one automaton pass over them.
    public static func guess(_ folded: FoldedText) -> String {
        var sv = 0, en = 0
        folded.bytes.withUnsafeBufferPointer { all in
            // The bytes of the first `sample` words.
            var words = 0, end = all.count
            for i in 1..<max(1, all.count) where all[i] != 0x20 && all[i - 1] == 0x20 {
                words += 1
                if words > sample { end = i; break }
            }
            functionWords.scan(UnsafeBufferPointer(rebasing: all[0..<end])) { pattern, _ in
                if pattern < swedishList.count { sv += 1 } else { en += 1 }
            }
        }
        return verdict(sv: sv, en: en)
    }

    private static let swedishList = Array(swedish), englishList = Array(english)
    private static let functionWords = AhoCorasick(patterns: (swedishList + englishList).map { Array(" \($0) ".utf8) })

    /// Words looked at: enough to tell, few enough to cost nothing.
    static let sample = 400

    static func guess(words: some Sequence<String>) -> String {
        var sv = 0, en = 0
        for w in words {
            if swedish.contains(w) { sv += 1 } else if english.contains(w) { en += 1 }
        }
        return verdict(sv: sv, en: en)
    }

    private static func verdict(sv: Int, en: Int) -> String {
        if sv + en < 2 { return "und" }
        return sv >= en ? "sv" : "en"
    }

    static let swedish: Set<String> = [
        "och", "att", "det", "som", "är", "för", "på", "med", "inte", "har", "en", "ett", "av", "till", "den", "om", "var", "vi",
        "ska", "från", "mot", "men", "när", "efter", "hade", "sin", "sitt", "sina", "också", "under", "eller", "kan",
    ]
    static let english: Set<String> = [
        "the", "and", "of", "to", "is", "that", "for", "with", "not", "have", "was", "are", "this", "from", "be", "by", "in",
        "on", "at", "it", "as", "or", "an", "which", "were", "has",
    ]
}
