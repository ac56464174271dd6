import ArgumentParser

@main
struct Fynd: ParsableCommand {
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
        subcommands: [Run.self, CheckRules.self, Eval.self, Explain.self, Segment.self, Report.self, Profile.self, Features.self],
        defaultSubcommand: nil
    )
}
