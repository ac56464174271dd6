import FyndCore
import FyndSegment

/// Tells Swedish from English (and other text) by the share of common function words.
public enum Language {
    /// "sv", "en", or "und" when the text has too few words of either.
    public static func guess(_ sentences: [Sentence]) -> String {
        guess(words: sentences.lazy.flatMap(\.tokens).filter(\.isWord).prefix(sample).map(\.folded))
    }

    /// As `guess(_:)`, from the first words of a folded text: each word, packed into a number,
    /// looked up in a small table of the function words.
    public static func guess(_ folded: FoldedText) -> String {
        var sv = 0, en = 0
        let table = functionWords
        folded.bytes.withUnsafeBufferPointer { all in
            var i = 0, words = 0
            while words < sample {
                while i < all.count, all[i] == 0x20 { i += 1 }
                guard i < all.count else { break }
                let start = i
                while i < all.count, all[i] != 0x20 { i += 1 }
                words += 1
                if let key = PackedWord.key(all, from: start, to: i) {
                    switch table.language(of: key) {
                    case 1: sv += 1
                    case 2: en += 1
                    default: break
                    }
                }
            }
        }
        return verdict(sv: sv, en: en)
    }

    /// The function words as little-endian packed bytes (all have at most 8), in an
    /// open-addressing table: 1 for Swedish, 2 for English.
    private struct PackedWords: Sendable {
        private var keys = [UInt64](repeating: 0, count: 256)
        private var values = [UInt8](repeating: 0, count: 256)

        init(_ lists: [(words: Set<String>, value: UInt8)]) {
            for (words, value) in lists {
                for w in words {
                    guard let key = PackedWord.key(w.utf8) else { preconditionFailure("function words have at most eight bytes") }
                    var slot = Self.slot(key)
                    while keys[slot] != 0 { slot = (slot + 1) & 255 }
                    keys[slot] = key
                    values[slot] = value
                }
            }
        }

        private static func slot(_ key: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> 56) }

        func language(of key: UInt64) -> UInt8 {
            var slot = Self.slot(key)
            while keys[slot] != 0 {
                if keys[slot] == key { return values[slot] }
                slot = (slot + 1) & 255
            }
            return 0
        }
    }

    private static let functionWords = PackedWords([(swedish, 1), (english, 2)])

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
