import FoundationEssentials
import FyndExtract
import FyndRules
import FyndSegment

/// Loads the rule pack: the one embedded in the binary, or the files of a directory (`--rules DIR`).
/// A directory without `gazetteer/municipalities.tsv` (or one of the place files) uses the
/// embedded one.
public enum RulePackLoader {
    public static let gazetteerFile = "gazetteer/municipalities.tsv"
    /// The places that name a municipality, in the order in which a later file's name replaces an earlier one's.
    public static let placeFiles = ["gazetteer/localities.tsv", "gazetteer/districts.tsv"]

    /// The embedded pack, or the pack in `directory`.
    public static func load(directory: String?, segmenter: Segmenter) throws -> (RulePack, Gazetteer) {
        let files = try directory.map(readDirectory) ?? EmbeddedRules.files
        let yaml = files.filter { $0.name.hasSuffix(".yaml") || $0.name.hasSuffix(".yml") }
        let pack = try RulePack.parse(files: yaml, segmenter: segmenter)
        func file(_ name: String) -> (name: String, text: String) {
            files.first { $0.name == name } ?? EmbeddedRules.files.first { $0.name == name }!
        }
        return (pack, try Gazetteer(tsv: file(gazetteerFile).text, places: placeFiles.map(file)))
    }

    /// Every .yaml, .yml and .tsv file below `directory`, by path relative to it.
    static func readDirectory(_ directory: String) throws -> [(name: String, text: String)] {
        guard FileWalker.isDirectory(directory) else {
            throw RulePackError(diagnostics: [.init(file: directory, line: 1, column: 1, message: "no such rules directory")])
        }
        var out: [(name: String, text: String)] = []
        var diagnostics: [RuleDiagnostic] = []
        for path in try FileWalker.files(in: directory) where [".yaml", ".yml", ".tsv"].contains(where: path.hasSuffix) {
            let name = String(path.dropFirst(directory.count).drop { $0 == "/" })
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.init(file: name, line: 1, column: 1, message: "cannot read the file"))
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(.init(file: name, line: 1, column: 1, message: "the file is not valid UTF-8"))
                continue
            }
            out.append((name, text))
        }
        if !diagnostics.isEmpty { throw RulePackError(diagnostics: diagnostics) }
        return out
    }
}
