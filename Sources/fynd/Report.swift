import ArgumentParser
import Foundation
import FyndReport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Make a page people can look at from result JSONL: a map, cases with timelines, charts and a searchable table.",
        discussion: """
            The HTML page is self-contained (no network) and in Swedish: a map of Sweden with the cases per \
            municipality (click one to see its cases), documents per year by outcome, findings per category as \
            brist / förbättring / omnämnd, outcomes and tillsynstyp, each case (as `fynd cases` groups them) with \
            a timeline, and a paged table of the documents about supervision with each evidence sentence once, \
            its matched words marked. Other documents are counted, not listed; the page carries at most about \
            1.5 MB of data, the newest first (the CSV has every document).

            Examples:
              fynd run corpus --out results.jsonl && fynd report results.jsonl --html report.html
              fynd report results.jsonl --csv documents.csv --markdown report.md
            """
    )

    @Argument(help: "Result JSONL from `fynd run`.")
    var results: String

    @Option(help: ArgumentHelp("Write the HTML page here.", valueName: "file.html"))
    var html: String?

    @Option(help: ArgumentHelp("Write one CSV row per document here.", valueName: "file.csv"))
    var csv: String?

    @Option(help: ArgumentHelp("Write a Markdown summary here.", valueName: "file.md"))
    var markdown: String?

    func validate() throws {
        if html == nil && csv == nil && markdown == nil { throw ValidationError("say what to write: --html, --csv and/or --markdown") }
    }

    func run() throws {
        let docs = try readResults(results)
        for (path, text) in [(html, html.map { _ in HTMLReport.render(docs) }), (csv, csv.map { _ in TableReports.csv(docs) }),
                             (markdown, markdown.map { _ in TableReports.markdown(docs) })] {
            guard let path, let text else { continue }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            printError("fynd: wrote \(path)")
        }
    }
}

/// The documents of a results file; lines that are not results are named on stderr and
/// skipped; a file with none exits 1, an unreadable one 2.
func readResults(_ path: String) throws -> [ReportDocument] {
    guard let data = FileManager.default.contents(atPath: path) else {
        printError("fynd: cannot read \(path)")
        throw ExitCode(2)
    }
    let file: ResultsFile
    do { file = try ResultsFile(data) } catch {
        printError("fynd: \(path): \(error)")
        throw ExitCode(1)
    }
    for (line, reason) in file.skipped { printError("fynd: \(path):\(line): \(reason); skipped") }
    return file.documents
}
