import FyndCore
import FyndEmit
import Testing

/// The JSONL writer on lines written out by hand: nested objects written in place, numbers
/// as digits, categories sorted and each once.
@Suite struct JSONLEncoderTests {
    @Test func aLineWithFindingsNumbersAndMetadata() {
        var attributes = Attributes()
        attributes.relevant = true
        attributes.municipality = ["Gnesta"]
        attributes.deadlines = [Deadline(date: nil, text: "inom två veckor")]
        attributes.figures = [Figure(value: 12, unit: "platser", text: "12 platser"), Figure(value: -3.5, unit: "dagar", text: "x")]
        let document = Document(id: "a\"1", source: "s.jsonl:7", sha256: "ab", text: "Text.", paragraphs: [0..<5],
                                metadata: [(key: "k", json: "[1,2]")])
        let findings = [
            Finding(category: "utredning", rule: "r2", polarity: .deficit, negated: false, sentence: 10, start: 0, end: 123, evidence: "Två."),
            Finding(category: "dokumentation", rule: "r1", polarity: .mention, negated: true, sentence: 0, start: 9, end: 1_000_007, evidence: "Ett."),
            Finding(category: "utredning", rule: "r3", polarity: .deficit, negated: false, sentence: 2, start: 5, end: 6, evidence: "Tre."),
        ]
        let result = DocumentResult(document: document, attributes: attributes, findings: findings, sentenceCount: 101, rulesVersion: "v")
        #expect(result.categoriesSorted == ["utredning"])
        let line = String(decoding: JSONLEncoder().encode(.result(result)), as: UTF8.self)
        let expected = #"{"id":"a\"1","source":"s.jsonl:7","sha256":"ab","language":"sv","relevant":true,"municipality":["Gnesta"],"area":[],"outcome":[],"tillsynstyp":[],"#
            + #""deadlines":[{"date":null,"text":"inom två veckor"}],"people":[],"#
            + #""figures":[{"value":12,"unit":"platser","text":"12 platser"},{"value":-3.5,"unit":"dagar","text":"x"}],"categories":["utredning"],"#
            + #""findings":[{"category":"utredning","rule":"r2","polarity":"deficit","negated":false,"sentence":10,"start":0,"end":123,"evidence":"Två."},"#
            + #"{"category":"dokumentation","rule":"r1","polarity":"mention","negated":true,"sentence":0,"start":9,"end":1000007,"evidence":"Ett."},"#
            + #"{"category":"utredning","rule":"r3","polarity":"deficit","negated":false,"sentence":2,"start":5,"end":6,"evidence":"Tre."}],"#
            + #""sentences":101,"rules_version":"v","metadata":{"k":[1,2]}}"# + "\n"
        #expect(line == expected)
    }

    @Test func wholeNumbersAreWrittenAsStringWritesThem() {
        let values: [Double] = [0, 7, -7, 10, -10, 99, 100, 123_456_789, -987_654_321, 999_999_999_999_999]
        var attributes = Attributes()
        attributes.figures = values.map { Figure(value: $0, unit: "", text: "") }
        let document = Document(id: "n", source: "n", sha256: "", text: "", paragraphs: [])
        let result = DocumentResult(document: document, attributes: attributes, findings: [], sentenceCount: 0, rulesVersion: "v")
        let line = String(decoding: JSONLEncoder().encode(.result(result)), as: UTF8.self)
        let written = values.map { #"{"value":\#(String(Int($0))),"unit":"","text":""}"# }.joined(separator: ",")
        #expect(line.contains(#""figures":[\#(written)]"#))
    }

    @Test func anErrorLineNestsItsObject() {
        let line = JSONLEncoder().encode(.failure(id: "b", source: "b.html", error: DocumentError(code: "empty", message: "Tom.")))
        #expect(String(decoding: line, as: UTF8.self) == #"{"id":"b","source":"b.html","error":{"code":"empty","message":"Tom."}}"# + "\n")
    }

    @Test func categoriesAreSortedAndEachOnce() {
        var attributes = Attributes()
        attributes.relevant = true
        let findings = ["b", "a", "b", "c", "a"].enumerated().map { i, c in
            Finding(category: c, rule: "r", polarity: .mention, negated: false, sentence: i, start: 0, end: 1, evidence: "")
        }
        let document = Document(id: "c", source: "c", sha256: "", text: "", paragraphs: [])
        let result = DocumentResult(document: document, attributes: attributes, findings: findings, sentenceCount: 5, rulesVersion: "v")
        #expect(result.categoriesSorted == ["a", "b", "c"])
        #expect(result.categoriesSorted == result.categoriesFound.sorted())
    }
}
