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
        let paths = ["corpus/seeds", "corpus/articles", "corpus/cases", "corpus/bad/empty.txt"].map { root.appendingPathComponent($0).path }
        _ = try runner.run(Inputs(paths: paths, maxDocBytes: 1 << 20)) { lines.append($0) }
        return try lines.map { try ReportDocument.parse(Data($0)) }
    }

    /// Relevant documents according to the gold files of the seeds and the test articles.
    static func goldRelevant() throws -> Int {
        try ["corpus/seeds/gold.jsonl", "corpus/articles/gold.jsonl"].reduce(0) { total, file in
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            return total + text.split(separator: "\n").filter { !$0.contains("\"relevant\": false") }.count
        } + (try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("corpus/cases").path)).count { $0.hasSuffix(".txt") }
    }

    @Test func summaryCountsWhatTheResultsSay() throws {
        let docs = try Self.documents()
        let s = ReportSummary(docs)
        let files = try ["corpus/seeds", "corpus/articles", "corpus/cases"].reduce(0) { total, dir in
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

    @Test func htmlIsSelfContainedWithMapChartsAndCases() throws {
        let docs = try Self.documents()
        let html = HTMLReport.render(docs)
        #expect(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"))
        #expect(!html.contains("https://"))
        #expect(!html.contains("<script src"))
        #expect(!html.contains("<link"))
        #expect(html.contains("id=\"search\""))
        #expect(HTMLReport.render([]).contains("Inga uppgifter"))
        // The map: every municipality once, shaded by its cases; Hudiksvall has three.
        let map = String(html[try #require(html.firstRange(of: #/<svg class="map".*?</svg>/#))])
        #expect(map.components(separatedBy: "<path ").count - 1 == 290)
        #expect(map.contains("data-k=\"Hudiksvall\"><title>Hudiksvall: 3 ärenden</title>"))
        #expect(map.contains("data-k=\"Arjeplog\"><title>Arjeplog: 0 ärenden</title>"))
        #expect(html.contains("Statistiska centralbyrån"))
        // The cases go to the page's script, each with its documents for the timeline.
        let data = try Self.pageData(html)
        let cases = try #require(data["cases"] as? [[String: Any]])
        let hudiksvall = try #require(cases.first { $0["id"] as? String == "hudiksvall-ivo-2023" })
        #expect((hudiksvall["docs"] as? [[String: Any]])?.count == 5)
        #expect(hudiksvall["st"] as? String == "avslutat")
        #expect((data["docs"] as? [Any])?.count == docs.count { $0.relevant }, "the stories only")
    }

    @Test func labelsAreSwedishWithLegends() throws {
        let html = HTMLReport.render(try Self.documents())
        for legend in ["brist", "förbättring", "omnämnd", "föreläggande", "tillsyn pågår", "ska redovisa åtgärder", "inget utfall", "0", "2–3", "10 eller fler"] {
            #expect(html.contains("</i>\(legend)</span>"), "legend \(legend)")
        }
        #expect(html.contains("<title>handläggning, brist: "))
        #expect(html.contains(">efter klagomål<"))
        #expect(html.contains(">förhandsbedömning<"))
        #expect(!html.contains(">forelaggande<") && !html.contains(">handlaggning<") && !html.contains(">deficit<"))
        #expect(!html.contains("30 största"))
    }

    @Test func evidenceIsEachSentenceOnceWithTheMatchedWordsMarked() throws {
        let sentence = "IVO riktar kritik mot nämnden för brister i dokumentationen av orosanmälningar."
        let at = 57  // where the sentence starts in the document
        func finding(_ category: String, _ word: String) -> String {
            let start = at + sentence.unicodeScalars.distance(from: sentence.unicodeScalars.startIndex, to: sentence.range(of: word)!.lowerBound)
            return #"{"category":"\#(category)","rule":"\#(category).term","polarity":"deficit","negated":false,"sentence":3,"start":\#(start),"end":\#(start + word.unicodeScalars.count),"evidence":"\#(sentence)"}"#
        }
        let line = #"{"id":"a","relevant":true,"rules_version":"r","findings":["# + finding("dokumentation", "dokumentationen") + "," + finding("orosanmalan", "orosanmälningar") + "]}"
        let doc = try ReportDocument.parse(Data(line.utf8))
        #expect(doc.evidence.count == 1)
        #expect(doc.evidence[0].html == "IVO riktar kritik mot nämnden för brister i <mark>dokumentationen</mark> av <mark>orosanmälningar</mark>.")
        #expect(doc.evidence[0].findings.map(\.category) == ["dokumentation", "orosanmalan"])
    }

    @Test func aSentenceThatCannotBePlacedIsShownUnmarked() throws {
        // One three-letter match among several three-letter words, no category word to tell them apart.
        let sentence = "IVO såg att det var för sent."
        let line = #"{"id":"a","relevant":true,"rules_version":"r","findings":[{"category":"handlaggning","rule":"h","polarity":"mention","negated":false,"sentence":2,"start":130,"end":133,"evidence":"\#(sentence)"}]}"#
        let doc = try ReportDocument.parse(Data(line.utf8))
        #expect(doc.evidence.map(\.marks) == [[]])
        #expect(doc.evidence.map(\.html) == [sentence])
    }

    @Test func thePageStaysSmallOverAnArchive() throws {
        let places = ["Ljusdal", "Bollnäs", "Söderhamn", "Ovanåker", "Hofors"]
        var lines: [String] = []
        for i in 0..<24_000 {
            lines.append(##"{"id":"regeringen-\##(i)","title":"# Pressmeddelande \##(i) om budgeten","relevant":false,"rules_version":"r","findings":[]}"##)
        }
        let sentence = "IVO riktar kritik mot socialnämnden för att förhandsbedömningar av orosanmälningar dröjer och att dokumentationen brister i flera ärenden."
        for i in 0..<6_000 {
            let place = places[i % places.count], day = String(format: "20%02d-%02d-%02d", 15 + i % 10, 1 + i % 12, 1 + i % 28)
            lines.append(##"{"id":"nyhet-\##(i)","title":"# Kritik mot \##(place)","published":"\##(day)","relevant":true,"rules_version":"r","municipality":["\##(place)"],"outcome":["kritik"],"categories":["orosanmalan"],"##
                + #""findings":[{"category":"orosanmalan","rule":"o","polarity":"deficit","negated":false,"sentence":1,"start":\#(40 + 67),"end":\#(40 + 82),"evidence":"\#(sentence)"}]}"#)
        }
        let docs = try ResultsFile(Data(lines.joined(separator: "\n").utf8)).documents
        let html = HTMLReport.render(docs)
        #expect(html.utf8.count < 2_000_000, "\(html.utf8.count) bytes")
        #expect(html.contains("<b>24000</b> andra dokument (inte om tillsyn) räknas men visas inte"))
        let shown = try #require((try Self.pageData(html)["docs"] as? [[String: Any]])?.count)
        #expect(shown < 6_000 && html.contains("Visar de \(shown) senaste av 6000 dokument"))
        #expect(html.contains(#""t":"Kritik mot Ljusdal""#) && !html.contains("# Kritik"), "titles without Markdown's #")
    }

    /// The JSON the page's script reads.
    static func pageData(_ html: String) throws -> [String: Any] {
        let json = try #require(html.firstMatch(of: #/<script type="application/json" id="data">(.*?)</script>/#)).output.1
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
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
