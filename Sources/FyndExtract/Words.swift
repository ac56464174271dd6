import FyndCore

/// A word of running text with its original spelling, for extractors that need capital letters
/// and hyphens as written ("Upplands-Bro", "IVO:s"): what `SentenceWords` holds, read one by one.
struct Word: Equatable {
    var text: Substring
    /// Byte offset of the word in the searched text.
    var offset: Int
}

/// How running text is cut into words: at spaces, without the punctuation around a word; inner
/// '-', ':' and '.' stay, and the hyphen of a shared compound part ("individ- och
/// omsorgschefen").
enum Words {
    /// The words of `text` (`SentenceWords`).
    static func split(_ text: Substring) -> SentenceWords { SentenceWords(text) }

    /// The words of a text that is not simple (`SimpleCharacters`), cut by characters: their byte
    /// ranges in the text.
    static func byCharacters(_ text: Substring) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var offset = 0
        for piece in pieces(text) {
            defer { offset += piece.utf8.count + 1 }
            let trimmed = piece.drop { !$0.isLetter && !$0.isNumber }
            var word = trimmed
            while let last = word.last, !last.isLetter && !last.isNumber && !(last == "-" && word.count == trimmed.count) { word = word.dropLast() }
            if word.isEmpty { continue }
            let start = offset + piece.utf8.distance(from: piece.startIndex, to: trimmed.startIndex)
            out.append(start..<(start + word.utf8.count))
        }
        return out
    }

    /// The text split at spaces, as `split(separator: " ", omittingEmptySubsequences: false)`
    /// splits it at characters. On bytes when no character of the text can join a space into a
    /// larger character (ASCII, U+0080–U+00FF, dashes, quotes and "…": all of Swedish news text
    /// but for the rare exception); else by characters.
    static func pieces(_ text: Substring) -> [Substring] {
        let utf8 = text.utf8
        guard SimpleCharacters.isSimple(utf8) else { return text.split(separator: " ", omittingEmptySubsequences: false) }
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
}
