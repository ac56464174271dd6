#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches sixteen bytes at a time (SIMD), for the loops that look at every byte of a
/// document: most blocks of sixteen hold nothing of interest and cost a few comparisons.
///
/// Lane tests must compare with whole vectors (`v .== ByteScan.splat(0x22)`): comparing with
/// a scalar literal (`v .== 0x22`) takes the generic path, a hundred times slower.
public enum ByteScan {
    public typealias Lanes = SIMD16<UInt8>

    /// Sixteen copies of `byte`.
    @inlinable
    public static func splat(_ byte: UInt8) -> Lanes { Lanes(repeating: byte) }

    /// Whether any lane of `mask` is set: the two halves OR-ed and tested, four instructions. For
    /// a loop where the standard library's `any` is not inlined (it then reduces the lanes one by
    /// one through a generic `min()`); where it is inlined, it is two instructions (`pmovmskb`, `test`).
    @inlinable @inline(__always)
    public static func any(_ mask: SIMDMask<Lanes.MaskStorage>) -> Bool {
        let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return halves[0] | halves[1] != 0
    }

    /// The index of the first `byte` in `bytes[start..<end]` (the C library's `memchr`, which
    /// is vectorised for this).
    public static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard start < end, let base = bytes.baseAddress else { return nil }
        return memchr(base + start, Int32(byte), end - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// The index of the first byte at or after `start` for which `matches` holds. `lanes` must
    /// be true for every block of sixteen bytes that holds such a byte (it may be true for others).
    @inlinable
    public static func firstIndex(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0,
        lanes: (Lanes) -> Bool, matches: (UInt8) -> Bool
    ) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 16 <= bytes.count {
            if lanes(raw.loadUnaligned(fromByteOffset: i, as: Lanes.self)) {
                for j in i..<(i + 16) where matches(bytes[j]) { return j }
            }
            i += 16
        }
        while i < bytes.count {
            if matches(bytes[i]) { return i }
            i += 1
        }
        return nil
    }

    /// The index of the first ASCII digit at or after `start`.
    @inlinable
    public static func firstDigit(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let zero = splat(0x30), ten = splat(10)
        return firstIndex(in: bytes, from: start, lanes: { any(($0 &- zero) .< ten) }, matches: { $0 &- 0x30 < 10 })
    }

    /// Whether two spaces stand in a row, or a tab anywhere.
    @inlinable
    public static func hasDoubleSpaceOrTab(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let space = splat(0x20), tab = splat(0x09)
        var i = 0
        while i + 17 <= bytes.count {
            let here = raw.loadUnaligned(fromByteOffset: i, as: Lanes.self)
            let after = raw.loadUnaligned(fromByteOffset: i + 1, as: Lanes.self)
            if any((here .== space) .& (after .== space) .| (here .== tab)) { return true }
            i += 16
        }
        while i < bytes.count {
            if bytes[i] == 0x09 || bytes[i] == 0x20 && i + 1 < bytes.count && bytes[i + 1] == 0x20 { return true }
            i += 1
        }
        return false
    }
}
