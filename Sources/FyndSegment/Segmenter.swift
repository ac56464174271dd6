import FyndCore

/// The Segment stage: ICU sentence breaks for Swedish, corrected by a Swedish abbreviation
/// list, and ICU word tokens lower-cased with Swedish rules.
///
/// Reads: `Document.utf8` and `paragraphs`. Produces: `[Sentence]` with tokens. Every paragraph
/// (heading, list item, dialogue line) is a sentence boundary. Holds ICU iterators, so it is
/// not thread-safe: make one per worker.
public final class Segmenter {
    private let sentenceBreaks: BreakIterator
    private let wordBreaks: BreakIterator

    public init() throws(SegmentError) {
        sentenceBreaks = try BreakIterator(.sentence)
        wordBreaks = try BreakIterator(.word)
    }

    /// The sentences of a document, in order, with their tokens.
    public func segment(_ document: Document) -> [Sentence] {
        var sentences = self.sentences(document)
        tokenize(&sentences, in: document)
        return sentences
    }

    /// Words in a sentence at most: a longer run of text without a sentence end (a list, a
    /// table, a page with no full stops) is cut at the white space between words, so that the
    /// work on a sentence and its evidence stay bounded and time grows linearly with the text.
    public static let maxSentenceWords = 2000

    /// The sentences of a document, in order, without tokens (ICU sentence breaks only).
    public func sentences(_ document: Document) -> [Sentence] {
        var cuts = 0
        return sentences(document, cuts: &cuts)
    }

    /// The sentences of a document; `cuts` counts the places where a sentence longer than
    /// `maxSentenceWords` was cut.
    public func sentences(_ document: Document, cuts: inout Int) -> [Sentence] {
        document.utf8.withUnsafeBufferPointer { bytes in
            var result: [Sentence] = []
            result.reserveCapacity(document.paragraphs.count + bytes.count / 128)
            for (index, paragraph) in document.paragraphs.enumerated() {
                appendSentences(bytes, paragraph, index, cuts: &cuts, to: &result)
            }
            return result
        }
    }

    /// Fills in the tokens of the sentences that `wanted` marks (all when it is nil).
    public func tokenize(_ sentences: inout [Sentence], in document: Document, only wanted: [Bool]? = nil) {
        document.utf8.withUnsafeBufferPointer { bytes in
            for i in sentences.indices where wanted?[i] ?? true {
                sentences[i].tokens = tokens(bytes, sentences[i].range)
            }
        }
    }

