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
    /// Documents per worker in a batch: enough that the threads start and meet rarely compared
    /// with the work between.
    public var batchPerWorker = 256
    /// Input bytes in a batch at most (a batch is closed early when its documents are large), so
    /// that memory stays flat whatever the documents' size: two batches are held at a time.
    public var batchBytes = 16 << 20

    public convenience init(matcher: Matcher, gazetteer: Gazetteer, jobs: Int, options: OutputOptions = OutputOptions()) throws {
        try self.init(extractor: Extractor(matcher: matcher, gazetteer: gazetteer), jobs: jobs, options: options)
    }

    /// Workers that share one extractor (one compiled pack and place-name index per run).
    public init(extractor: Extractor, jobs: Int, options: OutputOptions = OutputOptions()) throws {
        matcher = extractor.matcher
        self.jobs = max(1, jobs)
        workers = WorkerPool(try (0..<max(1, jobs)).map { _ in try Worker(extractor: extractor, options: options) })
    }

    /// Processes every input; `write` receives each document's line, in order. `progress` is
    /// called after each batch with the running summary.
    /// `shouldStop` is asked before each batch is read; when it says yes the run ends with the
    /// lines of the batches started so far written. With `state`, documents whose input and rule
    /// pack are unchanged are not processed: their stored line is written, and every batch's new
    /// results are stored.
    ///
    /// The calling thread reads (and looks up in the state) the next batch and writes the one
    /// before while the other `jobs - 1` threads process the current one, and joins them when it
    /// is done; so reading and writing hold up no worker, and there are never more than `jobs`
    /// threads at work. With one job everything happens on the calling thread.
    public func run(_ inputs: Inputs, state: StateStore? = nil, write: ([UInt8]) throws -> Void, shouldStop: () -> Bool = { false },
                    progress: (RunSummary) throws -> Void = { _ in }) throws -> RunSummary {
        var summary = RunSummary()
        var running: (batch: Batch, work: Work)?
        // Workers never outlive the run, even when writing fails.
        defer { running?.work.group.wait() }
        while true {
            var next = shouldStop() ? nil : try read(inputs, state: state)
            let finished = running.map { (batch: $0.batch, fresh: $0.work.lines()) }
            running = next.map { next in (next.batch, start(next.batch.todo.map { next.items[$0] })) }
            // The inputs are the workers' now: each one's bytes go as soon as its document is made.
            next = nil
            if let finished {
                try finish(finished.batch, fresh: finished.fresh, state: state, summary: &summary, write: write)
                try progress(summary)
            }
            if running == nil { return summary }
        }
    }

    struct Line: Sendable {
        var bytes: [UInt8] = []
        var failed = false
        var relevant = false
    }

    /// Documents read together, with what the state store already holds for them: what is
    /// counted and stored of each input once the inputs themselves are in the workers' hands.
    private struct Batch {
        var byteCounts: [Int]
        /// With a state store: each input's source, id and fingerprint, and its stored line if
        /// unchanged; the keys of the files that could not be read.
        var sources: [String] = []
        var keys: [StateStore.Key?] = []
        var stored: [Line?] = []
        var unreadFileKeys: [StateStore.Key] = []

        /// Indices of the items to process: those without a stored line.
        var todo: [Int] { stored.isEmpty ? Array(byteCounts.indices) : byteCounts.indices.filter { stored[$0] == nil } }
    }

    /// Reads up to `jobs * batchPerWorker` documents or `batchBytes` bytes; nil at the end.
    private func read(_ inputs: Inputs, state: StateStore?) throws -> (batch: Batch, items: [InputItem])? {
        var items: [InputItem] = []
        var byteCounts: [Int] = []
        var bytes = 0
        while items.count < jobs * batchPerWorker, bytes < batchBytes, let item = inputs.next() {
            items.append(item)
            byteCounts.append(item.byteCount)
            bytes += item.byteCount
        }
        if items.isEmpty { return nil }
        guard let state else { return (Batch(byteCounts: byteCounts), items) }
        // JSONL lines are parsed (and hashed) on the worker threads, not here; the state store
        // needs only each input's id and fingerprint.
        let keys = items.map(\.stateKey)
        let stored: [Line?] = try keys.map { key in
            guard let key, let line = try state.storedLine(key) else { return nil }
            return Line(bytes: line.bytes, failed: line.failed, relevant: line.relevant)
        }
        return (Batch(byteCounts: byteCounts, sources: items.map(\.source), keys: keys, stored: stored,
                      unreadFileKeys: items.compactMap(\.unreadFileKey)), items)
    }

    /// Writes a processed batch's lines in input order, stores its new results and counts it.
    private func finish(_ batch: Batch, fresh: [Line], state: StateStore?, summary: inout RunSummary, write: ([UInt8]) throws -> Void) throws {
        var lines = fresh
        if let state {
            var new = fresh.makeIterator()
            lines = batch.stored.map { $0 ?? new.next()! }
            try state.save(batch.keys.indices.compactMap { i in
                batch.keys[i].map { (key: $0, source: batch.sources[i], line: lines[i].bytes,
                                     failed: lines[i].failed, relevant: lines[i].relevant, reused: batch.stored[i] != nil) }
            })
            try state.markSeen(batch.unreadFileKeys)
            summary.reused += batch.stored.count { $0 != nil }
        }
        for (byteCount, line) in zip(batch.byteCounts, lines) {
            summary.documents += 1
            summary.bytes += byteCount
            if line.failed { summary.failed += 1 }
            if line.relevant { summary.relevant += 1 }
            try write(line.bytes)
        }
    }

    /// Starts processing `items` on `jobs - 1` other threads; the calling thread joins in when it
    /// asks for the lines.
    private func start(_ items: consuming [InputItem]) -> Work {
        let work = Work(consume items, workers: workers)
        for w in 1..<jobs { DispatchQueue.global().async(group: work.group) { work.process(with: w) } }
        return work
    }
}

