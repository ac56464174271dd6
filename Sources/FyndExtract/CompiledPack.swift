import FyndCore
import FyndRules

/// A rule pack with its gazetteer: read from its files (YAML rules, TSV places), and in the
/// compiled form (`PackFormat`) that the binary embeds, so that start-up decodes flat records
/// instead of parsing YAML and term syntax. The form has two sections, the rules and the
/// gazetteer, decoded side by side.
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

    /// The compiled form of a pack and its gazetteer, made from files of the given digest.
    public static func encode(pack: RulePack, gazetteer: Gazetteer, digest: String) -> [UInt8] {
        var w = PackWriter()
        pack.encode(into: &w)
        w.endSection()
        gazetteer.encode(into: &w)
        w.endSection()
        return w.finish(digest: digest)
    }

    /// Readers of the two sections of a compiled form.
    public static func sections(_ bytes: [UInt8]) throws(PackFormatError) -> (rules: PackReader, gazetteer: PackReader) {
        let sections = try PackReader.sections(of: bytes)
        guard sections.count == 2 else { throw PackFormatError(offset: 0, message: "\(sections.count) sections, not 2") }
        return (sections[0], sections[1])
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
}
