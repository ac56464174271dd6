import ArgumentParser
import Foundation
import FyndCases
import FyndReport

struct Cases: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "Group the documents that report one supervision case, across outlets and years.",
        discussion: """
            Reads result JSONL from `fynd run` and writes one JSON line per case: its municipality, supervisor \
            (IVO, JO, the auditors, lex Sarah), diary numbers, the documents in date order with the outcomes \
            each reports (pagaende, kritik, redovisning, forelaggande, vite, avslutat), its current state and \
            why each document joined. Only documents about supervision that name one to three municipalities \
            are grouped. docs/cases.md describes the output and the rules.

            Examples:
              fynd run corpus/cases --out results.jsonl && fynd cases results.jsonl --out cases.jsonl
              fynd cases results.jsonl | jq -c 'select(.state == "forelaggande")'
            """
    )

    @Argument(help: "Result JSONL from `fynd run`.")
    var results: String

    @Option(help: ArgumentHelp("Write the cases here instead of standard output.", valueName: "file.jsonl"))
    var out: String?

    func run() throws {
        let docs = try readResults(results)
        let cases = CaseGrouping().cases(docs.compactMap(\.caseDocument))
        let text = try SupervisionCase.jsonLines(cases)
        if let out {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        let grouped = Set(cases.flatMap { $0.documents.map(\.id) }).count
        printError("fynd: \(counted(cases.count, "case")) from \(counted(grouped, "document")) of \(docs.count)\(out.map { " in \($0)" } ?? "")")
    }
}
