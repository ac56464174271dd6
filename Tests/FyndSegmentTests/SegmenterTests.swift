import FyndCore
@testable import FyndSegment
import Testing

@Suite struct SegmenterTests {
    let segmenter: Segmenter
    init() throws { segmenter = try Segmenter() }

    @Test func spacesAfterAColonOrBeforeADigitAreFoundWhereAByteByByteSearchFindsThem() {
        // Colons and digits at every place of a block of sixteen, and at the range's ends.
        let text = Array("Nämnden skriver: ”Vi ska rätta det.” I fjol. 2019 anmäldes 12 fall: 3 av dem i maj. Frågan: Varför? 7 5".utf8)
        for start in 1..<text.count {
            for end in [start, (start + text.count) / 2, text.count - 1] where end >= start {
                var naive: [Int] = [], found: [Int] = []
                for j in start..<end where text[j] == 0x20 && (text[j - 1] == UInt8(ascii: ":") || text[j + 1] &- 0x30 < 10) { naive.append(j) }
                text.withUnsafeBufferPointer { bytes in
                    var from = start
                    while let j = Segmenter.spaceAfterColonOrBeforeDigit(bytes, from: from, to: end) {
                        found.append(j)
                        from = j + 1
                    }
                }
                #expect(found == naive, "\(start)..<\(end)")
            }
        }
    }

    @Test(arguments: [
        "Nämnden har fått kritik för bl.a. bristande dokumentation.",
        "Enligt 11 kap. 1 § SoL ska socialnämnden utan dröjsmål inleda utredning.",
        "I granskningen ingick t.ex. Göteborgs stad och Uppsala kommun m.fl. kommuner.",
        "Mötet börjar kl. 14.00 i kommunhuset.",
        "Socialnämnden ska senast den 1 sept. redovisa vilka åtgärder som har vidtagits.",
        "Perioden gäller fr.o.m. den 1 januari t.o.m. den 31 december.",
        "Det gäller s.k. skyddsbedömningar enl. SoL.",
        "Nämnden har brustit, dvs. inte följt lagen, jfr. 6 kap. 7 b § SoL.",
        "Dr. Karin Svensson har lett utvärderingen.",
        "Granskningen gjordes under perioden feb.–apr. 2022.",
    ])
    func abbreviationsDoNotEndASentence(_ sentence: String) {
        #expect(segmenter.sentences(in: sentence) == [sentence])
    }

