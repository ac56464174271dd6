import Foundation
import FyndCore
import FyndSegment
import Testing
@testable import FyndRules

/// The relevance decision: passages as evidence, features, the fitted model and its upper bound.
@Suite struct RelevanceTests {
    /// A small pack: a supervisor, the social services, a judgement, and health care against a case.
    static let relevanceFile = """
        field: relevance
        evidence: [tillsyn, socialtjanst, fall]
        against: [health_care]
        rules:
          - id: r.ivo
            value: tillsyn
            any: [ivo, länsstyrelsen]
          - id: r.soc
            value: socialtjanst
            any: [socialnämnd*, socialtjänst*]
          - id: r.fall
            value: fall
            any: [riktar kritik, brister i]
          - id: r.vard
            value: health_care
            any: [vårdcentral*]
        """
    static let settings = """
        negation:
          before: [inga]
        """
    static let polarity = """
        polarity:
          deficit: [brister]
        """

    static func pack(model: String) throws -> RulePack {
        try RulePack.parse(files: [("relevance.yaml", relevanceFile), ("negation.yaml", settings), ("polarity.yaml", polarity),
                                   ("relevance-model.yaml", model)], segmenter: try Segmenter())
    }

    /// Weights that reward a case told in one passage and little else.
    static let passageModel = """
        relevance_model:
          bias: -2
          weights: {tillsyn: 0.3, socialtjanst: 0.3, fall: 0.3, passage.all: 1.5, health_care: -3}
        """

    static func hits(_ pack: RulePack, _ sentences: [String]) throws -> [[RuleHit]] {
        let m = Matcher(pack: pack), s = try Segmenter()
        return sentences.map { m.match(s.tokenized($0)) }
    }

    @Test func aCaseToldInOnePassageIsRelevantAndTheSameWordsFarApartAreNot() throws {
        let pack = try Self.pack(model: Self.passageModel)
        let together = try Self.hits(pack, [
            "Vädret var fint i helgen.", "Många badade.", "Det blev trångt på stranden.",
            "Länsstyrelsen har granskat socialnämnden i Kil.", "Myndigheten riktar kritik mot hur barnen följs upp.",
        ])
        let decision = pack.decision.decide(hits: together, headline: nil)
        #expect(decision.relevant)
        #expect(decision.passages == [3..<5])
        let apart = try Self.hits(pack, [
            "Vädret var fint i helgen.", "IVO är en myndighet.", "Många badade.", "Det blev trångt på stranden.",
            "Socialnämnden har ny ordförande.", "Glassen tog slut.", "Kommunen har brister i skötseln av parkerna.",
        ])
        let d2 = pack.decision.decide(hits: apart, headline: nil)
        #expect(!d2.relevant && d2.passages.isEmpty)
        let names = pack.decision.features.map(\.name)
        #expect(d2.values[names.firstIndex(of: "tillsyn")!] == 1 && d2.values[names.firstIndex(of: "passage.all")!] == 0)
    }

    @Test func aLineOfOneWordDoesNotPartAPassage() throws {
        let pack = try Self.pack(model: Self.passageModel)
        let sentences = ["Vädret var fint i helgen.", "Många badade.", "Det blev trångt på stranden.",
                         "Socialnämnden i Kil har anmält sig själv till IVO.", "Arkivbild.", "Myndigheten riktar kritik mot hur barnen följs upp."]
        let hits = try Self.hits(pack, sentences)
        let oneWord = sentences.map { !$0.contains(" ") }
        #expect(!pack.decision.decide(hits: hits, headline: nil).relevant)
        let d = pack.decision.decide(hits: hits, headline: nil, oneWord: oneWord)
        #expect(d.relevant && d.passages == [3..<6])
        #expect(pack.decision.isRelevant(hits: hits, headline: nil, oneWord: oneWord))
        // A word that gives a signal stays a unit of its own.
        let named = try Self.hits(pack, ["Vädret var fint.", "Många badade.", "Det blev trångt.", "Socialnämnden i Kil har bytt chef.", "IVO.", "Myndigheten riktar kritik mot hur barnen följs upp."])
        #expect(pack.decision.decide(hits: named, headline: nil, oneWord: [false, false, false, false, true, false]).passages.isEmpty)
    }

