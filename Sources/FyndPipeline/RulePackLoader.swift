import Dispatch
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
        let files = try Self.files(directory)
        return (try RulePack.parse(files: yaml(files), segmenter: segmenter), try gazetteer(files))
    }

    /// The compiled pack and the place-name index, ready to extract with: the rules are compiled
    /// on one thread while the places are indexed on another (start-up is most of a short run).
    /// A problem of the rules is reported before one of the places, as `load` does.
    public static func extractor(directory: String?) throws -> Extractor {
        let files = try Self.files(directory)
        nonisolated(unsafe) var matcher: Result<Matcher, any Error>!
        nonisolated(unsafe) var places: Result<MunicipalityFinder, any Error>!
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                matcher = Result { Matcher(pack: try RulePack.parse(files: yaml(files), segmenter: try Segmenter())) }
            } else {
                places = Result { MunicipalityFinder(gazetteer: try gazetteer(files)) }
            }
        }
        return Extractor(matcher: try matcher.get(), municipalities: try places.get())
    }

    /// The pack's version (`rules_version`) without compiling it.
    public static func version(directory: String?) throws -> String {
        RulePack.version(files: yaml(try files(directory)))
    }

    /// The files of `directory`, or of the embedded pack.
    private static func files(_ directory: String?) throws -> [(name: String, text: String)] {
        try directory.map(readDirectory) ?? EmbeddedRules.files
    }

    private static func yaml(_ files: [(name: String, text: String)]) -> [(name: String, text: String)] {
        files.filter { $0.name.hasSuffix(".yaml") || $0.name.hasSuffix(".yml") }
    }

    /// The gazetteer of `files`, each of its files taken from the embedded pack where `files` lacks it.
    private static func gazetteer(_ files: [(name: String, text: String)]) throws -> Gazetteer {
        func file(_ name: String) -> (name: String, text: String) {
            files.first { $0.name == name } ?? EmbeddedRules.files.first { $0.name == name }!
        }
        return try Gazetteer(tsv: file(gazetteerFile).text, places: placeFiles.map(file))
    }

    /// Every .yaml, .yml and .tsv file below `directory`, by path relative to it.
    static func readDirectory(_ directory: String) throws(RulePackError) -> [(name: String, text: String)] {
        guard FileWalker.isDirectory(directory) else {
            throw RulePackError(diagnostics: [.init(file: directory, line: 1, column: 1, message: "no such rules directory")])
        }
        var out: [(name: String, text: String)] = []
        var diagnostics: [RuleDiagnostic] = []
        var yamlBytes = 0
        for entry in FileWalker.entries(in: directory) {
            func relative(_ path: String) -> String { String(path.dropFirst(directory.count).drop { $0 == "/" }) }
            let path: String
            switch entry {
            case .file(let p): path = p
            case .unreadable(let dir, let reason):
                diagnostics.append(.init(file: relative(dir).isEmpty ? directory : relative(dir), line: 1, column: 1, message: "cannot list the directory: \(reason)"))
                continue
            case .skipped: continue
            }
            guard [".yaml", ".yml", ".tsv"].contains(where: path.hasSuffix) else { continue }
            let name = relative(path)
            if !path.hasSuffix(".tsv"), let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
                yamlBytes += size
                if size > RuleLimits.fileBytes {
                    diagnostics.append(.init(file: name, line: 1, column: 1, message: "the file has \(size) bytes; a rule file may have at most \(RuleLimits.fileBytes) (split it into several)"))
                    continue
                }
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.init(file: name, line: 1, column: 1, message: "cannot read the file"))
                continue
            }
            // A byte order mark (as some Windows editors write) is not part of the YAML.
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            guard let text = String(validating: data.starts(with: bom) ? data.dropFirst(3) : data[...], as: UTF8.self) else {
                diagnostics.append(.init(file: name, line: 1, column: 1, message: "the file is not valid UTF-8"))
                continue
            }
            out.append((name, text))
        }
        if yamlBytes > RuleLimits.packBytes {
            diagnostics.append(.init(file: directory, line: 1, column: 1,
                                     message: "the rule files have \(yamlBytes) bytes together; a pack may have at most \(RuleLimits.packBytes)"))
        }
        if !diagnostics.isEmpty { throw RulePackError(diagnostics: diagnostics) }
        return out
    }
}
