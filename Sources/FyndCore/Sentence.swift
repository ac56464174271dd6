/// A sentence of a document: a byte range of `Document.utf8` and its words.
public struct Sentence: Sendable, Equatable {
    /// Byte range in the document's UTF-8 text, without surrounding white space.
    public var range: Range<Int>
    /// Index of the paragraph the sentence lies in.
    public var paragraph: Int
    /// Words and punctuation of the sentence, in order (white space left out).
    public var tokens: [Token]

    public init(range: Range<Int>, paragraph: Int, tokens: [Token] = []) {
        self.range = range
        self.paragraph = paragraph
        self.tokens = tokens
    }
}

/// A word of a sentence: its byte range in the document and its Swedish lower-cased form.
public struct Token: Sendable, Equatable {
    /// Byte range in the document's UTF-8 text.
    public var range: Range<Int>
    /// The word lower-cased with Swedish rules.
    public var folded: String
    /// True for words (letters or digits); false for punctuation and symbols such as "§".
    public var isWord: Bool

    public init(range: Range<Int>, folded: String, isWord: Bool) {
        self.range = range
        self.folded = folded
        self.isWord = isWord
    }
}
