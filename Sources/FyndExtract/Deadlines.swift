import FyndCore

/// Deadlines a decision sets: "senast den 1 september" → `--09-01` (with the year when the text
/// gives it, or when the publication date implies it), "inom två veckor" and "före årsskiftet"
/// kept as text.
public enum Deadlines {
    /// Deadlines in `sentence`; `published` (YYYY-MM-DD) lends its year to a date without one.
    public static func find(in sentence: Substring, published: String?) -> [Deadline] {
        let cues = Cues(sentence)
        guard cues.date || cues.within || cues.phrase else { return [] }
        var out: [Deadline] = []
        let lower = Latin1Case.lowercased(sentence)
        let lowerUTF8 = Array(lower.utf8)
        // Text is quoted from the original; lower-casing keeps byte offsets in Swedish text, and
        // where it would not, the lower-cased text is quoted instead.
        let utf8 = lower.utf8.count == sentence.utf8.count ? Array(sentence.utf8) : lowerUTF8
        // "senast [den] <date>", "senast <ISO date>", "till och med den <date>", "före den <date>".
        for date in cues.date ? SwedishDate.find(in: sentence) : [] {
            let head = String(decoding: lowerUTF8[max(0, date.range.lowerBound - 20)..<date.range.lowerBound], as: UTF8.self)
            guard let cue = Self.dateCues.first(where: { head.hasSuffix($0) }) else { continue }
            let cueStart = date.range.lowerBound - cue.utf8.count
            let text = String(decoding: utf8[max(0, cueStart)..<date.range.upperBound], as: UTF8.self)
            out.append(Deadline(date: withYear(date, published: published), text: text))
        }
        // "inom två veckor", "inom 14 dagar", "inom tre månader".
        let words = cues.within ? Words.split(Substring(lower)) : []
        for (i, w) in words.enumerated() where w.text == "inom" && i + 2 < words.count {
            let count = words[i + 1].text, unit = words[i + 2].text
            guard Numbers.value(count) != nil, Self.units.contains(String(unit)) else { continue }
            let end = words[i + 2].offset + words[i + 2].text.utf8.count
            out.append(Deadline(date: nil, text: String(decoding: utf8[w.offset..<end], as: UTF8.self)))
        }
        for phrase in cues.phrase ? Self.phrases : [] {
            if let r = lower.firstRange(of: phrase) {
                let start = lower.utf8.distance(from: lower.startIndex, to: r.lowerBound)
                out.append(Deadline(date: nil, text: String(decoding: utf8[start..<(start + phrase.utf8.count)], as: UTF8.self)))
            }
        }
        return out
    }

    /// Which forms a sentence may hold, from words each form needs: a date after "senast", "till
    /// och med", "före" or "frist"; "inom"; a phrase with "årsskiftet" or "sommaren". Looked for in the bytes
    /// with ASCII and Latin-1 letters lower-cased. A sentence with a character whose lower case is
    /// one of those letters from elsewhere (the Kelvin sign, the ångström sign, a dotted capital I)
    /// may hold them all.
    struct Cues {
        var date = true, within = true, phrase = true

        init(_ sentence: Substring) {
            var lower: [UInt8] = []
            lower.reserveCapacity(sentence.utf8.count)
            var previous: UInt8 = 0
            for b in sentence.utf8 {
                if previous == 0xE2 && b == 0x84 || previous == 0xC4 && b == 0xB0 { return }
                lower.append(Latin1Case.lower(b, after: previous))
                previous = b
            }
            date = ByteSearch.containsAny(lower, Self.dateWords)
            within = ByteSearch.containsAny(lower, Self.withinWords)
            phrase = ByteSearch.containsAny(lower, Self.phraseWords)
        }

        private static let dateWords = ["senast", "till och med", "före", "frist"].map { Array($0.utf8) }
        private static let withinWords = [Array("inom".utf8)]
        private static let phraseWords = ["årsskiftet", "sommaren"].map { Array($0.utf8) }
    }

    /// The words right before a date that make it a deadline, the longest first.
    static let dateCues = ["senast till den ", "till och med den ", "senast den den ", "frist till den ", "senast den ", "frist till ", "före den ", "senast "]
    static let units: Set<String> = ["dag", "dagar", "vecka", "veckor", "månad", "månader", "år", "arbetsdagar"]
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

    static let words: [String: Double] = [
        "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
        "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18,
        "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
        "nittio": 90, "hundra": 100, "tusen": 1000, "en": 1, "ett": 1,
    ]

    /// The first bytes of the number words that are ASCII letters.
    static let firstLetters = Set(words.keys.compactMap { $0.utf8.first }.filter { $0 < 0x80 })
}

extension Substring {
    func replacingComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}
