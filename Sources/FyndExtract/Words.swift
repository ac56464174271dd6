/// A word of running text with its original spelling, for extractors that need capital letters
/// and hyphens as written ("Upplands-Bro", "IVO:s").
struct Word: Equatable {
    var text: Substring
    /// Byte offset of the word in the searched text.
    var offset: Int
}

enum Words {
    /// Splits on white space and strips surrounding punctuation; keeps inner '-', ':' and '.', and
    /// the hyphen of a shared compound part ("individ- och omsorgschefen").
    static func split(_ text: Substring) -> [Word] {
        var out: [Word] = []
        var offset = 0
        for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
            defer { offset += piece.utf8.count + 1 }
            let trimmed = piece.drop { !$0.isLetter && !$0.isNumber }
            var word = trimmed
            while let last = word.last, !last.isLetter && !last.isNumber && !(last == "-" && word.count == trimmed.count) { word = word.dropLast() }
            if word.isEmpty { continue }
            out.append(Word(text: word, offset: offset + piece.utf8.distance(from: piece.startIndex, to: trimmed.startIndex)))
        }
        return out
    }
}
