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
