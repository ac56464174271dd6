import Foundation
import FyndCases
import FyndCore
import FyndPipeline
import FyndReport
import Testing

@Suite struct CaseGroupingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The result lines `fynd run` gives for `paths`, as the report reads them.
    static func results(_ paths: [String]) throws -> [ReportDocument] {
        let (pack, gazetteer) = try RulePackLoader.load(directory: nil, segmenter: try .init())
        let runner = try Runner(matcher: .init(pack: pack), gazetteer: gazetteer, jobs: 1)
        var lines: [[UInt8]] = []
        _ = try runner.run(Inputs(paths: paths, maxDocBytes: 1 << 20)) { lines.append($0) }
        return try lines.map { try ReportDocument.parse(Data($0)) }
    }

    /// The documents of corpus/cases as `fynd run` reports them, made by the pipeline.
    static func documents() throws -> [CaseDocument] {
        try results([root.appendingPathComponent("corpus/cases").path]).compactMap(\.caseDocument)
    }

    /// corpus/cases/gold.jsonl: the documents of each case.
    static func gold() throws -> [[String]] {
        let text = try String(contentsOf: root.appendingPathComponent("corpus/cases/gold.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["documents"] as? [String])
        }
    }

    @Test func documentsOfOneCaseGoTogetherAndOfTwoCasesApart() throws {
        let docs = try Self.documents()
        let gold = try Self.gold()
        #expect(docs.count == gold.joined().count, "every test document is about supervision and names its municipality")
        let cases = CaseGrouping().cases(docs)
        var caseOf: [String: [String]] = [:]
        for c in cases { for d in c.documents { caseOf[d.id, default: []].append(c.id) } }
        let casesOf = { (ids: [String]) in Set(ids.flatMap { caseOf[$0] ?? [] }) }
        for ids in gold {
            for id in ids { #expect(caseOf[id]?.count == 1, "\(id) is in one case: \(caseOf[id] ?? [])") }
            #expect(casesOf(ids).count == 1, "one case: \(ids.map { "\($0) → \(caseOf[$0] ?? [])" })")
        }
        for (i, a) in gold.enumerated() {
            for b in gold[(i + 1)...] {
                let apart = casesOf(a).isDisjoint(with: casesOf(b))
                #expect(apart, "apart: \(a[0]) and \(b[0])")
            }
        }
    }

    @Test func aCaseTellsItsStepsInDateOrderAndWhereItStands() throws {
        let cases = CaseGrouping().cases(try Self.documents())
        let first = try #require(cases.first { $0.documents.contains { $0.id == "hudiksvall-2023-1-beslut" } })
        #expect(first.municipality == "Hudiksvall")
        #expect(first.supervisor == .ivo)
        #expect(first.caseNumbers.contains(where: { $0.kind == .ivo && $0.number == "8.5-14502/2023" }))
        #expect(first.caseNumbers.contains(where: { $0.kind == .kommun && $0.number == "SN2023/118" }))
        #expect(first.documents.map(\.published) == first.documents.map(\.published).sorted { ($0 ?? "9") < ($1 ?? "9") })
        #expect(first.events.first?.event == "kritik")
        #expect(first.state == "avslutat")
        #expect(first.id == "hudiksvall-ivo-2023")
        let answer = try #require(first.documents.first { $0.id == "hudiksvall-2023-4-namndens-svar" })
        #expect(answer.grouping.contains("samma diarienummer: 8.5-14502/2023"))
        let later = try #require(cases.first { $0.documents.contains { $0.id == "hudiksvall-2025-2-beslut" } })
        #expect(later.state == "forelaggande")
        let jo = try #require(cases.first { $0.documents.contains { $0.id == "hudiksvall-2023-jo-1-beslut" } })
        #expect(jo.supervisor == .jo)
        #expect(jo.caseNumbers.map(\.kind) == [.jo])
    }

    @Test func theSameInputInAnyOrderGivesTheSameLines() throws {
        let docs = try Self.documents()
        let lines = try SupervisionCase.jsonLines(CaseGrouping().cases(docs))
        #expect(try SupervisionCase.jsonLines(CaseGrouping().cases(docs.reversed())) == lines)
        #expect(try SupervisionCase.jsonLines(CaseGrouping().cases(docs.shuffled())) == lines)
        #expect(lines.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"area\":") && $0.contains("\"case\":") })
    }

    @Test func diaryNumbersOfEachAuthority() {
        let numbers = { (text: String) in CaseNumber.all(in: text).map { "\($0.kind.rawValue) \($0.number)" } }
        #expect(numbers("IVO:s beslut i ärendet, Dnr 8.5-20731/2024, kom i veckan.") == ["ivo 8.5-20731/2024"])
        #expect(numbers("Granskningen (3.5.1-01234/2022) visar brister.") == ["ivo 3.5.1-01234/2022"])
        #expect(numbers("JO:s beslut den 4 maj, dnr 1234-2019, riktar kritik mot nämnden.") == ["jo 1234-2019"])
        #expect(numbers("Nämndens diarienummer: SN 2023/118 och dnr KS 2022.0456.") == ["kommun SN2023/118", "kommun KS2022.0456"])
        #expect(numbers("Mellan 2019-2023 ökade anmälningarna med 14 procent.").isEmpty)
        #expect(numbers("Dnr saknas i kommunens svar.").isEmpty)
        // A number is read whole, also where it runs past the 80 bytes read after an earlier label.
        #expect(numbers("Dnr 8.5-12345/2023. Nämnden fick ny kritik i ett äldre ärende, dnr SN 2023/1234, i våras.")
            == ["ivo 8.5-12345/2023", "kommun SN2023/1234"])
        // Labels that begin with "ä"/"Ä" anywhere in a block of sixteen bytes, and a number in the last bytes.
        #expect(numbers("Överförmyndarnämnden i Ekby har ärendenummer SN 2021/77 och Ärendenr: 2020/15, IVO 1.2-345/2022")
            == ["kommun SN2021/77", "kommun 2020/15", "ivo 1.2-345/2022"])
    }

    @Test func aDiaryNumberJoinsAcrossYearsAndAnotherKeepsApart() {
        func doc(_ id: String, _ date: String, _ sentence: String, outcome: [String] = ["kritik"]) -> CaseDocument {
            CaseDocument(id: id, title: "IVO granskar socialtjänsten i Ljusdal", published: date, municipalities: ["Ljusdal"], area: ["barn_unga"],
                         outcome: outcome, categories: ["utredning"], text: [sentence])
        }
        let docs = [
            doc("a", "2021-02-01", "IVO riktar kritik mot nämnden i ärende dnr 8.5-11111/2020 för långa utredningstider."),
            doc("b", "2021-02-03", "I ett annat ärende, dnr 8.5-22222/2020, kritiserar IVO att utredningar inte avslutats."),
            doc("c", "2023-09-01", "IVO avslutar nu ärendet dnr 8.5-11111/2020 sedan utredningstiderna kortats.", outcome: ["avslutat"]),
            doc("d", "2021-02-10", "IVO kritiserar utredningarna i Ljusdal, där barn väntat i månader."),
        ]
        let cases = CaseGrouping().cases(docs)
        let ids = Set(cases.map { $0.documents.map(\.id) }.map { $0.sorted().joined(separator: " ") })
        // d names no number and fits both: it joins the case begun last, b's.
        #expect(ids == ["a c", "b d"])
        #expect(cases.map(\.id).sorted() == ["ljusdal-ivo-2021", "ljusdal-ivo-2021-2"])
    }

    @Test func aDiaryNumberInTheInputsMetadataJoinsDocumentsYearsApart() throws {
        func line(_ id: String, _ date: String, _ outcome: String, _ sentence: String) -> String {
            #"{"id":"\#(id)","published":"\#(date)","relevant":true,"rules_version":"r","municipality":["Bollnäs"],"outcome":["\#(outcome)"],"#
                + #""categories":["utredning"],"metadata":{"dnr":"8.5-40001/2024","url":"https://example.se/\#(id)"},"#
                + #""findings":[{"category":"utredning","rule":"u","polarity":"deficit","negated":false,"sentence":1,"start":0,"end":5,"evidence":"\#(sentence)"}]}"#
        }
        let docs = try [line("beslut", "2024-03-03", "kritik", "IVO riktar kritik mot utredningarna av barn i Bollnäs."),
                        line("avslut", "2027-01-09", "avslutat", "IVO avslutar ärendet om utredningarna sedan nämnden rättat bristerna.")]
            .map { try #require(try ReportDocument.parse(Data($0.utf8)).caseDocument) }
        let cases = CaseGrouping().cases(docs)
        #expect(cases.map { $0.documents.map(\.id) } == [["beslut", "avslut"]])
        #expect(cases.first?.state == "avslutat")
        #expect(CaseGrouping().cases([docs[0], docs[1].withText([])]).count == 2, "without the number, three years apart")
    }

    @Test func aDiaryNumberOnlyInADecisionsLetterheadJoinsItsFollowUpYearsLater() throws {
        // The number stands in the heading lines, never in a sentence that gives a finding.
        let decision = """
            Inspektionen för vård och omsorg
            Dnr 8.5-27311/2024
            Beslut 2024-04-12

            IVO har granskat socialnämnden i Sandvikens kommun. Nämnden har inte gjort förhandsbedömningar av orosanmälningar inom fjorton dagar. IVO riktar kritik mot socialnämnden.
            """
        let followUp = """
            Inspektionen för vård och omsorg
            Diarienummer 8.5-27311/2024
            Beslut 2027-02-01

            IVO har följt upp socialnämnden i Sandvikens kommun. Nämnden gör nu förhandsbedömningar av orosanmälningar i tid. IVO avslutar ärendet.
            """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fynd-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("beslut.jsonl")
        let lines = [("beslut-2024", "2024-04-12", decision), ("uppfoljning-2027", "2027-02-01", followUp)].map { id, date, text in
            String(decoding: try! JSONSerialization.data(withJSONObject: ["id": id, "published": date, "text": text]), as: UTF8.self)
        }
        try lines.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let reports = try Self.results([input.path])
        #expect(reports.map(\.caseNumbers) == [["8.5-27311/2024"], ["8.5-27311/2024"]], "the letterhead's number in `case_numbers`")
        let docs = try reports.map { try #require($0.caseDocument) }
        #expect(!docs.contains { $0.text.joined().contains("27311") }, "the number is in no evidence sentence")
        let cases = CaseGrouping().cases(docs)
        #expect(cases.map { $0.documents.map(\.id) } == [["beslut-2024", "uppfoljning-2027"]])
        #expect(cases.first?.state == "avslutat")
    }

    @Test func aSurveyIsNoCaseAndAnUndatedDocumentJoinsOnlyTheOneCaseWithItsFindings() {
        let survey = CaseDocument(id: "nationell", published: "2024-01-10", municipalities: ["Ale", "Borås", "Gävle", "Lund"],
                                  categories: ["orosanmalan"], text: ["IVO har granskat orosanmälningar i fyra kommuner."])
        let dated = CaseDocument(id: "beslut", published: "2024-01-12", municipalities: ["Ale"], categories: ["orosanmalan"],
                                 text: ["IVO kritiserar socialnämnden i Ale för sena förhandsbedömningar av orosanmälningar."])
        let undated = CaseDocument(id: "notis", municipalities: ["Ale"], categories: ["orosanmalan"],
                                   text: ["Ale kommun får kritik av IVO för hanteringen av orosanmälningar."])
        let other = CaseDocument(id: "lss-notis", municipalities: ["Ale"], categories: ["lss"],
                                 text: ["IVO granskar beslut om personlig assistans enligt LSS i Ale."])
        let cases = CaseGrouping().cases([survey, dated, undated, other])
        #expect(cases.map { $0.documents.map(\.id) } == [["beslut", "notis"], ["lss-notis"]])
        #expect(cases[0].documents.map(\.published) == ["2024-01-12", nil])
    }
}

extension CaseDocument {
    /// The same document with other text (and so no diary number from its metadata).
    func withText(_ text: [String]) -> CaseDocument {
        CaseDocument(id: id, published: published, municipalities: municipalities, area: area, outcome: outcome,
                     tillsynstyp: tillsynstyp, categories: categories, text: text)
    }
}
