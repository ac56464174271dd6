import FyndCore

/// The date of a document's header, in its opening text: an ISO date at most eight words after
/// a header label ("BESLUT … 2015-02-18", "Handläggare Datum Diarienummer Ulf Ek 2015-05-26",
/// "KALLELSE Datum 2017-12-13"), no further than the first 40 words.
///
/// Reads the opening paragraphs one at a time as they are kept, each word once: a word costs a
/// few byte comparisons, and nothing is read past the 40th word.
struct HeaderDate {
    /// Words read so far (at most `limit`).
    private(set) var words = 0
    /// Words read since the last label, or nil before the first.
    private var sinceLabel: Int?

    /// How far a header is read.
    static let limit = 40

    /// Whether the opening text is read to its end.
    var isDone: Bool { words >= Self.limit }

    /// Reads the words of the next paragraph; the header's date once a date follows a label.
    mutating func read(_ paragraph: UnsafeBufferPointer<UInt8>) -> String? {
        let n = paragraph.count
        var i = 0
        while words < Self.limit {
            while i < n, Self.isSpace(paragraph[i]) { i += 1 }
            guard i < n else { return nil }
            let start = i
            while i < n, !Self.isSpace(paragraph[i]) { i += 1 }
            let word = UnsafeBufferPointer(rebasing: paragraph[start..<i])
            words += 1
            if Self.isLabel(word) {
                sinceLabel = 0
                continue
            }
            guard let since = sinceLabel else { continue }
            sinceLabel = since + 1
            if since < 8, word[0] &- 0x30 < 10, let iso = SwedishDate.isoDate(Substring(String(decoding: word, as: UTF8.self))) {
                return iso
            }
        }
        return nil
    }

    /// White space, and the form feeds (and vertical tabs) text taken from a PDF has between pages.
    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b.isASCIISpace || b == 0x0B || b == 0x0C }

    /// Words that label a decision's, minutes' or memo's header, as such documents set them, and
    /// a report cover's decision ("Beslutad av revisorskollegiet 2015-10-14").
    private static let labels = ["BESLUT", "PROTOKOLL", "KALLELSE", "TJÄNSTESKRIVELSE", "Datum", "DATUM", "Beslutad"].map { Array($0.utf8) }

    /// Whether `word` is one of `labels`: all begin with a capital B, P, K, T or D.
    private static func isLabel(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        switch word[0] {
        case UInt8(ascii: "B"), UInt8(ascii: "P"), UInt8(ascii: "K"), UInt8(ascii: "T"), UInt8(ascii: "D"):
            return labels.contains { $0.count == word.count && $0.elementsEqual(word) }
        default:
            return false
        }
    }
}
