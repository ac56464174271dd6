import FyndCore
import FyndSegment
import Testing
@testable import FyndRules

/// A rule's exclusions (`none`) take out what they cover, not the whole sentence.
@Suite struct ExclusionTests {
    static let rule = """
            any: [utredning, utredningen, utreda]
            none:
              - ivo:s utredning
              - polisen
        """

    static func hits(_ sentence: String) throws -> [RuleHit] {
        try ClauseTests.matcher(rule).match(try Segmenter().tokenized(sentence)).filter { !$0.negated }
    }

    @Test func anExclusionTakesOutTheMatchItCoversOnly() throws {
        // "IVO:s utredning" is excluded; a second "utredning" in the sentence stands.
        let hit = try #require(try Self.hits("Enligt IVO:s utredning fattade nämnden beslutet utan någon föregående utredning.").first)
        #expect(hit.firstWord == 9)
        #expect(try Self.hits("Enligt IVO:s utredning fattade nämnden beslutet snabbt.").isEmpty)
    }

    @Test func anExclusionThatCoversNoMatchTakesOutTheSentence() throws {
        #expect(try Self.hits("Polisen ville utreda saken själv.").isEmpty)
        #expect(try Self.hits("Polisen kontaktades, men nämnden valde att inte utreda barnets situation.").isEmpty)
    }
}
