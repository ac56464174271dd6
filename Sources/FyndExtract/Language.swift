import FyndCore
import FyndSegment

/// Tells Swedish from English (and other text) by the share of common function words.
public enum Language {
    /// "sv", "en", or "und" when the text has too few words of either.
    public static func guess(_ sentences: [Sentence]) -> String {
        guess(words: sentences.lazy.flatMap(\.tokens).filter(\.isWord).prefix(sample).map(\.folded))
    }

    /// As `guess(_:)`, from the first words of a folded text, read eight bytes at a time: a
    /// load finds where a word ends and, when it is as short as a function word, masked to its
    /// length, is its key in a small table of them.
    public static func guess(_ folded: FoldedText) -> String {
        var sv = 0, en = 0
        let table = functionWords, shortest = PackedWords.shortest
        folded.bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            let raw = UnsafeRawPointer(base), n = all.count
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, spaces = ones &* 0x20
            func load(_ i: Int) -> UInt64 { raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian }
            /// The index of the first space at or after `i` (the folded text ends in one).
            func nextSpace(_ i: Int) -> Int {
                var i = i
                while i + 8 <= n {
                    let x = load(i) ^ spaces
                    // The lowest flagged byte is the first space (higher flags may be false).
                    let space = (x &- ones) & ~x & highs
                    if space != 0 { return i + space.trailingZeroBitCount >> 3 }
                    i += 8
                }
                while i < n, all[i] != 0x20 { i += 1 }
                return i
            }
            /// The index of the first byte at or after `i` that is not a space.
            func nextWord(_ i: Int) -> Int {
                var i = i
                while i + 8 <= n {
                    let x = load(i) ^ spaces
                    if x != 0 { return i + x.trailingZeroBitCount >> 3 }
                    i += 8
                }
                while i < n, all[i] == 0x20 { i += 1 }
                return i
            }
            var i = 0, words = 0
            while words < sample {
                let start = nextWord(i)
                guard start < n else { break }
                i = nextSpace(start)
                words += 1
                let length = i - start
                guard length >= shortest, length <= 8 else { continue }
                let key = start + 8 <= n ? load(start) & (length == 8 ? ~0 : (1 << (8 * UInt64(length))) &- 1) : PackedWord.key(all, from: start, to: i)!
                switch table.language(of: key) {
                case 1: sv += 1
                case 2: en += 1
                default: break
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

        /// The byte length of the shortest function word.
        static let shortest = min(swedish.map(\.utf8.count).min()!, english.map(\.utf8.count).min()!)

        private static func slot(_ key: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> 56) }

        @inline(__always)
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
