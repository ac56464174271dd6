import FyndSegment
import Testing
@testable import FyndRules

/// Who owns an act (`AgentSettings` board, act, opens, relative, possessive, subordinate): an inquiry the
/// supervisor opens or conducts is no finding about the board, whatever judges it; the board's
/// own stays one.
@Suite struct ActorTests {
    static func matcher() throws -> Matcher {
        let category = """
            category: utredning
            rules:
              - id: u.term
                any: [utredning, utredningen, utreda, utredde, utrett]
              - id: u.topic
                any: [handläggningen]
            """
        let agents = """
            agents:
              supervisor: [ivo, jo, jag, vi]
              process: [läst]
              owner: [ivo:s]
              board: [nämnden, socialtjänsten, man, vi]
              act: [utreda, utredde, utrett]
              opens: [inledde, startade]
              relative: [som]
              possessive: [deras, sin]
              subordinate: [att]
            """
        let negation = "negation:\n  before: [inga]\n"
        let polarity = "polarity:\n  deficit: [brister]\n"
        return Matcher(pack: try RulePack.parse(files: [("u.yaml", category), ("agents.yaml", agents), ("negation.yaml", negation),
                                                        ("polarity.yaml", polarity)], segmenter: try Segmenter()))
    }

    static func fires(_ m: Matcher, _ sentence: String) throws -> Bool {
        !m.match(try Segmenter().tokenized(sentence)).filter { !$0.negated }.isEmpty
    }

    @Test func theSupervisorsOwnInquiryIsNoFinding() throws {
        let m = try Self.matcher()
        for s in ["Familjen vände sig till JO, som startade en utredning.",               // relative "som" after the supervisor
                  "Nämnden svarade IVO flera gånger under deras utredning.",              // possessive back to the supervisor
                  "I våras inledde IVO en utredning om bristerna.",                       // the subject after the verb, a deficit cue beside
                  "Jag beslutade att utreda saken."] {                                    // the agent's infinitive after "att"
            #expect(try !Self.fires(m, s), "\(s)")
        }
    }

    @Test func theBoardsInquiryStaysAFinding() throws {
        let m = try Self.matcher()
        for s in ["IVO anser att nämnden borde ha utrett saken.",                         // another subject after "att"
                  "JO konstaterar att man aldrig utredde frågan.",
                  "IVO skriver att socialtjänsten i sin utredning missade mycket.",       // the possessive points to the board
                  "Efter IVO:s beslut inledde nämnden en utredning.",                     // a genitive owns, it does not act
                  "Vi inleder nu en utredning av familjen.",                              // "vi" is also a party: not the supervisor's
                  "IVO inledde i höstas en tillsyn av handläggningen.",                   // further on than the act's object: the topic
                  "Jag beslutade att utreda handläggningen."] {                           // what the act is about
            #expect(try Self.fires(m, s), "\(s)")
        }
    }
}
