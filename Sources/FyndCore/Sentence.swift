/// A sentence of a document: a byte range of `Document.utf8` and its words.
public struct Sentence: Sendable, Equatable {
    /// Words and punctuation of the sentence, in order (white space left out).
    public var tokens: [Token]
    /// The folded forms of the tokens (`Token.folded`), in one buffer that the sentences
    /// tokenized together share (one per document): the words as " w1 w2 … wn " at
    /// `wordBytes`, the punctuation after them.
    public var folded: [UInt8]
    /// `range` and `wordBytes` as 32-bit bounds and the paragraph as a 32-bit index, so that a
    /// sentence takes 40 bytes rather than 56 (documents are far below 4 GB: `--max-doc-bytes`).
    private var bytes, words: NarrowRange
    private var paragraphIndex: UInt32

    /// Byte range in the document's UTF-8 text, without surrounding white space.
    public var range: Range<Int> {
        get { bytes.range }
        set { bytes = NarrowRange(newValue) }
    }
    /// Index of the paragraph the sentence lies in.
    public var paragraph: Int {
        get { Int(paragraphIndex) }
        set { paragraphIndex = UInt32(newValue) }
    }
    /// Where " w1 w2 … wn " is in `folded`: each word between single spaces, as rule terms are
    /// looked for.
    public var wordBytes: Range<Int> {
        get { words.range }
        set { words = NarrowRange(newValue) }
    }

    public init(range: Range<Int>, paragraph: Int, tokens: [Token] = [], folded: [UInt8] = [], wordBytes: Range<Int> = 0..<0) {
        self.tokens = tokens
        self.folded = folded
        bytes = NarrowRange(range)
        words = NarrowRange(wordBytes)
        paragraphIndex = UInt32(paragraph)
    }

    /// The folded form of one of the sentence's tokens.
    public func foldedForm(_ token: Token) -> String { String(decoding: folded[token.folded], as: UTF8.self) }
}

/// A word or punctuation mark of a sentence: its byte range in the document and where its
/// Swedish lower-cased form is in the sentence's `folded` buffer.
public struct Token: Sendable, Equatable {
    /// Byte range in the document's UTF-8 text.
    public var range: Range<Int>
    /// Byte range in `Sentence.folded` of the token with quotation marks and dashes in one form
    /// each (`Typography`) and lower-cased with Swedish rules.
    public var folded: Range<Int>
    /// True for words (letters or digits); false for punctuation and symbols such as "§".
    public var isWord: Bool

    public init(range: Range<Int>, folded: Range<Int>, isWord: Bool) {
        self.range = range
        self.folded = folded
        self.isWord = isWord
    }
}
