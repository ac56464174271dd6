/// Swedish calendar words and the date forms that news and decisions use:
/// "12 februari 2018", "10 jul 2014", "den 1 sept.", "2018-02-12", year first "2019 maj 12" and
/// "2021 11 03", and the date in a page's address ("/2018/04/11/").
public enum SwedishDate {
    /// Month number for a Swedish month name or abbreviation ("mars", "sept", "okt."), or one
    /// of the English ones that Swedish pages print ("May", "Oct").
    public static func month(_ word: Substring) -> Int? {
        // Every name starts with one of these letters (nothing else lower-cases to them) and has
        // three letters or more: most words are no month, told without lower-casing them.
        guard let first = word.utf8.first, first < 0x80, monthInitials >> ((first | 0x20) &- 0x61) & 1 != 0, word.utf8.count >= 3,
              monthStarts.contains(startKey(word.utf8)) else { return nil }
        var w = word.lowercased()
        if w.hasSuffix(".") { w.removeLast() }
        if let full = names.firstIndex(of: w) { return full + 1 }
        for (i, name) in names.enumerated() where w.count >= 3 && name.hasPrefix(w) { return i + 1 }
        return english[w]
    }

    /// The first letters of the month names, Swedish and English, in lower case: a bit each
    /// from "a" up (a byte below "a" or past "z" shifts to no bit).
    private static let monthInitials: UInt32 = "jfmasond".utf8.reduce(0) { $0 | 1 << ($1 - 0x61) }

    /// The first three letters of every month name, Swedish and English ("jan" … "dec", "may",
    /// "oct"), as `startKey`s: a word that starts otherwise is no month, told without
    /// lower-casing it ("att", "som", "med" start as months do).
    private static let monthStarts = Set((names + english.keys).map { startKey($0.utf8) })

    /// The first three bytes of a word, ASCII letters lower-cased; a byte that is no ASCII
    /// letter stays as it is (all month names are ASCII).
    private static func startKey(_ utf8: some Collection<UInt8>) -> UInt32 {
        var key: UInt32 = 0
        for b in utf8.prefix(3) { key = key << 8 | UInt32((b | 0x20) &- 0x61 < 26 ? b | 0x20 : b) }
        return key
    }

