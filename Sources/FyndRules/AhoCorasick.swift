/// A multi-pattern byte automaton (Aho–Corasick) as a dense DFA over byte classes.
///
/// Building costs O(total pattern bytes × classes); a scan costs one table step per byte,
/// whatever the number of patterns, plus one report per match. Bytes that occur in no pattern
/// share class 0, which keeps the table small (about 50 classes for Swedish terms).
public struct AhoCorasick: Sendable {
    private let classOf: [UInt8]
    private let classCount: Int
    /// Transitions, row by row; a state is the offset of its row (state number × classes), so a
    /// step is one addition and one load.
    private let next: [Int32]
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// States are numbered so that those with outputs come last: a scan step tests one number
    /// (the row offset of the first state with outputs).
    private let firstReporting: Int
    /// Byte length of each pattern, by pattern index.
    public let lengths: [Int]
    /// The length of the longest pattern.
    private let longest: Int

    public init(patterns: [[UInt8]]) {
        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for p in patterns { for b in p where classes[Int(b)] == 0 { classes[Int(b)] = UInt8(count); count += 1 } }
        precondition(count <= 256)
        // Trie, one row of `count` transitions per state in one flat array.
        var goto = [Int32](repeating: -1, count: count)
        goto.reserveCapacity((patterns.reduce(0) { $0 + $1.count } + 1) * count)
        var ends: [[Int32]] = [[]]
        for (index, p) in patterns.enumerated() {
            var state = 0
            for b in p {
                let c = Int(classes[Int(b)])
                if goto[state * count + c] < 0 {
                    goto[state * count + c] = Int32(ends.count)
                    goto += repeatElement(-1, count: count)
                    ends.append([])
                }
                state = Int(goto[state * count + c])
            }
            ends[state].append(Int32(index))
        }
        let states = ends.count
        // Breadth-first: failure links turn the trie into a DFA (a missing transition is the
        // failure state's). The loops run over raw buffers: they touch every cell of the table.
        var fail = [Int32](repeating: 0, count: states)
        var queue = [Int](repeating: 0, count: states)
        var queued = 0
        goto.withUnsafeMutableBufferPointer { g in
            fail.withUnsafeMutableBufferPointer { failure in
                queue.withUnsafeMutableBufferPointer { q in
                    for c in 0..<count {
                        if g[c] < 0 { g[c] = 0 } else { q[queued] = Int(g[c]); queued += 1 }
                    }
                    var head = 0
                    while head < queued {
                        let row = q[head] * count, failRow = Int(failure[q[head]]) * count
                        head += 1
                        for c in 0..<count {
                            let t = g[row + c]
                            if t < 0 {
                                g[row + c] = g[failRow + c]
                            } else {
                                failure[Int(t)] = g[failRow + c]
                                q[queued] = Int(t)
                                queued += 1
                            }
                        }
                    }
                }
            }
        }
        // Outputs merge along the failure links, shallow states first.
        for s in queue[..<queued] where !ends[Int(fail[s])].isEmpty { ends[s] += ends[Int(fail[s])] }
        // Renumber: states without output first (the root stays 0), then those with output.
        let order = (0..<states).filter { ends[$0].isEmpty } + (0..<states).filter { !ends[$0].isEmpty }
        // A state's new row offset, by its old number.
        var newRow = [Int32](repeating: 0, count: states)
        for (new, old) in order.enumerated() { newRow[old] = Int32(new) * Int32(count) }
        var start: [Int32] = []
        start.reserveCapacity(states + 1)
        var flat: [Int32] = []
        for old in order {
            start.append(Int32(flat.count))
            flat += ends[old]
        }
        start.append(Int32(flat.count))
        let table = [Int32](unsafeUninitializedCapacity: states * count) { out, initialized in
            goto.withUnsafeBufferPointer { g in
                newRow.withUnsafeBufferPointer { rows in
                    var k = 0
                    for old in order {
                        let row = old * count
                        for c in 0..<count {
                            out.initializeElement(at: k, to: rows[Int(g[row + c])])
                            k += 1
                        }
                    }
                }
            }
            initialized = states * count
        }
        classOf = classes
        classCount = count
        next = table
        outputStart = start
        outputs = flat
        firstReporting = (0..<states).count { ends[$0].isEmpty } * count
        lengths = patterns.map(\.count)
        longest = lengths.max() ?? 0
    }

