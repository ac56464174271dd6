import FyndCore

/// What a sentence is by its punctuation and a few words: an entry of a table of contents
/// ("3.2 Ansvar för myndighetsutövning... 6", "Förord ..........3"), which names a chapter and
/// states nothing, a line of one word, or a question ("Har barnet fått komma till tals?", "JO
/// undrar om barnet fick komma till tals"), which asks and does not tell what was found.
extension Sentence {
    /// An entry of a table of contents: a dot leader of four or more dots, or a line that opens
    /// with a number (a page or a section) and ends in three dots or an ellipsis. A sentence a
    /// page cut off ("IVO riktar kritik mot …") opens with a word and stays a sentence.
    public var isContentsEntry: Bool {
        var run = 0
        for token in tokens where !token.isWord {
            let form = folded[token.folded]
            if form.elementsEqual([UInt8(ascii: ".")]) {
                run += 1
                if run >= 4 { return true }
            } else if form.allSatisfy({ $0 == UInt8(ascii: ".") }) && form.count >= 4 {
                return true
            } else {
                run = 0
            }
        }
        guard let first = tokens.first, first.isWord, folded[first.folded].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return endsInEllipsis
    }

    /// A sentence of one word ("Arkivbild.", "Annons", "Debatt"): no white space in its text, the
    /// document's `utf8`. A caption, a label or a heading that states nothing.
    public func isOneWord(in text: [UInt8]) -> Bool {
        !text[range].contains(where: \.isASCIISpace)
    }

    /// A question: its last mark is a question mark.
    public var isQuestion: Bool {
        guard let last = tokens.last, !last.isWord else { return false }
        return folded[last.folded].elementsEqual([UInt8(ascii: "?")])
    }

    /// The index of the first word the sentence asks about: 0 in a question, the word after an
    /// indirect question's "om" or "huruvida" ("De undrar också om hon fick komma till tals", "JO
    /// ifrågasätter huruvida …", a decision's title "Fråga bl.a. om nämnden kunde dröja …"), else nil.
    /// "i fråga om" (concerning) asks nothing.
    public var questionStart: Int? {
        if isQuestion { return 0 }
        return folded.withUnsafeBufferPointer { folded in
            var asking: Int?  // the word index of an asking verb, or of "fråga" opening the sentence
            var word = 0
            for token in tokens where token.isWord {
                defer { word += 1 }
                let form = UnsafeBufferPointer(rebasing: folded[token.folded])
                if Self.askingVerbs.contains(form) || word == 0 && Self.questionNoun.contains(form) {
                    asking = word
                } else if let a = asking, Self.whether.contains(form) {
                    if word - a <= 3 { return word + 1 }
                    asking = nil
                }
            }
            return nil
        }
    }

    private static let askingVerbs = WordSet(["undrar", "undrade", "frågar", "frågade", "ifrågasätter", "ifrågasatte"])
    private static let questionNoun = WordSet(["fråga"])
    private static let whether = WordSet(["om", "huruvida"])

    /// Whether the sentence ends in three dots in a row or in "…".
    private var endsInEllipsis: Bool {
        var dots = 0
        for token in tokens.reversed() {
            guard !token.isWord else { break }
            let form = folded[token.folded]
            if form.elementsEqual("…".utf8) { return true }
            guard form.allSatisfy({ $0 == UInt8(ascii: ".") }) else { break }
            dots += form.count
        }
        return dots >= 3
    }
}
