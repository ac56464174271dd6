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
}
