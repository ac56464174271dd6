import FyndCore
import FyndSegment
import Testing
@testable import FyndRules

/// The matcher's scratch memory is reset by what the last sentence touched: a sentence matched
/// after others gives the hits it gives alone; and resolving the hits of many copies of a rule
/// keeps and drops each copy as it keeps and drops the rule.
@Suite struct MatchScratchTests {
    /// Sentences that exercise terms, near and clause scopes, negation, polarity, shared
    /// endings and `replaces` in the shipped pack.
    static let sentences = [
        "IVO riktar kritik mot socialnämnden i Exempelby kommun för bristande dokumentation.",
        "Nämnden har inte gjort någon förhandsbedömning inom 14 dagar efter orosanmälan.",
        "Inspektionen konstaterar att handläggnings- och dokumentationsrutinerna är bristfälliga.",
        "IVO:s granskning visar inga brister i utredningen av barnets behov.",
        "JO kritiserar nämnden, som inte har samtalat med barnet, för den långa handläggningstiden.",
        "Socialtjänsten har förbättrat sin egenkontroll och rutinerna för familjehemsplaceringar.",
        "Kommunen slipper vite.",
        "Det regnade hela dagen i går.",
        "Barn- och ungdomsnämnden har brustit i sin uppföljning av placerade barn enligt LVU.",
        "Revisorerna bedömer att nämnden inte har säkerställt en tillräcklig intern kontroll.",
    ]

    @Test func aSentenceMatchedAfterOthersGivesItsOwnHits() throws {
        let matcher = try RulePackTests.matcher()
        let segmenter = try Segmenter()
        let alone = Self.sentences.map { matcher.match(segmenter.tokenized($0)) }
        #expect(alone.contains { !$0.isEmpty } && alone.contains { $0.isEmpty })
        var scratch = MatchScratch(matcher: matcher)
        for order in [Array(Self.sentences.indices), Self.sentences.indices.reversed(), Self.sentences.indices.map { $0 * 3 % Self.sentences.count }] {
            for i in order {
                let hits = matcher.match(segmenter.tokenized(Self.sentences[i]), scratch: &scratch)
                #expect(hits == alone[i], "\(Self.sentences[i])")
            }
        }
    }

    /// Readiness is stamped with the sentence's number in 32 bits: when the numbers run out, the
    /// stamps start again without a stale one counting.
    @Test func sentenceNumbersThatRunOutStartAgain() throws {
        let matcher = try RulePackTests.matcher()
        let segmenter = try Segmenter()
        let alone = Self.sentences.map { matcher.match(segmenter.tokenized($0)) }
        var scratch = MatchScratch(matcher: matcher, firstSentence: .max - 4)
        for _ in 0..<2 {
            for (i, s) in Self.sentences.enumerated() {
                #expect(matcher.match(segmenter.tokenized(s), scratch: &scratch) == alone[i], "\(s)")
            }
        }
    }

    /// A candidate rule, or a part of a `none`, whose condition cannot hold in the sentence
    /// (`mayHold`) is skipped without a walk: the walk finds nothing for it. Where it may hold, the walk that stops
    /// early (`earliest`) finds the span that listing every occurrence (`occurrences`) puts first.
    @Test func theCheckBeforeTheWalkAgreesWithTheWalk() throws {
        let matcher = try RulePackTests.matcher()
        let segmenter = try Segmenter()
        var scratch = MatchScratch(matcher: matcher)
        var skipped = 0, walked = 0
        for s in Self.sentences {
            guard !matcher.match(segmenter.tokenized(s), scratch: &scratch).isEmpty else { continue }
            for root in Set(matcher.tables.tree.roots) {
                let found = matcher.earliest(root, &scratch)
                let listed = matcher.occurrences(root, &scratch)
                #expect(found == scratch.earliest(in: listed), "\(s)")
                if matcher.mayHold(root, &scratch) {
                    walked += 1
                } else {
                    skipped += 1
                    #expect(found == nil, "\(s)")
                }
            }
            // So for every part (those of a `none` are read so before their walk).
            for n in matcher.tables.tree.nodes.indices.map(Int32.init) where !matcher.mayHold(n, &scratch) {
                #expect(!matcher.holdsSomewhere(n, &scratch), "\(s)")
            }
        }
        #expect(skipped > walked && walked > 0)
    }

