/// Lists laid one after another in `items`, list `k` at `items[start[k] ..< start[k + 1]]`: the
/// flat form of the per-pattern, per-term and per-node tables the matcher reads, and of the
/// lists a compiled pack stores (`PackWriter.lists`). Reading a list costs two loads, and the
/// whole is two allocations instead of one per list.
public enum FlatLists {
    public static func flat(_ lists: [[Int32]]) -> (start: [Int32], items: [Int32]) {
        (lists.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }, lists.flatMap { $0 })
    }
}
