import CICU
import FyndCore
import FyndSegment

/// Tells Swedish from English (and other text) by the share of common function words.
public enum Language {
    /// The first words of sentences added in text order (those cut into words), gathered as they
    /// are cut: a sentence's words may be dropped once it is matched.
    public struct Sample: Sendable {
        private var words: [String] = []

        public init() {}

        /// Whether the words looked at are all there: more added are not.
        public var isFull: Bool { words.count >= Language.sample }

        public mutating func add(_ sentence: Sentence) {
            for t in sentence.tokens where t.isWord && !isFull { words.append(sentence.foldedForm(t)) }
        }

        /// "sv", "en", or "und" when the words are too few of either.
        public var language: String { Language.guess(words: words) }
    }

    /// The function words among the first words of a folded text, counted a stretch at a time
    /// (stretches one after another, each but the first beginning at a space) in C eight bytes at
    /// a time: each word as short as a function word is looked up in a small table of them.
    public struct FoldedCount: Sendable {
        private var words = 0, sv = 0, en = 0

        public init() {}

        /// Whether the words looked at are all counted: more added are not.
        public var isFull: Bool { words >= Language.sample }

        public mutating func add(_ folded: UnsafeBufferPointer<UInt8>) {
            let counts = functionWords.count(folded, words: Language.sample - words)
            words += counts.none + counts.sv + counts.en
            sv += counts.sv
            en += counts.en
        }

        /// "sv", "en", or "und" when the words are too few of either.
        public var language: String { Language.verdict(sv: sv, en: en) }
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
            // Where this search, begun at the golden ratio, ends for the lists below: starting here
            // spares start-up its tries (with other lists, the search goes on from here). Each try
            // marks the slots it gives with its number in one table, instead of making a set.
            var m: UInt64 = 0x98DB_8A29_64EA_0BC7
            var takenBy = [Int](repeating: -1, count: 256), attempt = 0
            func spreads(_ m: UInt64) -> Bool {
                attempt += 1
                for entry in entries {
                    let slot = Self.slot(entry.key, m)
                    if takenBy[slot] == attempt { return false }
                    takenBy[slot] = attempt
                }
                return true
            }
            while !spreads(m) { m = m &* 6_364_136_223_846_793_005 &+ 1 }
            multiplier = m
            for (key, value) in entries {
                keys[Self.slot(key, m)] = key
                values[Self.slot(key, m)] = value
            }
        }

        private static func slot(_ key: UInt64, _ multiplier: UInt64) -> Int { Int((key &* multiplier) >> 56) }

        /// How many of the first `words` words of `text` (folded) are Swedish, English or neither.
        func count(_ text: UnsafeBufferPointer<UInt8>, words: Int) -> (none: Int, sv: Int, en: Int) {
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 4) { counts in
                counts.initialize(repeating: 0)
                keys.withUnsafeBufferPointer { keys in
                    values.withUnsafeBufferPointer { values in
                        fynd_count_words(text.baseAddress, Int64(text.count), Int32(words), keys.baseAddress, values.baseAddress, multiplier,
                                         counts.baseAddress)
                    }
                }
                return (Int(counts[0]), Int(counts[1]), Int(counts[2]))
            }
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
