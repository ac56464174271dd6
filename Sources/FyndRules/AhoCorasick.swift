import FyndCore

/// A multi-pattern byte automaton (Aho–Corasick) as a dense DFA over byte classes.
///
/// Building costs O(total pattern bytes × classes); a scan costs one table step per byte,
/// whatever the number of patterns, plus one report per match. Bytes that occur in no pattern
/// share class 0, which keeps the table small (about 30 classes for Swedish terms). A step
/// waits on its table load, so the table is kept small: with at most 32 classes and 65 536
/// states, 16-bit state numbers in rows of 32 (64 bytes, one cache line; the first look's
/// 3 800 states take 240 kB instead of 460), a row found with a constant shift; else 32-bit
/// row offsets in rows as wide as the classes. The DFA is
/// made from its trie (`Trie`) one row at a time: a state's row is its failure state's, a
/// copy, with its own edges written over it; the compiled pack stores the trie
/// (`AhoCorasickCoding.swift`) and start-up makes the rows again.
public struct AhoCorasick: Sendable, Equatable {
    let classOf: [UInt8]
    let classCount: Int
    /// Transitions, row by row; one of the two is filled. `narrow` (at most `narrowWidth`
    /// classes and 65 536 states): state `s`'s next state after class `c` is entry
    /// `s << narrowShift | c`.
    /// `wide`: a state is the offset of its row (state number × classes), and its next state
    /// after class `c` is entry `s + c`.
    let narrow: [UInt16]
    let wide: [Int32]
    let outputStart: [Int32]
    let outputs: [Int32]
    /// States are numbered so that those with outputs come last: a scan step tests one number
    /// (the first state with outputs, as the table's entries give it).
    let firstReporting: Int
    /// Byte length of each pattern, by pattern index.
    public let lengths: [Int]
    /// The length of the longest pattern.
    let longest: Int
    /// The trie the rows were made from, in the states' numbering.
    let trie: Trie

    /// The trie of the patterns: per state, its edges as (class, child), `edgeClass` and
    /// `edgeTarget` at `edgeStart[s] ..< edgeStart[s + 1]`; the root is state 0.
    struct Trie: Sendable, Equatable {
        var edgeStart: [Int32]
        var edgeClass: [Int32]
        var edgeTarget: [Int32]
        var stateCount: Int { edgeStart.count - 1 }
    }

    public init(patterns: [[UInt8]]) {
        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for p in patterns { for b in p where classes[Int(b)] == 0 { classes[Int(b)] = UInt8(count); count += 1 } }
        precondition(count <= 256)
        // The trie, one row of `count` children per state while it grows (-1: none).
        var goto = [Int32](repeating: -1, count: count)
        goto.reserveCapacity((patterns.reduce(0) { $0 + $1.count } + 1) * count)
        var ends: [[Int32]] = [[]]
        var edges: [[(Int32, Int32)]] = [[]]
        for (index, p) in patterns.enumerated() {
            var state = 0
            for b in p {
                let c = Int(classes[Int(b)])
                if goto[state * count + c] < 0 {
                    goto[state * count + c] = Int32(ends.count)
                    edges[state].append((Int32(c), Int32(ends.count)))
                    goto += repeatElement(-1, count: count)
                    ends.append([])
                    edges.append([])
                }
                state = Int(goto[state * count + c])
            }
            ends[state].append(Int32(index))
        }
        let (_, fail, order) = Self.rows(Self.trie(edges), classes: count, as: Int32.self)!
        // Outputs merge along the failure links, shallow states first.
        for s in order.dropFirst() where !ends[Int(fail[Int(s)])].isEmpty { ends[Int(s)] += ends[Int(fail[Int(s)])] }
        // Renumber breadth-first, states without output first (the root stays 0), then those with
        // output: the numbering `init(decoding:)` derives from the trie as stored.
        let renumbered = order.filter { ends[Int($0)].isEmpty } + order.filter { !ends[Int($0)].isEmpty }
        var number = [Int32](repeating: 0, count: ends.count)
        for (new, old) in renumbered.enumerated() { number[Int(old)] = Int32(new) }
        let outputs = FlatLists(renumbered.map { ends[Int($0)] })
        self.init(classOf: classes, classCount: count,
                  trie: Self.trie(renumbered.map { old in edges[Int(old)].map { ($0.0, number[Int($0.1)]) } }),
                  outputStart: outputs.start, outputs: outputs.items, lengths: patterns.map(\.count))!
    }

