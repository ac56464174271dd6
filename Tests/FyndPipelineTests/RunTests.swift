import FyndCore
import FyndPipeline
import Foundation
import Testing

@Suite struct RunTests {
    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fynd-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func oneLinePerDocumentWithErrorRecordsForBadInput() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data().write(to: URL(fileURLWithPath: dir + "/a-empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]).write(to: URL(fileURLWithPath: dir + "/b-image.txt"))
        try Data("IVO riktar kritik mot socialnämnden i Gävle kommun för brister i dokumentationen.".utf8).write(to: URL(fileURLWithPath: dir + "/c-good.txt"))
        let jsonl = """
            {"id": "j1", "text": "Socialtjänsten i Kalix får kritik av IVO för hanteringen av orosanmälningar.", "url": "https://example.se/1", "tags": ["a", 1]}
            {"id": "j2", "text": "unterminated
            {"id": "j3", "html": "<p>IVO avslutar ärendet.</p>"}
            {"id": "j4"}
            """
        try Data(jsonl.utf8).write(to: URL(fileURLWithPath: dir + "/d-docs.jsonl"))
        let outcomes = try Repo.run([dir])
        #expect(outcomes.count == 7)
        #expect(outcomes[0].error?.code == "empty")
        #expect(outcomes[1].error?.code == "binary")
        #expect(outcomes[2].result?.categoriesFound == ["dokumentation"])
        #expect(outcomes[3].result?.document.metadata.map(\.key) == ["url", "tags"])
        #expect(outcomes[3].result?.document.metadata.last?.json == "[\"a\", 1]")
        #expect(outcomes[4].error?.code == "bad_json")
        #expect(outcomes[4].error?.message.hasPrefix("line 2:") == true)
        #expect(outcomes[5].result?.document.text == "IVO avslutar ärendet.")
        #expect(outcomes[6].error?.code == "bad_json")
        if case .failure(let id, let source, _) = outcomes[4] {
            #expect(id == "d-docs:2")
            #expect(source.hasSuffix("d-docs.jsonl:2"))
        }
    }

    @Test func outputIsValidJSONAndTheSameForOneAndTwoJobs() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A deterministic slice: the first 400 documents of the government corpus.
        let slice = try Repo.governmentLines("head -n 400", in: dir, name: "slice.jsonl")
        let one = try Repo.jsonl([slice], jobs: 1)
        let two = try Repo.jsonl([slice], jobs: 2)
        #expect(one == two)
        let lines = one.split(separator: 0x0A)
        #expect(lines.count == 400)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            #expect(object?["id"] is String)
            #expect(object?["rules_version"] is String)
        }
    }

    /// A run in small batches over the first 120 government documents, with `jobs` threads.
    static func smallBatches(_ slice: String, jobs: Int, write: ([UInt8]) throws -> Void,
                             shouldStop: () -> Bool = { false }, progress: (RunSummary) -> Void = { _ in }) throws -> RunSummary {
        let runner = try Runner(matcher: Repo.pack.0, gazetteer: Repo.pack.1, jobs: jobs)
        runner.batchPerWorker = 4
        return try runner.run(Inputs(paths: [slice], maxDocBytes: 50 << 20), write: write, shouldStop: shouldStop, progress: progress)
    }

    @Test func manySmallBatchesGiveTheSameBytesForOneTwoAndThreeJobs() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let slice = try Repo.governmentLines("head -n 120", in: dir, name: "slice.jsonl")
        let whole = try Repo.jsonl([slice], jobs: 1)
        for jobs in 1...3 {
            var bytes: [UInt8] = []
            var batches = 0
            let summary = try Self.smallBatches(slice, jobs: jobs, write: { bytes += $0 }, progress: { _ in batches += 1 })
            #expect(bytes == whole, "jobs \(jobs)")
            #expect(summary.documents == 120)
            #expect(batches == (120 + 4 * jobs - 1) / (4 * jobs))
        }
    }

    @Test func aFailingWriteEndsTheRunWithItsErrorAndLeavesTheRunnerUsable() throws {
        struct DiskFull: Error {}
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let slice = try Repo.governmentLines("head -n 120", in: dir, name: "slice.jsonl")
        let runner = try Runner(matcher: Repo.pack.0, gazetteer: Repo.pack.1, jobs: 2)
        runner.batchPerWorker = 4
        var written = 0
        #expect(throws: DiskFull.self) {
            try runner.run(Inputs(paths: [slice], maxDocBytes: 50 << 20), write: { _ in
                if written == 10 { throw DiskFull() }
                written += 1
            })
        }
        #expect(written == 10)
        // The workers of the batch in progress have finished: the same runner runs again.
        var bytes: [UInt8] = []
        _ = try runner.run(Inputs(paths: [slice], maxDocBytes: 50 << 20)) { bytes += $0 }
        #expect(bytes == (try Repo.jsonl([slice], jobs: 1)))
    }

    @Test func stoppingWritesWholeLinesOfTheBatchesStartedAndNoMore() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let slice = try Repo.governmentLines("head -n 120", in: dir, name: "slice.jsonl")
        let whole = try Repo.jsonl([slice], jobs: 1)
        var bytes: [UInt8] = []
        var stop = false
        let summary = try Self.smallBatches(slice, jobs: 2, write: { bytes += $0 }, shouldStop: { stop }, progress: { _ in stop = true })
        #expect(summary.documents > 0 && summary.documents < 120)
        #expect(bytes.count { $0 == 0x0A } == summary.documents)
        #expect(Array(whole.prefix(bytes.count)) == bytes)
    }

    @Test func findingOffsetsPointAtTheEvidenceInTheText() throws {
        for outcome in try Repo.run([Repo.path("corpus/seeds")]) {
            let r = try #require(outcome.result)
            let scalars = Array(r.document.text.unicodeScalars)
            for f in r.findings {
                let matched = String(String.UnicodeScalarView(scalars[f.start..<f.end]))
                #expect(f.evidence.contains(matched), "\(matched) not in \(f.evidence)")
                #expect(!matched.isEmpty)
            }
        }
    }
}
