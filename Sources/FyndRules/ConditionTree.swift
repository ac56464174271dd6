/// The conditions of a rule pack as one flat tree of plain values: a node is its kind, a
/// number (the term, or the `within` of `near` and `clause`) and the range of its children in
/// `children`. Equal parts are stored once, so that rules sharing a part ("IVO or JO", a list
/// of judgement verbs) share its evaluation in a sentence, and walking the tree retains nothing.
///
/// Built once per pack; reading a node costs an array load.
struct ConditionTree: Sendable, Equatable {
    enum Kind: UInt8, Sendable { case term, any, all, none, near, clause }

    struct Node: Sendable, Equatable {
        var kind: Kind
        /// The term index for `term`; the word distance for `near` and `clause`.
        var value: Int
        /// The node's children are `children[firstChild ..< firstChild + childCount]`.
        var firstChild: Int32
        var childCount: Int32
    }

    let nodes: [Node]
    let children: [Int32]
    /// Each condition's node, in the order given.
    let roots: [Int32]

    /// The tree of `conditions`; `term` gives a term's index.
    init(_ conditions: [Condition], term: (Term) -> Int) {
        var builder = Builder()
        let roots = conditions.map { builder.add($0, term: term) }
        self.init(nodes: builder.nodes, children: builder.children, roots: roots)
    }

    init(nodes: [Node], children: [Int32], roots: [Int32]) {
        self.nodes = nodes
        self.children = children
        self.roots = roots
    }

    /// Adds conditions part by part, each distinct part once (by kind, value and parts).
    private struct Builder {
        var nodes: [Node] = []
        var children: [Int32] = []
        var known: [[Int]: Int32] = [:]

        mutating func add(_ condition: Condition, term: (Term) -> Int) -> Int32 {
            switch condition {
            case .term(let t): node(.term, value: term(t), [])
            case .any(let cs): node(.any, value: 0, cs.map { add($0, term: term) })
            case .all(let cs): node(.all, value: 0, cs.map { add($0, term: term) })
            case .none(let cs): node(.none, value: 0, cs.map { add($0, term: term) })
            case .near(let a, let b, let within): node(.near, value: within, [add(a, term: term), add(b, term: term)])
            case .clause(let cs, let within): node(.clause, value: within, cs.map { add($0, term: term) })
            }
        }

        private mutating func node(_ kind: Kind, value: Int, _ parts: [Int32]) -> Int32 {
            let key = [Int(kind.rawValue), value] + parts.map(Int.init)
            if let n = known[key] { return n }
            let n = Int32(nodes.count)
            nodes.append(Node(kind: kind, value: value, firstChild: Int32(children.count), childCount: Int32(parts.count)))
            children += parts
            known[key] = n
            return n
        }
    }

    /// The child indices of node `n`, as a range into `children`.
    @inline(__always)
    func childRange(_ n: Int32) -> Range<Int> {
        let node = nodes[Int(n)]
        return Int(node.firstChild)..<Int(node.firstChild + node.childCount)
    }
}
