import ArgumentParser
import FyndPipeline
import FyndSegment

@main
struct Fynd: ParsableCommand {
    /// The tool's version; raise it with each release.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "fynd",
        abstract: "Finds what Swedish news articles and decisions say about the supervision of social services.",
        discussion: """
            fynd reads plain text, HTML and JSONL documents, cuts them into Swedish sentences, matches the \
            rule pack (barnperspektiv, orosanmälan, förhandsbedömning, …) and writes one JSON line per document \
            with findings, their evidence sentences, and the municipality, outcome and deadlines.

            Example:
              fynd run corpus/seeds --out results.jsonl
            """,
        subcommands: [Run.self, CheckRules.self, Eval.self, Explain.self, Segment.self, Report.self, Cases.self, Profile.self, Features.self],
        defaultSubcommand: nil
    )

    /// Parses the command line and runs the command; for `fynd run` with the embedded pack, the
    /// pack is decoded on another thread meanwhile (`RulePackLoader.startEmbedded`): parsing is
    /// a sixth of a short run's start-up.
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "run", !arguments.contains(where: { $0 == "--rules" || $0.hasPrefix("--rules=") }) {
            RulePackLoader.startEmbedded()
        }
        main(nil)
    }

    @Flag(help: "Print fynd's version and the embedded rule pack's version (rules_version in the output).")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print("fynd \(Self.version)")
        print("rules_version \(try RulePackLoader.version(directory: nil))")
    }
}
