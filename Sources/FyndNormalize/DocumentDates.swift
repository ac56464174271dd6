import FyndCore

/// Dates that a document's own apparatus sets, away from its head: a signing line, a
/// letterhead's date with its case number, a report's cover, and a meeting's time in the
/// heading of its notice or minutes.
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
        guard !isDayName(words[0]) else { return nil }
        var rest = words[2]
        if rest.last == "." { rest = rest.dropLast() }
        guard let date = SwedishDate.find(in: rest).first, date.hasYear, date.range == 0..<rest.utf8.count else { return nil }
        return date.iso
    }

    /// " den " after a signing line's place, as its bytes.
    private static let den = Array("den ".utf8)

    /// The date of a government decision's line, alone on it under a committee directive's title:
    /// "Beslut vid regeringssammanträde den 17 februari 2005".
    static func cabinetDecisionDate(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        guard line.count <= 64, line.first == UInt8(ascii: "B"), line.starts(with: cabinetDecision) else { return nil }
        var rest = String(decoding: line[cabinetDecision.count...], as: UTF8.self)[...]
        if rest.last == "." { rest = rest.dropLast() }
        guard let date = SwedishDate.find(in: rest).first, date.hasYear, date.range == 0..<rest.utf8.count else { return nil }
        return date.iso
    }

    private static let cabinetDecision = Array("Beslut vid regeringssammanträde den ".utf8)

    /// The date of a decision's heading line that gives the case number first and the decision's
    /// date after a slash: "Diarienr: 8799-17-4.3 / Beslutsdatum: 7 nov 2018".
    static func caseHeadingDate(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        // Every label starts with "D", "d" or "Ä" (0xC3 in UTF-8): most lines are none.
        guard line.count <= 100, let first = line.first, first | 0x20 == UInt8(ascii: "d") || first == 0xC3,
              let slash = ByteSearch.firstIndex(of: slashSeparator, in: line, from: 0),
              let label = String(decoding: line[..<slash], as: UTF8.self).split(separator: " ").first,
              caseNumberLabels.contains(where: label.lowercased().hasPrefix) else { return nil }
        var rest = String(decoding: line[(slash + slashSeparator.count)...], as: UTF8.self)[...]
        guard let name = decisionDateLabels.first(where: { rest.lowercased().hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(name.count).drop { $0 == ":" || $0 == " " }
        while rest.last == " " { rest = rest.dropLast() }
        guard let date = SwedishDate.find(in: rest).first, date.hasYear, date.range == 0..<rest.utf8.count else { return nil }
        return date.iso
    }

    private static let slashSeparator = Array(" / ".utf8)
    /// The labels of a decision's date after its case number.
    private static let decisionDateLabels = ["beslutsdatum", "datum"]

    /// Whether a word names a day of the week, also in the definite form ("tisdag", "Tisdagen").
    static func isDayName(_ word: Substring) -> Bool {
        let w = word.lowercased()
        return weekdays.contains(w) || w.hasSuffix("en") && weekdays.contains(String(w.dropLast(2)))
    }

    /// The date of a letterhead: an ISO date among a short line's first three words, or a date
    /// written out opening a line, followed by a case number ("Justitieombudsmannen 2017-03-30
    /// 5565-2016 1 (62)", "2016-03-29 Dnr 801-2652-16", "1 september 2014 KS-2014/742.912 1 (11) …").
    static func letterheadDate(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        if line.count <= 120, hasISODate(line) {
            let words = String(decoding: line, as: UTF8.self).split(separator: " ").prefix(4)
            for i in words.indices.dropLast() where i < 3 && words[i].utf8.count == 10 {
                let coded = i + 2 < words.count && isCaseCode(words[i + 1], words[i + 2])
                if let iso = SwedishDate.isoDate(words[i]), isCaseNumber(words[i + 1]) || coded { return iso }
            }
        }
        // A date written out opens the line (of any length: only its start is read): one or two
        // digits, a space, the month's name in lower case.
        let day = line.prefix(3).prefix { $0 &- 0x30 < 10 }.count
        guard (1...2).contains(day), line.count > day + 1, line[day] == 0x20, line[day + 1] &- 0x61 < 26 else { return nil }
        let head = String(decoding: line.prefix(40), as: UTF8.self)
        guard let date = SwedishDate.find(in: Substring(head)).first, date.hasYear, date.range.lowerBound == 0,
              let next = head.utf8.dropFirst(date.range.upperBound).split(separator: 0x20).first else { return nil }
        return isCaseNumber(Substring(next)) ? date.iso : nil
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

    /// "Dnr", "Ärendenr", "Diarienummer", "5565-2016", "SCN-2015-0180", "152-643/2016",
    /// "KS-2014/742.912": a case number or its label (a code with a year among its parts).
    private static func isCaseNumber(_ word: Substring) -> Bool {
        let lowered = word.lowercased()
        if caseNumberLabels.contains(where: lowered.hasPrefix) { return true }
        let parts = word.split(whereSeparator: { $0 == "-" || $0 == "/" })
        return parts.count >= 2 && SwedishDate.isoDate(word) == nil
            && parts.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." } }
            && parts.contains { $0.count == 4 && Int($0).map { (1990...2099).contains($0) } ?? false }
    }

    /// Whether two words are a case number written as a body's code and its number: "SN
    /// 18/0098", "KS 2014/742" (two to four capitals, then digits parted by "/" or "-").
    private static func isCaseCode(_ code: Substring, _ number: Substring) -> Bool {
        (2...4).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isUppercase }
            && number.first?.isNumber ?? false && number.contains { $0 == "/" || $0 == "-" }
            && number.allSatisfy { $0.isNumber || $0 == "/" || $0 == "-" || $0 == "." }
    }

    /// The date of a sender's line, alone on it: a municipality's or region's name and an ISO date,
    /// as a report or letter from one is headed ("Sollentuna kommun 2016-03-22"; not "Reviderad
    /// 1998-06-30", a revision's).
    static func senderDate(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        guard (12...48).contains(line.count), let first = line.first, (0x41...0x5A).contains(first) || first == 0xC3,
              line[line.count - 10] &- 0x30 < 10, line[line.count - 11] == 0x20 else { return nil }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard (3...4).contains(words.count), let iso = SwedishDate.isoDate(words[words.count - 1]),
              senderEndings.contains(words[words.count - 2].lowercased()) else { return nil }
        let name = words.dropLast(2)
        guard name.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "-" } }), name.first?.first?.isUppercase ?? false else { return nil }
        return iso
    }

    /// The words a municipality's or region's name ends in on a sender's line.
    private static let senderEndings: Set<String> = ["kommun", "stad", "region", "landsting"]

    /// The date that ends the paragraph opening page one of a transcript, the report's cover:
    /// "1 Revisionsrapport Socialnämndens ekonomi Ledning och styrning Härjedalens Kommun 12 mars 2018".
    static func pageOneCoverDate(_ paragraph: UnsafeBufferPointer<UInt8>) -> String? {
        guard paragraph.count <= 240, opensPageOne(paragraph), paragraph.last.map({ $0 &- 0x30 < 10 }) ?? false else { return nil }
        let text = String(decoding: paragraph, as: UTF8.self)
        guard let date = SwedishDate.find(in: Substring(text)).last, date.hasYear, date.range.upperBound == text.utf8.count else { return nil }
        return date.iso
    }

    /// The labels a case number is printed after: "Dnr", "Diarienr", "Diarienummer", "Ärendenr",
    /// "Ärendenummer" (the label's own forms included: "Dnr:").
    private static let caseNumberLabels = ["dnr", "diarienr", "diarienummer", "ärendenr", "ärendenummer"]

    /// The date of a report's cover, in a paragraph: a date next to the page count ("KPMG AB
    /// 8 oktober 2014 Antal sidor: 13", "Antal sidor: 14 2012-01-12").
    static func coverDate(_ paragraph: UnsafeBufferPointer<UInt8>) -> String? {
        guard paragraph.count > pageCount.count, ByteSearch.firstIndex(of: pageCount, in: paragraph, from: 0) != nil else { return nil }
        let text = String(decoding: paragraph, as: UTF8.self)
        return SwedishDate.find(in: Substring(text)).first { date in
            guard date.hasYear else { return false }
            if text.utf8.dropFirst(date.range.upperBound).drop(while: { $0 == 0x20 }).starts(with: pageCount) { return true }
            // Before the date: the page count and its number.
            let before = text.utf8.prefix(date.range.lowerBound).reversed().drop { $0 == 0x20 }
                .drop { $0 &- 0x30 < 10 }.drop { $0 == 0x20 || $0 == UInt8(ascii: ":") }
            return before.starts(with: pageCount.reversed())
        }?.iso
    }

    private static let pageCount = Array("Antal sidor".utf8)

    /// The date of a meeting's notice or minutes, in the paragraph that opens the document (or
    /// the one after a register of its items) or page one of its transcript: after the heading's label (in the first 160 bytes), a day's
    /// name, an optional "den" and a full date just before the time (in the first 400 bytes):
    /// "KALLELSE … Tid och plats: Onsdagen den 25 maj 2016 kl. 8.15", "PROTOKOLL 1(54) Plats och
    /// tid Folkets hus, torsdagen den 9 juni 2016, kl". Without the label the day and time are a
    /// deadline's or an event's ("senast fredagen den 18 mars 2016 kl. 16.00").
    static func meetingDate(_ paragraph: UnsafeBufferPointer<UInt8>) -> String? {
        guard let label = headingLabelEnd(paragraph) else { return nil }
        let head = UnsafeBufferPointer(rebasing: paragraph.prefix(400))
        var from = label
        while let k = ByteSearch.firstIndex(of: clock, in: head, from: from) {
            from = k + clock.count
            // "kl", "kl." or "klockan", not "klagomål"; a word of its own.
            let end = k + clock.count
            guard head[k - 1] == 0x20, end == head.count || head[end] | 0x20 &- 0x61 >= 26 || head[end...].starts(with: ockan)
            else { continue }
            let before = String(decoding: head[max(label, k - 64)..<k], as: UTF8.self)
            guard let date = SwedishDate.find(in: Substring(before)).last, date.hasYear,
                  before.utf8.dropFirst(date.range.upperBound).allSatisfy({ $0 == 0x20 || $0 == UInt8(ascii: ",") }) else { continue }
            var words = before.utf8.prefix(date.range.lowerBound).split(separator: 0x20).map { Substring($0) }
            if words.last == "den" { words.removeLast() }
            if let day = words.last, isDayName(Substring(day.filter { $0 != "," })) { return date.iso }
        }
        return nil
    }

    private static let clock = Array("kl".utf8), ockan = Array("ockan".utf8)

    /// Where the label of a notice's or minutes' heading ends in a paragraph's first 160 bytes:
    /// every label starts with a "K", "P" or "T", looked for sixteen bytes at a time.
    private static func headingLabelEnd(_ paragraph: UnsafeBufferPointer<UInt8>) -> Int? {
        let head = UnsafeBufferPointer(rebasing: paragraph.prefix(160))
        let (k, p, t) = (UInt8(ascii: "K"), UInt8(ascii: "P"), UInt8(ascii: "T"))
        var from = 0
        while let i = ByteScan.firstIndex(
            in: head, from: from,
            lanes: { any(($0 .== ByteScan.splat(k)) .| ($0 .== ByteScan.splat(p)) .| ($0 .== ByteScan.splat(t))) },
            matches: { $0 == k || $0 == p || $0 == t })
        {
            if let label = meetingHeadings.first(where: { head[i...].starts(with: $0) }) { return i + label.count }
            from = i + 1
        }
        return nil
    }

    /// The labels of a notice's or minutes' heading.
    private static let meetingHeadings = ["KALLELSE", "Kallelse", "PROTOKOLL", "Protokoll", "Plats och tid", "Tid och plats"].map { Array($0.utf8) }

    /// The date of a meeting in the title of a committee's papers, in their opening words:
    /// "Handlingar till socialnämndens sammanträde den 29 augusti 2013", "1 Bilaga 6:7 till
    /// kommunstyrelsens protokoll den 19 mars 2003, …".
    static func minutesTitleDate(_ paragraph: UnsafeBufferPointer<UInt8>) -> String? {
        let head = UnsafeBufferPointer(rebasing: paragraph.prefix(120))
        for label in meetingLabels {
            guard let k = ByteSearch.firstIndex(of: label, in: head, from: 0) else { continue }
            let rest = String(decoding: paragraph[(k + label.count)...].prefix(40), as: UTF8.self)
            if let date = SwedishDate.find(in: Substring(rest)).first, date.hasYear, date.range.lowerBound == 0 { return date.iso }
        }
        return nil
    }

    /// A meeting ("Sammanträde", "sammanträdet"; the first letter dropped for either case) or a
    /// body's minutes ("kommunstyrelsens protokoll"), then "den".
    private static let meetingLabels = ["ammanträde den ", "ammanträdet den ", "s protokoll den "].map { Array($0.utf8) }

    /// Whether a paragraph opens page one of a transcript ("1 Bilaga 6:7 …"): where a document
    /// hosting site's text of the document begins.
    static func opensPageOne(_ paragraph: UnsafeBufferPointer<UInt8>) -> Bool {
        paragraph.count > 3 && paragraph[0] == UInt8(ascii: "1") && paragraph[1] == 0x20 && (paragraph[2] &- 0x41 < 26 || paragraph[2] == 0xC3)
    }
}