    /// The automaton of a trie whose states are numbered as a scan reads them (those with
    /// outputs last), with its outputs merged along the failure links: the rows made from the
    /// trie. Nil when some state cannot be reached from the root.
    init?(classOf: [UInt8], classCount: Int, trie: Trie, outputStart: [Int32], outputs: [Int32], lengths: [Int]) {
        let isNarrow = classCount <= Self.narrowWidth && trie.stateCount <= Int(UInt16.max) + 1
        if isNarrow {
            guard let (table, _, _) = Self.rows(trie, classes: classCount, as: UInt16.self) else { return nil }
            (narrow, wide) = (table, [])
        } else {
            guard let (table, _, _) = Self.rows(trie, classes: classCount, as: Int32.self) else { return nil }
            (narrow, wide) = ([], table)
        }
        self.classOf = classOf
        self.classCount = classCount
        self.trie = trie
        self.outputStart = outputStart
        self.outputs = outputs
        firstReporting = (0..<trie.stateCount).count { outputStart[$0] == outputStart[$0 + 1] } * (isNarrow ? 1 : classCount)
        self.lengths = lengths
        longest = lengths.max() ?? 0
    }

    static func trie(_ edges: [[(Int32, Int32)]]) -> Trie {
        let classes = FlatLists(edges.map { $0.map(\.0) })
        return Trie(edgeStart: classes.start, edgeClass: classes.items, edgeTarget: edges.flatMap { $0.map(\.1) })
    }

    /// A narrow table's rows are `1 << narrowShift` entries wide (32), found with a constant shift.
    static var narrowShift: Int { 5 }
    static var narrowWidth: Int { 1 << narrowShift }

