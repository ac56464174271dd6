import FyndCore

/// The day a page's metadata states in one of the forms publishing tools write besides ISO 8601:
/// an unpadded ISO date ("2023-1-26"), RFC 2822 ("Wed, 04 May 2022 02:41:00 GMT"), the C and Java
/// clock form ("Fri Feb 18 10:27:24 2022", "Mon Oct 11 14:57:21 CEST 2021") and the European dotted
/// form ("10.12.2022, 07:00:03"). Read only where the page says the value is its publication date
/// (a `<meta>`, JSON-LD or microdata `datePublished`), never in running text or a `<time>` of a
/// teaser. Cost: one pass over the value's words.
enum MachineDate {
    /// `YYYY-MM-DD`, or nil when `value` is none of the forms above or names an impossible day.
    static func read(_ value: String) -> String? {
        let v = value.trimmingWhitespace()
        if let iso = SwedishDate.isoDate(Substring(v)) { return iso }
        let words = v.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return nil }
        if let d = dashed(first) ?? dotted(first), words.dropFirst().allSatisfy(isClockOrZone) { return d }
        return named(words)
    }

    /// "2023-1-26" (year first, month and day of one or two digits), alone or before "T…".
    private static func dashed(_ word: String) -> String? {
        let date = word.split(separator: "T", maxSplits: 1).first.map(String.init) ?? word
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count) else { return nil }
        return day(year: Int(parts[0]), month: Int(parts[1]), day: Int(parts[2]))
    }

    /// "10.12.2022": day, month, four-digit year.
    private static func dotted(_ word: String) -> String? {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4 else { return nil }
        return day(year: Int(parts[2]), month: Int(parts[1]), day: Int(parts[0]))
    }

    /// RFC 2822 and the clock form: an English month name, a day and a year among weekday, clock
    /// and time-zone words, in any order; nothing else.
    private static func named(_ words: [String]) -> String? {
        var month: Int?, dayNumber: Int?, year: Int?
        for w in words {
            let lower = w.lowercased()
            if let m = months.firstIndex(where: { lower == $0 || lower == String($0.prefix(3)) || (lower.count == 4 && lower.hasPrefix($0.prefix(3)) && lower.hasSuffix(".")) }) {
                guard month == nil else { return nil }
                month = m + 1
            } else if w.count == 4, let y = Int(w) {
                guard year == nil else { return nil }
                year = y
            } else if (1...2).contains(w.count), let d = Int(w) {
                guard dayNumber == nil else { return nil }
                dayNumber = d
            } else if !(weekdays.contains { lower == $0 || lower == String($0.prefix(3)) } || isClockOrZone(w)) {
                return nil
            }
        }
        return day(year: year, month: month, day: dayNumber)
    }

    /// "02:41:00", "07:00", "GMT", "CEST", "+0200", "Z".
    private static func isClockOrZone(_ w: String) -> Bool {
        let u = Array(w.utf8)
        if u.contains(UInt8(ascii: ":")) { return u.allSatisfy { $0 &- 0x30 < 10 || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") } }
        if (u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-")) && u.count == 5 { return u.dropFirst().allSatisfy { $0 &- 0x30 < 10 } }
        return (1...5).contains(u.count) && u.allSatisfy { $0 &- 0x41 < 26 }
    }

    private static func day(year: Int?, month: Int?, day: Int?) -> String? {
        guard let y = year, let m = month, let d = day, (1900...2100).contains(y), (1...12).contains(m),
              (1...daysIn(month: m, year: y)).contains(d) else { return nil }
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                 "october", "november", "december"]
    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}
