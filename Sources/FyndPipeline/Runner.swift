import Dispatch
import FyndCore
import FyndExtract
import FyndRules
import Synchronization

/// Counts of a finished run.
public struct RunSummary: Sendable {
    public var documents = 0
    public var failed = 0
    public var relevant = 0
    public var bytes = 0
    /// Documents whose stored result was reused (`--state`).
    public var reused = 0
}

/// Runs workers in parallel over batches of inputs and hands the JSONL lines to `write` in
/// input order. Memory stays bounded by the batch; the output bytes do not depend on `jobs`.
public final class Runner {
    public let matcher: Matcher
    private let workers: WorkerPool
    public let jobs: Int
    /// Documents read ahead per worker before results are written: enough that the threads
    /// start and meet rarely compared with the work between.
    public var batchPerWorker = 256
    /// Input bytes read ahead at most (a batch is processed early when its documents are large),
    /// so that memory stays flat whatever the documents' size.
    public var batchBytes = 16 << 20

    public init(matcher: Matcher, gazetteer: Gazetteer, jobs: Int, options: OutputOptions = OutputOptions()) throws {
        self.matcher = matcher
        self.jobs = max(1, jobs)
        workers = WorkerPool(try (0..<max(1, jobs)).map { _ in try Worker(matcher: matcher, gazetteer: gazetteer, options: options) })
    }

    /// Processes every input; `write` receives each document's line, in order. `progress` is
    /// called after each batch with the running summary.
    /// `shouldStop` is asked after each batch; when it says yes the run ends with the lines written
    /// so far. With `state`, documents whose input and rule pack are unchanged are not processed:
    /// their stored line is written, and every batch's new results are stored.
    public func run(_ inputs: Inputs, state: StateStore? = nil, write: ([UInt8]) throws -> Void, shouldStop: () -> Bool = { false },
                    progress: (RunSummary) throws -> Void = { _ in }) throws -> RunSummary {
        var summary = RunSummary()
        var batch: [InputItem] = []
        var batchSize = 0
        let capacity = jobs * batchPerWorker
        func flush() throws {
            // JSONL lines are parsed (and hashed) on the worker threads, not here; the state store
            // needs only each input's id and fingerprint.
            let lines: [Line]
            var reused = 0
            if let state {
                let keys = batch.map(\.stateKey)
                let stored: [Line?] = try batch.indices.map { i in
                    guard let key = keys[i], let line = try state.storedLine(id: key.id, fingerprint: key.fingerprint) else { return nil }
                    return Line(bytes: line.bytes, failed: line.failed, relevant: line.relevant)
                }
                let todo = batch.indices.filter { stored[$0] == nil }
                var fresh = process(todo.map { batch[$0] }).makeIterator()
                lines = batch.indices.map { stored[$0] ?? fresh.next()! }
                try state.save(batch.indices.compactMap { i in
                    keys[i].map { (id: $0.id, source: batch[i].source, fingerprint: $0.fingerprint, line: lines[i].bytes,
                                   failed: lines[i].failed, relevant: lines[i].relevant, reused: stored[i] != nil) }
                })
                reused = stored.count { $0 != nil }
            } else {
                lines = process(batch)
            }
            for (item, line) in zip(batch, lines) {
                summary.documents += 1
                summary.bytes += item.byteCount
                if line.failed { summary.failed += 1 }
                if line.relevant { summary.relevant += 1 }
                try write(line.bytes)
            }
            summary.reused += reused
            batch.removeAll(keepingCapacity: true)
            batchSize = 0
            try progress(summary)
        }
        while !shouldStop(), let item = inputs.next() {
            batch.append(item)
            batchSize += item.byteCount
            if batch.count >= capacity || batchSize >= batchBytes { try flush() }
        }
        if !batch.isEmpty, !shouldStop() { try flush() }
        return summary
    }

    struct Line: Sendable {
        var bytes: [UInt8] = []
        var failed = false
        var relevant = false
    }

    /// Processes a batch on `jobs` threads; workers take the next document from a shared counter.
    private func process(_ items: [InputItem]) -> [Line] {
        let results = ResultSlots(count: items.count)
        let next = Atomic<Int>(0)
        let pool = workers
        let work: @Sendable (Int) -> Void = { w in
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                if i >= items.count { break }
                let outcome = pool.workers[w].process(items[i])
                var line = Line(bytes: pool.workers[w].encode(outcome))
                switch outcome {
                case .failure: line.failed = true
                case .result(let r): line.relevant = r.attributes.relevant
                }
                results.set(i, line)
            }
        }
        if jobs == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: jobs, execute: work) }
        return results.values
    }
}

/// Workers shared with the threads of one batch. Thread `w` uses only `workers[w]`, and batches
/// do not overlap, so no worker is ever used by two threads at once.
final class WorkerPool: @unchecked Sendable {
    let workers: [Worker]
    init(_ workers: [Worker]) { self.workers = workers }
}

/// One slot per document of a batch; each slot is written by exactly one thread, and read only
/// after `concurrentPerform` has returned. The slots are raw memory behind a `let` pointer, so
/// threads writing different slots make no overlapping access to a Swift property.
final class ResultSlots: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Runner.Line>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(1, count))
        base.initialize(repeating: Runner.Line(), count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func set(_ i: Int, _ line: Runner.Line) {
        precondition(i >= 0 && i < count)
        base[i] = line
    }

    var values: [Runner.Line] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