    /// The DFA's rows from the trie, breadth-first, so that a state's failure state (shallower)
    /// has its row when the state copies it; with each state's failure state and the order.
    /// `UInt16` rows are `narrowWidth` entries of state numbers (the entries past the classes
    /// are 0, never read); `Int32` rows are `classes` entries of row offsets. Costs a row copy
    /// per state and a step per edge. Nil when the edges leave a state unreached; each state
    /// but the root must be the target of one edge.
    static func rows<Entry: FixedWidthInteger>(_ trie: Trie, classes count: Int, as _: Entry.Type)
        -> (table: [Entry], fail: [Int32], order: [Int32])? {
        let states = trie.stateCount
        // An entry is a state's number times `scale`; a row is `width` entries.
        let (width, scale) = Entry.bitWidth == 16 ? (narrowWidth, 1) : (count, count)
        var fail = [Int32](repeating: 0, count: states)
        var order = [Int32](repeating: 0, count: states)
        var reached = 1
        let table = [Entry](unsafeUninitializedCapacity: states * width) { rows, initialized in
            fail.withUnsafeMutableBufferPointer { fail in
                order.withUnsafeMutableBufferPointer { order in
                    trie.edgeStart.withUnsafeBufferPointer { start in
                        trie.edgeClass.withUnsafeBufferPointer { edgeClass in
                            trie.edgeTarget.withUnsafeBufferPointer { target in
                                let base = rows.baseAddress!
                                base.initialize(repeating: 0, count: width)
                                var head = 0
                                while head < reached {
                                    let s = Int(order[head]), f = Int(fail[s])
                                    head += 1
                                    if s != 0 { (base + s * width).initialize(from: base + f * width, count: width) }
                                    for e in Int(start[s])..<Int(start[s + 1]) {
                                        let c = Int(edgeClass[e]), t = Int(target[e])
                                        base[s * width + c] = Entry(truncatingIfNeeded: t * scale)
                                        fail[t] = s == 0 ? 0 : Int32(Int(base[f * width + c]) / scale)
                                        order[reached] = Int32(t)
                                        reached += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // A trie with unreached states (damaged) gives a table of zeros, never read.
            if reached < states { rows.baseAddress!.initialize(repeating: 0, count: states * width) }
            initialized = states * width
        }
        return reached == states ? (table, fail, order) : nil
    }

    /// Calls `report(pattern, end)` for every occurrence, `end` being the index after its last byte.
    public func scan(_ text: UnsafeBufferPointer<UInt8>, _ report: (Int, Int) -> Void) {
        if narrow.isEmpty { withWalk(wide) { Self.scan(text, $0, report) } } else { withWalk(narrow) { Self.scan(text, $0, report) } }
    }

    private static func scan<Entry>(_ text: UnsafeBufferPointer<UInt8>, _ walk: Walk<Entry>, _ report: (Int, Int) -> Void) {
        var state = 0
        for i in 0..<text.count {
            state = walk.step(state, text[i])
            walk.report(state, end: i &+ 1, report)
        }
    }

    /// As `scan`, but in four quarters walked side by side, which keeps four table lookups in
    /// flight instead of one (a scan step waits on the previous one): for long texts where the
    /// order of the reports does not matter. Every occurrence is reported once: each walk
    /// reports the occurrences that end in its quarter, and starts early enough to see them.
    /// The steps run in stretches of `stretch` bytes that only note where a walk reaches a
    /// state with outputs; the notes are reported after each stretch, so that the stepping loop
    /// makes no call and keeps its four states in registers.
    public func scanInQuarters(_ text: UnsafeBufferPointer<UInt8>, _ report: (Int, Int) -> Void) {
        let quarter = text.count / 4
        guard quarter >= 64, quarter >= longest else { return scan(text, report) }
        if narrow.isEmpty {
            withWalk(wide) { Self.scanInQuarters(text, quarter: quarter, lead: max(0, longest - 1), $0, report) }
        } else {
            withWalk(narrow) { Self.scanInQuarters(text, quarter: quarter, lead: max(0, longest - 1), $0, report) }
        }
    }

    private static func scanInQuarters<Entry>(_ text: UnsafeBufferPointer<UInt8>, quarter: Int, lead: Int, _ walk: Walk<Entry>,
                                              _ report: (Int, Int) -> Void) {
        // Walks 1–3 first read the bytes before their quarter that an occurrence ending in it
        // may start with.
        func entered(_ start: Int) -> Int {
            var state = 0
            for i in (start - lead)..<start { state = walk.step(state, text[i]) }
            return state
        }
        var s0 = 0, s1 = entered(quarter), s2 = entered(2 * quarter), s3 = entered(3 * quarter)
        let reporting = walk.firstReporting
        // Per note a state and the end of the byte that led to it: four per step at most.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 8 * stretch) { notes in
            var i = 0, n = 0
            @inline(__always) func note(_ state: Int, _ end: Int) {
                guard state >= reporting else { return }
                notes[n] = state
                notes[n &+ 1] = end
                n &+= 2
            }
            while i < quarter {
                let stop = min(quarter, i &+ stretch)
                n = 0
                while i < stop {
                    s0 = walk.step(s0, text[i])
                    s1 = walk.step(s1, text[i &+ quarter])
                    s2 = walk.step(s2, text[i &+ 2 &* quarter])
                    s3 = walk.step(s3, text[i &+ 3 &* quarter])
                    i &+= 1
                    if s0 >= reporting || s1 >= reporting || s2 >= reporting || s3 >= reporting {
                        note(s0, i)
                        note(s1, i &+ quarter)
                        note(s2, i &+ 2 &* quarter)
                        note(s3, i &+ 3 &* quarter)
                    }
                }
                for k in stride(from: 0, to: n, by: 2) { walk.report(notes[k], end: notes[k &+ 1], report) }
            }
        }
        var j = 4 * quarter
        while j < text.count {
            s3 = walk.step(s3, text[j])
            walk.report(s3, end: j &+ 1, report)
            j &+= 1
        }
    }

    /// `scanInQuarters` of each of `runs` (ranges of `text`, in order, apart), or of the whole
    /// text when `runs` is nil; the ends reported are in `text`.
    public func scanInQuarters(in text: UnsafeBufferPointer<UInt8>, runs: [Range<Int>]?, _ report: (Int, Int) -> Void) {
        guard let runs else { return scanInQuarters(text, report) }
        for run in runs {
            let offset = run.lowerBound
            scanInQuarters(UnsafeBufferPointer(rebasing: text[run])) { report($0, $1 + offset) }
        }
    }

    /// Steps of `scanInQuarters`' walks between two rounds of reports.
    private static var stretch: Int { 64 }

    /// The tables as a scan reads them: narrow (`UInt16`, a state is its number) or wide
    /// (`Int32`, a state is its row's offset).
    private struct Walk<Entry: FixedWidthInteger> {
        let table: UnsafeBufferPointer<Entry>
        let classOf: UnsafeBufferPointer<UInt8>
        let outputStart: UnsafeBufferPointer<Int32>
        let outputs: UnsafeBufferPointer<Int32>
        let classes: Int
        let firstReporting: Int

        /// The state after `byte` (the layout is known when the walk is specialised: a narrow
        /// row is found with a constant shift, which keeps a register free for the walks).
        @inline(__always)
        func step(_ state: Int, _ byte: UInt8) -> Int {
            let c = Int(classOf[Int(byte)])
            return Entry.bitWidth == 16 ? Int(table[state &<< AhoCorasick.narrowShift | c]) : Int(table[state &+ c])
        }

        /// Reports the patterns that end in `state`, if any.
        @inline(__always)
        func report(_ state: Int, end: Int, _ body: (Int, Int) -> Void) {
            guard state >= firstReporting else { return }
            let number = Entry.bitWidth == 16 ? state : state / classes
            for k in Int(outputStart[number])..<Int(outputStart[number &+ 1]) { body(Int(outputs[k]), end) }
        }
    }

    private func withWalk<Entry>(_ table: [Entry], _ body: (Walk<Entry>) -> Void) {
        table.withUnsafeBufferPointer { table in
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
