/// Marked words in a sentence, written so that the markers always balance.
struct Highlight {
    /// Ranges that nest or are apart, never crossing.
    let marks: [Range<Int>]
    let open: [UInt8], close: [UInt8]

    init(_ marks: [Range<Int>], open: String, close: String) {
        self.marks = marks
        self.open = Array(open.utf8)
        self.close = Array(close.utf8)
    }

    /// Overlapping ranges joined into one, for markers that cannot nest (terminal colours).
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound < last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// Distinct ranges, those that cross (overlap with neither holding the other) joined, so that
    /// the rest nest: `[[IVO] konstaterar] inte`.
    static func nested(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out = Array(Set(ranges))
        while let (i, j) = crossing(out) {
            let joined = min(out[i].lowerBound, out[j].lowerBound)..<max(out[i].upperBound, out[j].upperBound)
            out.remove(at: j)
            out.remove(at: i)
            if !out.contains(joined) { out.append(joined) }
        }
        return out
    }

    /// The indices (i < j) of two ranges that cross, if any.
    private static func crossing(_ ranges: [Range<Int>]) -> (Int, Int)? {
        for i in ranges.indices {
            for j in ranges.indices where j > i {
                let (a, b) = (ranges[i], ranges[j])
                let holds = a.lowerBound <= b.lowerBound && b.upperBound <= a.upperBound
                    || b.lowerBound <= a.lowerBound && a.upperBound <= b.upperBound
                if a.overlaps(b) && !holds { return (i, j) }
            }
        }
        return nil
    }

    /// `text[range]` with an open marker before and a close marker after each mark.
    func render(_ text: [UInt8], _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        for i in range {
            for _ in 0..<marks.count(where: { $0.lowerBound == i }) { out += open }
            out.append(text[i])
            for _ in 0..<marks.count(where: { $0.upperBound == i + 1 }) { out += close }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