    @Test func sentenceFinalAbbreviationStillEnds() {
        #expect(segmenter.sentences(in: "Vi granskade akter, intervjuer m.m. Sedan skrev vi rapporten.")
            == ["Vi granskade akter, intervjuer m.m.", "Sedan skrev vi rapporten."])
        #expect(segmenter.sentences(in: "Ärenden per handläggare: 32 st. Vakanta tjänster: 4,5.")
            == ["Ärenden per handläggare: 32 st.", "Vakanta tjänster: 4,5."])
    }

    @Test func dialogueLinesAndHeadingsAreSentencesOfTheirOwn() {
        let text = "På bättringsvägen\n– Vi jobbar på de fel som har påpekats, säger Sandra Säljö. Tillsyn har skett.\nHan vistades där i två år. – Ingen frågade mig, säger han."
        #expect(segmenter.sentences(in: text) == [
            "På bättringsvägen",
            "– Vi jobbar på de fel som har påpekats, säger Sandra Säljö.",
            "Tillsyn har skett.",
            "Han vistades där i två år.",
            "– Ingen frågade mig, säger han.",
        ])
    }

    /// Pages write quotation marks and dashes in many forms, and the text keeps them: sentences
    /// break at each form as at "”" and "–", and tokens show one form of each kind.
    @Test(arguments: [("”", "”", "–"), ("„", "“", "—"), ("»", "»", "‒"), ("«", "»", "―"), ("“", "”", "−")])
    func everyFormOfQuoteAndDashBreaksAlike(open: String, close: String, dash: String) {
        let text = "Han vistades där i två år. \(dash) Ingen frågade mig, säger han. IVO skriver: \(open)Barnet hördes inte.\(close) 2019 anmäldes fler. Vad gäller?\(close) frågade hon."
        #expect(segmenter.sentences(in: text) == [
            "Han vistades där i två år.",
            "\(dash) Ingen frågade mig, säger han.",
            "IVO skriver:",
            "\(open)Barnet hördes inte.\(close)",
            "2019 anmäldes fler.",
            "Vad gäller?\(close) frågade hon.",
        ])
        let sentence = segmenter.tokenized("\(open)Nej\(close) \(dash) feb.\(dash)apr.")
        let tokens = sentence.tokens.map(sentence.foldedForm)
        #expect(tokens == ["\u{201D}", "nej", "\u{201D}", "–", "feb", ".", "–", "apr", "."])
    }

    /// A soft hyphen, which the text keeps as the page has it, splits no word.
    @Test func softHyphensSplitNoWord() {
        #expect(segmenter.words(in: "Social\u{00AD}nämnden brast i hand\u{00AD}läggningen") == ["socialnämnden", "brast", "i", "handläggningen"])
    }

    @Test func wordsAreFoldedWithSwedishRules() {
        #expect(segmenter.words(in: "ÖSTERÅKERS Orosanmälningar, IVO:s 3,75 tjänster") == ["österåkers", "orosanmälningar", "ivo:s", "3,75", "tjänster"])
    }

    @Test func sentenceOffsetsPointIntoTheText() {
        let text = "IVO riktar kritik. Nämnden ska redovisa."
        let doc = Document(id: "", source: "", sha256: "", text: text, paragraphs: [0..<text.utf8.count])
        let sentences = segmenter.segment(doc)
        #expect(sentences.map(\.range) == [0..<18, 19..<41])  // "ä" takes two bytes
        #expect(sentences[0].tokens.filter(\.isWord).map(sentences[0].foldedForm) == ["ivo", "riktar", "kritik"])
    }

    /// Breaks found in ICU's UTF-16 copy come back as byte offsets whatever lies before them:
    /// two-byte letters, three-byte quotes and dashes, four-byte emoji (two UTF-16 units).
    @Test func offsetsAreBytesAfterCharactersOfEveryLength() {
        let sentences = ["Åsa sa att ”Nämnden brast.”", "Beslutet – 😀 överklagas ej!", "𝄞 Ärendet är avslutat.", "Ja."]
        let text = sentences.joined(separator: " ")
        let doc = Document(id: "", source: "", sha256: "", text: text, paragraphs: [0..<text.utf8.count])
        let utf8 = Array(text.utf8)
        let found = segmenter.segment(doc)
        #expect(found.map { String(decoding: utf8[$0.range], as: UTF8.self) } == sentences)
        let words = found.flatMap { s in s.tokens.filter(\.isWord).map { String(decoding: utf8[$0.range], as: UTF8.self) } }
        #expect(words == ["Åsa", "sa", "att", "Nämnden", "brast", "Beslutet", "överklagas", "ej", "Ärendet", "är", "avslutat", "Ja"])
    }

    /// A line of 20 000 words without punctuation is cut every `maxSentenceWords` words.
    @Test func aLongLineWithoutPunctuationIsCutEvery2000Words() {
        let text = String(repeating: "orosanmälan ", count: 20_000)
        let sentences = segmenter.sentences(in: text)
        #expect(sentences.count == 20_000 / Segmenter.maxSentenceWords)
        #expect(sentences.allSatisfy { $0.split(separator: " ").count == Segmenter.maxSentenceWords })
    }
}

@Suite struct SentenceCapTests {
    /// A text of 5000 words without a sentence end becomes sentences of 2000, 2000 and 1000
    /// words, cut between words, with every word in exactly one of them.
    @Test func aRunOnSentenceIsCutBetweenWords() throws {
        let text = (0..<5000).map { "ord\($0)" }.joined(separator: " ")
        let doc = Document(id: "d", source: "d", sha256: "", text: text, paragraphs: [0..<text.utf8.count])
        var cuts = 0
        let sentences = try Segmenter().sentences(doc, cuts: &cuts)
        let utf8 = Array(text.utf8)
        let pieces = sentences.map { String(decoding: utf8[$0.range], as: UTF8.self).split(separator: " ") }
        #expect(cuts == 2)
        #expect(pieces.map(\.count) == [2000, 2000, 1000])
        #expect(pieces.joined().map(String.init) == text.split(separator: " ").map(String.init))
    }
}
