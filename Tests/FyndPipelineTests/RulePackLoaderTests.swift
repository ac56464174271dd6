import FyndPipeline
import FyndRules
import Foundation
import Testing

/// Loading a pack: the rules compiled while the places are indexed, with the same problems
/// reported as a one-thread load would, and the version read without compiling.
@Suite struct RulePackLoaderTests {
    /// A copy of the shipped rules in a temporary folder, changed by `edit`.
    private func rules(_ edit: (String) throws -> Void) throws -> String {
        let dir = try RunTests.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Repo.path("rules"), toPath: dir + "/rules")
        try edit(dir + "/rules")
        return dir + "/rules"
    }

    @Test func theExtractorCompilesTheSamePackAndPlacesAsALoad() throws {
        let extractor = try RulePackLoader.extractor(directory: Repo.path("rules"))
        let (pack, gazetteer) = try RulePackLoader.load(directory: Repo.path("rules"), segmenter: Repo.worker().segmenter)
        #expect(extractor.matcher.pack.version == pack.version)
        #expect(extractor.matcher.rules.map(\.id) == pack.rules.map(\.id))
        let text = "IVO riktar kritik mot socialnämnden i Gävle kommun för brister i hanteringen av en orosanmälan."
        let outcome = try Worker(extractor: extractor).process(InputItem(id: "d", source: "d.txt", payload: .bytes(Array(text.utf8), .text)))
        #expect(outcome.result?.attributes.municipality == ["Gävle"])
        #expect(gazetteer.municipalities.contains { $0.name == "Gävle" })
        #expect(try RulePackLoader.version(directory: Repo.path("rules")) == pack.version)
        #expect(try RulePackLoader.version(directory: nil) == (try RulePackLoader.extractor(directory: nil)).matcher.pack.version)
    }

    /// Broken rules and a broken place file: the rules' problem is the one told, as when the
    /// rules were read first; with the rules mended, the place file's.
    @Test func aRuleProblemIsToldBeforeAPlaceProblem() throws {
        let broken = try rules { dir in
            try "- id: x\n  category: barnperspektiv\n  when: [\n".write(toFile: dir + "/categories/broken.yaml", atomically: true, encoding: .utf8)
            try "Ort\tAtlantis\tort\n".write(toFile: dir + "/gazetteer/localities.tsv", atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: broken + "/..") }
        #expect(throws: RulePackError.self) { try RulePackLoader.extractor(directory: broken) }
        try FileManager.default.removeItem(atPath: broken + "/categories/broken.yaml")
        #expect(throws: (any Error).self) { try RulePackLoader.extractor(directory: broken) }
        do {
            _ = try RulePackLoader.extractor(directory: broken)
        } catch {
            #expect(!(error is RulePackError), "\(error)")
        }
    }
}
