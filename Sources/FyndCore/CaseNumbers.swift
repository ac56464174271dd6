/// A diary number printed in a document: IVO's ("Dnr 8.5-12345/2023"), JO's
/// ("dnr 1234-2019") or a municipality's ("SN 2023/123").
public struct CaseNumber: Hashable, Comparable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, Comparable {
        case ivo, jo, kommun
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }
    public let kind: Kind
    /// As printed, without the "Dnr", spaces removed and letters in upper case.
    public let number: String

    public static func < (a: CaseNumber, b: CaseNumber) -> Bool { (a.kind, a.number) < (b.kind, b.number) }

    /// The diary numbers in a text, in the order they first occur. The expression runs only on
    /// short windows where a number may start — at a label ("Dnr", "diarienummer",
    /// "ärendenummer") or at IVO's dotted form ("8.5-…") — found on the bytes, so that a long
    /// text costs a byte scan.
    public static func all(in text: String) -> [CaseNumber] {
        all(in: Array(text.utf8))
    }

    /// As `all(in:)`, in a text's UTF-8 bytes.
    public static func all(in bytes: [UInt8]) -> [CaseNumber] {
        var found: [(at: Int, number: CaseNumber)] = []
        guard mayHold(bytes) else { return [] }
        for start in windowStarts(bytes) where hasLabel(bytes, at: start) || isIVOForm(bytes, at: start) {
            var end = min(bytes.count, start + 80)
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            // Anchored at the window's start: a number later in the window has a window of its own.
            let window = String(decoding: bytes[start..<end], as: UTF8.self)
            if let match = window.prefixMatch(of: pattern), let n = CaseNumber(String(match.output.1)) { found.append((start, n)) }
        }
        var numbers: [CaseNumber] = []
        for (_, n) in found.sorted(by: { $0.at < $1.at }) where !numbers.contains(n) { numbers.append(n) }
        return numbers
    }

    /// Where a window may begin: a label word at a word start (any case), or a run of one or two
    /// digits, a point and a digit that no digit or point precedes. Only a digit, "d", "D" or a
    /// Latin-1 lead byte (C3: "ä", "Ä") may begin one: those are found sixteen bytes at a time
    /// (`ByteScan`), and each is looked at as before.
    static func windowStarts(_ b: [UInt8]) -> [Int] {
        var starts: [Int] = []
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] &- 0x30 < 10 }
        let zero = ByteScan.splat(0x30), ten = ByteScan.splat(10), small = ByteScan.splat(0x20), d = ByteScan.splat(0x64), lead = ByteScan.splat(0xC3)
        // Each byte found is looked at as it is found: no list of them (a digit-rich text has a
        // byte in three).
        b.withUnsafeBufferPointer { p in
            var from = 0
            while let i = ByteScan.firstIndex(in: p, from: from, lanes: { ByteScan.any($0 &- zero .< ten .| ($0 | small .== d) .| ($0 .== lead)) },
                                              matches: { $0 &- 0x30 < 10 || $0 | 0x20 == 0x64 || $0 == 0xC3 }) {
                from = i + 1
                let previous: UInt8 = i > 0 ? b[i - 1] : 0x20
                let latin1Letter = previous >= 0x80 && i >= 2 && b[i - 2] == 0xC3
                let atWordStart = !(previous &- 0x30 < 10 || (previous | 0x20) &- 0x61 < 26 || latin1Letter)
                // Labels start with "d", "D" or "ä"/"Ä" (C3 A4, C3 84).
                if atWordStart, b[i] | 0x20 == UInt8(ascii: "d") || b[i] == 0xC3, hasLabel(b, at: i) {
                    starts.append(i)
                } else if isDigit(i), previous != UInt8(ascii: "."), !(previous &- 0x30 < 10) {
                    let point = isDigit(i + 1) ? i + 2 : i + 1
                    if point < b.count, b[point] == UInt8(ascii: "."), isDigit(point + 1) { starts.append(i) }
                }
            }
        }
        return starts
    }

    /// Whether a label stands at `i`, in any case.
    static func hasLabel(_ b: [UInt8], at i: Int) -> Bool {
        labels.contains { label in
            i + label.count <= b.count && label.indices.allSatisfy { Latin1Case.lower(b[i + $0], after: i + $0 > 0 ? b[i + $0 - 1] : 0) == label[$0] }
        }
    }

    /// Whether IVO's dotted form starts at `i`: 1–2 digits, a point, 1–2 digits (and maybe a point
    /// and 1–2 more), "-", 2–6 digits, "/", 4 digits and no digit after. Other numbers with a point
    /// ("kl. 8.30", "2.5 miljoner") need no expression.
    static func isIVOForm(_ b: [UInt8], at i: Int) -> Bool {
        var j = i
        func digits(_ least: Int, _ most: Int) -> Bool {
            let from = j
            while j < b.count, j - from < most, b[j] &- 0x30 < 10 { j += 1 }
            return j - from >= least
        }
        func byte(_ c: UInt8) -> Bool {
            guard j < b.count, b[j] == c else { return false }
            j += 1
            return true
        }
        guard digits(1, 2), byte(UInt8(ascii: ".")), digits(1, 2) else { return false }
        if byte(UInt8(ascii: ".")), !digits(1, 2) { return false }
        guard byte(UInt8(ascii: "-")), digits(2, 6), byte(UInt8(ascii: "/")), digits(4, 4) else { return false }
        return j == b.count || !(b[j] &- 0x30 < 10 || (b[j] | 0x20) &- 0x61 < 26 || b[j] >= 0x80)
    }

    /// Whether a digit stands before "-", "/" or ".", as in every diary number: most texts are
    /// passed over without looking for windows. Sixteen pairs of bytes at a time (`ByteScan`):
    /// the three marks are the bytes 2D–2F.
    static func mayHold(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            let raw = UnsafeRawPointer(base)
            let zero = ByteScan.splat(0x30), ten = ByteScan.splat(10), dash = ByteScan.splat(0x2D), three = ByteScan.splat(3)
            var i = 0
            while i + 17 <= b.count {
                let digits = raw.loadUnaligned(fromByteOffset: i, as: ByteScan.Lanes.self) &- zero
                let marks = raw.loadUnaligned(fromByteOffset: i + 1, as: ByteScan.Lanes.self) &- dash
                if any((digits .< ten) .& (marks .< three)) { return true }
                i += 16
            }
            while i + 1 < b.count {
                if b[i] &- 0x30 < 10 && b[i + 1] &- 0x2D < 3 { return true }
                i += 1
            }
            return false
        }
    }

    /// The labels in lower case ("ärenden" alone is the plural of "ärende", no label).
    private static let labels = ["dnr", "diarienr", "diarienummer", "ärendenummer", "ärendenr"].map { Array($0.utf8) }

    /// After a "dnr"/"diarienummer" label, or IVO's dotted form on its own.
    nonisolated(unsafe) private static let pattern =
        #/(?i)(?:\b(?:dnr|diarienr|diarienummer|ärendenummer|ärendenr)\.?:?\s*|(?=\b\d{1,2}\.\d{1,2}(?:\.\d{1,2})?-\d{2,6}/\d{4}\b))((?:\p{Lu}{2,5}\s?)?\d[\d.]*[-/.]\d{1,6}(?:/\d{4}|[.-]\d{1,6})?)/#

    /// The number as printed ("8.5-12345/2023", "SN 2023/123"); nil for what is no diary number.
    public init?(_ printed: String) {
        let n = String(printed.filter { !$0.isWhitespace }).uppercased()
        guard let first = n.first else { return nil }
        if first.isLetter {
            kind = .kommun
        } else if n.contains("/") && n.contains("-") {
            kind = .ivo
        } else if n.contains("-"), let year = n.split(separator: "-").last, year.count == 4 {
            kind = .jo
        } else if n.contains("/") {
            kind = .kommun
        } else {
            return nil
        }
        number = n
    }
}
