import Foundation
import FyndCore
@testable import FyndExtract
@testable import FyndRules
import FyndSegment
import Testing
@testable import FyndPipeline

/// The compiled pack that start-up reads instead of the YAML: the same pack as `rules/` parsed,
/// written and read back without loss, the same bytes for the same pack, the matcher's tables and
/// the place-name index decoded equal to those built, and a damaged form refused with where it broke.
@Suite struct CompiledPackTests {
    @Test func theEmbeddedCompiledPackIsTheRulesDirectoryParsed() throws {
        let segmenter = try Segmenter()
        let (pack, gazetteer) = try RulePackLoader.load(directory: Repo.path("rules"), segmenter: segmenter)
        #expect(try RulePackLoader.compile(directory: Repo.path("rules")) == RulePackLoader.compiled,
                "rules/ changed: run `fynd check-rules rules --compile rules/compiled.pack` and build again")
        #expect(FileManager.default.contents(atPath: Repo.path("rules/compiled.pack")).map(Array.init) == RulePackLoader.compiled)
        let (decoded, places) = try RulePackLoader.load(directory: nil, segmenter: segmenter)
        #expect(decoded == pack)
        #expect(places == gazetteer)
        #expect(try RulePackLoader.load(directory: nil, parsing: true, segmenter: segmenter).0 == decoded)
        #expect(try RulePackLoader.version(directory: nil) == pack.version)
        // What start-up decodes instead of building it.
        let sections = try CompiledPack.sections(RulePackLoader.compiled)
        #expect(try CompiledPack.tables(sections) == MatcherTables(pack: pack))
        var index = sections.places
        #expect(try MunicipalityIndex(decoding: &index, gazetteer: gazetteer) == MunicipalityIndex(gazetteer: gazetteer))
    }

    /// A pack with what the shipped one may lack: a fixed polarity, a priority below zero, a rule
    /// that replaces another, a clause without a length, optional and wildcard words, cues with
    /// their own window, skipped sections and negative weights.
    static let files = [
        ("kategori.yaml", """
            category: dokumentation
            rules:
              - id: dok.saknas
                any:
                  - journalanteckning* saknas
                  - near: {terms: ["*dokumentation"], with: [ofullständig*, bristfällig journalföring?], within: 3}
                  - clause: {parts: [[anteckningarna], [fördes inte]]}
                none: [ingen brist]
                polarity: deficit
                priority: -2
                match: [Journalanteckningarna saknas i flera ärenden.]
                no_match: [Dokumentationen var utförlig.]
              - id: dok.brist
                all: [dokumentation*, brist*]
                replaces: [dok.saknas]
                match: [Nämnden har brister i dokumentationen.]
            """),
        ("negation.yaml", """
            negation:
              window: 4
              before: [inga, {cue: inte, within: 2}]
              after: [saknas inte]
              exceptions: [ingen av]
              clause_words: [men, medan]
              examples:
                negated: [Inga brister i dokumentationen hittades.]
                not_negated: [Ingen av anteckningarna fanns, men brister fanns.]
            """),
        ("polarity.yaml", """
            polarity:
              deficit: [brister, saknas]
              improvement: [har förbättrat]
              exceptions: [inte bara]
              examples:
                deficit: [Journalanteckningar saknas.]
            """),
        ("skip.yaml", """
            skip:
              terms: [vill du]
              sections: [Tillämpliga bestämmelser, Bakgrund]
              background_sections: [Syfte, Metod]
              examples:
                skipped: [Vill du anmäla brister i dokumentationen?]
            """),
        ("relevance.yaml", """
            field: relevance
            evidence: [tillsyn]
            against: [vard]
            rules:
              - {id: rel.ivo, value: tillsyn, any: [ivo]}
              - {id: rel.vard, value: vard, any: [vårdcentral*]}
            """),
        ("relevance-model.yaml", """
            relevance_model:
              bias: -1.75
              weights: {tillsyn: 0.3125, vard: -2.5}
            """),
    ]

    @Test func aPackWrittenAndReadBackIsTheSamePackAndTheSameBytes() throws {
        let pack = try RulePack.parse(files: Self.files, segmenter: try Segmenter())
        let gazetteer = try Gazetteer(tsv: "0180\tStockholm\tStockholms län\t0\n1490\tBorås\tVästra Götalands län\t0\n0188\tNorrtälje\tStockholms län\t0\n",
                                      places: [("orter.tsv", "Rimbo\tNorrtälje\tort\nSpånga\tStockholm\tstadsdel\n")])
        let bytes = CompiledPack.encode(pack: pack, gazetteer: gazetteer, digest: PackFormat.digest(files: Self.files))
        let sections = try CompiledPack.sections(bytes)
        let decoded = try CompiledPack.rules(sections.rules)
        #expect(decoded == pack)
        #expect(decoded.rules.first?.polarity == .deficit && decoded.rules.first?.priority == -2)
        #expect(decoded.skip.sectionHeadings == pack.skip.sectionHeadings && !pack.skip.sectionHeadings.isEmpty)
        #expect(decoded.skip.backgroundHeadings == pack.skip.backgroundHeadings && !pack.skip.backgroundHeadings.isEmpty)
        #expect(decoded.relevance.model.weights["vard"] == -2.5)
        #expect(try CompiledPack.gazetteer(sections.gazetteer) == gazetteer)
        #expect(CompiledPack.encode(pack: decoded, gazetteer: gazetteer, digest: PackFormat.digest(files: Self.files)) == bytes)
        #expect(try PackReader.digest(of: bytes) == PackFormat.digest(files: Self.files))
        #expect(try RulePack.version(decoding: sections.rules) == pack.version)
        // Valid UTF-8, so that it can stand in a string literal.
        #expect(String(validating: bytes, as: UTF8.self) != nil)
        // The matcher's tables and the place-name index as built, and a matcher of the decoded
        // tables finding in a sentence what one of the pack finds.
        let tables = try CompiledPack.tables(sections)
        #expect(tables == MatcherTables(pack: pack))
        var places = sections.places
        #expect(try MunicipalityIndex(decoding: &places, gazetteer: gazetteer) == MunicipalityIndex(gazetteer: gazetteer))
        let segmenter = try Segmenter()
        let built = Matcher(pack: pack), decodedMatcher = try CompiledPack.matcher(decoded, tables: tables)
        for sentence in ["Journalanteckningarna saknas i flera ärenden.", "Inga brister i dokumentationen hittades, men IVO granskar vidare.",
                         "Nämnden har brister i dokumentationen och journalföringen är ofullständig."] {
            let tokens = segmenter.tokenized(sentence)
            #expect(decodedMatcher.match(tokens) == built.match(tokens), "\(sentence)")
        }
        #expect(!built.match(segmenter.tokenized("Nämnden har brister i dokumentationen.")).isEmpty)
        let finder = try CompiledPack.places(sections)
        #expect(finder.find(in: ["Socialnämnden i Norrtälje fick kritik, liksom en förskola i Rimbo."]) == ["Norrtälje"])
        #expect(finder.find(in: ["Boende i Spånga berättar."]) == MunicipalityFinder(gazetteer: gazetteer).find(in: ["Boende i Spånga berättar."]))
    }

    /// An automaton stored breadth-first and read back finds every occurrence the built one finds
    /// (patterns that share beginnings and endings, and one that is part of another).
    @Test func anAutomatonReadBackScansAsTheBuiltOne() throws {
        let patterns = [" orosanmäl", "anmälan ", "mäl", " familjehem", "hem", "hemsplacering ", " vite ", "ite", " vitesföreläggande "].map { Array($0.utf8) }
        let built = AhoCorasick(patterns: patterns)
        var w = PackWriter()
        built.encode(into: &w)
        w.endSection()
        var r = try PackReader.sections(of: w.finish(digest: ""))[0]
        let decoded = try AhoCorasick(decoding: &r)
        try r.finish()
        #expect(decoded == built)
        let text = Array(" orosanmälan gällde familjehemsplaceringen och ett vitesföreläggande om vite ".utf8)
        var one: [[Int]] = [], other: [[Int]] = []
        text.withUnsafeBufferPointer { buf in
            built.scan(buf) { one.append([$0, $1]) }
            decoded.scan(buf) { other.append([$0, $1]) }
        }
        #expect(other == one && one.count >= 8)
    }

    /// A compiled form damaged anywhere in the matcher's tables or the place-name index (a digit
    /// changed) is refused or read as some other valid tables: never read out of bounds.
    @Test func damagedTablesAreRefusedNotReadOutOfBounds() throws {
        let pack = try RulePack.parse(files: Self.files, segmenter: try Segmenter())
        let gazetteer = try Gazetteer(tsv: "0180\tStockholm\tStockholms län\t0\n0188\tNorrtälje\tStockholms län\t0\n",
                                      places: [("orter.tsv", "Rimbo\tNorrtälje\tort\n")])
        let bytes = CompiledPack.encode(pack: pack, gazetteer: gazetteer, digest: "")
        let sections = try CompiledPack.sections(bytes)
        let segmenter = try Segmenter()
        var refused = 0, positions = 0
        for position in stride(from: sections.matcher.offset, to: bytes.count, by: 3) where (0x30..<0x70).contains(bytes[position]) {
            for digit: UInt8 in [0x30, 0x3F, 0x4F, 0x55] where digit != bytes[position] {
                var damaged = bytes
                damaged[position] = digit
                positions += 1
                do {
                    let s = try CompiledPack.sections(damaged)
                    let matcher = try CompiledPack.matcher(try CompiledPack.rules(s.rules), tables: try CompiledPack.tables(s))
                    _ = matcher.match(segmenter.tokenized("Journalanteckningarna saknas i flera ärenden."))
                    _ = try CompiledPack.places(s).find(in: ["Socialnämnden i Norrtälje."])
                } catch {
                    refused += 1
                }
            }
        }
        #expect(positions > 300 && refused > 0)
    }

    @Test func numbersOfEverySizeAndSignComeBackAsWritten() throws {
        let ints = [0, 1, -1, 31, 32, -33, 1023, 1 << 40, Int.max, Int.min]
        let doubles = [0.0, -0.0, 1.5, -1.75, .pi, .greatestFiniteMagnitude, .infinity]
        var w = PackWriter()
        for i in ints { w.int(i) }
        for d in doubles { w.double(d) }
        w.strings(["kommun", "", "Åre", "kommun"])
        w.endSection()
        var r = try PackReader.sections(of: w.finish(digest: ""))[0]
        #expect(try ints.map { _ throws(PackFormatError) in try r.int() } == ints)
        #expect(try doubles.map { _ throws(PackFormatError) in try r.double().bitPattern } == doubles.map(\.bitPattern))
        #expect(try r.strings() == ["kommun", "", "Åre", "kommun"])
        try r.finish()
    }

    @Test func aDamagedFormIsRefusedWithWhereItBroke() throws {
        let bytes = RulePackLoader.compiled
        // A stale form is not embedded (the test above says so): nothing to cut.
        try #require(!bytes.isEmpty, "no compiled pack is embedded")
        // Cut short anywhere: an error, never a crash or a partial pack.
        for cut in stride(from: 0, to: bytes.count, by: bytes.count / 7) {
            #expect(throws: PackFormatError.self) {
                let sections = try CompiledPack.sections(Array(bytes[..<cut]))
                _ = try CompiledPack.rules(sections.rules)
                _ = try CompiledPack.gazetteer(sections.gazetteer)
            }
        }
        var otherVersion = bytes
        otherVersion[PackFormat.magic.count] += 1
        do {
            _ = try CompiledPack.sections(otherVersion)
            Issue.record("a form of another version was read")
        } catch {
            #expect(error.offset == PackFormat.magic.count)
            #expect(error.description.contains("format version"))
        }
        // A byte that is no digit where a number must stand.
        var damaged = bytes
        damaged[PackFormat.magic.count] = UInt8(ascii: "!")
        #expect(throws: PackFormatError.self) { try CompiledPack.sections(damaged) }
    }

    /// A rule's target is an index (into scratch tables of one entry per rule): one past the
    /// rules is refused where the table stands, never read out of bounds while matching.
    @Test func aRuleTargetPastTheRulesIsRefused() throws {
        let tables = MatcherTables(pack: try RulePack.parse(files: Self.files, segmenter: try Segmenter()))
        var w = PackWriter()
        tables.encode(into: &w)
        w.endSection()
        var form = w.finish(digest: "")
        var r = try PackReader.sections(of: form)[0]
        _ = try MatcherTables(decoding: &r)
        r = try PackReader.sections(of: form)[0]
        _ = try r.count()  // the patterns
        let table = r.offset
        _ = try r.count()  // the rules, then their targets
        try #require(tables.ruleCount < 31 && form[r.offset] < 0x50, "the first target is one byte")
        form[r.offset] = 0x30 + 31
        var damaged = try PackReader.sections(of: form)[0]
        do {
            _ = try MatcherTables(decoding: &damaged)
            Issue.record("a target past the rules was read")
        } catch {
            #expect(error.offset == table)
            #expect(error.description.contains("target"))
        }
    }
}
