import Dispatch
import FoundationEssentials
import FyndCore
import FyndExtract
import FyndRules
import FyndSegment
import Synchronization

/// Loads the rule pack: the one embedded in the binary, or the files of a directory (`--rules DIR`).
/// The embedded pack is read from its compiled form (`CompiledPack`, `rules/compiled.pack`),
/// which was parsed and checked when it was written; its YAML files are parsed when asked
/// (`parsing`, as `check-rules` does), and when the build found the compiled form older than
/// the files (it then embeds none). A directory without `gazetteer/municipalities.tsv` (or one
/// of the place files) uses the embedded one.
public enum RulePackLoader {
    /// The embedded pack (parsed from its files when `parsing`), or the pack in `directory`.
    public static func load(directory: String?, parsing: Bool = false, segmenter: Segmenter) throws -> (RulePack, Gazetteer) {
        let parts = try sources(try embedded(directory: directory, parsing: parsing), directory: directory)
        return (try parts.rules(), try parts.gazetteer())
    }

    /// Starts making the embedded pack's extractor on another thread, for a command that will
    /// ask for it (`fynd run` without `--rules`): it is then decoded while the command line is
    /// parsed, and `extractor(directory: nil)` waits for it instead of making it again.
    public static func startEmbedded() {
        early.withLock { early in
            guard early == nil else { return }
            let made = EarlyExtractor()
            made.done.enter()
            DispatchQueue.global().async {
                made.result = Result { try make(directory: nil, parsing: false) }
                made.done.leave()
            }
            early = made
        }
    }

    /// The extractor `startEmbedded` is making, once started.
    private static let early = Mutex<EarlyExtractor?>(nil)

    /// An extractor made on another thread: its result, set before `done` is left.
    private final class EarlyExtractor: @unchecked Sendable {
        let done = DispatchGroup()
        var result: Result<Extractor, any Error>!
    }

    /// The compiled pack and the place-name index, ready to extract with, made on two threads
    /// (start-up is most of a short run): from the compiled form, the matcher's tables on one,
    /// the strings, rules and places on the other; from files, the rules and their matcher on
    /// one, the places on the other. A problem of the rules is reported before one of the
    /// places, as `load` does. The embedded pack's comes from `startEmbedded` when it was started.
    public static func extractor(directory: String?, parsing: Bool = false) throws -> Extractor {
        if directory == nil, !parsing, let made = early.withLock({ $0 }) {
            made.done.wait()
            return try made.result.get()
        }
        return try make(directory: directory, parsing: parsing)
    }

    /// The extractor of `extractor(directory:parsing:)`, made here and now.
    private static func make(directory: String?, parsing: Bool) throws -> Extractor {
        let compiledForm = readsCompiled(directory: directory, parsing: parsing)
        let parts = compiledForm ? nil : try sources(nil, directory: directory)
        nonisolated(unsafe) var tables: Result<MatcherTables, any Error>!
        nonisolated(unsafe) var pack: Result<(RulePack, Matcher?), any Error>!
        nonisolated(unsafe) var places: Result<MunicipalityFinder, any Error>!
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if compiledForm {
                if part == 0 {
                    tables = Result { try CompiledPack.tables(CompiledPack.sections(compiled, strings: false)) }
                } else {
                    let sections = Result { try CompiledPack.sections(compiled) }
                    pack = sections.flatMap { sections in Result { (try CompiledPack.rules(sections.rules), nil) } }
                    places = sections.flatMap { sections in Result { try CompiledPack.places(sections) } }
                }
            } else if let parts {
                if part == 0 {
                    pack = Result {
                        let rules = try parts.rules()
                        return (rules, Matcher(pack: rules))
                    }
                } else {
                    places = Result { MunicipalityFinder(gazetteer: try parts.gazetteer()) }
                }
            }
        }
        let (rules, built) = try pack.get()
        let matcher = try built ?? CompiledPack.matcher(rules, tables: try tables.get())
        return Extractor(matcher: matcher, municipalities: try places.get())
    }

    /// The pack's version (`rules_version`) without compiling it.
    public static func version(directory: String?) throws -> String {
        if let sections = try embedded(directory: directory, parsing: false) { return try RulePack.version(decoding: sections.rules) }
        return RulePack.version(files: CompiledPack.yaml(try files(directory)))
    }

    /// The compiled form of the embedded pack, or of the pack in `directory`, parsed and checked
    /// (`fynd check-rules --compile`, which writes `rules/compiled.pack`).
    public static func compile(directory: String?) throws -> [UInt8] {
        let (pack, gazetteer) = try load(directory: directory, parsing: true, segmenter: try Segmenter())
        return CompiledPack.encode(pack: pack, gazetteer: gazetteer, digest: PackFormat.digest(files: try files(directory)))
    }

    /// The sections of the embedded compiled form, when it is what to read (`readsCompiled`).
    private static func embedded(directory: String?, parsing: Bool) throws(PackFormatError) -> CompiledPack.Sections? {
        readsCompiled(directory: directory, parsing: parsing) ? try CompiledPack.sections(compiled) : nil
    }

    /// Whether the embedded compiled form is what to read: no directory given, no parsing asked, and a form embedded.
    private static func readsCompiled(directory: String?, parsing: Bool) -> Bool { directory == nil && !parsing && !compiled.isEmpty }

    /// How to get the pack and its gazetteer: decoded from the compiled form's `sections`, or
    /// parsed from the files of `directory` (or the embedded ones).
    private static func sources(_ sections: CompiledPack.Sections?, directory: String?)
        throws -> (rules: @Sendable () throws -> RulePack, gazetteer: @Sendable () throws -> Gazetteer) {
        if let sections {
            return ({ try CompiledPack.rules(sections.rules) }, { try CompiledPack.gazetteer(sections.gazetteer) })
        }
        let files = try Self.files(directory)
        return ({ try RulePack.parse(files: CompiledPack.yaml(files), segmenter: try Segmenter()) },
                { try CompiledPack.gazetteer(files, fallback: EmbeddedRules.files) })
    }

    /// The compiled form of the embedded pack; empty when it was not that of the embedded files.
    static let compiled: [UInt8] = EmbeddedRules.compiled.withUTF8Buffer { Array($0) }

    /// The files of `directory`, or of the embedded pack.
    private static func files(_ directory: String?) throws -> [(name: String, text: String)] {
        try directory.map(readDirectory) ?? EmbeddedRules.files
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