/// One batch in the workers' hands. Each thread takes the next document from a shared counter,
/// so the threads finish together however the documents' sizes differ.
final class Work: Sendable {
    /// The inputs, each taken out by the thread that processes it (its bytes go with its document).
    private let items: Slots<InputItem?>
    private let pool: WorkerPool
    private let next = Atomic<Int>(0)
    private let slots: Slots<Runner.Line>
    let group = DispatchGroup()

    init(_ items: consuming [InputItem], workers: WorkerPool) {
        self.items = Slots(Array(repeating: nil, count: items.count))
        slots = Slots(Array(repeating: Runner.Line(), count: items.count))
        pool = workers
        // Moved, not copied, into the slots.
        while let item = items.popLast() { self.items.set(items.count, item) }
    }

    /// Processes documents with worker `w` until none is left.
    func process(with w: Int) {
        let worker = pool.workers[w]
        while true {
            let i = next.add(1, ordering: .relaxed).oldValue
            if i >= items.count { return }
            let outcome = worker.process(items.take(i, leaving: nil)!)
            var line = Runner.Line(bytes: worker.encode(outcome))
            switch outcome {
            case .failure: line.failed = true
            case .result(let r): line.relevant = r.attributes.relevant
            }
            slots.set(i, line)
        }
    }

    /// Joins in with worker 0 (the calling thread's), waits for the other threads, and returns
    /// the lines in input order.
    func lines() -> [Runner.Line] {
        process(with: 0)
        group.wait()
        return slots.values
    }
}

/// Workers shared with the threads of one batch. Thread `w` uses only `workers[w]` (the calling
/// thread worker 0), and a batch is started only when the one before has finished, so no worker
/// is ever used by two threads at once.
final class WorkerPool: @unchecked Sendable {
    let workers: [Worker]
    init(_ workers: [Worker]) { self.workers = workers }
}

/// One slot per document of a batch; each slot is used by exactly one thread, and the whole
/// read only after the batch's threads have finished. The slots are raw memory behind a `let`
/// pointer, so threads using different slots make no overlapping access to a Swift property.
final class Slots<Element>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ values: [Element]) {
        count = values.count
        base = .allocate(capacity: max(1, count))
        _ = UnsafeMutableBufferPointer(start: base, count: count).initialize(from: values)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func set(_ i: Int, _ value: Element) {
        precondition(i >= 0 && i < count)
        base[i] = value
    }

    /// The value of slot `i`, with `empty` left in its place: the slot keeps no memory of it.
    func take(_ i: Int, leaving empty: Element) -> Element {
        precondition(i >= 0 && i < count)
        let value = (base + i).move()
        (base + i).initialize(to: empty)
        return value
    }

    var values: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
