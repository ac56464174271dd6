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

/// The byte lookups of the extractors (prefixes, word sets, role endings, deadline cues) give
/// what the same questions asked of `String`s give.
@Suite struct ByteLookupTests {
    static let sentences: [Substring] = SentenceWordsTests.sentences + [
        "Barnen placerades i familjehem och LSS-boende; tre socialsekreterare slutade före årsskiftet.",
        "Enhetschefen, som är socialchef i kommunen, ska svara inom två veckor och senast den 3 maj.",
        "Till och med den 30 juni gäller vitet, men nämnden har frist till augusti och ska agera före sommaren.",
        "En 87-årig kvinna och två ungdomar fick vänta; Ärendet gällde äldreomsorgen i Växjö.",
    ]

    @Test func prefixesAreThoseStringsStartWith() {
        let prefixes = ["tjänst", "socialsekreterar", "barn", "barn- och", "äldre", "s", "socialsekreterarna-längre"]
        let set = WordPrefixes(prefixes)
        for s in Self.sentences {
            let words = Words.split(s)
            for i in words.indices {
                let lower = String(decoding: words.lowered(i), as: UTF8.self)
                #expect(words.lowered(i, hasPrefixIn: set) == prefixes.contains { lower.hasPrefix($0) }, "\(lower)")
            }
        }
    }

    @Test func wordSetsHoldTheirWordsOnly() {
        let members: Set<String> = ["och", "i", "familjehem", "växjö", "socialchef", "ärendet"]
        let set = WordSet(members)
        for s in Self.sentences {
            let words = Words.split(s)
            for i in words.indices {
                let lower = String(decoding: words.lowered(i), as: UTF8.self)
                #expect(words.isIn(set, i) == members.contains(lower), "\(lower)")
                #expect(words.isIn(set, i, lowered: false) == members.contains(words.string(i)), "\(words.string(i))")
            }
        }
    }

    @Test func aWordIsSpeltAsItsStringIsWhateverItsLength() {
        // Told by length first: words of the same first letters, shorter, longer and equal.
        let candidates = ["och", "oc", "ochså", "i", "Ekby", "ekby", "ekbyn", "ärendet", "Ärendet", "ärende", "nämnden", "nämnd"]
        for s in Self.sentences {
            let words = Words.split(s)
            for i in words.indices {
                for c in candidates {
                    #expect(words.isSpelt(i, c) == (words.string(i) == c), "\(words.string(i)) \(c)")
                    #expect(words.isLowered(i, c) == (String(decoding: words.lowered(i), as: UTF8.self) == c), "\(words.string(i)) \(c)")
                }
            }
        }
    }

    @Test func roleWordsEndInARoleWhateverTheirFirstLetter() {
        for role in ["socialchefen", "Enhetschef", "Ordförande", "ordföranden", "Socialsekreterare", "IT-chef", "Rådet-råd"] {
            #expect(People.isRoleWord(Array(role.utf8)[...]), "\(role)")
        }
        for word in ["chefer", "kommunen", "Ordförandeskapet", "SOCIALCHEF", "Växjö", ""] {
            #expect(!People.isRoleWord(Array(word.utf8)[...]), "\(word)")
        }
    }

    @Test func rolesTakeTheirBaseFormOnBytesAndAsStrings() {
        let cases = [
            ("omsorgschefen", "omsorgschef"), ("ordföranden", "ordförande"), ("Socialchefen", "socialchef"), ("IT-chef", "IT-chef"),
            ("socialdirektören", "socialdirektör"), ("tillförordnad enhetschef", "tillförordnad enhetschef"), ("Kurator", "kurator"),
            // Not plain (a non-breaking hyphen): compared as strings.
            ("vård\u{2011}chefen", "vård\u{2011}chef"), ("Ordförandeskapen", "ordförandeskapen"),
        ]
        for (role, base) in cases { #expect(People.baseForm(role) == base, "\(role)") }
    }

    @Test func deadlineCuesAreFoundWhereTheLowerCasedWordsHoldThem() {
        let date = ["senast ", "till och med den ", "frist till ", "före den "], within = ["inom"], phrase = ["årsskiftet", "sommaren"]
        var seen = [false, false, false]
        for s in Self.sentences {
            let words = Words.split(s)
            let lower = String(decoding: words.lower, as: UTF8.self)
            let cues = Deadlines.Cues(words)
            #expect(cues.date == date.contains { lower.contains($0) }, "\(s)")
            #expect(cues.within == within.contains { lower.contains($0) }, "\(s)")
            #expect(cues.phrase == phrase.contains { lower.contains($0) }, "\(s)")
            seen = [seen[0] || cues.date, seen[1] || cues.within, seen[2] || cues.phrase]
        }
        #expect(seen == [true, true, true])
    }
}

/// The first words of a text, cut alone, are the first words of the whole cut: also where a
/// character after the last word wanted joins the space before it.
@Suite struct FirstWordsTests {
    @Test func theFirstWordsAreThoseOfTheWholeText() {
        for s in SentenceWordsTests.sentences {
            let text = Array(s.utf8)
            let all = SentenceWords(text: text, range: 0..<text.count)
            for limit in 1...8 {
                let first = SentenceWords(text: text, range: 0..<text.count, limit: limit)
                #expect(first.count == min(limit, all.count), "\(s) \(limit)")
                for i in first.indices where i < all.count {
                    #expect(first.start(i) == all.start(i) && first.end(i) == all.end(i) && first.lowered(i) == all.lowered(i), "\(s) \(limit)")
                }
            }
        }
    }
}

/// The role after a name is read from the clause a comma opens: on bytes in simple text, by
/// characters in other text, with the same words either way.
@Suite struct RoleAfterTests {
    @Test func roleAndOrganisationAfterTheName() {
        func role(_ rest: Substring) -> String? {
            People.roleAfter(rest).map { "\($0.role)|\($0.organisation ?? "-")" }
        }
        #expect(role(" (S), ordförande i socialnämnden, säger att nämnden ska svara.") == "ordförande|socialnämnden")
        #expect(role(", som är socialchef i Eslövs kommun.") == "socialchef|Eslövs kommun")
        #expect(role(", utredare på IVO.") == "utredare|IVO")
        #expect(role(",  tf. enhetschefen på IVO:s avdelning") == nil)
        #expect(role(" säger hon till tidningen.") == nil)
        #expect(role(", en av tre utredare på myndigheten.") == nil)
        // A combining accent: the clause is cut by characters and reads the same.
        #expect(role(", socialchef i Ve\u{0301}xjö kommun.") == "socialchef|Ve\u{0301}xjö kommun")
    }

    @Test func bytesAndCharactersCutTheSameClause() {
        let rests: [Substring] = [" (M), kommunalråd i Ale;", ", som var revisor på  kontoret! Sedan", ",", " (x, y", "(S) ,ordförande", " säger hon"]
        for rest in rests {
            // After a clause end, a character that is not simple: the same clause, cut by characters.
            #expect(People.clauseWords(rest) == People.clauseWords(rest + ". Ve\u{0301}xjö"), "\(rest)")
        }
        #expect(People.clauseWords(" (M), kommunalråd i Ale;") == ["kommunalråd", "i", "Ale"])
    }
}