    @Test func theHeadlineAndTheLeadAreOnePassage() throws {
        let pack = try Self.pack(model: Self.passageModel)
        let m = Matcher(pack: pack)
        let headline = m.match(try Segmenter().tokenized("IVO granskar socialtjänsten"))
        let body = try Self.hits(pack, ["Det gäller tre familjer.", "Myndigheten riktar kritik mot handläggningen."])
        let d = pack.decision.decide(hits: body, headline: headline)
        #expect(d.relevant && d.passages.first == 0..<2)
        #expect(!pack.decision.decide(hits: body, headline: nil).relevant)
    }

    @Test func aSignalAgainstACaseTakesRelevanceAway() throws {
        let pack = try Self.pack(model: Self.passageModel)
        let text = ["IVO riktar kritik mot socialtjänsten.", "Det gäller en vårdcentral i Kil."]
        #expect(pack.decision.decide(hits: try Self.hits(pack, [text[0]]), headline: nil).relevant)
        #expect(!pack.decision.decide(hits: try Self.hits(pack, text), headline: nil).relevant)
    }

    @Test func theUpperBoundNeverRulesOutWhatCanBeRelevant() throws {
        let pack = try Self.pack(model: Self.passageModel)
        let rule = { (id: String) in pack.rules.firstIndex { $0.id == id }! }
        #expect(pack.decision.couldBeRelevant(rules: ["r.ivo", "r.soc", "r.fall"].map(rule), headline: nil))
        // Without the judgement, passage.all cannot hold: 0.6 + bias stays below 0.
        #expect(!pack.decision.couldBeRelevant(rules: ["r.ivo", "r.soc"].map(rule), headline: nil))
        // Every subset of the rules: when the bound says no, no sentences firing those rules make it relevant.
        let sentences = ["IVO granskar.", "Socialnämnden svarar.", "Det finns brister i rutinerna.", "Vårdcentralen stängs."]
        let all = try Self.hits(pack, sentences)
        for mask in 0..<(1 << sentences.count) {
            let chosen = all.enumerated().map { mask & 1 << $0.offset != 0 ? $0.element : [] }
            if pack.decision.decide(hits: chosen, headline: nil).relevant {
                #expect(pack.decision.couldBeRelevant(rules: chosen.joined().map(\.rule), headline: nil))
            }
        }
    }

    /// `background:` a signal in one unit only is set aside where a passage states the case, or
    /// where its own passage holds two evidence signals (told beside the case); not elsewhere, and
    /// not when a second unit holds it.
    @Test func aLoneBackgroundSignalBesideTheCaseIsSetAside() {
        // Bits: tillsyn 1, socialtjanst 2, fall 4; the background signal 8.
        let (s, t, f, g): (UInt64, UInt64, UInt64, UInt64) = (2, 1, 4, 8)
        func aside(_ sentences: [UInt64]) -> [UInt64] {
            Relevance.Evidence(sentences: sentences, headline: 0).settingAsideBackground(g, evidence: 7).sentences
        }
        // No passage holds all three; the background unit's passage holds the supervisor and a judgement.
        #expect(aside([0, 0, 0, s, 0, t | f, g, 0]) == [0, 0, 0, s, 0, t | f, 0, 0])
        // Its passages hold one evidence signal: it stays.
        #expect(aside([0, 0, 0, s, 0, t | f, 0, g, 0]) == [0, 0, 0, s, 0, t | f, 0, g, 0])
        // Named in two units: it stays, beside the case or not.
        #expect(aside([0, 0, 0, s, 0, t | f, g, g]) == [0, 0, 0, s, 0, t | f, g, g])
        // A passage that holds every evidence signal sets it aside wherever it stands.
        #expect(aside([t | s | f, 0, 0, 0, 0, g]) == [t | s | f, 0, 0, 0, 0, 0])
    }

