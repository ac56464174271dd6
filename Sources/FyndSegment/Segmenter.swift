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

    /// Fills in the tokens of the sentences that `wanted` marks (all when it is nil) among those
    /// of `window` (all when it is nil), their folded forms in one buffer that these sentences share.
    public func tokenize(_ sentences: inout [Sentence], in document: Document, only wanted: [Bool]? = nil, window: Range<Int>? = nil) {
        let window = window ?? sentences.indices
        var folded: [UInt8] = []
        document.utf8.withUnsafeBufferPointer { bytes in
            for i in window where wanted?[i] ?? true {
                (sentences[i].tokens, sentences[i].wordBytes) = tokens(bytes, sentences[i].range, folding: &folded)
            }
        }
        for i in window where wanted?[i] ?? true { sentences[i].folded = folded }
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
            splitDialogue(bytes, start..<b) { dialogue in
                splitWhereICUDoesNot(bytes, dialogue) { piece in
                    guard let r = trimmed(bytes, piece) else { return }
                    cuts += Self.cut(bytes, r, maxWords: Self.maxSentenceWords) { result.append(Sentence(range: $0, paragraph: index)) }
                }
            }
            start = b
        }
    }

    /// Hands out `r` in pieces of at most `maxWords` words (runs of bytes other than white
    /// space), each cut before the first byte of a word and trimmed; the number of cuts.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, maxWords: Int, _ emit: (Range<Int>) -> Void) -> Int {
        // A word and the space after it take two bytes at least: a shorter piece is never cut.
        if r.count <= 2 * maxWords {
            emit(r)
            return 0
        }
        var pieceStart = r.lowerBound
        var words = 0
        var cuts = 0
        var inWord = false
        for i in r {
            let space = bytes[i].isASCIISpace
            if !space && !inWord {
                if words == maxWords {
                    var end = i
                    while end > pieceStart, bytes[end - 1].isASCIISpace { end -= 1 }
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

    /// True when the piece before `at` ends in an abbreviation that does not end the sentence, or
    /// in "?" or "!" (and a closing quotation mark) before a word in lower case: "– Var är du?
    /// frågade hon.", "mellan make – maka? föräldrar – barn?".
    private func isFalseBreak(_ bytes: UnsafeBufferPointer<UInt8>, pieceStart: Int, at: Int) -> Bool {
        var end = at
        while end > pieceStart, bytes[end - 1].isASCIISpace { end -= 1 }
        if end < at, at + 1 < bytes.count, isLowerCaseLetter(bytes, at) {
            let p = end - 1 - Typography.closingQuote(bytes, endingAt: end - 1, from: pieceStart)
            if p > pieceStart, bytes[p] == UInt8(ascii: "?") || bytes[p] == UInt8(ascii: "!") { return true }
        }
        guard end > pieceStart, bytes[end - 1] == UInt8(ascii: ".") else { return false }
        var begin = end - 1
        while begin > pieceStart, !bytes[begin - 1].isASCIISpace, !isWordJoiner(bytes, begin - 1) { begin -= 1 }
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

    /// An ASCII lower-case letter, or å, ä, ö, é (C3 A0–BF).
    private func isLowerCaseLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        (0x61...0x7A).contains(bytes[i]) || bytes[i] == 0xC3 && i + 1 < bytes.count && (0xA0...0xBF).contains(bytes[i + 1]) && bytes[i + 1] != 0xB7
    }

    /// Capital letters each with a full stop: the initials of a name ("Anna K. Svensson",
    /// "J.K. Rowling").
    private func isInitial(_ bytes: UnsafeBufferPointer<UInt8>, _ begin: Int, _ end: Int) -> Bool {
        guard (end - begin) % 2 == 0, end - begin <= 6, !(begin > 0 && !bytes[begin - 1].isASCIISpace) else { return false }
        return stride(from: begin, to: end, by: 2).allSatisfy { (0x41...0x5A).contains(bytes[$0]) && bytes[$0 + 1] == UInt8(ascii: ".") }
    }

    private func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int>? {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, bytes[lo].isASCIISpace { lo += 1 }
        while hi > lo, bytes[hi - 1].isASCIISpace { hi -= 1 }
        return lo < hi ? lo..<hi : nil
    }

    /// "(", "/", "-" or the last byte of a dash: what may stand between a word and an abbreviation ("feb.–apr.").
    private func isWordJoiner(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = bytes[i]
        return b == UInt8(ascii: "(") || b == UInt8(ascii: "/") || b == UInt8(ascii: "-") || Typography.endsDash(bytes, at: i)
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
            // ". – X": end punctuation (optionally a closing quote), space, a dash, space.
            if bytes[i] == 0x20, Typography.isDash(bytes, at: i + 1), bytes[i + 4] == 0x20 {
                let p = i - 1 - Typography.closingQuote(bytes, endingAt: i - 1, from: start)
                if p >= start, bytes[p] == UInt8(ascii: ".") || bytes[p] == UInt8(ascii: "!") || bytes[p] == UInt8(ascii: "?") {
                    emit(start..<i)
                    start = i + 1
                }
            }
            i += 1
        }
        emit(start..<r.upperBound)
    }

    /// Splits a piece where ICU's rules do not: before a sentence that opens with a number ("… i
    /// fjol. 2019 anmäldes …", "… 30 ärenden. 12 av dem …": a lower-case word follows the
    /// number), and after a colon that introduces a quotation ("… skriver IVO: ”Nämnden har …”")
    /// or ends a clause before a capitalised sentence ("… ställa sig frågan: Varför …").
    /// Not after an abbreviation ("kap. 1 §", "kl. 14", "s. 12", but a unit after a number,
    /// "10 kr. 60 procent …", ends the sentence), an initial or a number: the full stop must end
    /// a word of letters.
    private func splitWhereICUDoesNot(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ emit: (Range<Int>) -> Void) {
        var start = r.lowerBound
        // Most pieces have neither: only a space after a colon or before a digit is looked at.
        var from = r.lowerBound + 1
        let end = max(r.lowerBound + 1, r.upperBound - 1)
        while let space = Self.spaceAfterColonOrBeforeDigit(bytes, from: from, to: end) {
            from = space + 1
            guard space - 1 > start else { continue }
            if bytes[space - 1] == UInt8(ascii: ":") {
                guard endsWord(bytes, at: space - 2),
                      opensQuotation(bytes, at: space + 1, end: r.upperBound) || opensClause(bytes, start, space, r.upperBound) else { continue }
            } else {
                // A digit follows (`spaceAfterColonOrBeforeDigit`).
                var p = space - 1
                // A closing quotation mark after the full stop: a double quote, ’ or ".
                p -= bytes[p] == 0x22 ? 1 : Typography.closingQuote(bytes, endingAt: p, from: start)
                guard p > start, bytes[p] == UInt8(ascii: ".") || bytes[p] == UInt8(ascii: "!") || bytes[p] == UInt8(ascii: "?"),
                      endsWord(bytes, at: p - 1),
                      bytes[p] != UInt8(ascii: ".") || !isFalseBreak(bytes, pieceStart: start, at: space + 1) || isUnitAfterNumber(bytes, start, p)
                else { continue }
            }
            emit(start..<(space + 1))
            start = space + 1
        }
        emit(start..<r.upperBound)
    }

    /// The first space in `start..<end` that follows a colon or precedes a digit, sixteen bytes
    /// at a time (`bytes` must hold the bytes on either side of the range). A loop of its own,
    /// not inlined into its caller's: its few values stay in registers (about 12 instructions a
    /// block instead of 38 with spills).
    @inline(never)
    static func spaceAfterColonOrBeforeDigit(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress else { return nil }
        func isCandidate(_ j: Int) -> Bool {
            bytes[j] == 0x20 && (bytes[j - 1] == UInt8(ascii: ":") || bytes[j + 1] &- 0x30 < 10)
        }
        let raw = UnsafeRawPointer(base)
        let space = ByteScan.splat(0x20), colon = ByteScan.splat(UInt8(ascii: ":")), zero = ByteScan.splat(0x30), ten = ByteScan.splat(10)
        var i = start
        while i &+ 16 <= end {
            let here = raw.loadUnaligned(fromByteOffset: i, as: ByteScan.Lanes.self)
            let before = raw.loadUnaligned(fromByteOffset: i &- 1, as: ByteScan.Lanes.self)
            let after = raw.loadUnaligned(fromByteOffset: i &+ 1, as: ByteScan.Lanes.self)
            if any((here .== space) .& ((before .== colon) .| ((after &- zero) .< ten))) {
                for j in i..<(i &+ 16) where isCandidate(j) { return j }
            }
            i &+= 16
        }
        for j in i..<end where isCandidate(j) { return j }
        return nil
    }

    /// Whether the word that ends with the full stop at `stop` is a unit after a number: "10 kr.".
    private func isUnitAfterNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int) -> Bool {
        var begin = stop
        while begin > start, !bytes[begin - 1].isASCIISpace { begin -= 1 }
        guard begin - 2 >= start, bytes[begin - 2] &- 0x30 < 10 else { return false }
        return Abbreviations.isUnit(UnsafeBufferPointer(rebasing: bytes[begin...stop]))
    }

    /// Whether a colon at `colon - 1` ends a clause of three words or more and a capitalised
    /// sentence of three words or more follows: "… ställa sig frågan: Varför har …".
    private func opensClause(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ colon: Int, _ end: Int) -> Bool {
        let i = colon + 1
        guard i + 1 < end, (0x41...0x5A).contains(bytes[i]) && (0x61...0x7A).contains(bytes[i + 1]) || bytes[i] == 0xC3 && (0x80...0x9E).contains(bytes[i + 1]) else { return false }
        var before = 0, after = 0
        for k in start..<colon where bytes[k] == 0x20 { before += 1 }
        for k in i..<end where bytes[k] == 0x20 { after += 1 }
        return before >= 2 && after >= 2
    }

    /// Whether an opening quotation mark (any of `Typography`'s, " or ') starts at `i`, followed
    /// by a letter.
    private func opensQuotation(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        let quote = Typography.openingQuote(bytes, at: i, end: end)
        let next = i + quote
        guard quote > 0, next < end else { return false }
        let b = bytes[next]
        return (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0xC3
    }

    /// Whether byte `i` ends a word of letters (ASCII or Latin-1), a closing parenthesis or "%".
    private func endsWord(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = bytes[i]
        return (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == UInt8(ascii: ")") || b == UInt8(ascii: "%")
            || (0x80...0xBF).contains(b) && i > 0 && bytes[i - 1] == 0xC3
    }

    /// Punctuation forms of the sentence being tokenized, appended after its words.
    private var punctuation: [UInt8] = []

    /// Words and punctuation of `range`, white space left out; their forms folded with
    /// `Typography` and lower-cased are appended to `folded` (" w1 w2 … wn " and then the
    /// punctuation), and the range of the words' part is returned with them. Plain text is cut
    /// on its bytes (`PlainWords`), other text by ICU.
    func tokens(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, folding folded: inout [UInt8]) -> ([Token], Range<Int>) {
        var out: [Token] = []
        out.reserveCapacity(range.count / 4)
        let wordsStart = folded.count
        folded.append(0x20)
        var punctuation = self.punctuation
        self.punctuation = []
        // Plain text: each word lower-cased straight into room made for the words at once (a word
        // and the space after it take no more bytes than it and what follows it in the text; the
        // last may take one more).
        var used = folded.count
        folded.append(contentsOf: repeatElement(0x20, count: range.count + 1))
        let plain = folded.withUnsafeMutableBufferPointer { f in
            var sink = PlainTokens(bytes: bytes, words: f, used: used)
            swap(&sink.out, &out)
            swap(&sink.punctuation, &punctuation)
            defer {
                swap(&sink.out, &out)
                swap(&sink.punctuation, &punctuation)
                used = sink.used
            }
            return PlainWords.tokens(bytes, range, into: &sink)
        }
        folded.removeSubrange(used...)
        if !plain {
            out.removeAll(keepingCapacity: true)
            punctuation.removeAll(keepingCapacity: true)
            folded.removeSubrange((wordsStart + 1)...)
            var previous = range.lowerBound
            wordBreaks.forEachBreak(UnsafeBufferPointer(rebasing: bytes[range])) { offset, status in
                let end = offset + range.lowerBound
                defer { previous = end }
                guard end > previous, !bytes[previous..<end].allSatisfy(\.isASCIISpace) else { return }
                guard status >= 100 else { return Self.appendMark(previous..<end, of: bytes, to: &out, &punctuation) }
                let start = folded.count
                Self.appendFolded(UnsafeBufferPointer(rebasing: bytes[previous..<end]), to: &folded)
                out.append(Token(range: previous..<end, folded: start..<folded.count, isWord: true))
                folded.append(0x20)
            }
        }
        let words = wordsStart..<folded.count
        if !punctuation.isEmpty {
            let shift = folded.count
            folded += punctuation
            punctuation.removeAll(keepingCapacity: true)
            for k in out.indices where !out[k].isWord {
                out[k].folded = (out[k].folded.lowerBound + shift)..<(out[k].folded.upperBound + shift)
            }
        }
        self.punctuation = punctuation
        return (out, words)
    }

    /// Appends the punctuation token `r` of `bytes` to `out`, its folded form to `punctuation`
    /// (moved to its place after the words once the sentence is cut).
    fileprivate static func appendMark(_ r: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, to out: inout [Token], _ punctuation: inout [UInt8]) {
        let start = punctuation.count
        appendFolded(UnsafeBufferPointer(rebasing: bytes[r]), to: &punctuation)
        out.append(Token(range: r, folded: start..<punctuation.count, isWord: false))
    }

    /// Writes a word of ASCII and Latin-1 letters and digits lower-cased to `out` (as many
    /// bytes: what `appendFolded` gives for it, as it has no quotation mark, dash or soft hyphen).
    fileprivate static func lowerLatin1(_ piece: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) {
        var previous: UInt8 = 0
        for (i, b) in piece.enumerated() {
            out[i] = Latin1Case.lower(b, after: previous)
            previous = b
        }
    }

    /// Appends `piece` with `Typography`'s forms, lower-cased.
    private static func appendFolded(_ piece: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if let typographic = Typography.folded(piece) {
            typographic.withUnsafeBufferPointer { SwedishCase.appendLower($0, to: &out) }
        } else {
            SwedishCase.appendLower(piece, to: &out)
        }
    }
}

/// The tokens of a plain sentence as `PlainWords` finds them: each word lower-cased into `words`
/// at `used` with a space after it, each mark's folded form into `punctuation`.
///
/// Cost: what a token takes to write, and no more. A value handed to the cutter `inout`: as the
/// captures of a closure the arrays were each append checked for exclusive access at run time
/// (two calls into the runtime per token, about a quarter of the cutting).
private struct PlainTokens: PlainWords.Sink {
    let bytes: UnsafeBufferPointer<UInt8>
    let words: UnsafeMutableBufferPointer<UInt8>
    var used: Int
    var out: [Token] = []
    var punctuation: [UInt8] = []

    mutating func token(_ r: Range<Int>, isWord: Bool) {
        guard isWord else { return Segmenter.appendMark(r, of: bytes, to: &out, &punctuation) }
        precondition(used + r.count < words.count)
        Segmenter.lowerLatin1(UnsafeBufferPointer(rebasing: bytes[r]), to: words.baseAddress! + used)
        out.append(Token(range: r, folded: used..<(used + r.count), isWord: true))
        words[used + r.count] = 0x20
        used += r.count + 1
    }
}

extension Segmenter {
    /// A short text on its own (a headline) as one sentence with its tokens, offsets relative
    /// to it.
    public func tokenized(_ text: String) -> Sentence {
        var copy = text
        var folded: [UInt8] = []
        let (tokens, words) = copy.withUTF8 { self.tokens($0, 0..<$0.count, folding: &folded) }
        return Sentence(range: 0..<text.utf8.count, paragraph: 0, tokens: tokens, folded: folded, wordBytes: words)
    }

    /// The word tokens of a short text, lower-cased with Swedish rules, punctuation left out.
    /// Rule terms are cut into words with this, so they split exactly as document text does.
    public func words(in text: String) -> [String] {
        let sentence = tokenized(text)
        return sentence.tokens.filter(\.isWord).map(sentence.foldedForm)
    }
}

/// Swedish lower-casing (ICU) for strings outside the hot path.
public enum Folding {
    public static func lower(_ s: String) -> String {
        var copy = s
        return copy.withUTF8 { SwedishCase.lower($0) }
    }
}
