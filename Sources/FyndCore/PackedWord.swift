/// A word of at most eight bytes as one number (its bytes little-endian), for lookups in small
/// tables of short words without hashing strings.
public enum PackedWord {
    /// The bytes as a number; nil when there are more than eight.
    @inlinable
    public static func key(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for (i, b) in bytes.enumerated() { key |= UInt64(b) << (8 * UInt64(i)) }
        return key
    }

    /// As `key(_:)`, for `bytes[start..<end]`: one unaligned load and a mask where eight bytes
    /// from `start` lie inside `bytes`, the byte loop otherwise.
    @inlinable
    public static func key(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64? {
        let length = end - start
        guard length <= 8 else { return nil }
        guard start + 8 <= bytes.count, let base = bytes.baseAddress else { return key(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
        let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self).littleEndian
        return length == 8 ? word : word & ((1 << (8 * UInt64(length))) &- 1)
    }
}
