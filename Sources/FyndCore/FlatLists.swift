/// Lists laid one after another in `items`, list `k` at `items[start[k] ..< start[k + 1]]`: the
/// flat form of the per-pattern, per-term and per-node tables the matcher reads, and of the
/// lists a compiled pack stores (`PackWriter.lists`). Reading a list costs two loads and makes
/// no array; the whole is two allocations instead of one per list.
public struct FlatLists: Sendable, Equatable {
    public let start: [Int32]
    public let items: [Int32]

    public init(_ lists: [[Int32]]) {
        (start, items) = Self.flat(lists)
    }

    /// Lists as `flat` lays them out (checked by whoever gives them: `PackReader.lists`).
    public init(start: [Int32], items: [Int32]) {
        self.start = start
        self.items = items
    }

    public var count: Int { start.count - 1 }

    @inline(__always)
    public subscript(k: Int) -> ArraySlice<Int32> { items[Int(start[k])..<Int(start[k + 1])] }

    public static func flat(_ lists: [[Int32]]) -> (start: [Int32], items: [Int32]) {
        (lists.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }, lists.flatMap { $0 })
    }
}
