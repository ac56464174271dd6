import Foundation
import Testing

/// Runs the `fynd` binary that `swift test` builds beside the test bundle.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The binary beside the test bundle; `FYND_BINARY` names another (an older build, to see
    /// that a test fails where the defect it guards against is still there).
    static let binary: String = {
        if let chosen = ProcessInfo.processInfo.environment["FYND_BINARY"] { return chosen }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("fynd").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : root.appendingPathComponent(".build/debug/fynd").path
    }()

    struct Output { var status: Int32; var stdout: Data; var stderr: String }

    /// Runs fynd to the end, in the repository's root unless told another folder.
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: String? = nil) throws -> Output {
        let p = start(arguments, in: directory)
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        p.standardInput = stdin == nil ? FileHandle.nullDevice : inPipe
        try p.run()
        // Written on another thread: a large input would otherwise fill the pipes both ways. A
        // run that refuses at once does not read it: the write then fails, without SIGPIPE.
        if let stdin {
            signal(SIGPIPE, SIG_IGN)
            let writer = inPipe.fileHandleForWriting
            Thread.detachNewThread { try? writer.write(contentsOf: stdin); try? writer.close() }
        }
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: out, stderr: String(decoding: err, as: UTF8.self))
    }

    static func start(_ arguments: [String], in directory: String? = nil) -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        p.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0) } ?? root
        return p
    }

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fynd-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func lines(_ data: Data) -> [[String: Any]] {
        data.split(separator: 0x0A).compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
    }

    /// Waits (at most a minute) until a file has grown to `bytes`, then kills the process without warning.
    static func kill9(_ p: Process, whenFileReaches bytes: Int, _ path: String) {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) < bytes {
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
    }

    /// The first `lines` documents of ../shared/corpus/regeringen as a JSONL file in `dir`.
    static func regeringenSlice(_ lines: Int, in dir: String) throws -> String {
        let path = dir + "/slice.jsonl"
        try shell("gzip -dc ../shared/corpus/regeringen/regeringen.jsonl.gz | head -n \(lines) > '\(path)'")
        return path
    }

    static func shell(_ command: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = root
        try p.run()
        p.waitUntilExit()
    }
}

