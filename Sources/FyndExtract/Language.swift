import FyndCore

/// Tells Swedish from English (and other text) by the share of common function words.
public enum Language {
    /// "sv", "en", or "und" when the text has too few words of either.
    public static func guess(_ sentences: [Sentence]) -> String {
        var sv = 0, en = 0, seen = 0
        outer: for s in sentences {
            for t in s.tokens where t.isWord {
                seen += 1
                if swedish.contains(t.folded) { sv += 1 } else if english.contains(t.folded) { en += 1 }
                if seen >= 400 { break outer }
            }
        }
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
