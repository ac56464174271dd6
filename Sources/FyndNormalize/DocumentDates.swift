import FyndCore

/// Dates that a document's own apparatus sets, away from its head: a signing line and a
/// letterhead's date with its case number.
extension TextCleanup {
    /// The date of a signing line: a place, "den" and a full date, alone on the line ("Stockholm
    /// den 17 januari 2019"), as bills, committee reports and letters are signed.
    static func signingDate(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        guard line.count <= 48, let first = line.first, (0x41...0x5A).contains(first) || first == 0xC3,
              let space = ByteScan.firstIndex(of: 0x20, in: line), line[(space + 1)...].drop(while: { $0 == 0x20 }).starts(with: Self.den)
        else { return nil }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ", maxSplits: 2)
        guard words.count == 3, words[1] == "den", words[0].allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        // "Tisdagen den 10 mars 2015" names the day of an event, not a place.
        let place = words[0].lowercased()
        guard !weekdays.contains(place), !weekdays.contains(String(place.dropLast(2))) else { return nil }
        var rest = words[2]
        if rest.last == "." { rest = rest.dropLast() }
        guard let date = SwedishDate.find(in: rest).first, date.hasYear, date.range == 0..<rest.utf8.count else { return nil }
        return date.iso
    }

    /// " den " after a signing line's place, as its bytes.
    private static let den = Array("den ".utf8)

    /// The date of a letterhead: an ISO date among a short line's first three words, followed by
    /// a case number ("Justitieombudsmannen 2017-03-30 5565-2016 1 (62)", "2016-03-29 Dnr 801-2652-16").
    static func letterheadDate(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        guard line.count <= 120, hasISODate(line) else { return nil }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ").prefix(4)
        for i in words.indices.dropLast() where i < 3 && words[i].utf8.count == 10 {
            if let iso = SwedishDate.isoDate(words[i]), isCaseNumber(words[i + 1]) { return iso }
        }
        return nil
    }

    /// Whether the line holds an ISO date's shape, looked for at each "-" (by `memchr`).
    private static func hasISODate(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let dash = ByteScan.firstIndex(of: UInt8(ascii: "-"), in: line, from: from) {
            if SwedishDate.hasISOShape(line, at: dash - 4) { return true }
            from = dash + 1
        }
        return false
    }

    /// "Dnr", "5565-2016", "SCN-2015-0180", "152-643/2016": a case number or its label (a code
    /// with a year among its parts).
    private static func isCaseNumber(_ word: Substring) -> Bool {
        if word.lowercased().hasPrefix("dnr") { return true }
        let parts = word.split(whereSeparator: { $0 == "-" || $0 == "/" })
        return parts.count >= 2 && SwedishDate.isoDate(word) == nil
            && parts.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber } }
            && parts.contains { $0.count == 4 && Int($0).map { (1990...2099).contains($0) } ?? false }
    }
}
