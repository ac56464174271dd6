import FyndCore

/// The automaton in the compiled pack (`PackFormat`): its byte classes, its trie and its outputs
/// merged along the failure links, in the numbering a scan reads. Decoding makes the rows again
/// from the trie (a row copy per state) instead of building trie, failure links and outputs
/// from the patterns.
extension AhoCorasick {
    func encode(into w: inout PackWriter) {
        w.int32s(classOf.map(Int32.init))
        w.lists(start: trie.edgeStart, items: trie.edgeClass)
        w.int32s(trie.edgeTarget)
        w.lists(start: outputStart, items: outputs)
        w.int32s(lengths.map(Int32.init))
    }

    /// The automaton `encode(into:)` wrote, checked so that a scan cannot leave its tables.
    init(decoding r: inout PackReader) throws(PackFormatError) {
        let classOf = try r.int32s(in: 0..<256)
        guard classOf.count == 256 else { throw r.failure("\(classOf.count) byte classes, not 256") }
        let classCount = Int(classOf.max()!) + 1
        let (edgeStart, edgeClass) = try r.lists()
        let states = edgeStart.count - 1
        guard states >= 1 else { throw r.failure("an automaton without states") }
        guard edgeClass.allSatisfy({ $0 >= 0 && $0 < classCount }) else { throw r.failure("an edge of no byte class") }
        let edgeTarget = try r.int32s(in: 1..<Int32(states))
        // A tree: every state but the root the child of one edge.
        var parents = [UInt8](repeating: 0, count: states)
        for t in edgeTarget { parents[Int(t)] &+= 1 }
        guard edgeTarget.count == edgeClass.count, parents.dropFirst().allSatisfy({ $0 == 1 }) else { throw r.failure("the trie's edges are no tree") }
        let (outputStart, outputs) = try r.lists()
        let lengths = try r.int32s(in: 0..<Int32.max).map(Int.init)
        guard outputStart.count == states + 1, outputs.allSatisfy({ $0 >= 0 && Int($0) < lengths.count }) else {
            throw r.failure("outputs of \(outputStart.count - 1) states for \(states), or of no pattern")
        }
        // The states with outputs come last.
        let silent = (0..<states).count { outputStart[$0] == outputStart[$0 + 1] }
        guard (0..<silent).allSatisfy({ outputStart[$0] == outputStart[$0 + 1] }) else { throw r.failure("a state with outputs before one without") }
        let trie = Trie(edgeStart: edgeStart, edgeClass: edgeClass, edgeTarget: edgeTarget)
        guard let automaton = AhoCorasick(classOf: classOf.map(UInt8.init), classCount: classCount, trie: trie, outputStart: outputStart,
                                          outputs: outputs, lengths: lengths) else { throw r.failure("a state the root does not reach") }
        self = automaton
    }
}