    /// Splits plain text (paragraphs separated by newlines) into sentence strings; for tests and tools.
    public func sentences(in text: String) -> [String] {
        var ranges: [Range<Int>] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let n = line.utf8.count
            if n > 0 { ranges.append(offset..<(offset + n)) }
            offset += n + 1
        }
        let doc = Document(id: "", source: "", sha256: "", text: text, paragraphs: ranges)
        let utf8 = Array(text.utf8)
        return segment(doc).map { String(decoding: utf8[$0.range], as: UTF8.self) }
    }

    private func appendSentences(_ bytes: UnsafeBufferPointer<UInt8>, _ paragraph: Range<Int>, _ index: Int, cuts: inout Int, to result: inout [Sentence]) {
        let slice = UnsafeBufferPointer(rebasing: bytes[paragraph])
        var start = paragraph.lowerBound
        sentenceBreaks.forEachBreak(slice) { offset, _ in
            let b = offset + paragraph.lowerBound
            guard b > start else { return }
            if b < paragraph.upperBound, isFalseBreak(bytes, pieceStart: start, at: b) { return }
            splitDialogue(bytes, start..<b) { piece in
                guard let r = trimmed(bytes, piece) else { return }
                cuts += Self.cut(bytes, r, maxWords: Self.maxSentenceWords) { result.append(Sentence(range: $0, paragraph: index)) }
            }
            start = b
        }
    }

    /// Hands out `r` in pieces of at most `maxWords` words (runs of bytes other than white
    /// space), each cut before the first byte of a word and trimmed; the number of cuts.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, maxWords: Int, _ emit: (Range<Int>) -> Void) -> Int {
        var pieceStart = r.lowerBound
        var words = 0
        var cuts = 0
        var inWord = false
        for i in r {
            let space = bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09 || bytes[i] == 0x0D
            if !space && !inWord {
                if words == maxWords {
                    var end = i
                    while end > pieceStart, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
                    emit(pieceStart..<end)
                    pieceStart = i
                    words = 0
                    cuts += 1
                }
                words += 1
            }
            inWord = !space
        }
        emit(pieceStart..<r.upperBound)
        return cuts
    }

    /// True when the piece before `at` ends in an abbreviation that does not end the sentence.
    private func isFalseBreak(_ bytes: UnsafeBufferPointer<UInt8>, pieceStart: Int, at: Int) -> Bool {
        var end = at
        while end > pieceStart, isSpace(bytes[end - 1]) { end -= 1 }
        guard end > pieceStart, bytes[end - 1] == UInt8(ascii: ".") else { return false }
        var begin = end - 1
        while begin > pieceStart, !isSpace(bytes[begin - 1]), !isWordJoiner(bytes, begin - 1) { begin -= 1 }
        let next = at < bytes.count ? bytes[at] : 0
        let nextIsLowerOrDigit = (0x30...0x39).contains(next) || (0x61...0x7A).contains(next) || next == 0xC3 && at + 1 < bytes.count && (0xA0...0xBF).contains(bytes[at + 1])
            || next == 0xC2 && at + 1 < bytes.count && bytes[at + 1] == 0xA7  // "§"
        if isInitial(bytes, begin, end) { return true }
        switch Abbreviations.policy(of: UnsafeBufferPointer(rebasing: bytes[begin..<end])) {
        case .always: return true
        case .beforeLowerOrDigit: return nextIsLowerOrDigit
        case nil: return false
        }
    }

    /// A single capital letter and a full stop: the initial of a name ("Anna K. Svensson").
    private func isInitial(_ bytes: UnsafeBufferPointer<UInt8>, _ begin: Int, _ end: Int) -> Bool {
        end - begin == 2 && (0x41...0x5A).contains(bytes[begin]) && !(begin > 0 && !isSpace(bytes[begin - 1]))
    }

    private func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int>? {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        return lo < hi ? lo..<hi : nil
    }

    /// "(", "/", "-" or the last byte of "–": what may stand between a word and an abbreviation ("feb.–apr.").
    private func isWordJoiner(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = bytes[i]
        return b == UInt8(ascii: "(") || b == UInt8(ascii: "/") || b == UInt8(ascii: "-")
            || (b == 0x93 && i >= 2 && bytes[i - 2] == 0xE2 && bytes[i - 1] == 0x80)
    }

    /// Splits a piece before a dialogue dash that follows a sentence end: "… gånger. – Ingen …".
    /// ICU's rules do not break there because the dash is not a letter.
    private func splitDialogue(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ emit: (Range<Int>) -> Void) {
        var start = r.lowerBound
        var i = r.lowerBound + 1
        while i + 4 < r.upperBound {
            // Most pieces have no dash: jump to the next E2 byte.
            guard let found = ByteScan.firstIndex(of: 0xE2, in: bytes, from: i + 1, to: r.upperBound - 3) else { break }
            i = found - 1
            // ". – X": end punctuation (optionally a closing quote), space, E2 80 93, space.
            if bytes[i] == 0x20, bytes[i + 1] == 0xE2, bytes[i + 2] == 0x80, bytes[i + 3] == 0x93, bytes[i + 4] == 0x20 {
                var p = i - 1
                if p > start, bytes[p] == 0x9D, p >= 2, bytes[p - 1] == 0x80, bytes[p - 2] == 0xE2 { p -= 3 }
                if p >= start, bytes[p] == UInt8(ascii: ".") || bytes[p] == UInt8(ascii: "!") || bytes[p] == UInt8(ascii: "?") {
                    emit(start..<i)
                    start = i + 1
                }
            }
            i += 1
        }
        emit(start..<r.upperBound)
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    /// Words and punctuation of `range`, white space left out.
    func tokens(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Token] {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        var out: [Token] = []
        out.reserveCapacity(range.count / 4)
        var previous = range.lowerBound
        wordBreaks.forEachBreak(slice) { offset, status in
            let end = offset + range.lowerBound
            defer { previous = end }
            guard end > previous else { return }
            let piece = UnsafeBufferPointer(rebasing: bytes[previous..<end])
            if piece.allSatisfy(isSpace) { return }
            out.append(Token(range: previous..<end, folded: SwedishCase.lower(piece), isWord: status >= 100))
        }
        return out
    }
}

extension Segmenter {
    /// The tokens of a short text on its own (a headline), offsets relative to it.
    public func tokens(of text: String) -> [Token] {
        var copy = text
        return copy.withUTF8 { tokens($0, 0..<$0.count) }
    }

    /// The word tokens of a short text, lower-cased with Swedish rules, punctuation left out.
    /// Rule terms are cut into words with this, so they split exactly as document text does.
    public func words(in text: String) -> [String] {
        var copy = text
        return copy.withUTF8 { bytes in tokens(bytes, 0..<bytes.count).filter(\.isWord).map(\.folded) }
    }
}

/// Swedish lower-casing (ICU) for strings outside the hot path.
public enum Folding {
    public static func lower(_ s: String) -> String {
        var copy = s
        return copy.withUTF8 { SwedishCase.lower($0) }
    }
}
