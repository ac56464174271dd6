/// Lower-casing of ASCII and Latin-1 letters on UTF-8 bytes, where the lower case of a letter
/// has the same length: A–Z, and À–Þ (C3 80–9E, not × C3 97), whose second byte moves by 32.
public enum Latin1Case {
    /// The lower-case form of `byte`, given the byte before it (0 at the start).
    @inlinable
    public static func lower(_ byte: UInt8, after previous: UInt8) -> UInt8 {
        let upper = (0x41...0x5A).contains(byte) || previous == 0xC3 && isCapital(second: byte)
        return upper ? byte + 32 : byte
    }

    /// Whether C3 `b` is a capital letter: À–Þ (80–9E) but × (97).
    @inlinable
    public static func isCapital(second b: UInt8) -> Bool { (0x80...0x9E).contains(b) && b != 0x97 }

    /// Whether C3 `b` is a letter: U+00C0–U+00FF (80–BF) but × (97) and ÷ (B7).
    @inlinable
    public static func isLetter(second b: UInt8) -> Bool { (0x80...0xBF).contains(b) && b != 0x97 && b != 0xB7 }

    /// Whether the bytes hold nothing but ASCII and U+0080–U+00FF (C3 80–BF): text that
    /// `lowered` lower-cases in full, most Swedish words.
    public static func isLatin1(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            guard bytes[i] == 0xC3, i + 1 < bytes.count, (0x80...0xBF).contains(bytes[i + 1]) else { return false }
            i += 2
        }
        return true
    }

    /// The bytes with ASCII and Latin-1 letters lower-cased, computed as they are read.
    @inlinable
    public static func lowered(_ bytes: UnsafeBufferPointer<UInt8>) -> LazyMapCollection<Range<Int>, UInt8> {
        bytes.indices.lazy.map { lower(bytes[$0], after: $0 > 0 ? bytes[$0 - 1] : 0) }
    }

    /// `text.lowercased()`, on the bytes when the characters are simple (`SimpleCharacters`:
    /// ASCII, U+0080–U+00FF, the dashes, quotes and "…" of news text), whose lower case only
    /// A–Z and À–Þ change.
    public static func lowercased(_ text: Substring) -> String {
        let fast: String?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard SimpleCharacters.isSimple(bytes) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var previous: UInt8 = 0
                for (i, b) in bytes.enumerated() {
                    out[i] = lower(b, after: previous)
                    previous = b
                }
                return bytes.count
            }
        }
        return (fast ?? nil) ?? text.lowercased()
    }
}
