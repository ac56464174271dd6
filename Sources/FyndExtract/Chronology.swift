import FyndCore

/// The case's chronology: decisions and reports tell the events that opened a case one dated
/// sentence after another ("Den 13 februari 2019 inledde socialtjänsten en utredning …", "Den 26
/// januari 2007 skrevs hon ut och placerades i ett familjehem"). A category such a sentence names
/// that no cue judges is the case's history, not a finding of the supervision.
enum Chronology {
    /// The bytes at the start of a sentence searched for its date ("Den 13 september 2016").
    static let opening = 32

    /// Whether the sentence opens with an event's full date, written with the month's name and
    /// a year, after "Den" or at once; an ISO date in front is a page's stamp, not an event.
    static func opensWithDate(_ sentence: ArraySlice<UInt8>) -> Bool {
        var start = sentence.startIndex
        if sentence.count > 4, sentence[start] | 0x20 == UInt8(ascii: "d"), sentence[start + 1] == UInt8(ascii: "e"),
           sentence[start + 2] == UInt8(ascii: "n"), sentence[start + 3] == UInt8(ascii: " ") {
            start += 4
        }
        let head = sentence[start..<min(sentence.endIndex, start + opening)]
        guard let first = head.first, first &- 0x30 < 10 else { return false }
        let text = String(decoding: head, as: UTF8.self)
        guard let date = SwedishDate.find(in: Substring(text)).first, date.hasYear, date.range.lowerBound == 0 else { return false }
        return text.utf8.prefix(date.range.upperBound).contains { ($0 | 0x20) &- UInt8(ascii: "a") < 26 }
    }
}
