import FyndCore

/// The automaton in the compiled pack (`PackFormat`): its byte classes, its trie breadth-first
/// (per state its edges' classes and its outputs, merged along the failure links) and its
/// patterns' lengths. Listed breadth-first, a state's children are the states that follow, one
/// after another, so no edge names its target; a scan's numbering (breadth-first, those
/// without outputs first) follows from the outputs. Decoding makes the rows again from the
/// trie (a row copy per state) instead of building trie, failure links and outputs from the patterns.
extension AhoCorasick {
    func encode(into w: inout PackWriter) {
        let order = Self.rows(trie, classes: classCount, as: Int32.self)!.order.map(Int.init)
        func edges(_ s: Int) -> Range<Int> { Int(trie.edgeStart[s])..<Int(trie.edgeStart[s + 1]) }
        func found(_ s: Int) -> Range<Int> { Int(outputStart[s])..<Int(outputStart[s + 1]) }
        w.uint32s(classOf.map(Int32.init))
        w.uint32s(order.map { Int32(edges($0).count) })
        w.uint32s(order.flatMap { trie.edgeClass[edges($0)] })
        w.uint32s(order.map { Int32(found($0).count) })
        w.uint32s(order.flatMap { outputs[found($0)] })
        w.uint32s(lengths.map(Int32.init))
    }

    /// The automaton `encode(into:)` wrote, checked so that a scan cannot leave its tables.
    init(decoding r: inout PackReader) throws(PackFormatError) {
        let classOf = try r.uint32s(below: 256)
        guard classOf.count == 256 else { throw r.failure("\(classOf.count) byte classes, not 256") }
        let classCount = Int(classOf.max()!) + 1
        let edgeCounts = try r.uint32s(), edgeClasses = try r.uint32s(below: Int32(classCount))
        let outputCounts = try r.uint32s(), found = try r.uint32s()
        let lengths = try r.uint32s().map(Int.init)
        let states = edgeCounts.count
        guard states >= 1, edgeClasses.count == states - 1, edgeCounts.reduce(0, { $0 + Int($1) }) == states - 1,
              outputCounts.count == states, outputCounts[0] == 0, outputCounts.reduce(0, { $0 + Int($1) }) == found.count,
              found.allSatisfy({ Int($0) < lengths.count }) else {
            throw r.failure("an automaton of \(states) states, \(edgeClasses.count) edges and \(found.count) outputs that do not fit")
        }
        // The scan's numbering: breadth-first, the states without outputs first.
        let silent = outputCounts.count { $0 == 0 }
        var number = [Int32](repeating: 0, count: states)
        var nextSilent: Int32 = 0, nextReporting = Int32(silent)
        for b in 0..<states {
            if outputCounts[b] == 0 { number[b] = nextSilent; nextSilent += 1 } else { number[b] = nextReporting; nextReporting += 1 }
        }
        var edgeFirst = [Int](repeating: 0, count: states + 1)
        for b in 0..<states { edgeFirst[b + 1] = edgeFirst[b] + Int(edgeCounts[b]) }
        // A state reports patterns that end its path from the root: none longer than that path
        // (a scan reads the bytes before an occurrence's end).
        var depth = [Int](repeating: 0, count: states)
        var reported = 0
        for b in 0..<states {
            // Breadth-first, edge `k` leads to state `k + 1`: the children follow the root in
            // their parents' order. A child must come after its parent.
            guard edgeCounts[b] == 0 || edgeFirst[b] + 1 > b else { throw r.failure("state \(b)'s children come before it") }
            for k in edgeFirst[b]..<edgeFirst[b + 1] { depth[k + 1] = depth[b] + 1 }
            for k in reported..<(reported + Int(outputCounts[b])) where lengths[Int(found[k])] < 1 || lengths[Int(found[k])] > depth[b] {
                throw r.failure("state \(b) reports a pattern longer than its path")
            }
            reported += Int(outputCounts[b])
        }
        // Edges and outputs by that numbering: the silent states' in breadth-first order, then
        // the reporting states' (whose outputs are therefore `found` as it is).
        var edgeStart: [Int32] = [0], edgeClass: [Int32] = [], edgeTarget: [Int32] = []
        var outputStart = [Int32](repeating: 0, count: silent + 1)
        edgeStart.reserveCapacity(states + 1)
        edgeClass.reserveCapacity(states)
        edgeTarget.reserveCapacity(states)
        outputStart.reserveCapacity(states + 1)
        for reporting in [false, true] {
            for b in 0..<states where (outputCounts[b] != 0) == reporting {
                for k in edgeFirst[b]..<edgeFirst[b + 1] {
                    edgeClass.append(edgeClasses[k])
                    edgeTarget.append(number[k + 1])
                }
                edgeStart.append(Int32(edgeClass.count))
                if reporting { outputStart.append(outputStart.last! + outputCounts[b]) }
            }
        }
        let trie = Trie(edgeStart: edgeStart, edgeClass: edgeClass, edgeTarget: edgeTarget)
        guard let automaton = AhoCorasick(classOf: classOf.map(UInt8.init), classCount: classCount, trie: trie, outputStart: outputStart,
                                          outputs: found, lengths: lengths) else { throw r.failure("a state the root does not reach") }
        self = automaton
    }
}
