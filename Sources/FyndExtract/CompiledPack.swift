import FyndCore
import FyndRules

/// A rule pack with its gazetteer: read from its files (YAML rules, TSV places), and in the
/// compiled form (`PackFormat`) that the binary embeds, so that start-up decodes flat records
/// instead of parsing YAML and term syntax, and what is built from them: the matcher's tables
/// (`MatcherTables`) and the place-name index (`MunicipalityIndex`), so that start-up decodes
/// tables instead of building automata and dictionaries. The form has four sections: the rules,
/// the gazetteer, the matcher's tables and the index; the rules and the places are decoded side by side.
public enum CompiledPack {
    public static let gazetteerFile = "gazetteer/municipalities.tsv"
    /// The places that name a municipality, in the order in which a later file's name replaces an earlier one's.
    public static let placeFiles = ["gazetteer/localities.tsv", "gazetteer/districts.tsv"]

    /// The rule files among a pack's files.
    public static func yaml(_ files: [(name: String, text: String)]) -> [(name: String, text: String)] {
        files.filter { $0.name.hasSuffix(".yaml") || $0.name.hasSuffix(".yml") }
    }

    /// The gazetteer of `files`, a file they lack taken from `fallback`.
    public static func gazetteer(_ files: [(name: String, text: String)], fallback: [(name: String, text: String)] = []) throws -> Gazetteer {
        func file(_ name: String) throws -> (name: String, text: String) {
            guard let found = files.first(where: { $0.name == name }) ?? fallback.first(where: { $0.name == name }) else {
                throw GazetteerError(file: name, line: 1, message: "the pack has no such file")
            }
            return found
        }
        return try Gazetteer(tsv: file(gazetteerFile).text, places: placeFiles.map(file))
    }

    /// The compiled form of a pack and its gazetteer, made from files of the given digest, with
    /// the matcher's tables and the place-name index built from them.
    public static func encode(pack: RulePack, gazetteer: Gazetteer, digest: String) -> [UInt8] {
        encode(pack: pack, gazetteer: gazetteer, tables: MatcherTables(pack: pack), digest: digest)
    }

    /// As `encode(pack:gazetteer:digest:)`, with the matcher's tables already built.
    public static func encode(pack: RulePack, gazetteer: Gazetteer, tables: MatcherTables, digest: String) -> [UInt8] {
        var w = PackWriter()
        pack.encode(into: &w)
        w.endSection()
        gazetteer.encode(into: &w)
        w.endSection()
        tables.encode(into: &w)
        w.endSection()
        MunicipalityIndex(gazetteer: gazetteer).encode(into: &w)
        w.endSection()
        return w.finish(digest: digest)
    }

    /// Readers of the four sections of a compiled form.
    public struct Sections: Sendable {
        public var rules: PackReader
        public var gazetteer: PackReader
        public var matcher: PackReader
        public var places: PackReader
    }

    /// The sections of `bytes`; without `strings`, readers for the matcher's tables only (`PackReader.sections`).
    public static func sections(_ bytes: [UInt8], strings: Bool = true) throws(PackFormatError) -> Sections {
        let sections = try PackReader.sections(of: bytes, strings: strings)
        guard sections.count == 4 else { throw PackFormatError(offset: 0, message: "\(sections.count) sections, not 4") }
        return Sections(rules: sections[0], gazetteer: sections[1], matcher: sections[2], places: sections[3])
    }

    public static func rules(_ section: PackReader) throws(PackFormatError) -> RulePack {
        var r = section
        let pack = try RulePack(decoding: &r)
        try r.finish()
        return pack
    }

    public static func gazetteer(_ section: PackReader) throws(PackFormatError) -> Gazetteer {
        var r = section
        let gazetteer = try Gazetteer(decoding: &r)
        try r.finish()
        return gazetteer
    }

    /// The matcher's tables of the compiled form.
    public static func tables(_ sections: Sections) throws(PackFormatError) -> MatcherTables {
        var r = sections.matcher
        let tables = try MatcherTables(decoding: &r)
        try r.finish()
        return tables
    }

    /// The matcher of a compiled form's rules and tables, checked to fit each other.
    public static func matcher(_ pack: RulePack, tables: MatcherTables) throws(PackFormatError) -> Matcher {
        guard tables.ruleCount == pack.rules.count else {
            throw PackFormatError(offset: 0, message: "matcher tables of \(tables.ruleCount) rules for a pack of \(pack.rules.count)")
        }
        return Matcher(pack: pack, tables: tables)
    }

    /// The place-name finder of the compiled form.
    public static func places(_ sections: Sections) throws(PackFormatError) -> MunicipalityFinder {
        let gazetteer = try gazetteer(sections.gazetteer)
        var r = sections.places
        let index = try MunicipalityIndex(decoding: &r, gazetteer: gazetteer)
        try r.finish()
        return MunicipalityFinder(gazetteer: gazetteer, index: index)
    }
}
