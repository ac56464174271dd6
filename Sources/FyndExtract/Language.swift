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
        let table = functionWords
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
                // Without branches on the word: a word longer than any function word gets key 0,
                // which no function word has.
                let length = i - start
                var key = start + 8 <= n ? load(start) & ((1 << (8 * UInt64(min(length, 8)))) &- 1) : PackedWord.key(all, from: start, to: i) ?? 0
                key &= length <= 8 ? ~0 : 0
                let language = table.language(of: key)
                sv &+= Int(language & 1)
                en &+= Int(language >> 1)
            }
        }
        return verdict(sv: sv, en: en)
    }

    /// The function words as little-endian packed bytes (all have at most 8), in a table
    /// where each has a slot of its own (a multiplier is searched for that spreads them so):
    /// 1 for Swedish, 2 for English, 0 in every other slot. A lookup is one load.
    private struct PackedWords: Sendable {
        // 256 slots: small enough to stay in the L1 cache between documents.
        private var keys = [UInt64](repeating: 0, count: 256)
        private var values = [UInt8](repeating: 0, count: 256)
        private let multiplier: UInt64

        init(_ lists: [(words: Set<String>, value: UInt8)]) {
            let entries = lists.flatMap { list in
                list.words.map { w in
                    guard let key = PackedWord.key(w.utf8) else { preconditionFailure("function words have at most eight bytes") }
                    return (key: key, value: list.value)
                }
            }
            var m: UInt64 = 0x9E37_79B9_7F4A_7C15
            while Set(entries.map { Self.slot($0.key, m) }).count < entries.count { m = m &* 6_364_136_223_846_793_005 &+ 1 }
            multiplier = m
            for (key, value) in entries {
                keys[Self.slot(key, m)] = key
                values[Self.slot(key, m)] = value
            }
        }

        private static func slot(_ key: UInt64, _ multiplier: UInt64) -> Int { Int((key &* multiplier) >> 56) }

        /// The language of the function word `key`, or 0.
        @inline(__always)
        func language(of key: UInt64) -> UInt8 {
            let slot = Self.slot(key, multiplier)
            return keys.withUnsafeBufferPointer { $0[slot] } == key ? values.withUnsafeBufferPointer { $0[slot] } : 0
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
