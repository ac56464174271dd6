import ArgumentParser
import Foundation
import FyndPipeline
import FyndRules
import FyndSegment

struct CheckRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-rules",
        abstract: "Parse and lint a rule pack and run every example it carries.",
        discussion: """
            Reports problems as file:line:column: message, all of them at once. Lints duplicate ids, rules that \
            replace unknown rules, and terms that none of a rule's own examples uses. Prints a table per category \
            and exits non-zero on any failure.

            Examples:
              fynd check-rules            (the embedded pack)
              fynd check-rules rules/     (a pack being edited)
              fynd check-rules rules --compile rules/compiled.pack
                                          (after editing rules/: the compiled pack the next build embeds)
            """
    )

    @Argument(help: "A rule-pack directory; the embedded pack when left out.")
    var directory: String?

    @Option(help: ArgumentHelp("When every check passes, write the pack compiled to this file (rules/compiled.pack is the one "
                               + "builds embed; start-up reads it instead of the YAML).", valueName: "file"))
    var compile: String?

    func run() throws {
        let matcher = try RuleOptions.parse(directory.map { ["--rules", $0] } ?? []).load(parsing: true).matcher
        var runner = ExampleRunner(matcher: matcher, segmenter: try Segmenter())
        let (checked, failures) = runner.run()
        let lint = RuleLint.run(matcher: matcher, runner: &runner)
        print(RuleTable.render(matcher: matcher))
        for f in failures { print("error: \(f)") }
        for w in lint { print("warning: \(w)") }
        print("\(counted(matcher.rules.count, "rule")) in \(counted(matcher.pack.files.count, "file")); \(counted(checked, "example")) checked, "
              + "\(failures.count) failed; \(counted(lint.count, "lint warning"))")
        print("\(checked - failures.count) passed, \(failures.count) failed")
        if let compile, failures.isEmpty {
            guard FileManager.default.createFile(atPath: compile, contents: Data(try RulePackLoader.compile(directory: directory))) else {
                printError("fynd: cannot write \(compile)")
                throw ExitCode(2)
            }
            print("compiled pack written to \(compile); build fynd again to embed it")
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