    @Test func copiesOfRulesAreResolvedAsTheRulesAre() throws {
        func pack(copies: Int) -> String {
            var rules = ""
            for k in 0..<copies {
                rules += """
                      - id: d.brister\(k)
                        priority: 2
                        replaces: [d.omnamnd\(k)]
                        all: [dokumentation*, brist*]
                      - id: d.omnamnd\(k)
                        any: [dokumentation*]
                      - id: d.journal\(k)
                        priority: 1
                        any: [journalen]

                    """
            }
            return "category: dokumentation\nrules:\n" + rules
        }
        let segmenter = try Segmenter()
        let polarity = "polarity:\n  deficit: [brister, bristfällig]\n", negation = "negation:\n  before: [inga, ingen]\n"
        func matcher(_ copies: Int) throws -> Matcher {
            Matcher(pack: try RulePack.parse(files: [("d.yaml", pack(copies: copies)), ("negation.yaml", negation), ("polarity.yaml", polarity)], segmenter: segmenter))
        }
        let one = try matcher(1), ten = try matcher(10)
        for s in ["Dokumentationen i journalen har brister.", "Dokumentationen fördes i journalen.", "Journalen saknades."] {
            let sentence = segmenter.tokenized(s)
            let kept = one.match(sentence).map { one.rules[$0.rule].id }
            #expect(!kept.isEmpty, "\(s)")
            // Each copy is kept where its rule is, and dropped where its rule is.
            let copies = ten.match(sentence).map { ten.rules[$0.rule].id }
            #expect(Set(copies) == Set((0..<10).flatMap { k in kept.map { $0.dropLast() + "\(k)" } }), "\(s)")
        }
    }

    /// An `any` is read only up to the last part that may hold: the parts counted as possible are
    /// those whose words occurred, each time listed, and the match is the earliest of them, the
    /// first listed of equals, wherever they stand in the list.
    @Test func anAnyReadsItsPossiblePartsOnly() throws {
        let segmenter = try Segmenter()
        let rules = """
            category: dokumentation
            rules:
              - id: d.lista
                any: [alfa, beta, gamma, beta, delta epsilon, delta]
              - id: d.nara
                near:
                  terms: [alfa, gamma, delta]
                  with: [beta]
                  within: 3

            """
        let polarity = "polarity:\n  deficit: [brister]\n", negation = "negation:\n  before: [inga]\n"
        let matcher = Matcher(pack: try RulePack.parse(files: [("d.yaml", rules), ("negation.yaml", negation), ("polarity.yaml", polarity)],
                                                       segmenter: segmenter))
        var scratch = MatchScratch(matcher: matcher)
        func words(_ s: String) -> [String] {
            matcher.match(segmenter.tokenized(s), scratch: &scratch, resolve: false).filter { matcher.rules[$0.rule].id == "d.lista" }
                .map { "\($0.firstWord)-\($0.lastWord)" }
        }
        let root = matcher.tables.tree.roots[0]
        #expect(words("Här står delta epsilon och sedan beta.") == ["2-3"])
        // beta twice in the list, "delta epsilon" and "delta".
        #expect(scratch.possibleParts(root) == 4)
        #expect(words("Här står beta före gamma.") == ["2-2"])
        #expect(scratch.possibleParts(root) == 3)
        #expect(words("Bara delta.") == ["1-1"])
        #expect(scratch.possibleParts(root) == 1)
        #expect(words("Inget av orden.").isEmpty)
        #expect(scratch.possibleParts(root) == 0)
        let near = matcher.match(segmenter.tokenized("Först beta och sedan delta här."), scratch: &scratch, resolve: false)
        #expect(near.map { matcher.rules[$0.rule].id }.contains("d.nara"))
    }
}

@Suite struct RuleHitLayoutTests {
    /// A hit keeps its numbers in 32 bits: 24 bytes a hit (48 with `Int`s), and the computed
    /// fields read back what was set.
    @Test func aHitTakesTwentyFourBytesAndKeepsItsFields() {
        #expect(MemoryLayout<RuleHit>.stride <= 24)
        var h = RuleHit(rule: 1_234, firstWord: 3, lastWord: 9, range: 40_000_000..<40_000_120, negated: true, polarity: .deficit)
        #expect(h.rule == 1_234 && h.firstWord == 3 && h.lastWord == 9 && h.range == 40_000_000..<40_000_120 && h.negated && h.polarity == .deficit)
        h.rule = 7
        h.firstWord = 0
        h.lastWord = 511
        h.range = 52_000_000..<52_428_800
        #expect(h.rule == 7 && h.firstWord == 0 && h.lastWord == 511 && h.range == 52_000_000..<52_428_800)
    }
}
