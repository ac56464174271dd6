import FyndCore

/// Deadlines a decision sets: "senast den 1 september" → `--09-01` (with the year when the text
/// gives it, or when the publication date implies it), "inom två veckor" and "före årsskiftet"
/// kept as text.
public enum Deadlines {
    /// Deadlines in `sentence`; `published` (YYYY-MM-DD) lends its year to a date without one.
    public static func find(in sentence: Substring, published: String?) -> [Deadline] {
        find(in: Words.split(sentence), published: published)
    }

    /// As `find(in:published:)`, from the sentence's words: the sentence is read as a `String`
    /// only when its words have a cue.
    static func find(in sentenceWords: SentenceWords, published: String?) -> [Deadline] {
        let cues = Cues(sentenceWords)
        guard cues.date || cues.within || cues.phrase else { return [] }
        let sentence = Substring(String(decoding: sentenceWords.text[sentenceWords.range], as: UTF8.self))
        var out: [Deadline] = []
        let lower = Latin1Case.lowercased(sentence)
        let lowerUTF8 = Array(lower.utf8)
        // Text is quoted from the original; lower-casing keeps byte offsets in Swedish text, and
        // where it would not, the lower-cased text is quoted instead.
        // (A substring's bytes copied at once: `Array(sentence.utf8)` copies them one by one.)
        let utf8 = lower.utf8.count == sentence.utf8.count ? sentence.utf8.withContiguousStorageIfAvailable(Array.init) ?? Array(sentence.utf8) : lowerUTF8
        // "senast [den] <date>", "senast <ISO date>", "till och med den <date>", "före den <date>".
        for date in cues.date ? SwedishDate.find(in: sentence) : [] {
            let head = String(decoding: lowerUTF8[max(0, date.range.lowerBound - 20)..<date.range.lowerBound], as: UTF8.self)
            guard let cue = Self.dateCues.first(where: { head.hasSuffix($0) }) else { continue }
            // "fram till" ends any span ("bodde där fram till den 1 maj"): a deadline only where
            // the span is given to reply ("har fram till den 1 maj på sig", "… att svara").
            if Self.spanCues.contains(cue), !Self.replyCues.contains(where: { ByteSearch.firstIndex(of: $0, in: lowerUTF8, from: 0) != nil }) { continue }
            let cueStart = date.range.lowerBound - cue.utf8.count
            let text = String(decoding: utf8[max(0, cueStart)..<date.range.upperBound], as: UTF8.self)
            out.append(Deadline(date: withYear(date, published: published), text: text))
        }
        // "inom två veckor", "inom 14 dagar", "inom tre månader".
        let words = Words.split(cues.within ? Substring(lower) : "")
        for i in words.indices where i + 2 < words.count && words.isSpelt(i, "inom") {
            guard Numbers.value(Substring(words.string(i + 1))) != nil, words.isIn(Self.units, i + 2, lowered: false) else { continue }
            out.append(Deadline(date: nil, text: String(decoding: utf8[words.start(i)..<words.end(i + 2)], as: UTF8.self)))
        }
        // In simple text (`SimpleCharacters`) a phrase's characters are its bytes.
        let simple = cues.phrase && SimpleCharacters.isSimple(lowerUTF8)
        for phrase in cues.phrase ? Self.phrases : [] {
            let found = simple ? ByteSearch.firstIndex(of: Array(phrase.utf8), in: lowerUTF8, from: 0)
                : lower.firstRange(of: phrase).map { lower.utf8.distance(from: lower.startIndex, to: $0.lowerBound) }
            if let start = found {
                out.append(Deadline(date: nil, text: String(decoding: utf8[start..<(start + phrase.utf8.count)], as: UTF8.self)))
            }
        }
        return out
    }

    /// Which forms a sentence may hold, from words each form needs: a date after "senast ", "till
    /// och med den ", "frist till ", "fram till " or "före den "; "inom"; a phrase with "årsskiftet" or "sommaren". Looked for in
    /// the sentence's lower-cased words, each followed by one space: every cue the lower-cased
    /// sentence holds is there (its letters lie inside words, its spaces between them). One pass
    /// over those bytes: a byte that starts no cue (most) costs a table read.
    struct Cues {
        var date = false, within = false, phrase = false

        init(_ words: SentenceWords) {
            var found: UInt8 = 0
            let ranges = Self.ranges, forms = Self.forms
            Self.starts.withUnsafeBufferPointer { starts in
                Self.pairs.withUnsafeBufferPointer { pairs in
                    Self.bytes.withUnsafeBufferPointer { needles in
                        words.lower.withUnsafeBufferPointer { t in
                            // Every cue has four bytes or more.
                            guard t.count >= 4 else { return }
                            for i in 0..<(t.count - 3) {
                                let pair = Int(t[i]) | Int(t[i + 1]) << 8
                                guard pairs[pair >> 6] & 1 << (pair & 63) != 0 else { continue }
                                var starting = starts[Int(t[i])]
                                while starting != 0 {
                                    let n = starting.trailingZeroBitCount
                                    starting &= starting - 1
                                    let needle = ranges[n]
                                    guard needle.count <= t.count - i else { continue }
                                    var k = 1
                                    while k < needle.count, t[i + k] == needles[needle.lowerBound + k] { k += 1 }
                                    if k == needle.count { found |= forms[n] }
                                }
                                if found == 0b111 { return }
                            }
                        }
                    }
                }
            }
            date = found & 1 != 0
            within = found & 2 != 0
            phrase = found & 4 != 0
        }

