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

    /// The diary numbers in a text, in the order they first occur.
    public static func all(in text: String) -> [CaseNumber] {
        var found: [CaseNumber] = []
        guard mayHold(text) else { return found }
        for match in text.matches(of: pattern) {
            guard let n = CaseNumber(String(match.output.1)) else { continue }
            if !found.contains(n) { found.append(n) }
        }
        return found
    }

    /// Whether a digit stands before "-", "/" or ".", as in every diary number: most sentences
    /// are passed over without the regular expression.
    static func mayHold(_ text: String) -> Bool {
        var digit = false
        for b in text.utf8 {
            if digit && (b == UInt8(ascii: "-") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".")) { return true }
            digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
        }
        return false
    }

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
