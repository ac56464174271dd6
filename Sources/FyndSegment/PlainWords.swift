/// Word tokens of plain Swedish text cut on the bytes, exactly where ICU's Swedish word breaks
/// (UAX #29 with ":" inside a word, "ivo:s") cut them, for text made only of ASCII, the Latin-1
/// letters (å, ä, ö, é …), and the marks news text is full of (§, no-break space, – — “ ” „ …).
/// Any other character, and "_", "@" (which ICU joins to words), a vertical tab or a form feed,
/// leaves the text to ICU.
///
/// Cost: one pass over the bytes and no call into ICU; a text that is not plain is given up at
/// its first odd character.
enum PlainWords {
    /// What a character is to the word rules.
    private enum Kind { case letter, digit, midLetter, midNumber, midBoth, space, other, odd }

    /// The kind of the character at `i` and its length in bytes.
    @inline(__always)
    private static func kind(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Kind, Int) {
        let c = b[i]
        switch c {
        case 0x61...0x7A, 0x41...0x5A: return (.letter, 1)
        case 0x30...0x39: return (.digit, 1)
        case 0x20, 0x09, 0x0A, 0x0D: return (.space, 1)
        case UInt8(ascii: ":"): return (.midLetter, 1)
        case UInt8(ascii: ","), UInt8(ascii: ";"): return (.midNumber, 1)
        case UInt8(ascii: "."), UInt8(ascii: "'"): return (.midBoth, 1)
        case UInt8(ascii: "_"), UInt8(ascii: "@"), 0x0B, 0x0C: return (.odd, 1)
        case 0x00..<0x80: return (.other, 1)
        case 0xC3 where i + 1 < end && b[i + 1] & 0xC0 == 0x80:
            return (b[i + 1] == 0x97 || b[i + 1] == 0xB7 ? .other : .letter, 2)  // × ÷ are signs
        case 0xC2 where i + 1 < end && (b[i + 1] == 0xA7 || b[i + 1] == 0xA0): return (.other, 2)  // § and no-break space
        case 0xE2 where i + 2 < end && b[i + 1] == 0x80:
            switch b[i + 2] {
            case 0x93, 0x94, 0x9C, 0x9D, 0x9E, 0xA6: return (.other, 3)  // – — “ ” „ …
            default: return (.odd, 1)
            }
        default: return (.odd, 1)
        }
    }

    /// What takes the tokens: a value passed `inout`, so that what it appends to needs no
    /// check for exclusive access at run time, as the captures of a closure do.
    protocol Sink {
        mutating func token(_ range: Range<Int>, isWord: Bool)
    }

    /// Hands `sink` each token of `range` that is not white space, in order; false, after some
    /// tokens perhaps, when the text is not plain.
    static func tokens<S: Sink>(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into sink: inout S) -> Bool {
        let end = range.upperBound
        var i = range.lowerBound
        while i < end {
            let (kind, width) = kind(b, i, end)
            switch kind {
            case .odd: return false
            case .space: i += 1
            case .letter, .digit:
                let start = i
                var last = kind
                i += width
                while i < end {
                    let (next, w) = Self.kind(b, i, end)
                    if next == .letter || next == .digit {
                        last = next
                        i += w
                        continue
                    }
                    // A mark between two letters (":", ".", "'") or two digits (",", ";", ".", "'").
                    guard next == .midBoth || (next == .midLetter && last == .letter) || (next == .midNumber && last == .digit),
                          i + 1 < end else { break }
                    let (after, w2) = Self.kind(b, i + 1, end)
                    guard after == last else { break }
                    i += 1 + w2
                }
                sink.token(start..<i, isWord: true)
            case .midLetter, .midNumber, .midBoth, .other:
                sink.token(i..<(i + width), isWord: false)
                i += width
            }
        }
        return true
    }
}
