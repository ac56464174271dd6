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

    /// Runs fynd to the end.
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Output {
        let p = start(arguments)
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

    static func start(_ arguments: [String]) -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        p.currentDirectoryURL = root
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
        try CLI.shell("scripts/make-bad-corpus.sh > /dev/null")  // corpus/bad/generated
        let seedsOnly = try CLI.run(["run", "corpus/seeds"])
        let mixed = try CLI.run(["run", "corpus/bad", "corpus/seeds"])
        #expect(mixed.status == 0, "\(mixed.stderr)")
        let lines = CLI.lines(mixed.stdout)
        // 15 committed files, 5 lines in mixed.jsonl instead of 1, 3 generated, 3 seeds.
        #expect(lines.count == 15 + 4 + 3 + 3)
        #expect(mixed.stdout.split(separator: 0x0A).count == lines.count, "every line is JSON")
        let codes = lines.compactMap { ($0["error"] as? [String: Any])?["code"] as? String }
        #expect(Set(codes) == ["binary", "empty", "unreadable", "too_large", "bad_json"])
        let seedLines = mixed.stdout.split(separator: 0x0A).suffix(3)
        #expect(Array(seedLines) == Array(seedsOnly.stdout.split(separator: 0x0A)))
        let strict = try CLI.run(["run", "corpus/bad", "--strict"])
        #expect(strict.status == 1)
        let nothing = try CLI.run(["run", "corpus/bad/empty.txt"])
        #expect(nothing.status == 1, "a run where no document could be processed fails")
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

    @Test func aJSONLLinesDateOrAddressGivesThePublicationDateOfEveryDocument() throws {
        let input = """
            {"id": "a", "text": "Kommunen bygger en ny skola.", "date": "2021-04-09T08:00:00Z"}
            {"id": "b", "text": "Kommunen bygger en ny skola.", "url": "https://lokal.se/ort/2018/04/11/skola"}
            {"id": "c", "text": "Publicerad 3 maj 2019\\n\\nKommunen bygger en ny skola.", "url": "https://lokal.se/ort/2018/04/11/skola"}
            {"id": "d", "text": "Kommunen bygger en ny skola."}

            """
        let lines = CLI.lines(try CLI.run(["run", "-"], stdin: Data(input.utf8)).stdout)
        #expect(lines.map { $0["published"] as? String } == ["2021-04-09", "2018-04-11", "2019-05-03", nil])
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