    /// Calls `report(pattern, end)` for every occurrence, `end` being the index after its last byte.
    public func scan(_ text: UnsafeBufferPointer<UInt8>, _ report: (Int, Int) -> Void) {
        withWalk { walk in
            var state = 0
            for i in 0..<text.count {
                state = walk.step(state, text[i])
                walk.report(state, end: i &+ 1, report)
            }
        }
    }

    /// As `scan`, but in four quarters walked side by side, which keeps four table lookups in
    /// flight instead of one (a scan step waits on the previous one): for long texts where the
    /// order of the reports does not matter. Every occurrence is reported once: each walk
    /// reports the occurrences that end in its quarter, and starts early enough to see them.
    public func scanInQuarters(_ text: UnsafeBufferPointer<UInt8>, _ report: (Int, Int) -> Void) {
        let quarter = text.count / 4
        guard quarter >= 64, quarter >= longest else { return scan(text, report) }
        withWalk { walk in
            let lead = max(0, longest - 1)
            // Walks 1–3 first read the bytes before their quarter that an occurrence ending in it
            // may start with.
            func entered(_ start: Int) -> Int {
                var state = 0
                for i in (start - lead)..<start { state = walk.step(state, text[i]) }
                return state
            }
            var s0 = 0, s1 = entered(quarter), s2 = entered(2 * quarter), s3 = entered(3 * quarter)
            var i = 0
            while i < quarter {
                s0 = walk.step(s0, text[i])
                s1 = walk.step(s1, text[i &+ quarter])
                s2 = walk.step(s2, text[i &+ 2 &* quarter])
                s3 = walk.step(s3, text[i &+ 3 &* quarter])
                walk.report(s0, end: i &+ 1, report)
                walk.report(s1, end: i &+ quarter &+ 1, report)
                walk.report(s2, end: i &+ 2 &* quarter &+ 1, report)
                walk.report(s3, end: i &+ 3 &* quarter &+ 1, report)
                i &+= 1
            }
            var j = 4 * quarter
            while j < text.count {
                s3 = walk.step(s3, text[j])
                walk.report(s3, end: j &+ 1, report)
                j &+= 1
            }
        }
    }

    /// The tables as a scan reads them.
    private struct Walk {
        let table: UnsafeBufferPointer<Int32>
        let classOf: UnsafeBufferPointer<UInt8>
        let outputStart: UnsafeBufferPointer<Int32>
        let outputs: UnsafeBufferPointer<Int32>
        let classes: Int
        let firstReporting: Int

        /// The state after `byte`.
        @inline(__always)
        func step(_ state: Int, _ byte: UInt8) -> Int { Int(table[state &+ Int(classOf[Int(byte)])]) }

        /// Reports the patterns that end in `state`, if any.
        @inline(__always)
        func report(_ state: Int, end: Int, _ body: (Int, Int) -> Void) {
            guard state >= firstReporting else { return }
            let number = state / classes
            for k in Int(outputStart[number])..<Int(outputStart[number &+ 1]) { body(Int(outputs[k]), end) }
        }
    }

    private func withWalk(_ body: (Walk) -> Void) {
        next.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { cls in
                outputStart.withUnsafeBufferPointer { starts in
                    outputs.withUnsafeBufferPointer { found in
                        body(Walk(table: table, classOf: cls, outputStart: starts, outputs: found, classes: classCount, firstReporting: firstReporting))
                    }
                }
            }
        }
    }

    /// Number of DFA states (for profiling and tests).
    public var stateCount: Int { outputStart.count - 1 }
}
