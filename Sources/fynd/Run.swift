import ArgumentParser
import Foundation
import FyndPipeline
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Process documents and write one JSON line per document.",
        discussion: """
            PATH may be a .txt, .html/.htm or .jsonl file, a directory (read recursively, in sorted order), \
            or - for JSONL documents on standard input. With no PATH, corpus/ in the current folder is read \
            (the shipped corpus, in the repository's root).

            With --state, a nightly run over a growing archive processes only new and changed documents \
            (and everything again when the rule pack has changed). A run that sees fewer than half of the \
            stored documents counts none removed unless --allow-removals is given.

            Examples:
              fynd run corpus/seeds
              fynd run archive/ --jobs 2 --out results.jsonl
              fynd run archive/ --state archive.sqlite --out results.jsonl
              gzip -dc news.jsonl.gz | fynd run - > results.jsonl
            """
    )

    @Argument(help: "Files, directories, or - for JSONL on stdin.")
    var paths: [String] = []

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .long, help: ArgumentHelp("Write results to this file (atomically: a temporary file, then a rename).", valueName: "file"))
    var out: String?

    @Option(name: .long, parsing: .unconditional, help: "Worker threads.")
    var jobs: Int = 1

    @Option(name: .customLong("max-doc-bytes"), help: "Documents larger than this get a too_large error record.")
    var maxDocBytes: Int = 50 * 1024 * 1024

    @Flag(name: .customLong("emit-text"), help: "Add the normalised text to each line as \"text\".")
    var emitText = false

    @Flag(name: .customLong("all-findings"), help: "List findings in documents that are not relevant too (slower: finding rules are then matched in every document).")
    var allFindings = false

    @Flag(help: "Exit with status 1 when any document failed.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("A SQLite file that remembers each document's hash and result: unchanged documents under an unchanged rule pack are not processed again.", valueName: "file.sqlite"))
    var state: String?

    @Flag(help: "Continue an interrupted run into the same --out file (its .partial file), without doing a document twice.")
    var resume = false

    @Flag(name: .customLong("allow-removals"), help: "With --state: count stored documents removed even when this run saw fewer than half of them (without it, such a run keeps them, says so and fails).")
    var allowRemovals = false

    func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
        guard maxDocBytes > 0 else { throw ValidationError("--max-doc-bytes must be positive") }
        guard !paths.isEmpty || FileWalker.isDirectory(defaultCorpus) else { throw noInputError("run") }
    }

    func run() throws {
        let inputPaths = paths.isEmpty ? [defaultCorpus] : paths
        if let out, let input = inputPaths.first(where: { $0 != "-" && Self.isOutput($0, out: out) }) {
            printError("fynd: \(input) is both an input and the --out file; write the results to another file")
            throw ExitCode(2)
        }
        // First, so that a signal from here on stops the run cleanly (and once the partial file
        // exists, the handlers are in place).
        Interruption.install()
        let options = OutputOptions(emitText: emitText, allFindings: allFindings)
        let runner = try Runner(extractor: try ruleOptions.load(), jobs: jobs, options: options)
        let matcher = runner.matcher
        // The state lock first, then the output's: a second run refuses before it touches either.
        let store: StateStore?
        let sink: OutputFile
        do {
            store = try state.map { try StateStore(path: $0, rulesVersion: matcher.pack.version + options.stateSuffix) }
            let settings = "rules \(matcher.pack.version)\(options.stateSuffix), --max-doc-bytes \(maxDocBytes)"
            sink = try OutputFile(path: out, resume: resume, settings: settings)
        } catch {
            printError("fynd: \(error)")
            throw ExitCode(2)
        }
        let inputs = Inputs(paths: inputPaths, maxDocBytes: maxDocBytes, excluding: [out, sink.partialPath].compactMap { $0 },
                            excludedReason: "it is this run's output", interrupted: Interruption.requested)
        let unread = UnreadDirectories.report(paths)
        if let store, let reason = store.reprocessReason {
            printError("fynd: state \(state!): \(reason) since the documents were stored: they are processed again (counted changed)")
        }
        for skipped in inputs.skipped { printError("fynd: skipping \(skipped.path): \(skipped.reason)") }
        do {
            let done = try Resume.skip(sink.resumedIDs, in: inputs)
            try store?.markSeen(done)
        } catch {
            printError("fynd: \(error)")
            throw ExitCode(2)
        }
        if !sink.resumedIDs.isEmpty { printError("fynd: resuming after \(counted(sink.resumedIDs.count, "document"))") }
        let started = ContinuousClock.now
        let showProgress = isTerminal(2)
        var failures = FailureLog(clearLine: showProgress)
        let summary: RunSummary
        do {
            summary = try runner.run(inputs, state: store, write: { failures.note($0); try sink.write($0) }, shouldStop: Interruption.requested) { s in
                try sink.flush()
                if showProgress { printProgress(s, done: inputs.bytesRead, total: inputs.totalBytes, since: started) }
            }
        } catch {
            // The state file or the output failed mid-run (a damaged database, a full disk).
            try? sink.flush()
            if showProgress { clearProgressLine() }
            let kept = sink.partialPath.map { "; \(out!) is unchanged, the results so far are in \($0)" } ?? ""
            printError("fynd: \(error)\(kept)")
            throw ExitCode(2)
        }
        if Interruption.requested() {
            try? sink.flush()
            if showProgress { clearProgressLine() }
            let done = sink.resumedIDs.count + summary.documents
            if let partial = sink.partialPath {
                printError("fynd: interrupted after \(counted(done, "document")); \(out!) is unchanged, the results so far are in \(partial): run again with --resume to finish")
            } else {
                printError("fynd: interrupted after \(counted(done, "document"))")
            }
            throw ExitCode(Interruption.exitStatus)
        }
        if showProgress { clearProgressLine() }
        if let store, let refused = try store.finish(allowRemovals: allowRemovals, keepingBelow: inputs.unreadableDirectories) {
            try sink.flush()
            let kept = sink.partialPath.map { " \(out!) is unchanged; this run's lines are in \($0)." } ?? ""
            printError("fynd: state \(state!): \(refused).\(kept)")
            throw ExitCode(1)
        }
        try sink.commit()
        if let store {
            let s = store.summary
            printError("fynd: state \(state!): \(s.new) new, \(s.changed) changed, \(s.unchanged) unchanged, \(s.removed) removed, \(s.failed) failed")
        }
        let seconds = Double((ContinuousClock.now - started).components.attoseconds) / 1e18 + Double((ContinuousClock.now - started).components.seconds)
        printError("fynd: \(counted(summary.documents, "document")) (\(summary.relevant) relevant, \(failures.summary(failed: summary.failed)))"
                   + String(format: " in %.2f s", seconds))
        if summary.documents > 0 && summary.failed == summary.documents { throw ExitCode(1) }
        if strict && (summary.failed > 0 || unread > 0) { throw ExitCode(1) }
    }

    /// True when `input` names the output file or its partial file (the same file, by device and inode).
    static func isOutput(_ input: String, out: String) -> Bool {
        guard let id = FileID(path: input) else { return false }
        return [out, out + ".partial"].contains { FileID(path: $0) == id }
    }

    /// Erases the progress line, so that a message starts on a clean line.
    private func clearProgressLine() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }

    /// "[#######.......]  42%  1234 documents  310 docs/s  4.2 MB/s  ETA 1m05s" on one terminal line.
    private func printProgress(_ s: RunSummary, done: Int, total: Int?, since start: ContinuousClock.Instant) {
        let elapsed = max(0.001, Double((ContinuousClock.now - start).components.seconds) + Double((ContinuousClock.now - start).components.attoseconds) / 1e18)
        var line = "\r\u{1B}[K"
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let filled = Int(fraction * 24)
            let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
            line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 24 - filled) + "]"
            line += String(format: " %3.0f%%", fraction * 100)
            line += String(format: "  ETA %dm%02ds", Int(eta) / 60, Int(eta) % 60)
        }
        line += String(format: "  %d documents  %.0f docs/s  %.1f MB/s", s.documents, Double(s.documents) / elapsed, Double(done) / elapsed / 1e6)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
