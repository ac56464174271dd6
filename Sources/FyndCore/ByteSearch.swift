/// Substring search on bytes (Swift's `String.contains` is slow for the hot loops that use it):
/// the needle's first byte is looked for with `memchr` (`ByteScan.firstIndex(of:in:)`).
public enum ByteSearch {
    public static func containsAny(_ haystack: [UInt8], _ needles: [[UInt8]]) -> Bool {
        guard !haystack.isEmpty else { return false }
        return needles.contains { contains(haystack, $0) }
    }

    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack, from: 0) != nil
    }

    /// Where `needle` first occurs in `haystack` at or after `from`.
    public static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        haystack.withUnsafeBufferPointer { firstIndex(of: needle, in: $0, from: from) }
    }

    /// As `firstIndex(of:in:from:)`, in a buffer.
    public static func firstIndex(of needle: [UInt8], in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, needle.count <= text.count else { return nil }
        var i = from
        while let start = ByteScan.firstIndex(of: first, in: text, from: i) {
            guard start + needle.count <= text.count else { return nil }
            if needle.indices.allSatisfy({ text[start + $0] == needle[$0] }) { return start }
            i = start + 1
        }
        return nil
    }
}