@Suite(.serialized) struct CLITests {
    @Test func badInputGivesOneLinePerDocumentAndLeavesTheSeedsAlone() throws {
        let generated = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: generated) }
        try CLI.shell("scripts/make-bad-corpus.sh '\(generated)' > /dev/null")
        let seedsOnly = try CLI.run(["run", "corpus/seeds"])
        let mixed = try CLI.run(["run", "corpus/bad", generated, "corpus/seeds"])
        #expect(mixed.status == 0, "\(mixed.stderr)")
        let lines = CLI.lines(mixed.stdout)
        // 15 committed files, 5 lines in mixed.jsonl instead of 1, 3 generated, 3 seeds.
        #expect(lines.count == 15 + 4 + 3 + 3)
        #expect(mixed.stdout.split(separator: 0x0A).count == lines.count, "every line is JSON")
        let codes = lines.compactMap { ($0["error"] as? [String: Any])?["code"] as? String }
        #expect(Set(codes) == ["binary", "empty", "unreadable", "too_large", "bad_json"])
        let counts = Dictionary(codes.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(mixed.stderr.contains("fynd: \(lines.count) documents ("), "\(mixed.stderr)")
        for (code, n) in counts { #expect(mixed.stderr.contains(" \(n) \(code)"), "the summary counts \(code)") }
        #expect(mixed.stderr.contains("fynd: corpus/bad/dangling.txt: cannot read the file: No such file or directory (unreadable)"))
        let seedLines = mixed.stdout.split(separator: 0x0A).suffix(3)
        #expect(Array(seedLines) == Array(seedsOnly.stdout.split(separator: 0x0A)))
        let strict = try CLI.run(["run", "corpus/bad", "--strict"])
        #expect(strict.status == 1)
        let nothing = try CLI.run(["run", "corpus/bad/empty.txt"])
        #expect(nothing.status == 1, "a run where no document could be processed fails")
    }

    @Test func noPathAndNoCorpusHereIsAUsageErrorThatSaysWhatToGive() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["run"], in: dir)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty, "no error record")
        #expect(r.stderr.contains("no input: give files or directories (fynd run archive/), or - for JSONL on standard input"))
        #expect(r.stderr.contains("corpus/ in the current folder"))
        let eval = try CLI.run(["eval", "--gold", "gold.jsonl"], in: dir)
        #expect(eval.status == 64)
        #expect(eval.stderr.contains("no input: give files or directories (fynd eval --gold gold.jsonl archive/)"), "\(eval.stderr)")
    }

    @Test func oneDocumentIsSingular() throws {
        let profile = try CLI.run(["profile", "corpus/seeds/003_6bf3a60ec5a2bff4.txt"])
        #expect(String(decoding: profile.stdout, as: UTF8.self).hasPrefix("1 document, "))
        let run = try CLI.run(["run", "corpus/seeds/003_6bf3a60ec5a2bff4.txt"])
        #expect(run.stderr.hasPrefix("fynd: 1 document (1 relevant, 0 failed) in "), "\(run.stderr)")
    }

    @Test func aWrongPathIsNamedOnStderrWithItsReason() throws {
        let r = try CLI.run(["run", "no-such-folder/article.txt"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("fynd: no-such-folder/article.txt: cannot read the file: No such file or directory (unreadable)\n"))
        #expect(r.stderr.contains("fynd: 1 document (0 relevant, 1 failed: 1 unreadable) in "), "\(r.stderr)")
    }

    @Test func anErrorKeyInAnInputsMetadataIsNoFailure() throws {
        let input = #"{"id": "x", "text": "IVO riktar kritik mot socialnämnden i Hylte.", "error": {"code": "own", "message": "m"}}"# + "\n"
        let r = try CLI.run(["run", "-"], stdin: Data(input.utf8))
        #expect(r.status == 0)
        #expect(r.stderr.hasPrefix("fynd: 1 document (1 relevant, 0 failed) in "), "\(r.stderr)")
    }

    @Test func aDirectoryWithNothingToReadSaysWhatItSkipped() throws {
        let dir = try CLI.temporaryDirectory(), empty = try CLI.temporaryDirectory()
        defer { for d in [dir, empty] { try? FileManager.default.removeItem(atPath: d) } }
        for name in ["a.pdf", "b.PDF", "notes.md", "LICENSE"] { try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        let r = try CLI.run(["run", dir])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("fynd: \(dir): nothing to read: skipped 4 files: 2 .pdf, 1 .md, 1 without extension "
                                  + "(a directory run reads only .txt, .html, .htm, .xhtml and .jsonl files)"), "\(r.stderr)")
        #expect(r.stderr.contains("fynd: 0 documents (0 relevant, 0 failed)"))
        #expect(try CLI.run(["run", dir, "--strict"]).status == 1)
        let e = try CLI.run(["run", empty, "corpus/seeds", "--strict"])
        #expect(e.status == 1)
        #expect(e.stderr.contains("fynd: \(empty): nothing to read: the directory holds no files"))
        #expect(CLI.lines(e.stdout).count == 3, "the other paths are read")
    }

    @Test func explainFailsClearlyOnAFileItCannotRead() throws {
        for (path, reason) in [("no-such-file.txt", "cannot read the file: No such file or directory"),
                               ("corpus/bad/dangling.txt", "cannot read the file: No such file or directory"),
                               ("corpus/bad/empty.txt", "the file is empty")] {
            let r = try CLI.run(["explain", path])
            #expect(r.status == 1, "\(path)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("fynd: \(path): \(reason)"), "\(r.stderr)")
        }
        let empty = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let r = try CLI.run(["explain", empty])
        #expect(r.status == 1)
        #expect(r.stderr.contains("fynd: \(empty): nothing to read: the directory holds no files"))
    }

    @Test func explainBalancesItsBracketsWhereMatchesShareWords() throws {
        let r = try CLI.run(["explain", "corpus/articles"])
        #expect(r.status == 0)
        let text = String(decoding: r.stdout, as: UTF8.self)
        #expect(text.contains("[["), "two matches start at one word")
        var checked = 0, bracketsInText = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("== ") {
                let id = line.dropFirst(3).prefix { $0 != " " }
                let source = try String(contentsOf: CLI.root.appendingPathComponent("corpus/articles/\(id).txt"), encoding: .utf8)
                bracketsInText = source.contains("[") || source.contains("]")
                continue
            }
            let number = line.prefix(3).trimmingCharacters(in: .whitespaces)
            guard !bracketsInText, !number.isEmpty, number.allSatisfy(\.isNumber), line.dropFirst(3).hasPrefix("  ") else { continue }
            var depth = 0
            for c in line where c == "[" || c == "]" {
                depth += c == "[" ? 1 : -1
                if depth < 0 { break }
            }
            #expect(depth == 0, "\(line)")
            checked += 1
        }
        #expect(checked > 500, "the sentences of the test articles")
    }

    @Test func versionNamesTheToolAndTheRulePack() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        let text = String(decoding: r.stdout, as: UTF8.self)
        let match = try #require(text.wholeMatch(of: /fynd \d+\.\d+\.\d+\nrules_version ([0-9a-f]{64})\n/), "\(text)")
        let seed = CLI.lines(try CLI.run(["run", "corpus/seeds/003_6bf3a60ec5a2bff4.txt"]).stdout)
        #expect(seed.first?["rules_version"] as? String == String(match.1))
    }

    @Test func reportRefusesInputDocuments() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/news.jsonl", page = dir + "/report.html"
        try Data(#"{"id": "a", "text": "IVO riktar kritik mot socialnämnden i Hylte kommun."}\#n"#.utf8).write(to: URL(fileURLWithPath: input))
        let r = try CLI.run(["report", input, "--html", page])
        #expect(r.status == 1)
        #expect(r.stderr.contains("fynd: \(input): not the output of `fynd run`: line 1: an input document"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: page))
    }

    @Test func casesGroupTheTestSetAndNameALineThatIsNoResult() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let results = dir + "/results.jsonl", cases = dir + "/cases.jsonl"
        let texts = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("corpus/cases").path).count { $0.hasSuffix(".txt") }
        let run = try CLI.run(["run", "corpus/cases"])
        try (run.stdout + Data("{\"id\": \"trasig\", \"text\": \"Ingen resultatrad.\"}\n".utf8)).write(to: URL(fileURLWithPath: results))
        let r = try CLI.run(["cases", results, "--out", cases])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("fynd: \(results):\(texts + 1): an input document (it has \"text\") without \"rules_version\", \"relevant\" or \"error\"; skipped"), "\(r.stderr)")
        let lines = CLI.lines(try Data(contentsOf: URL(fileURLWithPath: cases)))
        let gold = try String(contentsOfFile: CLI.root.appendingPathComponent("corpus/cases/gold.jsonl").path, encoding: .utf8)
        #expect(lines.count == gold.split(separator: "\n").count)
        #expect(r.stderr.contains("fynd: \(lines.count) cases from \(texts) documents of \(texts) in \(cases)"), "\(r.stderr)")
        #expect(try CLI.run(["cases", results]).stdout == Data(contentsOf: URL(fileURLWithPath: cases)), "the same lines on standard output")
    }

    @Test func malformedRulesStopTheRunWithEveryProblem() throws {
        let r = try CLI.run(["run", "corpus/seeds", "--rules", "Tests/FyndRulesTests/Fixtures/malformed"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("bad-keys.yaml:5:5: unknown key 'polarty'"))
        #expect(r.stderr.contains("bad-yaml.yaml:5:7: YAML:"))
    }

    @Test func killedRunLeavesTheOldFileAndResumeCompletesIt() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = try CLI.regeringenSlice(3000, in: dir)
        let expected = try CLI.run(["run", input]).stdout
        let out = dir + "/results.jsonl"
        try Data("old results\n".utf8).write(to: URL(fileURLWithPath: out))

        let p = CLI.start(["run", input, "--out", out])
        p.standardError = FileHandle.nullDevice
        try p.run()
        CLI.kill9(p, whenFileReaches: 100_000, out + ".partial")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old results\n")
        let partial = try Data(contentsOf: URL(fileURLWithPath: out + ".partial"))
        #expect(partial.count > 0 && partial.count < expected.count, "killed in the middle")

        let resumed = try CLI.run(["run", input, "--out", out, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming after"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == expected, "every document exactly once, in order")
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
    }

    @Test func aWriteThatFailsMidRunNamesTheErrorAndKeepsTheOldOutput() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = try CLI.regeringenSlice(3000, in: dir)
        let out = dir + "/results.jsonl"
        try Data("old results\n".utf8).write(to: URL(fileURLWithPath: out))
        // A file-size limit of 100 blocks, as a full disk: the write fails with EFBIG (SIGXFSZ ignored).
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "ulimit -f 100; trap '' XFSZ; exec \"$0\" run \"$1\" --out \"$2\"", CLI.binary, input, out]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2, "\(message)")
        #expect(message.hasPrefix("fynd: "), "fynd's own message, not the argument parser's: \(message)")
        #expect(message.contains("\(out) is unchanged, the results so far are in \(out).partial"), "\(message)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old results\n")
    }

    @Test func sigtermStopsCleanlyAndSaysHowFarItGot() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = try CLI.regeringenSlice(3000, in: dir)
        let out = dir + "/results.jsonl"
        let p = CLI.start(["run", input, "--out", out])
        let err = Pipe()
        p.standardError = err
        try p.run()
        Thread.sleep(forTimeInterval: 1.0)
        p.terminate()
        p.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if p.terminationStatus == 0 { return }  // the machine finished first: nothing to interrupt
        #expect(p.terminationStatus == 143, "SIGTERM: 128 + 15")
        #expect(message.contains("interrupted after"))
        #expect(message.contains("--resume"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let partial = try Data(contentsOf: URL(fileURLWithPath: out + ".partial"))
        #expect(partial.isEmpty || partial.last == 0x0A, "only whole lines")
        let resumed = try CLI.run(["run", input, "--out", out, "--resume"])
        #expect(resumed.status == 0)
        #expect(CLI.lines(try Data(contentsOf: URL(fileURLWithPath: out))).count == 3000)
    }

    @Test func aKilledStateRunLeavesAConsistentStoreAndTheNextRunIsIncremental() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = try CLI.regeringenSlice(2000, in: dir)
        let state = dir + "/state.sqlite"
        let p = CLI.start(["run", input, "--state", state, "--out", dir + "/out.jsonl"])
        p.standardError = FileHandle.nullDevice
        try p.run()
        CLI.kill9(p, whenFileReaches: 100_000, dir + "/out.jsonl.partial")
        let second = try CLI.run(["run", input, "--state", state])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(CLI.lines(second.stdout).count == 2000)
        // Some documents were stored before the kill and are reused now.
        #expect(second.stderr.contains(" unchanged,") && !second.stderr.contains(" 0 unchanged,"), "\(second.stderr)")
        let third = try CLI.run(["run", input, "--state", state])
        #expect(third.stderr.contains("0 new, 0 changed, 2000 unchanged, 0 removed"), "\(third.stderr)")
        #expect(third.stdout == second.stdout)
    }

    @Test func jsonlOnStandardInput() throws {
        let input = """
            {"id": "a", "text": "IVO riktar kritik mot socialnämnden i Hylte kommun för brister i utredningarna.", "url": "https://example.se/a"}
            {"id": "b", "text": "Kommunen bygger en ny skola."}

            """
        let r = try CLI.run(["run", "-"], stdin: Data(input.utf8))
        let lines = CLI.lines(r.stdout)
        #expect(lines.map { $0["id"] as? String } == ["a", "b"])
        #expect(lines.first?["municipality"] as? [String] == ["Hylte"])
        #expect((lines.first?["metadata"] as? [String: Any])?["url"] as? String == "https://example.se/a")
    }

    @Test func aJSONLLinesDateGivesThePublicationDateAndItsAddressOnlyTheYear() throws {
        let input = """
            {"id": "a", "text": "Kommunen bygger en ny skola.", "date": "2021-04-09T08:00:00Z"}
            {"id": "b", "text": "Kommunen bygger en ny skola.", "url": "https://lokal.se/ort/2018/04/11/skola"}
            {"id": "e", "text": "Publicerad 11 april\\n\\nKommunen bygger en ny skola.", "url": "https://lokal.se/ort/2018/skola"}
            {"id": "c", "text": "Publicerad 3 maj 2019\\n\\nKommunen bygger en ny skola.", "url": "https://lokal.se/ort/2018/04/11/skola"}
            {"id": "d", "text": "Kommunen bygger en ny skola."}

            """
        let lines = CLI.lines(try CLI.run(["run", "-"], stdin: Data(input.utf8)).stdout)
        #expect(lines.map { $0["published"] as? String } == ["2021-04-09", nil, "2018-04-11", "2019-05-03", nil])
    }

    @Test func segmentPrintsEachSentenceOnItsLineAndAnEmptyLineAfterEachParagraph() throws {
        let input = "IVO granskade 30 ärenden i fjol. 12 av dem saknade en plan enligt 11 kap. 1 § SoL.\nNämnden svarade kl. 14.\n"
        let r = try CLI.run(["segment", "-"], stdin: Data(input.utf8))
        #expect(r.status == 0)
        #expect(String(decoding: r.stdout, as: UTF8.self) == """
            IVO granskade 30 ärenden i fjol.
            12 av dem saknade en plan enligt 11 kap. 1 § SoL.

            Nämnden svarade kl. 14.


            """)
    }

    @Test func helpSaysWhatEachCommandDoesWithAnExample() throws {
        for command in ["run", "check-rules", "eval", "explain", "segment"] {
            let r = try CLI.run(["help", command])
            let text = String(decoding: r.stdout, as: UTF8.self)
            #expect(text.contains("Example"), "\(command)")
        }
    }
}
