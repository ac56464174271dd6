/// Quotation marks, dashes and soft hyphens in the forms pages write them. The document text
/// keeps the page's characters; what reads it for meaning (word tokens, sentence breaks) sees
/// each kind in one form: double quotes (” “ „ ‟ ″ « ») as ”, single quotes (’ ‘ ‚ ‛ ′) as ',
/// dashes (‒ – — ― −) as –, and no soft hyphens, which never split a word.
public enum Typography {
    /// The bytes with quotation marks, dashes and soft hyphens in one form each, as above; nil
    /// when there are none (nearly every word).
    public static func folded(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard bytes.contains(where: { $0 == 0xC2 || $0 == 0xE2 }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 2)
        var i = 0
        while i < bytes.count {
            let (width, form) = kind(bytes, at: i)
            switch form {
            case .none: out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + width)]))
            case .doubleQuote: out += [0xE2, 0x80, 0x9D]
            case .singleQuote: out.append(UInt8(ascii: "'"))
            case .dash: out += [0xE2, 0x80, 0x93]
            case .softHyphen: break
            }
            i += width
        }
        return out.elementsEqual(bytes) ? nil : out
    }

    /// What the character at `i` is of the kinds above.
    enum Form { case none, doubleQuote, singleQuote, dash, softHyphen }

    /// The kind of the character at `i` and its length in bytes (1 for any byte that starts no
    /// character of these kinds).
    static func kind(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (width: Int, form: Form) {
        switch b[i] {
        case 0xC2 where i + 1 < b.count:
            switch b[i + 1] {
            case 0xAB, 0xBB: return (2, .doubleQuote)                     // « »
            case 0xAD: return (2, .softHyphen)
            default: return (1, .none)
            }
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80:
            switch b[i + 2] {
            case 0x9C...0x9F, 0xB3: return (3, .doubleQuote)              // “ ” „ ‟ ″
            case 0x98...0x9B, 0xB2: return (3, .singleQuote)              // ‘ ’ ‚ ‛ ′
            case 0x92...0x95: return (3, .dash)                           // ‒ – — ―
            default: return (1, .none)
            }
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x88 && b[i + 2] == 0x92: return (3, .dash)  // −
        default: return (1, .none)
        }
    }

    /// Whether a dash starts at `i`.
    public static func isDash(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool { kind(b, at: i).form == .dash }

    /// Whether the last byte of a dash is at `i`: what may join a word to an abbreviation ("feb.–apr.").
    public static func endsDash(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool { i >= 2 && isDash(b, at: i - 2) }

    /// The length of a closing quotation mark (a double quote, or ’) whose last byte is at `i`,
    /// no further back than `start`; 0 when none ends there.
    public static func closingQuote(_ b: UnsafeBufferPointer<UInt8>, endingAt i: Int, from start: Int) -> Int {
        for width in [3, 2] where i - width + 1 >= start {
            let k = kind(b, at: i - width + 1)
            if k.width == width && (k.form == .doubleQuote || width == 3 && b[i] == 0x99) { return width }
        }
        return 0
    }

    /// The length of an opening quotation mark at `i` (any quote of the kinds above, or " and '),
    /// no further than `end`; 0 when none is there.
    public static func openingQuote(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int {
        if b[i] == 0x22 || b[i] == 0x27 { return 1 }
        let k = kind(UnsafeBufferPointer(rebasing: b[..<end]), at: i)
        return k.form == .doubleQuote || k.form == .singleQuote ? k.width : 0
    }
}
