import Foundation
import Testing

/// A started `fynd` process whose standard input, output and error the test holds.
final class Child {
    let process: Process
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()

    /// Starts fynd; `unprivileged` runs it as user nobody when the tests run as root (root reads
    /// any folder, so a folder without permissions is unreadable only to another user).
    init(_ arguments: [String], unprivileged: Bool = false) throws {
        process = CLI.start(arguments)
        if unprivileged && geteuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary] + arguments
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
    }

    /// Waits for the process to end; false when it has not ended after `seconds` (it is then
    /// killed, so that a hang fails the test instead of stopping the suite).
    func wait(atMost seconds: Double = 120) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
        process.waitUntilExit()
        return true
    }

    /// Reads standard error until it contains `text`, it ends, or a minute has passed; what was read.
    func readError(until text: String) -> String {
        var seen = Data()
        let deadline = Date().addingTimeInterval(60)
        var fd = pollfd(fd: stderr.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
        while !String(decoding: seen, as: UTF8.self).contains(text), Date() < deadline {
            guard poll(&fd, 1, 100) > 0 else { continue }
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        return String(decoding: seen, as: UTF8.self)
    }

    var errorText: String { String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
}

enum Files {
    static func waitUntilExists(_ path: String, minimumBytes: Int = 0) {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1) < minimumBytes {
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    static func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// A folder that another user (nobody) may write in.
    static func sharedDirectory() throws -> String {
        let dir = try CLI.temporaryDirectory()
        chmod(dir, 0o777)
        return dir
    }
}

/// Issue 17: nothing lost under concurrent runs, unreadable or vanished folders, an output
/// among the inputs, and `--resume` with `--state`; nothing hangs on stalled input.
@Suite(.serialized) struct DurabilityTests {
    static let article = "IVO riktar kritik mot socialnämnden i Gävle kommun för brister i dokumentationen."

    /// A second run on the same --out (with or without --state) refuses before it touches the
    /// partial file; the first run's output is complete. The first run reads a pipe that the test
    /// holds open, so it is certainly still running when the second one starts.
    @Test(arguments: [false, true]) func aSecondRunOnTheSameOutputRefusesAndLeavesTheFirstIntact(withState: Bool) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = try CLI.regeringenSlice(1200, in: dir)
        let data = try Files.read(input)
        let expected = try CLI.run(["run", "-"], stdin: data).stdout
        let out = dir + "/results.jsonl"
        let state = withState ? ["--state", dir + "/state.sqlite"] : []

        let first = try Child(["run", "-", "--out", out] + state)
        let half = data.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(600).joined(separator: [0x0A]) + [0x0A]
        first.stdin.fileHandleForWriting.write(Data(half))
        Files.waitUntilExists(out + ".partial", minimumBytes: 1)  // the first batch is written; more input is awaited
        let before = try Files.read(out + ".partial")

        let second = try CLI.run(["run", input, "--out", out] + state)
        #expect(second.status == 2)
        #expect(second.stderr.contains("another fynd run is"), "\(second.stderr)")
        let untouched = try Files.read(out + ".partial").prefix(before.count) == before
        #expect(untouched, "the second run changed nothing")

        first.stdin.fileHandleForWriting.write(Data(data.dropFirst(half.count)))
        try first.stdin.fileHandleForWriting.close()
        #expect(first.wait())
        #expect(first.process.terminationStatus == 0, "\(first.errorText)")
        let written = try Files.read(out)
        #expect(!written.contains(0), "no NUL bytes")
        let complete = written == expected  // compared apart: a failure would otherwise diff megabytes
        #expect(complete, "every document exactly once (\(written.count) bytes, expected \(expected.count))")
    }

    /// An unreadable folder is one error record (and a failure for --strict); it costs the other
    /// folders nothing, and the documents stored below it are not counted removed.
    @Test func anUnreadableFolderIsAnErrorRecordAndNotAnEmptyArchive() throws {
        let dir = try Files.sharedDirectory()
        defer { chmod(dir + "/archive/b", 0o755); try? FileManager.default.removeItem(atPath: dir) }
        for sub in ["a", "b", "c"] {
            try FileManager.default.createDirectory(atPath: dir + "/archive/" + sub, withIntermediateDirectories: true)
            try Files.write(Self.article, dir + "/archive/\(sub)/\(sub).txt")
        }
        try CLI.shell("chmod -R a+rwX '\(dir)'")
        let state = dir + "/state.sqlite", out = dir + "/out.jsonl"
        let first = try Child(["run", dir + "/archive", "--state", state, "--out", out], unprivileged: true)
        #expect(first.wait() && first.process.terminationStatus == 0, "\(first.errorText)")

        chmod(dir + "/archive/b", 0)
        let second = try Child(["run", dir + "/archive", "--state", state, "--out", out, "--strict"], unprivileged: true)
        let message = second.errorText
        #expect(second.wait())
        #expect(second.process.terminationStatus == 1, "--strict fails on the unreadable folder: \(message)")
        #expect(message.contains("0 new, 0 changed, 2 unchanged, 0 removed"), "\(message)")
        let lines = CLI.lines(try Files.read(out))
        try #require(lines.map { $0["id"] as? String } == ["a", "b", "c"])
        let error = lines[1]["error"] as? [String: Any]
        #expect(error?["code"] as? String == "unreadable")
        #expect((error?["message"] as? String)?.contains("cannot list the directory") == true)
        #expect(lines[0]["relevant"] as? Bool == true && lines[2]["relevant"] as? Bool == true)
    }

    /// A rules folder with a subfolder that cannot be listed is named in a rule diagnostic, not
    /// a raw Foundation error.
    @Test func anUnreadableRulesFolderIsNamed() throws {
        let dir = try Files.sharedDirectory()
        defer { chmod(dir + "/rules/categories", 0o755); try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("rules").path, toPath: dir + "/rules")
        try CLI.shell("chmod -R a+rX '\(dir)'")
        chmod(dir + "/rules/categories", 0)
        let child = try Child(["run", "corpus/seeds", "--rules", dir + "/rules"], unprivileged: true)
        let message = child.errorText
        #expect(child.wait())
        #expect(child.process.terminationStatus == 2, "\(message)")
        #expect(message.contains("categories:1:1: cannot list the directory: Permission denied"), "\(message)")
    }

    /// A state run over an empty or vanished folder keeps the stored documents and the old output
    /// unless --allow-removals says the documents are gone on purpose.
    @Test func aStateRunThatSeesTooFewDocumentsRemovesNoneUnlessAllowed() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/archive", withIntermediateDirectories: true)
        for n in 1...4 { try Files.write(Self.article + " \(n)", dir + "/archive/\(n).txt") }
        let state = dir + "/state.sqlite", out = dir + "/out.jsonl"
        #expect(try CLI.run(["run", dir + "/archive", "--state", state, "--out", out]).status == 0)
        let old = try Files.read(out)

        for input in [dir + "/empty", dir + "/vanished"] {
            try? FileManager.default.createDirectory(atPath: dir + "/empty", withIntermediateDirectories: true)
            let r = try CLI.run(["run", input, "--state", state, "--out", out])
            #expect(r.status == 1, "\(r.stderr)")
            #expect(r.stderr.contains("--allow-removals"), "\(r.stderr)")
            #expect(try Files.read(out) == old, "the old output is kept")
        }
        let again = try CLI.run(["run", dir + "/archive", "--state", state])
        #expect(again.stderr.contains("0 new, 0 changed, 4 unchanged, 0 removed"), "\(again.stderr)")

        // One of four gone is an ordinary removal; all of them only when allowed.
        try FileManager.default.removeItem(atPath: dir + "/archive/4.txt")
        let one = try CLI.run(["run", dir + "/archive", "--state", state])
        #expect(one.stderr.contains("3 unchanged, 1 removed"), "\(one.stderr)")
        let allowed = try CLI.run(["run", dir + "/empty", "--state", state, "--out", out, "--allow-removals"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stderr.contains("3 removed"), "\(allowed.stderr)")
    }

    /// The output is never read back as input: named as an input it is refused, inside an input
    /// folder it is skipped with a message.
    @Test func theOutputIsNeverAnInput() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let archive = dir + "/archive.jsonl"
        try Files.write("{\"id\": \"a\", \"text\": \"\(Self.article)\"}\n", archive)
        let original = try Files.read(archive)
        let same = try CLI.run(["run", archive, "--out", dir + "/./archive.jsonl"])
        #expect(same.status == 2)
        #expect(same.stderr.contains("is both an input and the --out file"), "\(same.stderr)")
        #expect(try Files.read(archive) == original)

        try FileManager.default.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: true)
        try Files.write(Self.article, dir + "/folder/a.txt")
        let out = dir + "/folder/results.jsonl", state = dir + "/state.sqlite"
        for _ in 0..<2 {
            let r = try CLI.run(["run", dir + "/folder", "--out", out, "--state", state])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(CLI.lines(try Files.read(out)).map { $0["id"] as? String } == ["a"])
        }
        let third = try CLI.run(["run", dir + "/folder", "--out", out, "--state", state])
        #expect(third.stderr.contains("skipping \(out): it is this run's output"), "\(third.stderr)")
        #expect(third.stderr.contains("0 new, 0 changed, 1 unchanged, 0 removed"), "\(third.stderr)")
    }

    /// A `--state` run resumed after a kill keeps the resumed documents in the state.
    @Test func resumeWithStateKeepsTheResumedDocuments() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = try CLI.regeringenSlice(2000, in: dir)
        let state = dir + "/state.sqlite", out = dir + "/out.jsonl"
        let p = CLI.start(["run", input, "--state", state, "--out", out])
        p.standardError = FileHandle.nullDevice
        try p.run()
        CLI.kill9(p, whenFileReaches: 100_000, out + ".partial")
        let resumed = try CLI.run(["run", input, "--state", state, "--out", out, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming after"))
        #expect(resumed.stderr.contains(" 0 removed"), "\(resumed.stderr)")
        let next = try CLI.run(["run", input, "--state", state])
        #expect(next.stderr.contains("0 new, 0 changed, 2000 unchanged, 0 removed"), "\(next.stderr)")
        let same = try next.stdout == Files.read(out)
        #expect(same, "the stored lines are the resumed output's")
    }

    /// `--resume` on a partial file whose last line lost its newline redoes that document
    /// instead of joining the next line to it.
    @Test func resumeRepairsATornLastLine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/in.jsonl"
        try Files.write((1...3).map { "{\"id\": \"d\($0)\", \"text\": \"\(Self.article)\"}\n" }.joined(), input)
        let expected = try CLI.run(["run", input]).stdout
        let lines = expected.split(separator: 0x0A)
        // The first line whole, the second without its newline: both parse as JSON.
        try (Data(lines[0]) + [0x0A] + Data(lines[1])).write(to: URL(fileURLWithPath: dir + "/out.jsonl.partial"))
        let r = try CLI.run(["run", input, "--out", dir + "/out.jsonl", "--resume"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("resuming after 1 document\n"), "\(r.stderr)")
        #expect(try Files.read(dir + "/out.jsonl") == expected)
    }

    /// SIGTERM ends a run whose input pipe has stalled, with status 143.
    @Test func sigtermEndsARunBlockedOnAStalledPipe() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out.jsonl"
        let child = try Child(["run", "-", "--out", out])
        child.stdin.fileHandleForWriting.write(Data("{\"id\": \"a\", \"text\": \"\(Self.article)\"}\n".utf8))
        Files.waitUntilExists(out + ".partial")  // the handlers are installed before the output is opened
        Thread.sleep(forTimeInterval: 0.2)
        kill(child.process.processIdentifier, SIGTERM)
        #expect(child.wait(atMost: 60), "the run ended although its input never did")
        #expect(child.process.terminationStatus == 143)
        #expect(child.errorText.contains("interrupted after"))
        #expect(FileManager.default.fileExists(atPath: out) == false)
        let partial = try Files.read(out + ".partial")
        #expect(partial.isEmpty || partial.last == 0x0A, "only whole lines")
    }

    /// A second Ctrl-C ends the run at once, even when it is stuck writing to a pipe no one reads.
    @Test func aSecondInterruptExitsAtOnce() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = try CLI.regeringenSlice(3000, in: dir)
        let child = try Child(["run", input])
        _ = child.stdout.fileHandleForReading.readData(ofLength: 1)  // it runs; its output pipe now fills up
        kill(child.process.processIdentifier, SIGINT)
        #expect(child.readError(until: "Ctrl-C again").contains("Ctrl-C again"))
        kill(child.process.processIdentifier, SIGINT)
        #expect(child.wait(atMost: 60), "the second interrupt ended the run")
        #expect(child.process.terminationStatus == 130)
        #expect(child.errorText.contains("stopped at once"))
    }

    /// A FIFO in an input folder is skipped (opening it would wait for a writer forever).
    @Test func aFIFOInAFolderIsSkipped() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Files.write(Self.article, dir + "/a.txt")
        #expect(mkfifo(dir + "/b.jsonl", 0o644) == 0)
        let child = try Child(["run", dir])
        try child.stdin.fileHandleForWriting.close()
        #expect(child.wait(atMost: 60), "the run did not wait for the FIFO")  // its one line fits in the pipe
        let output = child.stdout.fileHandleForReading.readDataToEndOfFile()
        #expect(child.process.terminationStatus == 0)
        #expect(CLI.lines(output).map { $0["id"] as? String } == ["a"])
        #expect(child.errorText.contains("skipping \(dir)/b.jsonl: not a regular file"))
    }

    /// A resumed run with other options than the interrupted one is refused (the output would
    /// mix lines of two kinds); with the same options it completes the output.
    @Test func resumeWithOtherOptionsIsRefused() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try Files.read(try CLI.regeringenSlice(800, in: dir))
        let expected = try CLI.run(["run", "-"], stdin: data).stdout
        let out = dir + "/out.jsonl"
        let first = try Child(["run", "-", "--out", out])
        first.stdin.fileHandleForWriting.write(Data(data.prefix(data.count * 3 / 4)))
        Files.waitUntilExists(out + ".partial", minimumBytes: 1)
        kill(first.process.processIdentifier, SIGTERM)
        #expect(first.wait() && first.process.terminationStatus == 143)
        let partial = try Files.read(out + ".partial")

        let other = try CLI.run(["run", "-", "--out", out, "--resume", "--all-findings"], stdin: data)
        #expect(other.status == 2)
        #expect(other.stderr.contains("was written with other settings"), "\(other.stderr)")
        let untouched = try Files.read(out + ".partial") == partial
        #expect(untouched, "the refused run changed nothing")

        let same = try CLI.run(["run", "-", "--out", out, "--resume"], stdin: data)
        #expect(same.status == 0, "\(same.stderr)")
        let complete = try Files.read(out) == expected
        #expect(complete, "every document exactly once")
        #expect(!FileManager.default.fileExists(atPath: out + ".partial.settings"))
    }

    /// A state run with other options says why every document counts as changed.
    @Test func aStateRunWithOtherOptionsSaysSo() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Files.write(Self.article, dir + "/a.txt")
        let state = dir + "/state.sqlite"
        #expect(try CLI.run(["run", dir + "/a.txt", "--state", state]).status == 0)
        let r = try CLI.run(["run", dir + "/a.txt", "--state", state, "--all-findings"])
        #expect(r.stderr.contains("the options changed (+relevant-findings, now +all-findings)"), "\(r.stderr)")
        #expect(r.stderr.contains("0 new, 1 changed"), "\(r.stderr)")
    }

    /// The output keeps its permissions when a run replaces it; `--out` naming a folder is refused.
    @Test func theOutputKeepsItsModeAndAFolderIsNoOutput() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Files.write(Self.article, dir + "/a.txt")
        let out = dir + "/out.jsonl"
        try Files.write("old\n", out)
        chmod(out, 0o600)
        #expect(try CLI.run(["run", dir + "/a.txt", "--out", out]).status == 0)
        #expect((try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int) == 0o600)
        let folder = try CLI.run(["run", dir + "/a.txt", "--out", dir])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("is a directory"), "\(folder.stderr)")
    }

    /// A negative --jobs gets the range, not "Missing value".
    @Test func aNegativeJobCountIsExplained() throws {
        let r = try CLI.run(["run", "corpus/seeds", "--jobs", "-1"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--jobs must be between 1 and 256"), "\(r.stderr)")
    }
}
