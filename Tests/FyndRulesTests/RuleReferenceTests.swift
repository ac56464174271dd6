import FyndCore
import Foundation
import FyndSegment
import Testing
@testable import FyndRules

/// `rule: <id>` in a condition: another rule's condition in place, so that a review's object is
/// read by the words of the social services' own rule, not by a second copy of them.
@Suite struct RuleReferenceTests {
    static let parties = """
        field: relevance
        rules:
          - id: r.tjanst
            value: socialtjanst
            any: [socialnämnd*, hemtjänst*, {all: ["*nämnden", {none: [överförmyndarnämnd*]}]}]
        """
    static let settings = [("negation.yaml", "negation:\n  before: [ingen, inga]\n"), ("polarity.yaml", "polarity:\n  deficit: [brister]\n")]

    static func pack(_ acts: String) throws -> RulePack {
        // "a.yaml" sorts before "p.yaml": the rule named is read after the one naming it.
        try RulePack.parse(files: [("a.yaml", acts), ("p.yaml", parties)] + settings, segmenter: try Segmenter())
    }

    static func fires(_ pack: RulePack, _ id: String, _ sentence: String) throws -> Bool {
        let m = Matcher(pack: pack)
        let hits = m.match(try Segmenter().tokenized(sentence)).filter { !$0.negated }
        return hits.contains { m.rules[$0.rule].id == id }
    }

    static let act = """
        field: relevance
        rules:
          - id: r.granskning
            value: fall
            clause: [[jo, ivo], [valt, beslutat], [granska], {rule: r.tjanst}]
        """

    @Test func aClausePartReadsTheNamedRulesCondition() throws {
        let pack = try Self.pack(Self.act)
        let rule = try #require(pack.rules.first { $0.id == "r.granskning" })
        let named = try #require(pack.rules.first { $0.id == "r.tjanst" })
        guard case .clause(let parts, _) = rule.condition else { Issue.record("not a clause"); return }
        #expect(parts.last == named.condition)
        #expect(try Self.fires(pack, "r.granskning", "JO har valt att granska två socialnämnder i Åsby."))
        #expect(try Self.fires(pack, "r.granskning", "IVO har beslutat att granska vård- och omsorgsnämnden."))
        // The named rule's exclusions hold too: no social services in a guardianship board.
        #expect(try !Self.fires(pack, "r.granskning", "JO har beslutat att granska överförmyndarnämnden."))
        #expect(try !Self.fires(pack, "r.granskning", "JO har valt att granska tingsrätten."))
    }

    @Test func aNameOfNoRuleOrOfARuleThatNamesOneIsAnError() throws {
        #expect(throws: RulePackError.self) { try Self.pack(Self.act.replacingOccurrences(of: "r.tjanst", with: "r.saknas")) }
        let chained = Self.act + """

              - id: r.kedja
                value: fall
                clause: [[inleder], {rule: r.granskning}]
            """
        #expect(throws: RulePackError.self) { try Self.pack(chained) }
    }
}
