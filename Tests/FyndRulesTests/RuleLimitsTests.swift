import FyndPipeline
import FyndSegment
import Foundation
import Testing
@testable import FyndRules

/// Issue 17 item 7: a rule pack is bounded (each limit refused with the file, the limit and the
/// count), and the lint finds what comparing every term with every other would.
@Suite struct RuleLimitsTests {
    /// The shipped pack's settings files (not the relevance ones) with `extra` beside them.
    static func parse(_ extra: [(name: String, text: String)]) throws -> RulePack {
        let settings = EmbeddedRules.files.filter { $0.name.hasSuffix(".yaml") && !$0.name.contains("/") && !$0.name.hasPrefix("relevance") }
        return try RulePack.parse(files: settings + extra, segmenter: try Segmenter())
    }

    static func diagnostics(_ extra: [(name: String, text: String)]) throws -> [String] {
        do {
            _ = try parse(extra)
            return []
        } catch let error as RulePackError {
            return error.diagnostics.map(\.description)
        }
    }

    static func ruleFile(_ rules: Range<Int>, terms: Int = 1) -> String {
        "category: big\nrules:\n" + rules.map { r in
            "  - id: big.r\(r)\n    any: [" + (0..<terms).map { "ord\(r)x\($0)" }.joined(separator: ", ") + "]\n"
        }.joined()
    }

    @Test func theShippedPackIsFarBelowEveryLimit() throws {
        let pack = try RulePackLoader.load(directory: nil, segmenter: try Segmenter()).0
        #expect(pack.rules.count * 10 <= RuleLimits.rulesPerPack)
        let yaml = EmbeddedRules.files.filter { $0.name.hasSuffix(".yaml") }
        #expect(yaml.allSatisfy { $0.text.utf8.count * 5 <= RuleLimits.fileBytes })
        #expect(yaml.reduce(0) { $0 + $1.text.utf8.count } * 10 <= RuleLimits.packBytes)
        #expect(pack.rules.allSatisfy { $0.condition.positiveTerms.count * 4 <= RuleLimits.termsPerRule })
    }

    @Test func aFileWithTooManyRulesIsRefusedAtTheFirstRuleOverTheLimit() throws {
        let limit = RuleLimits.rulesPerFile
        let found = try Self.diagnostics([("categories/big.yaml", Self.ruleFile(0..<limit + 3))])
        // Two lines per rule after the two of the head: rule number `limit` starts at line 3 + 2 * limit.
        #expect(found == ["categories/big.yaml:\(3 + 2 * limit):5: the file has \(limit + 3) rules; a rule file may have at most \(limit) (split it into several)"])
        #expect(try Self.diagnostics([("categories/big.yaml", Self.ruleFile(0..<limit))]).isEmpty)
    }

    @Test func aRuleWithTooManyTermsAndATermWithTooManyWordsAreRefused() throws {
        let limit = RuleLimits.termsPerRule
        let found = try Self.diagnostics([("categories/big.yaml", Self.ruleFile(0..<1, terms: limit + 1))])
        #expect(found == ["categories/big.yaml:3:5: rule 'big.r0' has \(limit + 1) terms; a rule may have at most \(limit) (split it into several)"])
        let words = (0...RuleLimits.wordsPerTerm).map { "ord\($0)" }.joined(separator: " ")
        let long = try Self.diagnostics([("categories/big.yaml", "category: big\nrules:\n  - id: big.r\n    any:\n      - \(words)\n      - ord\n")])
        #expect(long == ["categories/big.yaml:5:9: the term \"\(words)\" has \(RuleLimits.wordsPerTerm + 1) words; a term may have at most \(RuleLimits.wordsPerTerm)"])
    }

