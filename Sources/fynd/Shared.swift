import ArgumentParser
import Foundation
import FyndCore
import FyndExtract
import FyndPipeline
import FyndRules
import FyndSegment
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Options every command that matches rules takes.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A rule-pack directory to use instead of the embedded pack.", valueName: "dir"))
    var rules: String?

    /// The compiled pack and place-name index, or exit 2 with every diagnostic on stderr.
    /// `parsing`: the embedded pack from its YAML files, not its compiled form.
    func load(parsing: Bool = false) throws -> Extractor {
        do {
            let extractor = try RulePackLoader.extractor(directory: rules, parsing: parsing)
            loadedExtractors.withLock { $0.append(extractor) }
            return extractor
        } catch let error as RulePackError {
            printError("fynd: the rule pack has \(counted(error.diagnostics.count, "problem")); nothing was run:")
            printError(error.description)
            throw ExitCode(2)
        } catch let error as GazetteerError {
            printError("fynd: \(error)")
            throw ExitCode(2)
        } catch let error as PackFormatError {
            printError("fynd: \(error)")
            throw ExitCode(2)
        }
    }
}

/// The extractors this process loaded, kept to its end: freeing a pack's rules, strings and
/// tables at exit would cost millions of instructions and give back nothing.
private let loadedExtractors = Mutex<[Extractor]>([])

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Whether a file descriptor is a terminal (for progress and colour).
func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

/// The shipped corpus, used when `run` or `eval` gets no path.
let defaultCorpus = "corpus"

/// The usage error of a `command` given no path where the current folder has no `corpus/`.
func noInputError(_ command: String) -> ValidationError {
    ValidationError("""
        no input: give files or directories (fynd \(command) archive/), or - for JSONL on standard input \
        (gzip -dc news.jsonl.gz | fynd \(command) -); with no path, fynd reads corpus/ in the current folder, and there is none here
        """)
}

/// A count with its noun in the right number: "1 document", "2 documents".
func counted(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
}

/// A list in running text: "a", "a and b", "a, b and c".
func listed(_ items: [String]) -> String {
    items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
}
