import FyndCore
import FyndPipeline
import FyndSegment
import Foundation
import Testing
@testable import FyndRules

/// Loads the rule pack from the repository's rules/ and runs what it promises.
@Suite struct RulePackTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rulesDir = root.appendingPathComponent("rules").path

    static func matcher(_ dir: String = rulesDir) throws -> Matcher {
        Matcher(pack: try RulePackLoader.load(directory: dir, segmenter: try Segmenter()).0)
    }

    @Test func everyExampleOfEveryRuleFileHolds() throws {
        let m = try Self.matcher()
        var runner = ExampleRunner(matcher: m, segmenter: try Segmenter())
        let (checked, failures) = runner.run()
        for f in failures { Issue.record("\(f)") }
        #expect(checked > 1000)
    }

    @Test func everyCategoryOfTheTaxonomyHasAtLeast15MatchAnd10NoMatchExamples() throws {
        let m = try Self.matcher()
        let taxonomy = ["orosanmalan", "forhandsbedomning", "barnperspektiv", "dokumentation", "utredning", "placering", "familjehem",
                        "vald", "personal", "handlaggning", "egenkontroll", "kompetens", "lvu", "lss"]
        for c in taxonomy {
            let rules = m.rules.filter { $0.target == .category(c) }
            #expect(rules.reduce(0) { $0 + $1.matchExamples.count } >= 15, "\(c)")
            #expect(rules.reduce(0) { $0 + $1.noMatchExamples.count } >= 10, "\(c)")
        }
        for (field, values) in [("outcome", ["avslutat", "kritik", "forelaggande", "vite", "pagaende", "redovisning"]),
                                ("area", ["barn_unga", "vuxen", "lss", "aldre"]),
                                ("tillsynstyp", ["klagomal", "egeninitierad", "lex_sarah", "anmalan"])] {
            for v in values { #expect(m.rules.contains { $0.target == .attribute(field: field, value: v) }, "\(field)=\(v)") }
        }
    }

    @Test func theEmbeddedPackIsTheRulesDirectory() throws {
        let fromDisk = try RulePackLoader.load(directory: Self.rulesDir, segmenter: try Segmenter()).0
        let embedded = try RulePackLoader.load(directory: nil, segmenter: try Segmenter()).0
        // If this fails after adding a rule file, run `touch Package.swift` so that SwiftPM embeds it.
        #expect(embedded.files == fromDisk.files)
        #expect(embedded.version == fromDisk.version)
    }

    @Test func malformedRuleFilesReportEveryProblemWithLineAndColumn() throws {
        let dir = Self.root.appendingPathComponent("Tests/FyndRulesTests/Fixtures/malformed").path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted().map {
            (name: $0, text: try String(contentsOfFile: dir + "/" + $0, encoding: .utf8))
        }
        let segmenter = try Segmenter()
        do {
            _ = try RulePack.parse(files: files, segmenter: segmenter)
            Issue.record("a malformed pack was accepted")
        } catch let error as RulePackError {
            let lines = error.diagnostics.map(\.description)
            let expected = [
                "bad-keys.yaml:5:5: unknown key 'polarty'",
                "bad-keys.yaml:7:11: the term \"*\" has no words",
                "bad-keys.yaml:8:15: polarity must be deficit, improvement or mention, not 'sometimes'",
                "bad-keys.yaml:9:5: a rule needs an 'id'",
                "bad-keys.yaml:16:15: 'within' must be a whole number of words, 1 or more",
                "bad-keys.yaml:11:5: duplicate rule id 'dokumentation.a' (first at bad-keys.yaml:3:5)",
                "bad-yaml.yaml:5:7: YAML:",
                "(rules):1:1: the pack has no negation file",
            ]
            for e in expected { #expect(lines.contains { $0.hasPrefix(e) }, "missing: \(e)\ngot:\n\(lines.joined(separator: "\n"))") }
        }
    }

    @Test func negationOnRealCases() throws {
        let m = try Self.matcher()
        var runner = ExampleRunner(matcher: m, segmenter: try Segmenter())
        func found(_ s: String) -> [(String, Bool)] {
            runner.hits(s, resolve: true).map { h in
                switch m.rules[h.rule].target {
                case .category(let c): (c, h.negated)
                case .attribute(let f, let v): ("\(f)=\(v)", h.negated)
                case .relevance(let r): ("relevance=\(r)", h.negated)
                }
            }
        }
        let konstaterar = found("IVO konstaterar inte några övriga brister i hanteringen av ärendet.").filter { !$0.0.hasPrefix("relevance") }
        #expect(!konstaterar.isEmpty && konstaterar.allSatisfy { $0.1 })
        #expect(found("Nämnden slipper vite.").contains { $0 == ("outcome=vite", true) })
        #expect(found("Beslutet fattades utan vitesåtgärd.").contains { $0 == ("outcome=vite", true) })
        #expect(found("IVO förelägger nämnden att vid vite om 500 000 kronor åtgärda bristerna.").contains { $0 == ("outcome=vite", false) })
        #expect(found("Ingen utredning inleddes trots tre orosanmälningar.").contains { $0 == ("utredning", false) })
    }

    /// Kinds of sentence from supervisory decisions that were read wrongly: a cue word inside an
    /// alternative ("eller inte") judged the finding, what "borde ha" been done read as a
    /// mention, the authority's own inquiry ("genom utredningen") and a subject line naming
    /// "socialtjänst och LSS" read as findings, a report "angående oro" missed.
    @Test func polarityAndFindingsOnDecisionWording() throws {
        let m = try Self.matcher()
        var runner = ExampleRunner(matcher: m, segmenter: try Segmenter())
        func found(_ s: String) -> [String: Set<Polarity>] {
            var out: [String: Set<Polarity>] = [:]
            for h in runner.hits(s, resolve: true) where !h.negated {
                if case .category(let c) = m.rules[h.rule].target { out[c, default: []].insert(h.polarity) }
            }
            return out
        }
        // An alternative is no deficit; plain "inte" beside it still is.
        #expect(found("Barnets bästa ska avgöra om pojken flyttas till ett annat familjehem eller inte.")["familjehem"] == [.mention])
        #expect(found("Nämnden prövar om en utredning ska inledas eller ej.")["utredning"] == [.mention])
        #expect(found("Nämnden har inte utrett om pojken ska flyttas eller inte.")["utredning"] == [.deficit])
        #expect(found("Rutinen gäller inte bara orosanmälningar utan även ansökningar om bistånd.")["orosanmalan"] == [.mention])
        // What should have been done and was not.
        #expect(found("Socialnämnden borde ha inlett en utredning redan när skolan hörde av sig.")["utredning"] == [.deficit])
        #expect(found("Revisorerna pekar på förbättringsområden i uppföljningen av familjehemmen.")["familjehem"] == [.deficit])
        // The deciding authority's own inquiry and a field name are no findings; a report of concern is one.
        #expect(found("Det har genom utredningen blivit klarlagt att beslutet skickades för sent.")["utredning"] == nil)
        #expect(found("Ämnesord: Socialtjänst och LSS, Dokumentation")["lss"] == nil)
        #expect(found("Förskolans muntliga anmälan angående oro för flickan skrevs aldrig ner.")["orosanmalan"] != nil)
        #expect(found("Anmälan gjordes enligt 14 kap. 1 § andra stycket SoL.")["orosanmalan"] != nil)
    }

    @Test func lintFindsUntestedTermsAndUnreachableRules() throws {
        let segmenter = try Segmenter()
        var files = EmbeddedRules.files.filter { $0.name.hasSuffix(".yaml") && !$0.name.hasPrefix("categories/") && !$0.name.hasPrefix("attributes/") }
        files.append((name: "categories/vald.yaml", text: """
            category: vald
            rules:
              - id: vald.specific
                priority: 1
                replaces: [vald.general]
                any: [våld i nära relationer]
                match: [Barnen har levt med våld i nära relationer.]
              - id: vald.general
                any: [våld, misshandel]
                match: [Barnen har levt med våld i nära relationer.]
            """))
        let m = Matcher(pack: try RulePack.parse(files: files, segmenter: segmenter))
        var runner = ExampleRunner(matcher: m, segmenter: segmenter)
        let warnings = RuleLint.run(matcher: m, runner: &runner)
        #expect(warnings.contains { $0.contains("vald.general: unreachable") })
        #expect(warnings.contains { $0.contains("vald.general: 1 term(s) occur in none of its match examples: \"misshandel\"") })
        #expect(!warnings.contains { $0.contains("vald.specific") })
    }

    @Test func termSyntax() throws {
        let s = try Segmenter()
        let t = try TermSyntax.parse("*familjehem* inleda? 14 kap. 1 § SoL", split: s.words(in:)).get()
        #expect(t.words.map(\.pattern.kind) == [.infix, .exact, .exact, .exact, .exact, .exact])
        #expect(t.words.map(\.pattern.word) == ["familjehem", "inleda", "14", "kap", "1", "sol"])
        #expect(t.words.map(\.optional) == [false, true, false, false, false, false])
        #expect(throws: TermError.self) { try TermSyntax.parse("ab*", split: s.words(in:)).get() }
        #expect(throws: TermError.self) { try TermSyntax.parse("oro*anmälan", split: s.words(in:)).get() }
    }
}
