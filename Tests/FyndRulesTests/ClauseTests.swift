import FyndCore
import FyndSegment
import Testing
@testable import FyndRules

/// The clause scope of the rule language: parts within one clause, in any order.
@Suite struct ClauseTests {
    static func matcher(_ rule: String) throws -> Matcher {
        let category = """
            category: kritik
            rules:
              - id: k.clause
            \(rule)
            """
        let negation = "negation:\n  before: [ingen, inga]\n  clause_words: [men]\n"
        let polarity = "polarity:\n  deficit: [brister]\n"
        return Matcher(pack: try RulePack.parse(files: [("k.yaml", category), ("negation.yaml", negation), ("polarity.yaml", polarity)],
                                                segmenter: try Segmenter()))
    }

    static func fires(_ m: Matcher, _ sentence: String) throws -> Bool {
        !m.match(try Segmenter().tokenized(sentence)).filter { !$0.negated }.isEmpty
    }

    @Test func partsMatchInAnyOrderWithWordsBetweenInsideOneClause() throws {
        let m = try Self.matcher("    clause: [[riktar, riktade, riktas, riktats], [kritik, kritiken]]")
        for s in ["IVO riktar kritik mot nämnden.", "I dag riktar myndigheten hård kritik mot socialnämnden.",
                  "Kritik riktas mot hur nämnden har dokumenterat.", "JO riktade därför allvarlig kritik mot förvaltningen."] {
            #expect(try Self.fires(m, s), "\(s)")
        }
        // Another clause: a comma, a clause word.
        for s in ["IVO riktar in sig på barnen, och kritik har framförts av andra.", "Nämnden riktar sina resurser mot barnen men kritik saknas inte."] {
            #expect(try !Self.fires(m, s), "\(s)")
        }
    }

    @Test func withinBoundsTheWholeMatch() throws {
        let m = try Self.matcher("    clause: {parts: [[riktar], [kritik]], within: 4}")
        #expect(try Self.fires(m, "IVO riktar hård kritik mot nämnden."))
        #expect(try !Self.fires(m, "IVO riktar sina insatser mot de barn som redan har fått kritik."))
    }

    @Test func aPartCanBeAGroupAndTheMatchSpansEveryPart() throws {
        let m = try Self.matcher("""
                clause:
                  - [ska, måste]
                  - [redovisa*, svara]
                  - near: {terms: [senast], with: [maj, juni, oktober], within: 3}
            """)
        let sentence = try Segmenter().tokenized("Senast den 30 oktober ska nämnden redovisa vilka åtgärder som vidtagits.")
        let hit = try #require(m.match(sentence).first)
        #expect(hit.firstWord == 0 && hit.lastWord == 6)
        #expect(try Self.fires(m, "Nämnden måste svara IVO senast den 1 juni."))
        #expect(try !Self.fires(m, "Nämnden ska redovisa sina åtgärder."))
    }

    @Test func eachPartNeedsWordsOfItsOwn() throws {
        let m = try Self.matcher("    clause: [[rapporten], [ska, kommer], [presenteras, komma, kommer]]")
        #expect(try Self.fires(m, "Rapporten kommer att komma i maj."))
        #expect(try !Self.fires(m, "Vi tar rapporten på allvar och kommer att svara i maj."))
    }

    @Test func aClauseOfOnePartOrAnEmptyBoundIsRefused() throws {
        #expect(throws: RulePackError.self) { try Self.matcher("    clause: [[riktar]]") }
        #expect(throws: RulePackError.self) { try Self.matcher("    clause: {parts: [[riktar], [kritik]], within: 0}") }
    }

    @Test func aPolarityCueJudgesItsOwnClauseAndAClauseThatItJudgesAcrossAComma() throws {
        let m = try Self.matcher("    any: [familjehem*]")
        func judged(_ sentence: String) throws -> Polarity? { m.match(try Segmenter().tokenized(sentence)).first?.polarity }
        #expect(try judged("Familjehemmen har brister i handledningen.") == .deficit)
        #expect(try judged("Kommunen hade brister i lokalerna, och familjehemmen ska nu få handledning.") == .mention)
        #expect(try judged("Familjehemmen fick handledning först efter ett år, vilket tillsynen räknar som brister.") == .deficit)
        #expect(try judged("Nämnden har brister i sitt arbete, bland annat för att familjehemmen inte följs upp.") == .deficit)
        #expect(try judged("Tillsynen visar brister i rutinerna, för att familjehemmen saknar handledning.") == .deficit)
    }
}

/// Coordinated compounds: a first part with a hyphen shares the ending of the word after the conjunction.
@Suite struct CoordinatedCompoundTests {
    static func matcher() throws -> Matcher {
        let category = """
            category: handlaggning
            rules:
              - id: h.rutiner
                near: {terms: [handläggning*, utredning*], with: ["*rutiner", "*brister"], within: 1}
            """
        let negation = "negation:\n  before: [inga]\n"
        let polarity = "polarity:\n  deficit: [\"*brist*\"]\n"
        return Matcher(pack: try RulePack.parse(files: [("h.yaml", category), ("negation.yaml", negation), ("polarity.yaml", polarity)],
                                                segmenter: try Segmenter()))
    }

    static func hits(_ m: Matcher, _ sentence: String) throws -> [RuleHit] { m.match(try Segmenter().tokenized(sentence)) }

    @Test func theFirstPartTakesTheSharedEnding() throws {
        let m = try Self.matcher()
        let shared = try Self.hits(m, "Nämnden saknar handläggnings- och dokumentationsrutiner.")
        #expect(shared.first?.firstWord == 2 && shared.first?.lastWord == 2)
        #expect(try Self.hits(m, "Nämnden saknar handläggning och dokumentationsrutiner.").isEmpty)
        // A list: each hyphenated part takes the ending, and the deficit in it.
        let list = try Self.hits(m, "IVO fann utrednings-, handläggnings- och dokumentationsbrister.")
        #expect(list.map(\.firstWord) == [2] && list.first?.polarity == .deficit)
    }

    @Test func aHyphenThatJoinsNoListAddsNothing() throws {
        let m = try Self.matcher()
        #expect(try Self.hits(m, "Handläggnings-tiden och rutinerna är nya.").isEmpty)
        #expect(Matcher.sharedEndings(try Segmenter().tokenized("Barn- och ungdomsvården granskas.")).map(\.word) == [0])
        #expect(Matcher.sharedEndings(try Segmenter().tokenized("IVO-beslut och rutiner.")).isEmpty)
    }
}
