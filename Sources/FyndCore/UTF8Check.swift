/// Whether bytes are well-formed UTF-8 (Unicode 15, table 3-7), without making a String of
/// them. Sixteen bytes are passed at a time while they hold only ASCII and two-byte sequences
/// (å, ä, ö, é: most Swedish text), about a cycle per block; the rest is checked sequence by
/// sequence, ASCII there eight bytes at a time.
public enum UTF8Check {
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i < n {
            if i + 17 <= n, let passed = ascii(orPairsAt: i, raw) {
                i += passed
                continue
            }
            // Swedish text has a non-ASCII letter every few words: the next one is found in a
            // word of eight bytes by its high bits, not by a byte loop.
            if i + 8 <= n {
                let high = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080
                if high == 0 { i += 8; continue }
                i += UInt64(littleEndian: high).trailingZeroBitCount >> 3
            } else if bytes[i] < 0x80 {
                i += 1
                continue
            }
            guard let length = sequence(at: i, bytes) else { return false }
            i += length
        }
        return true
    }

    /// The end of the run from `start` of bytes that are neither `"`, `\` nor control characters
    /// (the plain text of a JSON string), with the run checked as well-formed UTF-8 on the way:
    /// nil when it is not. A JSON parser that reads its strings with this needs no check of the
    /// line before. Blocks of sixteen are passed as in `isValid` when no byte of them stops the
    /// run; in any other block the ASCII before its first stop or non-ASCII byte at once, then
    /// that byte or sequence on its own.
    public static func jsonStringRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        var i = start
        while i < n {
            if i + 17 <= n {
                let here = raw.loadUnaligned(fromByteOffset: i, as: ByteScan.Lanes.self)
                let stops = (here .== ByteScan.splat(0x22)) .| (here .== ByteScan.splat(0x5C)) .| (here .< ByteScan.splat(0x20))
                if !ByteScan.any(stops), let passed = ascii(orPairsAt: i, raw) {
                    i += passed
                    continue
                }
                // Up to the block's first stop or non-ASCII byte at once (ASCII before it).
                let lanes = unsafeBitCast(stops .| (here .>= ByteScan.splat(0x80)), to: SIMD2<UInt64>.self)
                i += lanes[0] != 0 ? lanes[0].trailingZeroBitCount >> 3 : 8 + lanes[1].trailingZeroBitCount >> 3
            }
            // A stop ends the run; a longer sequence is checked on its own.
            let b = bytes[i]
            if b == 0x22 || b == 0x5C || b < 0x20 { return i }
            if b < 0x80 { i += 1; continue }
            guard let length = sequence(at: i, bytes) else { return nil }
            i += length
        }
        return n
    }

    /// The length of the well-formed sequence that a lead byte opens at `i`, nil when it is none.
    @inline(__always)
    private static func sequence(at i: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // The allowed range of the second byte, and the number of bytes, by lead byte.
        let length: Int, low: UInt8, high: UInt8
        switch bytes[i] {
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return nil
        }
        guard i + length <= bytes.count, (low...high).contains(bytes[i + 1]) else { return nil }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// How many bytes from `i` (a character's start, with seventeen bytes readable) are passed
    /// as a block of sixteen: nil unless each is ASCII, a lead byte C2–DF with a continuation
    /// byte after it, or a continuation byte with such a lead byte before it; 17 when the last
    /// lead byte's continuation is the byte after the block.
    @inline(__always)
    private static func ascii(orPairsAt i: Int, _ raw: UnsafeRawPointer) -> Int? {
        typealias Lanes = ByteScan.Lanes
        let here = raw.loadUnaligned(fromByteOffset: i, as: Lanes.self)
        let after = raw.loadUnaligned(fromByteOffset: i + 1, as: Lanes.self)
        let top = ByteScan.splat(0xC0), continuation = ByteScan.splat(0x80)
        // Lead bytes of longer sequences, and C0 and C1, which lead nothing.
        let other = (here .>= ByteScan.splat(0xE0)) .| ((here .>= top) .& (here .< ByteScan.splat(0xC2)))
        let lead = (here .>= ByteScan.splat(0xC2)) .& (here .< ByteScan.splat(0xE0))
        let followed = (after & top) .== continuation
        guard !ByteScan.any(other .| (lead .^ followed)), here[0] & 0xC0 != 0x80 else { return nil }
        return lead[15] ? 17 : 16
    }
}
