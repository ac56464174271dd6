import FyndCore

/// A word of running text with its original spelling, for extractors that need capital letters
/// and hyphens as written ("Upplands-Bro", "IVO:s").
struct Word: Equatable {
    var text: Substring
    /// Byte offset of the word in the searched text.
    var offset: Int

    /// The word in lower case: on its bytes when it is ASCII and Latin-1 (nearly every Swedish
    /// word), else by `lowercased()`.
    var lowered: String { Latin1Case.lowercased(text) }
}

enum Words {
    /// Splits on white space and strips surrounding punctuation; keeps inner '-', ':' and '.', and
    /// the hyphen of a shared compound part ("individ- och omsorgschefen").
    static func split(_ text: Substring) -> [Word] {
        var out: [Word] = []
        var offset = 0
        for piece in pieces(text) {
            defer { offset += piece.utf8.count + 1 }
            // Most words start and end with an ASCII or Latin-1 letter or digit: nothing to strip.
            if startsWithLetterOrDigit(piece.utf8), endsWithLetterOrDigit(piece.utf8) {
                out.append(Word(text: piece, offset: offset))
                continue
            }
            let trimmed = piece.drop { !$0.isLetter && !$0.isNumber }
            var word = trimmed
            while let last = word.last, !last.isLetter && !last.isNumber && !(last == "-" && word.count == trimmed.count) { word = word.dropLast() }
            if word.isEmpty { continue }
            out.append(Word(text: word, offset: offset + piece.utf8.distance(from: piece.startIndex, to: trimmed.startIndex)))
        }
        return out
    }

    /// The text split at spaces, as `split(separator: " ", omittingEmptySubsequences: false)`
    /// splits it at characters. On bytes when no character of the text can join a space into a
    /// larger character (ASCII, U+0080–U+00FF, dashes, quotes and "…": all of Swedish news text
    /// but for the rare exception); else by characters.
    static func pieces(_ text: Substring) -> [Substring] {
        let utf8 = text.utf8
        guard isSimple(utf8) else { return text.split(separator: " ", omittingEmptySubsequences: false) }
        var out: [Substring] = []
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            if utf8[i] == 0x20 {
                out.append(text[start..<i])
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        out.append(text[start..<utf8.endIndex])
        return out
    }

    /// Whether every character is ASCII, from U+0080–U+00FF (C2/C3 xx), or one of U+2010–U+201F
    /// and U+2026 (E2 80 xx): none of them extends or prepends to a neighbouring character.
    private static func isSimple(_ utf8: Substring.UTF8View) -> Bool {
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

    /// Whether the first character is an ASCII letter or digit, or a Latin-1 letter (À–ÿ
    /// without × and ÷), read from the bytes: what `Character.isLetter || isNumber` says of it.
    private static func startsWithLetterOrDigit(_ utf8: Substring.UTF8View) -> Bool {
        var i = utf8.makeIterator()
        guard let b0 = i.next() else { return false }
        if b0 < 0x80 { return isASCIIAlphanumeric(b0) }
        guard b0 == 0xC3, let b1 = i.next() else { return false }
        return Latin1Case.isLetter(second: b1)
    }

    /// The same for the last character: a last byte that is ASCII, or a Latin-1 letter's two
    /// bytes, is a character of its own (nothing combines with what follows the last byte).
    private static func endsWithLetterOrDigit(_ utf8: Substring.UTF8View) -> Bool {
        guard let last = utf8.last else { return false }
        if last < 0x80 { return isASCIIAlphanumeric(last) }
        guard utf8.count >= 2, utf8[utf8.index(utf8.endIndex, offsetBy: -2)] == 0xC3 else { return false }
        return Latin1Case.isLetter(second: last)
    }

    private static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
    }

}
