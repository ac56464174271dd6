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
            let b0 = bytes[i]
            // The allowed range of the second byte, and the number of bytes, by lead byte.
            let length: Int, low: UInt8, high: UInt8
            switch b0 {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: return false
            }
            guard i + length <= n, (low...high).contains(bytes[i + 1]) else { return false }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
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
