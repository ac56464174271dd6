/// Lower-casing of ASCII and Latin-1 letters on UTF-8 bytes, where the lower case of a letter
/// has the same length: A–Z, and À–Þ (C3 80–9E, not × C3 97), whose second byte moves by 32.
public enum Latin1Case {
    /// The lower-case form of `byte`, given the byte before it (0 at the start).
    @inlinable
    public static func lower(_ byte: UInt8, after previous: UInt8) -> UInt8 {
        let upper = (0x41...0x5A).contains(byte) || previous == 0xC3 && (0x80...0x9E).contains(byte) && byte != 0x97
        return upper ? byte + 32 : byte
    }
}
