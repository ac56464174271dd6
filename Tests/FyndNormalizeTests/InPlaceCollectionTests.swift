@testable import FyndNormalize
import Testing

/// Issue 18: a whole text is unified and collected in its own buffer, and the document text is
/// written over the collected bytes; the paragraphs are those a separate buffer gives.
@Suite struct InPlaceCollectionTests {
    static let texts = [
        // Lines one newline apart: the paragraphs, a blank line apart, overtake the reading.
        "Rubrik\nRad två kommer här\nRad tre\nRad fyra",
        // Characters unified (no-break space, zero-width space, carriage returns).
        "Första stycket.\r\n\r\nAndra\u{00A0}stycket med\u{200B} tecken.\r\n\r\nTredje stycket.",
        // Letters composed (shorter) and a mark composed to two (longer than its bytes).
        "Nämnden i Ma\u{0308}rsta.\n\nA\u{030A}tgärder krävs.",
        "Ordet\u{0344} står först.\n\nSedan kommer nästa stycke.",
        // A repeated paragraph dropped.
        "Ett stycke som upprepas och som är långt nog för att räknas som ett upprepat stycke.\n\nMellan dem.\n\n"
            + "Ett stycke som upprepas och som är långt nog för att räknas som ett upprepat stycke.\n\nSlut på texten.",
    ]

    static func collected(_ text: String, inPlace: Bool) -> (text: [UInt8], paragraphs: [Range<Int>]) {
        var collector = ParagraphCollector(published: nil)
        if inPlace {
            collector.add(wholeText: Array(text.utf8))
        } else {
            var copy = text
            copy.withUTF8 { collector.add(rawText: $0) }
        }
        let (bytes, paragraphs, _) = collector.finish()
        return (bytes, paragraphs)
    }

    @Test func aWholeTextCollectedInPlaceIsTheTextCollectedApart() {
        for text in Self.texts {
            let inPlace = Self.collected(text, inPlace: true), apart = Self.collected(text, inPlace: false)
            #expect(inPlace.text == apart.text && inPlace.paragraphs == apart.paragraphs, "\(text)")
            let joined = inPlace.paragraphs.map { String(decoding: inPlace.text[$0], as: UTF8.self) }.joined(separator: "\n\n")
            #expect(String(decoding: inPlace.text, as: UTF8.self) == joined)
        }
    }

    @Test func theDocumentTextIsWrittenOverTheCollectedBytes() {
        func paragraphs(_ text: String) -> [String] {
            let (bytes, ranges) = Self.collected(text, inPlace: true)
            return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        #expect(paragraphs(Self.texts[0]) == ["Rubrik", "Rad två kommer här", "Rad tre", "Rad fyra"])
        #expect(paragraphs(Self.texts[1]) == ["Första stycket.", "Andra stycket med tecken.", "Tredje stycket."])
        #expect(paragraphs(Self.texts[2]) == ["Nämnden i Märsta.", "Åtgärder krävs."])
        #expect(paragraphs(Self.texts[3]) == ["Ordet\u{0308}\u{0301} står först.", "Sedan kommer nästa stycke."])
        #expect(paragraphs(Self.texts[4]).count == 3)
    }
}
