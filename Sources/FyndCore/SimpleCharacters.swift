/// Text of simple characters: ASCII, U+0080–U+00FF (C2/C3 xx), and the dashes, quotes and "…"
/// of U+2010–U+201F and U+2026 (E2 80 xx): nearly all Swedish news text. No such character
/// joins a neighbour into a larger one, so each is a `Character` of its own (CR LF aside, and
/// neither is a letter or a digit) and its class can be read from its bytes. Other text is read
/// by characters.
public enum SimpleCharacters {
    /// Whether every character of the bytes is simple. Reads each byte once.
    @inlinable
    public static func isSimple(_ utf8: some Sequence<UInt8>) -> Bool {
        var bytes = utf8.makeIterator()
        while let b = bytes.next() {
            switch b {
            case 0..<0x80: continue
            case 0xC2, 0xC3: _ = bytes.next()
            case 0xE2:
                guard bytes.next() == 0x80, let c = bytes.next(), (0x90...0x9F).contains(c) || c == 0xA6 else { return false }
            default: return false
            }
        }
        return true
    }

    /// The length of the simple character that starts with byte `b`.
    @inlinable
    public static func length(_ b: UInt8) -> Int { b < 0x80 ? 1 : b < 0xE0 ? 2 : 3 }

    /// Whether the simple character at `i` is a letter or a number, as `Character` says: ASCII
    /// letters and digits; ª µ º ² ³ ¹ ¼ ½ ¾; U+00C0–U+00FF but × and ÷.
    @inlinable
    public static func isLetterOrNumber(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = text[i]
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0xC2:
            switch text[i + 1] {
            case 0xAA, 0xB5, 0xBA, 0xB2, 0xB3, 0xB9, 0xBC, 0xBD, 0xBE: return true
            default: return false
            }
        case 0xC3: return Latin1Case.isLetter(second: text[i + 1])
        default: return false
        }
    }
}