    /// Whether `find` may find a date in these bytes: every form has a month's name (a word
    /// whose first three letters a name has) or six ASCII digits or more ("3.2.2024",
    /// "12/3 2019", "2019-03-18"). One look at each byte; most lines with a number and no date
    /// ("SFS 2022:61", "år 2019") are told without cutting them into words.
    public static func mayBeIn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        for i in bytes.indices {
            let b = bytes[i]
            if b &- 0x30 < 10 {
                digits += 1
                if digits >= 6 { return true }
            } else if b < 0x80, monthInitials >> ((b | 0x20) &- 0x61) & 1 != 0, i + 3 <= bytes.count,
                      monthStarts.contains(startKey(bytes[i..<i + 3])) {
                return true
            }
        }
        return false
    }

    /// The English names that are no Swedish name or its beginning ("April", "November" are both).
    private static let english: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "oct": 10, "october": 10,
    ]

    private static let names = [
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ]

    /// A date found in text, with its byte range in the searched string's UTF-8.
    public struct Match: Sendable, Equatable {
        /// `YYYY-MM-DD`, or `--MM-DD` when the text gives no year.
        public var iso: String
        public var range: Range<Int>
        public var hasYear: Bool
    }

    /// Every date in `text`: ISO dates, "[den] D månad [ÅÅÅÅ]" (the month may be printed twice,
    /// "9 november nov 2022"), year-first "ÅÅÅÅ månad D" and
    /// "ÅÅÅÅ MM DD" (both numbers of two digits), month-first "Mar 12, 2019" and "12/3 2019", in
    /// text order.
    public static func find(in text: Substring) -> [Match] {
        // Every form has a day or a year in ASCII digits.
        guard text.utf8.contains(where: { $0 &- 0x30 < 10 }) else { return [] }
        let words = wordSpans(text)
        var found: [Match] = []
        var i = 0
        while i < words.count {
            let (w, r) = words[i]
            if let iso = isoDate(w) {
                found.append(Match(iso: iso, range: r, hasYear: true))
                i += 1
                continue
            }
            if w.utf8.first.map(isDigitOrSign) ?? false, let day = Int(w.hasSuffix(":e") || w.hasSuffix(":a") ? w.dropLast(2) : w), (1...31).contains(day),
               i + 1 < words.count, let m = month(words[i + 1].0)
            {
                var end = words[i + 1].1.upperBound
                var next = i + 2
                // The month printed twice, name and abbreviation, before the year: "9 november nov 2022".
                if next + 1 < words.count, month(words[next].0) == m, Self.year(words[next + 1].0) != nil { next += 1 }
                var year: Int?
                if next < words.count, words[next].0.count == 4, let y = Int(words[next].0), (1900...2100).contains(y) {
                    year = y
                    end = words[next].1.upperBound
                }
                let mm = pad(m), dd = pad(day)
                let iso = year.map { "\($0)-\(mm)-\(dd)" } ?? "--\(mm)-\(dd)"
                found.append(Match(iso: iso, range: r.lowerBound..<end, hasYear: year != nil))
                i = year == nil ? i + 2 : next + 1
                continue
            }
            if let iso = slashed(words, at: i) {
                found.append(Match(iso: iso, range: r.lowerBound..<words[i + 1].1.upperBound, hasYear: true))
                i += 2
                continue
            }
            if let iso = monthFirst(words, at: i) {
                found.append(Match(iso: iso, range: r.lowerBound..<words[i + 2].1.upperBound, hasYear: true))
                i += 3
                continue
            }
            if let iso = yearFirst(words, at: i) {
                found.append(Match(iso: iso, range: r.lowerBound..<words[i + 2].1.upperBound, hasYear: true))
                i += 3
                continue
            }
            i += 1
        }
        return found
    }

    /// "2019 maj 12", "2014 jun 09" or "2021 11 03" starting at word `i`: the ISO date.
    private static func yearFirst(_ words: [(Substring, Range<Int>)], at i: Int) -> String? {
        guard i + 2 < words.count, let year = year(words[i].0) else { return nil }
        let (mw, dw) = (words[i + 1].0, words[i + 2].0)
        let numeric = mw.count == 2 && dw.count == 2
        guard let m = month(mw) ?? (numeric ? number(mw) : nil), (1...12).contains(m),
              dw.count <= 2, let day = number(dw), (1...31).contains(day) else { return nil }
        return "\(year)-\(pad(m))-\(pad(day))"
    }

    /// "12/3 2019" (day and month, then the year, which is required: "1/3" alone is a third).
    private static func slashed(_ words: [(Substring, Range<Int>)], at i: Int) -> String? {
        guard words[i].0.utf8.contains(UInt8(ascii: "/")) else { return nil }
        let parts = words[i].0.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, i + 1 < words.count, parts[0].count <= 2, parts[1].count <= 2, let day = number(parts[0]), let m = number(parts[1]),
              (1...31).contains(day), (1...12).contains(m), let year = year(words[i + 1].0) else { return nil }
        return "\(year)-\(pad(m))-\(pad(day))"
    }

    /// "Mar 12, 2019" or "oktober 3 2021" starting at word `i` (the year is required): the ISO date.
    private static func monthFirst(_ words: [(Substring, Range<Int>)], at i: Int) -> String? {
        guard i + 2 < words.count, let m = month(words[i].0), words[i].0.first?.isLetter ?? false,
              words[i + 1].0.count <= 2, let day = number(words[i + 1].0), (1...31).contains(day), let year = year(words[i + 2].0) else { return nil }
        return "\(year)-\(pad(m))-\(pad(day))"
    }

    private static func year(_ w: Substring) -> Int? {
        // Four bytes of ASCII digits are four characters.
        guard w.utf8.count == 4, let y = number(w), (1900...2100).contains(y) else { return nil }
        return y
    }

    /// The value of a word of ASCII digits only.
    private static func number(_ w: Substring) -> Int? {
        w.utf8.allSatisfy({ $0 &- 0x30 < 10 }) ? Int(w) : nil
    }

    /// The date in a page's address: path segments "/2018/04/11/" or one "/2018-04-11".
    public static func inAddress(_ address: String) -> String? {
        let path = address.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "#").first ?? $0 } ?? ""
        let segments = path.split(separator: "/").dropFirst()  // the scheme or the host
        var previous: [Substring] = []
        for segment in segments {
            if segment.count == 10, let iso = isoDate(segment) { return iso }
            previous.append(segment)
            guard previous.count >= 3 else { continue }
            let (y, m, d) = (previous[previous.count - 3], previous[previous.count - 2], previous[previous.count - 1])
            if let year = year(y), (1...2).contains(m.count), (1...2).contains(d.count),
               let mm = number(m), (1...12).contains(mm), let dd = number(d), (1...31).contains(dd) {
                return "\(year)-\(pad(mm))-\(pad(dd))"
            }
        }
        return nil
    }

    /// The year of a page's address: a path segment of four digits ("/nyheter/2019/rubrik").
    public static func yearInAddress(_ address: String) -> Int? {
        let path = address.split(separator: "?", maxSplits: 1).first ?? ""
        return path.split(separator: "/").dropFirst().lazy.compactMap(year).first
    }

    /// "2018-02-12" or "2018-02-12T08:32:00+01:00" → "2018-02-12".
    public static func isoDate(_ s: Substring) -> String? {
        guard s.utf8.count >= 10 else { return nil }
        let u = Array(s.utf8.prefix(10))
        guard u.count == 10, u.withUnsafeBufferPointer({ hasISOShape($0, at: 0) }) else { return nil }
        if s.utf8.count > 10 {
            let next = s.utf8[s.utf8.index(s.utf8.startIndex, offsetBy: 10)]
            guard next == UInt8(ascii: "T") || next == UInt8(ascii: " ") else { return nil }
        }
        let text = String(decoding: u, as: UTF8.self)
        guard let m = Int(text.dropFirst(5).prefix(2)), (1...12).contains(m),
              let d = Int(text.suffix(2)), (1...31).contains(d) else { return nil }
        return text
    }

    /// Whether the ten bytes at `i` have an ISO date's shape, "2017-03-30" (any digits).
    @inlinable public static func hasISOShape(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i >= 0, i + 10 <= b.count, b[i + 4] == UInt8(ascii: "-"), b[i + 7] == UInt8(ascii: "-") else { return false }
        func digit(_ k: Int) -> Bool { b[i + k] &- 0x30 < 10 }
        return digit(0) && digit(1) && digit(2) && digit(3) && digit(5) && digit(6) && digit(8) && digit(9)
    }

    /// Whether a number `Int` reads may start with `b`: an ASCII digit or a sign.
    private static func isDigitOrSign(_ b: UInt8) -> Bool { b &- 0x30 < 10 || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Words (letters, digits, '-', ':', '.', '+', '/', and 'T' inside ISO timestamps) with their
    /// UTF-8 ranges, without ',' and ')' and then '.' at their end. On the bytes when the text is
    /// simple (`SimpleCharacters`), else by characters.
    private static func wordSpans(_ text: Substring) -> [(Substring, Range<Int>)] {
        let bytes = Array(text.utf8)
        guard SimpleCharacters.isSimple(bytes) else { return wordSpansByCharacters(text) }
        func isPart(_ i: Int) -> Bool {
            switch bytes[i] {
            case UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ")"), UInt8(ascii: "/"): true
            default: bytes.withUnsafeBufferPointer { SimpleCharacters.isLetterOrNumber($0, at: i) }
            }
        }
        let utf8 = text.utf8
        var spans: [(Substring, Range<Int>)] = []
        var i = 0
        while i < bytes.count {
            guard isPart(i) else { i += SimpleCharacters.length(bytes[i]); continue }
            var end = i
            while end < bytes.count, isPart(end) { end += SimpleCharacters.length(bytes[end]) }
            var last = end
            while last > i, bytes[last - 1] == UInt8(ascii: ",") || bytes[last - 1] == UInt8(ascii: ")") { last -= 1 }
            while last > i, bytes[last - 1] == UInt8(ascii: ".") { last -= 1 }
            let from = utf8.index(utf8.startIndex, offsetBy: i)
            spans.append((text[from..<utf8.index(from, offsetBy: last - i)], i..<last))
            i = end
        }
        return spans
    }

    /// As `wordSpans`, by characters.
    private static func wordSpansByCharacters(_ text: Substring) -> [(Substring, Range<Int>)] {
        var spans: [(Substring, Range<Int>)] = []
        var start: String.Index?
        var startOffset = 0
        var offset = 0
        var index = text.startIndex
        func close(at end: String.Index) {
            if let s = start {
                var word = text[s..<end]
                var endOffset = offset
                while let last = word.last, last == "," || last == ")" {
                    word = word.dropLast()
                    endOffset -= 1
                }
                spans.append((word, startOffset..<endOffset))
            }
            start = nil
        }
        while index < text.endIndex {
            let c = text[index]
            let isPart = c.isLetter || c.isNumber || c == "-" || c == ":" || c == "." || c == "+" || c == "," || c == ")" || c == "/"
            if isPart {
                if start == nil { start = index; startOffset = offset }
            } else {
                close(at: index)
            }
            offset += c.utf8.count
            index = text.index(after: index)
        }
        close(at: text.endIndex)
        return spans.map { word, range in
            var w = word
            var r = range
            while w.last == "." {
                w = w.dropLast(); r = r.lowerBound..<(r.upperBound - 1)
            }
            return (w, r)
        }
    }
}