    @Test func aFileAndAPackWithTooManyTermsAreRefused() throws {
        let perRule = RuleLimits.termsPerRule
        let rules = RuleLimits.termsPerFile / perRule + 1
        let found = try Self.diagnostics([("categories/big.yaml", Self.ruleFile(0..<rules, terms: perRule))])
        #expect(found == ["categories/big.yaml:\(4 + 2 * (RuleLimits.termsPerFile / perRule)):11:"
                          + " the file has \(rules * perRule) terms; a rule file may have at most \(RuleLimits.termsPerFile) (split it into several)"])
        let files = RuleLimits.termsPerPack / RuleLimits.termsPerFile + 1
        let pack = try Self.diagnostics((0..<files).map { f in
            ("categories/big\(f).yaml", Self.ruleFile(f * 4..<f * 4 + RuleLimits.termsPerFile / perRule, terms: perRule))
        })
        #expect(pack.count == 1 && pack[0].hasPrefix("(rules):1:1: the pack has ") && pack[0].hasSuffix(" terms; a pack may have at most \(RuleLimits.termsPerPack)"), "\(pack)")
    }

    @Test func aPackOfTooManyBytesIsRefusedBeforeItIsParsed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fynd-limits-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = "# " + String(repeating: "x", count: RuleLimits.fileBytes - 10) + "\n"
        for n in 0...RuleLimits.packBytes / RuleLimits.fileBytes { try Data(file.utf8).write(to: URL(fileURLWithPath: dir + "/part\(n).yaml")) }
        do {
            _ = try RulePackLoader.load(directory: dir, segmenter: try Segmenter())
            Issue.record("the pack was loaded")
        } catch {
            let total = file.utf8.count * (RuleLimits.packBytes / RuleLimits.fileBytes + 1)
            #expect("\(error)" == "\(dir):1:1: the rule files have \(total) bytes together; a pack may have at most \(RuleLimits.packBytes)")
        }
    }

    /// Random `any` lists of phrases over a few words (repeated words, listed twice, optional
    /// words): the lint reports the first pair, in list order, that comparing every phrase with
    /// every later one finds; and the untested terms that trying every example finds.
    @Test func theLintFindsWhatComparingEveryPairFinds() throws {
        let split = try Segmenter().words(in:)
        var generator = SystemRandomNumberGenerator()
        let vocabulary = ["ivo", "riktar", "kritik", "mot", "nämnden", "allvarlig"]
        func phrase() -> String {
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                vocabulary.randomElement(using: &generator)! + (Int.random(in: 0..<6, using: &generator) == 0 ? "?" : "")
            }.joined(separator: " ")
        }
        for _ in 0..<300 {
            let terms = (0..<Int.random(in: 2...12, using: &generator)).compactMap { _ in try? TermSyntax.parse(phrase(), split: split).get() }
            let found = RuleLint.wordOrderVariants(.any(terms.map { .term($0) })).map { "\($0.0.source) / \($0.1.source)" }
            #expect(found == Self.firstVariantByEveryPair(terms).map { ["\($0.0.source) / \($0.1.source)"] } ?? [], "\(terms.map(\.source))")

            let stems = terms.map { t in Term(words: t.words.map { w in
                var w = w
                if Bool.random(using: &generator), w.pattern.word.count > 3 { w.pattern = WordPattern(kind: .prefix, word: String(w.pattern.word.prefix(3))) }
                return w
            }, source: t.source) }
            let examples = (0..<Int.random(in: 0...5, using: &generator)).map { _ in split(phrase().replacingOccurrences(of: "?", with: "") + " " + phrase()) }
            let untested = RuleLint.untestedTerms(stems, examples: examples).map(\.source)
            #expect(untested == stems.filter { t in !examples.contains { RuleLint.occurs(t, in: $0) } }.map(\.source))
        }
    }

    /// The lint's definition, one pair at a time.
    static func firstVariantByEveryPair(_ terms: [Term]) -> (Term, Term)? {
        let phrases = terms.filter { $0.words.count > 1 }
        func words(_ t: Term) -> [WordPattern] { t.words.filter { !$0.optional }.map(\.pattern) }
        for (i, a) in phrases.enumerated() {
            for b in phrases[(i + 1)...] {
                let (wa, wb) = (words(a), words(b))
                let (short, long) = wa.count <= wb.count ? (wa, wb) : (wb, wa)
                guard short.count > 1, Set(short).isSubset(of: Set(long)) else { continue }
                let at = short.map { long.firstIndex(of: $0)! }
                if at != Array(at[0]..<at[0] + short.count) { return (a, b) }
            }
        }
        return nil
    }
}
