import ArgumentParser
import Foundation
import FyndPipeline
#if canImport(Glibc)
import Glibc
#endif

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Process documents and write one JSON line per document.",
        discussion: """
            PATH may be a .txt, .html/.htm or .jsonl file, a directory (read recursively, in sorted order), \
            or - for JSONL documents on standard input. With no PATH, the shipped corpus/ is read.

            Examples:
              fynd run corpus/seeds
              fynd run archive/ --jobs 2 --out results.jsonl
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

    @Flag(help: "Exit with status 1 when any document failed.")
    var strict = false

    func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
        guard maxDocBytes > 0 else { throw ValidationError("--max-doc-bytes must be positive") }
    }

    func run() throws {
        let (matcher, gazetteer) = try ruleOptions.load()
        let runner = try Runner(matcher: matcher, gazetteer: gazetteer, jobs: jobs, emitText: emitText)
        let inputs = Inputs(paths: paths.isEmpty ? [defaultCorpus] : paths, maxDocBytes: maxDocBytes)
        let sink = try OutputSink(path: out)
        let started = ContinuousClock.now
        let showProgress = isTerminal(2)
        let summary = try runner.run(inputs, write: sink.write) { s in
            if showProgress { printProgress(s, since: started) }
        }
        try sink.commit()
        let seconds = Double((ContinuousClock.now - started).components.attoseconds) / 1e18 + Double((ContinuousClock.now - started).components.seconds)
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        printError(String(format: "fynd: %d documents (%d relevant, %d failed) in %.2f s", summary.documents, summary.relevant, summary.failed, seconds))
        if summary.documents > 0 && summary.failed == summary.documents { throw ExitCode(1) }
        if strict && summary.failed > 0 { throw ExitCode(1) }
    }

    private func printProgress(_ s: RunSummary, since start: ContinuousClock.Instant) {
        let elapsed = max(0.001, Double((ContinuousClock.now - start).components.seconds) + Double((ContinuousClock.now - start).components.attoseconds) / 1e18)
        let line = String(format: "\r\u{1B}[K%d documents, %.1f docs/s, %.1f MB/s", s.documents, Double(s.documents) / elapsed, Double(s.bytes) / elapsed / 1e6)
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// Standard output, or a file written under a temporary name and renamed into place at the end,
/// so an interrupted run never leaves a half-written result file.
final class OutputSink {
    private let path: String?
    private let temporary: String?
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        self.path = path
        if let path {
            let tmp = "\(path).tmp.\(getpid())"
            let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else {
                printError("fynd: cannot write \(tmp): \(String(cString: strerror(errno)))")
                throw ExitCode(2)
            }
            self.fd = fd
            temporary = tmp
        } else {
            fd = 1
            temporary = nil
        }
    }

    func write(_ line: [UInt8]) throws {
        buffer += line
        if buffer.count >= 1 << 16 || temporary == nil { try drain() }
    }

    private func drain() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                printError("fynd: write failed: \(String(cString: strerror(errno)))")
                throw ExitCode(2)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, and moves the temporary file into place.
    func commit() throws {
        try drain()
        guard let temporary, let path else { return }
        fsync(fd)
        close(fd)
        guard rename(temporary, path) == 0 else {
            printError("fynd: cannot move \(temporary) to \(path): \(String(cString: strerror(errno)))")
            throw ExitCode(2)
        }
    }
}
