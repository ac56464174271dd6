import ArgumentParser
import Foundation
import FyndPipeline
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Process documents and write one JSON line per document.",
        discussion: """
            PATH may be a .txt, .html/.htm or .jsonl file, a directory (read recursively, in sorted order), \
            or - for JSONL documents on standard input. With no PATH, corpus/ in the current folder is read \
            (the shipped corpus, in the repository's root).

            With --state, a nightly run over a growing archive processes only new and changed documents \
            (and everything again when the rule pack has changed).

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

    @Option(name: .long, help: "Worker threads.")
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

    func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
        guard maxDocBytes > 0 else { throw ValidationError("--max-doc-bytes must be positive") }
        guard !paths.isEmpty || FileWalker.isDirectory(defaultCorpus) else { throw noInputError("run") }
    }

    func run() throws {
        let (matcher, gazetteer) = try ruleOptions.load()
        let options = OutputOptions(emitText: emitText, allFindings: allFindings)
        let runner = try Runner(matcher: matcher, gazetteer: gazetteer, jobs: jobs, options: options)
        let inputs = Inputs(paths: paths.isEmpty ? [defaultCorpus] : paths, maxDocBytes: maxDocBytes)
        let unread = UnreadDirectories.report(paths)
        let sink: OutputFile
        do {
            sink = try OutputFile(path: out, resume: resume)
            try Resume.skip(sink.resumedIDs, in: inputs)
        } catch {
            printError("fynd: \(error)")
            throw ExitCode(2)
        }
        if !sink.resumedIDs.isEmpty { printError("fynd: resuming after \(counted(sink.resumedIDs.count, "document"))") }
        let store: StateStore?
        do {
            store = try state.map { try StateStore(path: $0, rulesVersion: matcher.pack.version + options.stateSuffix) }
        } catch {
            printError("fynd: \(error)")
            throw ExitCode(2)
        }
        Interruption.install()
        let started = ContinuousClock.now
        let showProgress = isTerminal(2)
        var failures = FailureLog(clearLine: showProgress)
        let summary = try runner.run(inputs, state: store, write: { failures.note($0); try sink.write($0) }, shouldStop: Interruption.requested) { s in
            try sink.flush()
            if showProgress { printProgress(s, done: inputs.bytesRead, total: inputs.totalBytes, since: started) }
        }
        if Interruption.requested() {
            try? sink.flush()
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            let done = sink.resumedIDs.count + summary.documents
            if let partial = sink.partialPath {
                printError("fynd: interrupted after \(counted(done, "document")); \(out!) is unchanged, the results so far are in \(partial): run again with --resume to finish")
            } else {
                printError("fynd: interrupted after \(counted(done, "document"))")
            }
            throw ExitCode(130)
        }
        try sink.commit()
        if let store {
            try store.finish()
            let s = store.summary
            printError("fynd: state \(state!): \(s.new) new, \(s.changed) changed, \(s.unchanged) unchanged, \(s.removed) removed, \(s.failed) failed")
        }
        let seconds = Double((ContinuousClock.now - started).components.attoseconds) / 1e18 + Double((ContinuousClock.now - started).components.seconds)
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        printError("fynd: \(counted(summary.documents, "document")) (\(summary.relevant) relevant, \(failures.summary(failed: summary.failed)))"
                   + String(format: " in %.2f s", seconds))
        if summary.documents > 0 && summary.failed == summary.documents { throw ExitCode(1) }
        if strict && (summary.failed > 0 || unread > 0) { throw ExitCode(1) }
    }

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
        line += "  " + counted(s.documents, "document") + String(format: "  %.0f docs/s  %.1f MB/s", Double(s.documents) / elapsed, Double(done) / elapsed / 1e6)
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// SIGINT and SIGTERM ask the run to stop after the current batch, so that the output holds
/// whole lines only and can be resumed.
enum Interruption {
    private static let flag = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in Interruption.flag.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in Interruption.flag.store(true, ordering: .relaxed) }
    }

    static func requested() -> Bool { flag.load(ordering: .relaxed) }
}