    /// `deficit_signal`: a finding judged a deficit is the case's judgement where the sentence
    /// names the supervisor or the social services, and nowhere else.
    @Test func aDeficitFindingBesideTheSocialServicesIsTheCasesJudgement() throws {
        let category = """
            category: orosanmalan
            rules:
              - id: o.term
                any: [orosanmälningar]
            """
        func pack(deficitSignal: Bool) throws -> RulePack {
            let relevance = Self.relevanceFile.replacingOccurrences(of: "against: [health_care]\n",
                                                                    with: "against: [health_care]\n" + (deficitSignal ? "deficit_signal: fall\n" : ""))
            let polarity = "polarity:\n  deficit: [för lång]\n"
            return try RulePack.parse(files: [("relevance.yaml", relevance), ("negation.yaml", Self.settings), ("polarity.yaml", polarity),
                                              ("orosanmalan.yaml", category), ("relevance-model.yaml", Self.passageModel)], segmenter: try Segmenter())
        }
        let told = ["IVO har granskat Kils kommun.", "Socialnämnden tar för lång tid på sig att utreda orosanmälningar."]
        let on = try pack(deficitSignal: true), off = try pack(deficitSignal: false)
        #expect(on.decision.decide(hits: try Self.hits(on, told), headline: nil).relevant)
        #expect(!off.decision.decide(hits: try Self.hits(off, told), headline: nil).relevant)
        // Without the social services in its sentence the deficit judges nothing here.
        let bare = ["IVO har granskat Kils kommun.", "Det tar för lång tid att utreda orosanmälningar."]
        #expect(!on.decision.decide(hits: try Self.hits(on, bare), headline: nil).relevant)
        // A finding merely named is no judgement.
        let named = ["IVO har granskat Kils kommun.", "Socialnämnden tog emot fler orosanmälningar i år."]
        #expect(!on.decision.decide(hits: try Self.hits(on, named), headline: nil).relevant)
        // The upper bound knows that a deficit may be found beside the social services.
        let rule = { (id: String) in on.rules.firstIndex { $0.id == id }! }
        #expect(on.decision.couldBeRelevant(rules: ["r.ivo", "r.soc"].map(rule), headline: nil))
        #expect(!off.decision.couldBeRelevant(rules: ["r.ivo", "r.soc"].map(rule), headline: nil))
    }

    /// The relevance rules may fill several files; one holds the settings, and a second one
    /// with settings is refused.
    @Test func relevanceRulesMaySpreadOverFilesWithTheSettingsInOne() throws {
        let more = "field: relevance\nrules:\n  - id: r.jo\n    value: tillsyn\n    any: [jo]\n"
        let files = [("relevance/a.yaml", Self.relevanceFile), ("relevance/b.yaml", more), ("negation.yaml", Self.settings),
                     ("polarity.yaml", Self.polarity), ("relevance-model.yaml", Self.passageModel)]
        let pack = try RulePack.parse(files: files, segmenter: try Segmenter())
        #expect(pack.relevance.evidence == ["tillsyn", "socialtjanst", "fall"])
        let told = try Self.hits(pack, ["JO riktar kritik mot socialnämnden i Kil."])
        #expect(pack.decision.decide(hits: told, headline: nil).relevant)
        #expect(throws: RulePackError.self) {
            try RulePack.parse(files: files + [("relevance/c.yaml", Self.relevanceFile.replacingOccurrences(of: "r.", with: "c."))],
                               segmenter: try Segmenter())
        }
    }

    @Test func aDeficitSignalThatIsNoEvidenceSignalIsRefused() throws {
        let relevance = Self.relevanceFile.replacingOccurrences(of: "against: [health_care]\n", with: "against: [health_care]\ndeficit_signal: health_care\n")
        #expect(throws: RulePackError.self) {
            try RulePack.parse(files: [("relevance.yaml", relevance), ("negation.yaml", Self.settings), ("polarity.yaml", Self.polarity),
                                       ("relevance-model.yaml", Self.passageModel)], segmenter: try Segmenter())
        }
    }

    @Test func aModelThatWeighsAFeatureAgainstACaseUpOrNamesNoFeatureIsRefused() throws {
        let bad = """
            relevance_model:
              bias: -1
              weights: {health_care: 0.5, passage.everything: 1}
            """
        do {
            _ = try Self.pack(model: bad)
            Issue.record("the pack was accepted")
        } catch let error as RulePackError {
            let messages = error.diagnostics.map(\.message).joined(separator: "\n")
            #expect(messages.contains("'health_care' measures a signal against a case"))
            #expect(messages.contains("'passage.everything', which is no feature"))
            #expect(error.diagnostics.allSatisfy { $0.file == "relevance-model.yaml" })
        }
    }
}