        /// Each cue and its form's bit: date 1, within 2, phrase 4. What every cue before a date
        /// holds (`dateCues`), "inom", what every phrase holds (`phrases`).
        private static let cues: [(String, form: UInt8)] = ["senast ", "till och med den ", "frist till ", "fram till ", "före den "].map { ($0, 1) }
            + [("inom", 2)] + ["årsskiftet", "sommaren"].map { ($0, 4) }
        /// The cues' bytes one after another; each cue's range in them, and its bit.
        private static let bytes = cues.flatMap(\.0.utf8)
        private static let ranges = cues.reduce(into: [Range<Int>]()) { r, cue in
            let start = r.last?.upperBound ?? 0
            r.append(start..<(start + cue.0.utf8.count))
        }
        private static let forms = cues.map(\.form)
        /// By the first two bytes (the first in the low eight bits of the index): whether a cue
        /// starts with them, a bit each. Most pairs start none: one table read a byte.
        private static let pairs: [UInt64] = {
            var table = [UInt64](repeating: 0, count: 1024)
            for range in ranges {
                let pair = Int(bytes[range.lowerBound]) | Int(bytes[range.lowerBound + 1]) << 8
                table[pair >> 6] |= 1 << (pair & 63)
            }
            return table
        }()
        /// By byte: the cues that start with it, a bit each.
        private static let starts: [UInt8] = {
            var table = [UInt8](repeating: 0, count: 256)
            for (n, range) in ranges.enumerated() { table[Int(bytes[range.lowerBound])] |= 1 << n }
            return table
        }()
    }

    /// The words right before a date that make it a deadline, the longest first.
    static let dateCues = ["senast till den ", "till och med den ", "senast den den ", "frist till den ", "fram till den ", "senast den ", "frist till ", "fram till ", "före den ", "senast "]
    /// Date cues that end any span of time: a deadline only beside one of `replyCues`.
    static let spanCues: Set = ["fram till den ", "fram till "]
    /// What makes a span time given to reply: "på sig", or a reporting verb after "att".
    static let replyCues = ["på sig", "att svara", "att redovisa", "att återkomma", "att inkomma", "att komma in", "att yttra"].map { Array($0.utf8) }
    static let units: WordSet = ["dag", "dagar", "vecka", "veckor", "månad", "månader", "år", "arbetsdagar"]
    static let phrases = ["före årsskiftet", "innan årsskiftet", "före sommaren", "före halvårsskiftet", "senast vid årsskiftet"]

    /// A date without a year gets the publication year, or the next one when the day has passed by then.
    static func withYear(_ date: SwedishDate.Match, published: String?) -> String {
        guard !date.hasYear, let published, published.count == 10, let year = Int(published.prefix(4)) else { return date.iso }
        let monthDay = String(date.iso.dropFirst(2))
        let publishedMonthDay = String(published.dropFirst(5))
        return "\(monthDay >= publishedMonthDay ? year : year + 1)-\(monthDay)"
    }
}

/// Swedish numbers as written in news text: digits with decimal comma and space-separated
/// thousands, and number words ("tio", "tre").
public enum Numbers {
    public static func value(_ word: Substring) -> Double? {
        if let d = Double(word.replacingComma()) { return d }
        return words[String(word)]
    }

    /// The value of word `i` as a number word that counts, in lower case ("Tio" is 10; "en" and
    /// "ett" are articles as often as numbers).
    static func countingValue(_ sentence: SentenceWords, _ i: Int) -> Double? {
        if sentence.isPlain(i) {
            let word = sentence.spans[i].lower
            guard countingLengths.contains(word.count) else { return nil }
            // Most words of these lengths start with two bytes no number word starts with.
            let pair = Int(sentence.lower[word.lowerBound]) | Int(sentence.lower[word.lowerBound + 1]) << 8
            guard countingPairs[pair >> 6] & 1 << (pair & 63) != 0 else { return nil }
            return countingTable.value(sentence.lower[word]).map(Double.init)
        }
        let word = String(decoding: sentence.lowered(i), as: UTF8.self)
        return word == "en" || word == "ett" ? nil : words[word]
    }

    /// The number words but "en" and "ett" by their bytes (every value is a whole number).
    private static let countingTable = ByteTable(countingWords.map { (key: $0.key, value: Int($0.value)) })
    /// The fewest and most bytes of a number word in `countingTable`: most words are of another length.
    private static let countingLengths = countingWords.map(\.key.utf8.count).min()!...countingWords.map(\.key.utf8.count).max()!
    private static let countingWords = words.filter { $0.key != "en" && $0.key != "ett" }
    /// By the first two bytes of a word (the first in the low eight bits): whether a number word
    /// of `countingTable` starts with them, a bit each.
    private static let countingPairs: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 1024)
        for w in countingWords.keys.map(\.utf8) {
            let pair = Int(w[w.startIndex]) | Int(w[w.index(after: w.startIndex)]) << 8
            table[pair >> 6] |= 1 << (pair & 63)
        }
        return table
    }()

    static let words: [String: Double] = [
        "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
        "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18,
        "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
        "nittio": 90, "hundra": 100, "tusen": 1000, "en": 1, "ett": 1,
    ]

    /// By byte: whether a number word starts with it (ASCII letters only).
    static let firstLetters: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for w in words.keys { if let b = w.utf8.first, b < 0x80 { table[Int(b)] = true } }
        return table
    }()
}

extension Substring {
    /// The text with "." for ",". ASCII text (numbers, nearly always) on its bytes, where each
    /// character is its byte; other text by characters.
    func replacingComma() -> String {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return String(map { $0 == "," ? "." : $0 }) }
        return String(decoding: utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
    }
}
