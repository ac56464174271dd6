import FyndCore
import FyndPipeline
import FyndRules
import Foundation
import Testing

/// Issue 17 items 10 and 11: odd bytes at the edges of the input cost no document.
@Suite struct OddBytesTests {
    /// A JSONL file that starts with a byte order mark keeps its first line.
    @Test func aByteOrderMarkDoesNotCostTheFirstJSONLLine() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/feed.jsonl"
        let lines = #"{"id": "a", "text": "IVO riktar kritik mot socialnämnden i Gävle kommun."}"# + "\n" + #"{"id": "b", "text": "Kommunen bygger en skola."}"# + "\n"
        try Data([0xEF, 0xBB, 0xBF] + Array(lines.utf8)).write(to: URL(fileURLWithPath: path))
        let outcomes = try Repo.run([path])
        #expect(outcomes.map { $0.result?.document.id } == ["a", "b"])
        #expect(outcomes.allSatisfy { $0.error == nil })
    }

    /// A rule file that starts with a byte order mark loads like one without.
    @Test func aByteOrderMarkInARuleFileIsIgnored() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Repo.path("rules"), toPath: dir + "/rules")
        let file = dir + "/rules/relevance/parties.yaml"
        let text = try Data(contentsOf: URL(fileURLWithPath: file))
        try (Data([0xEF, 0xBB, 0xBF]) + text).write(to: URL(fileURLWithPath: file))
        let (pack, _) = try RulePackLoader.load(directory: dir + "/rules", segmenter: Repo.worker().segmenter)
        #expect(pack.version == (try RulePackLoader.load(directory: Repo.path("rules"), segmenter: Repo.worker().segmenter).0.version))
    }

    /// Bidi marks and other invisible format characters inside or beside a word do not stop a
    /// match: the document gives what it gives without them, offsets into its normalised text.
    @Test func bidiAndFormatCharactersDoNotStopAMatch() throws {
        let plain = "IVO riktar kritik mot socialnämnden i Gävle kommun för brister i hanteringen av en orosanmälan."
        let marked = "\u{200E}IVO\u{200F} riktar kritik mot socialn\u{2066}ämnden\u{2069} i G\u{202B}ävle\u{202C} kommun för brister i hanteringen av en oros\u{2060}anm\u{200E}älan."
        let worker = try Repo.worker()
        func result(_ text: String) throws -> DocumentResult {
            let outcome = worker.process(InputItem(id: "d", source: "d.txt", payload: .bytes(Array(text.utf8), .text)))
            return try #require(outcome.result)
        }
        let a = try result(plain), b = try result(marked)
        #expect(a.attributes.relevant)
        #expect(b.document.text == a.document.text)
        #expect(b.attributes == a.attributes)
        #expect(b.findings == a.findings)
    }

    /// A rule file larger than the limit is refused by name, before the YAML parser sees it.
    @Test func anOversizedRuleFileIsRefusedWithItsSize() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Repo.path("rules"), toPath: dir + "/rules")
        let huge = "# " + String(repeating: "x", count: RuleLimits.fileBytes) + "\n"
        try Data(huge.utf8).write(to: URL(fileURLWithPath: dir + "/rules/huge.yaml"))
        do {
            _ = try RulePackLoader.load(directory: dir + "/rules", segmenter: Repo.worker().segmenter)
            Issue.record("the oversized file was loaded")
        } catch {
            #expect("\(error)".contains("huge.yaml:1:1: the file has \(huge.utf8.count) bytes; a rule file may have at most"), "\(error)")
        }
    }
}
