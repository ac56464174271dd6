import Testing
@testable import FyndExtract

/// Words are cut on bytes where that is exact; these sentences check it against cutting by
/// characters, also where characters join a space (a combining accent after it) or stand
/// outside the bytes the fast path knows.
@Suite struct WordsTests {
    static let sentences: [Substring] = [
        "IVO riktar kritik mot socialnämnden i Österåkers kommun.",
        "– Vi tar kritiken på allvar, säger Erica Sundberg, tf. socialdirektör.",
        "Nämnden ska senast den 1 september 2024 redovisa åtgärderna (se ”Beslut” nedan)…",
        "Två  mellanslag, en\u{00A0}hård blanksteg och ett \u{00AD}mjukt bindestreck.",
        "Ett mellanslag med accent \u{0301}efter, och emoji 👩‍👧 i texten.",
        "Socialförvaltningen i Upplands-Bro: 3,5 årsarbetare och 500 000 kronor.",
        " Börjar och slutar med mellanslag ",
        "",
    ]

    @Test func piecesAreThoseOfSplittingByCharacters() {
        for s in Self.sentences {
            #expect(Words.pieces(s) == s.split(separator: " ", omittingEmptySubsequences: false), "\(s)")
        }
    }

    @Test func wordsKeepTheirSpellingAndOffsets() {
        let words = Words.split("– Vi tar kritiken, säger Erica Sundberg (S), individ- och omsorgschef.")
        #expect(words.map(\.text) == ["Vi", "tar", "kritiken", "säger", "Erica", "Sundberg", "S", "individ-", "och", "omsorgschef"])
        let text = "– Vi tar kritiken, säger Erica Sundberg (S), individ- och omsorgschef."
        for w in words {
            #expect(String(decoding: Array(text.utf8)[w.offset..<(w.offset + w.text.utf8.count)], as: UTF8.self) == String(w.text))
        }
    }
}

/// Cutting on bytes gives the words that cutting by characters gives, lower-cased as
/// `lowercased()` does, for Swedish text and for text with other characters.
@Suite struct SentenceWordsTests {
    static let sentences: [Substring] = WordsTests.sentences + [
        "Överförmyndarnämnden i Ängelholm och Åre: ÅTTA ärenden, 1 250 000 kr (3,5 %).",
        "»Individ- och familjeomsorgen« – IFO:s chef – säger: ”Vi följer upp.”",
        "Mötet 12–14 juni; 2:a våningen, ª och º, 5² m², ½ dag.",
        "Москва и Αθήνα nämns, liksom Łódź och İstanbul.",
        "Rad ett\r\nrad två -- och -slut-",
        "'Citat' (inom parentes) [1] {x} «y» …",
    ]

    @Test func bytesAndCharactersGiveTheSameWords() {
        for s in Self.sentences {
            let words = SentenceWords(s)
            #expect(words.spans.map(\.range) == Words.byCharacters(s), "\(s)")
            for i in words.indices {
                #expect(String(decoding: words.lowered(i), as: UTF8.self) == words.string(i).lowercased(), "\(words.string(i))")
            }
        }
    }

    @Test func wordsOfADocumentAreRangesOfItsBytes() {
        let text = Array("Rubrik\nIVO kritiserar Ale kommun. Nämnden ska svara.".utf8)
        let start = text.firstIndex(of: UInt8(ascii: "I"))!
        let words = SentenceWords(text: text, range: start..<(text.firstIndex(of: UInt8(ascii: "."))! + 1))
        #expect(words.indices.map(words.string) == ["IVO", "kritiserar", "Ale", "kommun"])
        #expect(words.start(0) == start && words.offset(0) == 0)
        #expect(words.isIn(MunicipalityFinder.municipalAfter, 3) && !words.isIn(MunicipalityFinder.municipalAfter, 2))
        #expect(String(decoding: words.capitalised(0), as: UTF8.self) == "Ivo")
        #expect(String(decoding: words.capitalised(1), as: UTF8.self) == "kritiserar")
    }
}
