import Foundation
import FyndPipeline
import FyndReport
import Testing

@Suite struct ReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Result lines of the seed and test articles, made by the pipeline.
    static func documents() throws -> [ReportDocument] {
        let (pack, gazetteer) = try RulePackLoader.load(directory: nil, segmenter: try .init())
        let runner = try Runner(matcher: .init(pack: pack), gazetteer: gazetteer, jobs: 1)
        var lines: [[UInt8]] = []
        let paths = ["corpus/seeds", "corpus/articles", "corpus/bad/empty.txt"].map { root.appendingPathComponent($0).path }
        _ = try runner.run(Inputs(paths: paths, maxDocBytes: 1 << 20)) { lines.append($0) }
        return try lines.map { try ReportDocument.parse(Data($0)) }
    }

    /// Relevant documents according to the gold files of the seeds and the test articles.
    static func goldRelevant() throws -> Int {
        try ["corpus/seeds/gold.jsonl", "corpus/articles/gold.jsonl"].reduce(0) { total, file in
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            return total + text.split(separator: "\n").filter { !$0.contains("\"relevant\": false") }.count
        }
    }

    @Test func summaryCountsWhatTheResultsSay() throws {
        let docs = try Self.documents()
        let s = ReportSummary(docs)
        let files = try ["corpus/seeds", "corpus/articles"].reduce(0) { total, dir in
            total + (try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent(dir).path)).filter { $0.hasSuffix(".txt") }.count
        }
        #expect(s.documents == files + 1)
        // Relevance comes from fitted weights: the summary counts the result lines, which match
        // the gold files but for at most 2 % of the documents.
        #expect(s.relevant == docs.count { $0.relevant })
        #expect(abs(s.relevant - (try Self.goldRelevant())) <= files / 50)
        #expect(s.failed == 1)
        // The 30 most named municipalities, the most named first: Lerum is in two articles.
        #expect(s.municipalities.count <= 30)
        #expect(s.municipalities.map(\.1) == s.municipalities.map(\.1).sorted(by: >))
        #expect(s.municipalities.contains { $0.0 == "Lerum" && $0.1 == 2 })
        #expect(s.outcomes.contains { $0.0 == "kritik" && $0.1 >= 3 })
        #expect(Set(s.polarity.map(\.0)).isSubset(of: ["deficit", "improvement", "mention"]))
        #expect(s.documentsPerYear.map(\.0) == s.documentsPerYear.map(\.0).sorted())
    }

    @Test func aDateWithoutAYearCountsAsAnUnknownYear() throws {
        let lines = [#"{"id":"a","relevant":true,"published":"--03-12","rules_version":"r"}"#,
                     #"{"id":"b","relevant":true,"published":"2019-03-12","rules_version":"r"}"#]
        let s = ReportSummary(try lines.map { try ReportDocument.parse(Data($0.utf8)) })
        #expect(s.documentsPerYear.map(\.0) == ["2019", "okänt"])
    }

    @Test func htmlIsSelfContainedWithChartsAndEvidence() throws {
        let html = HTMLReport.render(try Self.documents())
        #expect(html.components(separatedBy: "<svg").count - 1 == 5)
        #expect(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"))
        #expect(!html.contains("https://"))
        #expect(!html.contains("<script src"))
        #expect(!html.contains("<link"))
        #expect(html.contains("Dokumentationen i barnets akt."))
        #expect(html.contains("id=\"search\""))
        #expect(HTMLReport.render([]).contains("Inga uppgifter"))
    }

    @Test func csvQuotesAndMarkdownTables() throws {
        let csv = TableReports.csv(try Self.documents())
        let rows = csv.split(separator: "\n")
        #expect(rows.count == (try Self.documents()).count + 1)
        #expect(rows[0] == "id,title,published,relevant,municipality,area,outcome,categories,findings,error")
        #expect(TableReports.csv([]).split(separator: "\n").count == 1)
        let md = TableReports.markdown(try Self.documents())
        #expect(md.contains("## Fynd per kategori"))
        #expect(md.contains("| Österåker |"))
    }

    @Test func inputDocumentsAreRefusedWithTheReason() throws {
        let input = Data(#"{"id": "a", "text": "IVO riktar kritik mot socialnämnden.", "url": "https://example.se/a"}"#.utf8)
        let error = #expect(throws: NotAResult.self) { try ResultsFile(input + Data("\n".utf8) + input) }
        #expect(error?.description == #"not the output of `fynd run`: line 1: an input document (it has "text") without "rules_version", "relevant" or "error""#)
    }

    @Test func resultLinesAreKeptAndOthersSkippedByLineNumber() throws {
        let result = #"{"id": "a", "source": "a.txt", "relevant": true, "rules_version": "x"}"#
        let failure = #"{"id": "b", "source": "b.txt", "error": {"code": "empty", "message": "the file is empty"}}"#
        let file = try ResultsFile(Data("\(result)\n\n\(failure)\n{\"id\": \"c\", \"rel\n".utf8))
        #expect(file.documents.map(\.id) == ["a", "b"])
        #expect(file.documents.map(\.error) == [nil, "empty: the file is empty"])
        #expect(file.skipped.map(\.line) == [4])
        #expect(try ResultsFile(Data()).documents.isEmpty, "an empty run's output is results")
    }
}
