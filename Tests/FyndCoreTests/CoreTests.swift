@testable import FyndCore
import Testing

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func knownDigests(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
        #expect(SHA256.hex(Array(("x" + input).utf8).dropFirst()) == digest)
    }
}

@Suite struct JSONTests {
    @Test func readsStringsAndKeepsOtherValuesRaw() throws {
        let o = try JSON.parseObject(Array(#"{"id": "a\"b", "text": "Österåker\nkommun \u00e5", "n": [1, {"x": null}], "ok": true}"#.utf8)[...])
        #expect(o["id"] == "a\"b")
        #expect(o["text"] == "Österåker\nkommun å")
        #expect(o.members.map(\.raw) == [#""a\"b""#, #""Österåker\nkommun \u00e5""#, #"[1, {"x": null}]"#, "true"])
        #expect(throws: JSON.ParseError.self) { try JSON.parseObject(Array(#"{"id": "x"#.utf8)[...]) }
        #expect(throws: JSON.ParseError.self) { try JSON.parseObject(Array(#"{"id": tru}"#.utf8)[...]) }
    }

    /// A lone surrogate becomes U+FFFD and leaves the escape after it alone; a pair joins.
    @Test func loneSurrogatesDoNotSwallowTheNextEscape() throws {
        let o = try JSON.parseObject(Array(#"{"a": "x\ud800\u0041y", "b": "\udc00\n", "c": "\ud83d\ude00"}"#.utf8)[...])
        #expect(o["a"] == "x\u{FFFD}Ay")
        #expect(o["b"] == "\u{FFFD}\n")
        #expect(o["c"] == "😀")
    }

    /// A long string with escapes is decoded into a buffer reserved once for its encoded length,
    /// not grown by doubling (which left up to twice the text alive beside the line).
    @Test func decodesALongEscapedStringIntoOneReservedBuffer() throws {
        let paragraph = #"Nämnden \"brast\" i handläggningen av ärenden om försörjningsstöd.\n"#
        let text = String(repeating: paragraph, count: 3_000)
        let line = Array(#"{"text": "\#(text)", "id": "x"}"#.utf8)
        let o = try JSON.parseObject(line[...])
        let decoded = try #require(o.members[0].stringBytes)
        #expect(String(decoding: decoded, as: UTF8.self) == String(repeating: "Nämnden \"brast\" i handläggningen av ärenden om försörjningsstöd.\n", count: 3_000))
        #expect(decoded.capacity < text.utf8.count + text.utf8.count / 16)
        #expect(o["id"] == "x")
    }

    /// The encoded length runs to the closing quote: past escaped quotes, not past a quote after
    /// an escaped backslash; to the end when the string is not closed.
    @Test(arguments: [(#""a\"b" x"#, 4), (#""a\\\\" x"#, 5), (#""\\\"\\""#, 6), (#""öppen"#, 6)])
    func encodedLengthEndsAtTheClosingQuote(_ json: String, _ length: Int) {
        let p = JSON.Parser(bytes: Array(json.utf8)[...], i: 0)
        #expect(p.encodedLength(from: 1) == length)
    }

    @Test func quotesWhatJSONRequires() {
        var out: [UInt8] = []
        JSON.quote("ä \"x\"\n\u{1}", into: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""ä \"x\"\n\u0001""#)
    }
}

@Suite struct SwedishDateTests {
    @Test func formsOfSwedishDates() {
        #expect(SwedishDate.find(in: "Publicerad 12 februari 2018 08:32").map(\.iso) == ["2018-02-12"])
        #expect(SwedishDate.find(in: "10 jul 2014 16:11").map(\.iso) == ["2014-07-10"])
        #expect(SwedishDate.find(in: "senast den 1 sept. redovisa").map(\.iso) == ["--09-01"])
        #expect(SwedishDate.find(in: "den 3:e mars 2020").map(\.iso) == ["2020-03-03"])
        #expect(SwedishDate.find(in: "Uppdaterad 2019-03-18T19:00").map(\.iso) == ["2019-03-18"])
        #expect(SwedishDate.find(in: "IVO granskade 40 akter").isEmpty)
    }

    @Test func yearFirstDates() {
        #expect(SwedishDate.find(in: "2017 okt 03").map(\.iso) == ["2017-10-03"])
        #expect(SwedishDate.find(in: "2022 mars 8").map(\.iso) == ["2022-03-08"])
        #expect(SwedishDate.find(in: "2021 11 03").map(\.iso) == ["2021-11-03"])
        #expect(SwedishDate.find(in: "Mar 12, 2019 10:15 CET").map(\.iso) == ["2019-03-12"])
        #expect(SwedishDate.find(in: "May 3, 2022").map(\.iso) == ["2022-05-03"])
        #expect(SwedishDate.find(in: "i mars 12 barn 2019").isEmpty)
        #expect(SwedishDate.find(in: "Publicerad 12/3 2019 kl 10.15").map(\.iso) == ["2019-03-12"])
        #expect(SwedishDate.find(in: "Beslutet kom 4/11 2020.").map(\.iso) == ["2020-11-04"])
        #expect(SwedishDate.find(in: "1/3 av ärendena saknade plan").isEmpty)
        // Numbers that only look like one: a count after a year, a month of one digit.
        #expect(SwedishDate.find(in: "Under 2019 12 anmälningar").isEmpty)
        #expect(SwedishDate.find(in: "år 2020 4 05").isEmpty)
        #expect(SwedishDate.find(in: "2021 13 03").isEmpty)
    }

    /// `mayBeIn`, the byte test before `find` in a line that may be a dateline.
    @Test func aDateIsLookedForOnlyWhereAMonthOrSixDigitsStand() {
        // The byte test lets through every piece of text in which `find` finds a date.
        let texts = [
            "Publicerad 12 februari 2018 08:32", "senast den 1 sept. redovisa", "den 3:e mars 2020", "Uppdaterad 2019-03-18T19:00",
            "2017 okt 03", "2021 11 03", "Mar 12, 2019 10:15 CET", "May 3, 2022", "Beslutet kom 4/11 2020.", "Nämnden, 3.2.2024",
            "Vallby • OKTOBER 9 2023", "Krönika2024-02-16 05:15", "+5 maj", "SFS 2022:61", "Det var år 2019.", "1/3 av ärendena",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            for start in 0..<bytes.count {
                for end in start...bytes.count {
                    let piece = String(decoding: bytes[start..<end], as: UTF8.self)
                    let may = bytes[start..<end].withUnsafeBufferPointer(SwedishDate.mayBeIn)
                    if !SwedishDate.find(in: piece[...]).isEmpty { #expect(may, "\(piece)") }
                }
            }
        }
        // Numbers without a date's month or six digits are told at once.
        #expect(!Array("SFS 1998:8".utf8).withUnsafeBufferPointer(SwedishDate.mayBeIn))
        #expect(!Array("Det var år 2019, i maskinhallen.".utf8).withUnsafeBufferPointer(SwedishDate.mayBeIn))
        #expect(Array("Det var i maj 2019.".utf8).withUnsafeBufferPointer(SwedishDate.mayBeIn))
    }

    /// Month names in any case, abbreviated with or without a point, Swedish or English; words
    /// that only start as a month does are none.
    @Test func monthNames() {
        let months = ["Mars", "SEPT.", "okt", "Februari", "May", "October", "dec", "January", "February", "August"].map { SwedishDate.month($0[...]) }
        #expect(months == [3, 9, 10, 2, 5, 10, 12, 1, 2, 8])
        let others = ["att", "Marknaden", "Juryn", "augustus", "ma", "Nov-", "décembre"].map { SwedishDate.month($0[...]) }
        #expect(others == [nil, nil, nil, nil, nil, nil, nil])
    }

    @Test func dateInAnAddress() {
        #expect(SwedishDate.inAddress("https://www.example.se/lokalt/2016/09/07/rubrik-har") == "2016-09-07")
        #expect(SwedishDate.inAddress("https://tidning.se/nyheter/2021/3/9/") == "2021-03-09")
        #expect(SwedishDate.inAddress("https://tidning.se/arkiv/2020-01-31/nyhet.html") == "2020-01-31")
        // A year alone, a number in the host, a query are no date.
        #expect(SwedishDate.inAddress("https://www.myndighet.se/nyheter/2014/granskning-av-lss/") == nil)
        #expect(SwedishDate.inAddress("https://2019.se/12/ab") == nil)
        #expect(SwedishDate.inAddress("https://tidning.se/artikel?d=2020/01/31") == nil)
        #expect(SwedishDate.yearInAddress("https://www.myndighet.se/nyheter/2014/granskning/") == 2014)
        #expect(SwedishDate.yearInAddress("https://2019.se/nyheter/x") == nil)
    }
}

@Suite struct Latin1CaseTests {
    func lower(_ s: String) -> String {
        var previous: UInt8 = 0
        return String(decoding: s.utf8.map { b in defer { previous = b }; return Latin1Case.lower(b, after: previous) }, as: UTF8.self)
    }

    @Test func asciiAndLatin1LettersOnly() {
        #expect(lower("ÖSTERÅKER Ärende É") == "österåker ärende é")
        #expect(lower("3 × 4 Straße") == "3 × 4 straße")
        #expect(lower("ИВО") == "ИВО")  // outside Latin-1: left to ICU
    }

    /// Sentences with the dashes, quotes and "…" of news text are lower-cased on their bytes as
    /// `lowercased()` lower-cases them; others by `lowercased()` itself.
    @Test func sentencesLowerCasedAsStringsAre() {
        let sentences: [Substring] = [
            "– SENAST DEN 1 SEPTEMBER ska Nämnden svara, säger Åsa Öberg.",
            "”Vi tar KRITIKEN på allvar” – IVO:s beslut… ÄNDRAS inte ± 2 µg ½ ÞÐ.",
            "Kommunen i İSTANBUL och ΑΘΉΝΑ har ingen frist.",
            "Rad ett\r\nRAD TVÅ",
        ]
        for s in sentences { #expect(Latin1Case.lowercased(s) == s.lowercased(), "\(s)") }
    }
}

/// The byte scan that passes over texts without a diary number finds the digit before "-", "/"
/// or "." wherever it stands: inside a block of sixteen bytes, across two, in the last bytes.
@Suite struct CaseNumberScanTests {
    /// The plain definition: some digit stands right before "-", "/" or ".".
    static func hasMark(_ b: [UInt8]) -> Bool {
        b.indices.dropLast().contains { b[$0] &- 0x30 < 10 && [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")].contains(b[$0 + 1]) }
    }

    @Test func findsTheMarkAtEveryOffset() {
        let texts = [
            "Nämnden fick kritik i ärende 8.5-12345/2023 om långa utredningar.",
            "Anmälningarna ökade mellan 2019 och 2023, skriver IVO i rapporten.",
            "Socialchefen svarade: 14 ärenden - inte fler - väntade på beslut.",
            "Beslutet kom den 3/5 och kommunen har en månad på sig att svara",
            "Inga siffror alls i den här meningen om äldreomsorgen i Åre.",
        ]
        for text in texts {
            // The same sentence shifted over a block boundary, one byte at a time.
            for shift in 0..<20 {
                let bytes = Array(String(repeating: "x", count: shift).utf8) + Array(text.utf8)
                #expect(CaseNumber.mayHold(bytes) == Self.hasMark(bytes), "\(shift): \(text)")
                #expect(CaseNumber.mayHold(Array(bytes.prefix(shift + 17))) == Self.hasMark(Array(bytes.prefix(shift + 17))))
            }
        }
        #expect(!CaseNumber.mayHold([]) && !CaseNumber.mayHold(Array("7".utf8)) && CaseNumber.mayHold(Array("7.".utf8)))
    }
}

@Suite struct SentenceLayoutTests {
    /// A sentence keeps its bounds in 32 bits: 40 bytes a sentence (56 with `Range<Int>`s), and
    /// the computed ranges read back what was set.
    @Test func aSentenceTakesFortyBytesAndKeepsItsRanges() {
        #expect(MemoryLayout<Sentence>.stride <= 40)
        var s = Sentence(range: 12..<3_000_000, paragraph: 7, wordBytes: 1..<90)
        #expect(s.range == 12..<3_000_000 && s.paragraph == 7 && s.wordBytes == 1..<90)
        s.range = 50_000_000..<52_428_800
        s.wordBytes = 0..<0
        s.paragraph = 123_456
        #expect(s.range == 50_000_000..<52_428_800 && s.paragraph == 123_456 && s.wordBytes == 0..<0)
    }
}
