import FyndCore

/// The words of one sentence, cut once and read by every extractor (municipality, people,
/// figures, deadlines, areas): each word a byte range of the text, and its lower-case form in
/// one buffer beside it. Cut as `Words` says: at spaces, without the punctuation around a word.
///
/// Reads the document's bytes in place (no copy, no `String` per word). Costs one pass over the
/// sentence and two arrays. A word of printable ASCII and Latin-1 letters (`isPlain`: nearly
/// every Swedish word) is read on its bytes, where a byte tells a letter, its case and a digit;
/// any other word is read as a `String`, as Swift compares and classifies characters.
struct SentenceWords: RandomAccessCollection {
    struct Span {
        var range: Range<Int>
        var lower: Range<Int>
        var plain: Bool
    }

    /// The text the words are ranges of: the document's UTF-8.
    let text: [UInt8]
    /// The sentence's byte range in `text`.
    let range: Range<Int>
    private(set) var spans: [Span] = []
    /// Every word lower-cased, one after another, each followed by a space.
    private(set) var lower: [UInt8] = []

    /// `limit`: the most words wanted (the first ones).
    init(text: [UInt8], range: Range<Int>, limit: Int = .max) {
        self.text = text
        self.range = range
        var spans: [Span] = []
        spans.reserveCapacity(Swift.min(limit, range.count / 5 + 1))
        // The lower-case words take as many bytes as the sentence (and a space) but for a word
        // that is not plain: written in place, cut to length at the end. The first few words of a
        // long text take a few bytes each, and room is made as they come.
        var lower = [UInt8](repeating: 0x20, count: (limit > range.count / 16 ? range.count : 16 * limit) + 1), used = 0
        text.withUnsafeBufferPointer { t in
            // Cut on bytes, then checked: the words stand when the characters read are simple, up
            // to the one after the space the last word wanted ends at (only a character right after
            // it could join that space into a larger one). The first words of a long text need no
            // look at the rest of it.
            if let stop = Self.cutSimple(t, range, limit, &spans, &lower, &used),
               SimpleCharacters.isSimple(UnsafeBufferPointer(rebasing: t[range.lowerBound..<Swift.min(range.upperBound, stop + 4)])) { return }
            spans.removeAll(keepingCapacity: true)
            used = 0
            let sentence = Substring(String(decoding: t[range], as: UTF8.self))
            for word in Words.byCharacters(sentence).prefix(limit) {
                Self.add((range.lowerBound + word.lowerBound)..<(range.lowerBound + word.upperBound), of: t, to: &spans, &lower, &used)
            }
        }
        lower.removeSubrange(used...)
        self.spans = spans
        self.lower = lower
    }

    /// Adds the words of a text of simple characters (`SimpleCharacters`) cut on its bytes, the
    /// first `limit` of them; where it stopped: the space after the last word wanted, or the end.
    /// Nil when a word's lower case takes other bytes than the word: a character that is not
    /// simple, so that the text is cut by characters instead.
    ///
    /// One pass finds the spaces; each word is lower-cased into `lower` through a pointer taken
    /// once for all the words that fit (`lower` grows only for the first words of a long text).
    private static func cutSimple(_ t: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ limit: Int,
                                  _ spans: inout [Span], _ lower: inout [UInt8], _ used: inout Int) -> Int? {
        // Pieces between spaces, found as the bytes are read (most are a word of a few letters).
        var start = range.lowerBound, k = range.lowerBound
        enum Outcome { case stopped(Int), notSimple, full(Int) }
        while true {
            let outcome: Outcome = lower.withUnsafeMutableBufferPointer { out in
                while true {
                    let atEnd = k == range.upperBound
                    guard atEnd || t[k] == 0x20 else { k += 1; continue }
                    if let word = word(in: t, piece: start..<k) {
                        if used + word.count >= out.count { return .full(word.count) }
                        let at = out.baseAddress! + used
                        let plain = lowerPlain(t, word, to: at)
                        if !plain {
                            let lowered = String(decoding: t[word], as: UTF8.self).lowercased().utf8
                            guard lowered.count == word.count else { return .notSimple }
                            _ = UnsafeMutableBufferPointer(start: at, count: word.count).initialize(from: lowered)
                        }
                        spans.append(Span(range: word, lower: used..<(used + word.count), plain: plain))
                        at[word.count] = 0x20
                        used += word.count + 1
                    }
                    if atEnd { return .stopped(range.upperBound) }
                    if spans.count == limit { return .stopped(k) }
                    k += 1
                    start = k
                }
            }
            switch outcome {
            case .stopped(let stop): return stop
            case .notSimple: return nil
            case .full(let count): lower += repeatElement(0x20, count: used + count + 1 - lower.count)
            }
        }
    }

    /// The words of a text of its own.
    init(_ sentence: Substring) {
        self.init(text: Array(sentence.utf8), range: 0..<sentence.utf8.count)
    }

    /// The word in a piece between spaces of a text of simple characters (`SimpleCharacters`):
    /// the piece without the characters around it that are neither letters nor digits; a hyphen
    /// at its very end stays ("individ-"). Nil when nothing is left.
    private static func word(in t: UnsafeBufferPointer<UInt8>, piece: Range<Int>) -> Range<Int>? {
        var start = piece.lowerBound
        while start < piece.upperBound, !isLetterOrNumber(t, start) { start += SimpleCharacters.length(t[start]) }
        guard start < piece.upperBound else { return nil }
        var end = piece.upperBound
        while true {
            var last = end - 1
            while t[last] & 0xC0 == 0x80 { last -= 1 }
            if isLetterOrNumber(t, last) || t[last] == UInt8(ascii: "-") && end == piece.upperBound { break }
            end = last
        }
        return start..<end
    }

    /// `SimpleCharacters.isLetterOrNumber`, with ASCII letters and digits told first.
    private static func isLetterOrNumber(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = t[i]
        if b < 0x80 { return (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }
        return SimpleCharacters.isLetterOrNumber(t, at: i)
    }

    /// Adds a word and its lower case at `used` in `lower`, and a space after it: a plain word's
    /// bytes lower-cased as they are copied (one pass tells it plain and lower-cases it), another
    /// by `lowercased()`.
    private static func add(_ word: Range<Int>, of t: UnsafeBufferPointer<UInt8>, to spans: inout [Span], _ lower: inout [UInt8], _ used: inout Int) {
        let start = used
        func makeRoom(_ count: Int) {
            if start + count + 1 > lower.count { lower += repeatElement(0x20, count: start + count + 1 - lower.count) }
        }
        makeRoom(word.count)
        let plain = lower.withUnsafeMutableBufferPointer { lowerPlain(t, word, to: $0.baseAddress! + start) }
        if plain {
            used = start + word.count
        } else {
            let lowered = String(decoding: t[word], as: UTF8.self).lowercased().utf8
            makeRoom(lowered.count)
            lower.replaceSubrange(start..<(start + lowered.count), with: lowered)
            used = start + lowered.count
        }
        spans.append(Span(range: word, lower: start..<used, plain: plain))
        lower[used] = 0x20
        used += 1
    }

    /// Writes the lower case of `word` to `out` (as many bytes) when the word is plain (`isPlain`);
    /// false when it is not.
    private static func lowerPlain(_ t: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, to out: UnsafeMutablePointer<UInt8>) -> Bool {
        // The word lies in `t`: read and written through pointers, a byte or a pair at a time.
        guard let base = t.baseAddress else { return word.isEmpty }
        var p = base + word.lowerBound, o = out
        let end = base + word.upperBound
        while p < end {
            let b = p.pointee
            if b &- 0x20 < 0x5F {
                o.pointee = b &- 0x41 < 26 ? b &+ 32 : b
                p += 1
                o += 1
            } else if b == 0xC3, p + 1 < end, p[1] & 0xC0 == 0x80 {
                o[0] = 0xC3
                o[1] = Latin1Case.isCapital(second: p[1]) ? p[1] &+ 32 : p[1]
                p += 2
                o += 2
            } else {
                return false
            }
        }
        return true
    }

    /// Printable ASCII, and U+00C0–U+00FF (C3 80–BF): each byte or pair a character of its own.
    static func isPlain(_ bytes: some Sequence<UInt8>) -> Bool {
        var i = bytes.makeIterator()
        while let b = i.next() {
            if b >= 0x20 && b < 0x7F { continue }
            guard b == 0xC3, let c = i.next(), c & 0xC0 == 0x80 else { return false }
        }
        return true
    }

    // MARK: The collection: each word as written, and its offset in the sentence.

    var startIndex: Int { 0 }
    var endIndex: Int { spans.count }
    subscript(i: Int) -> Word { Word(text: Substring(string(i)), offset: offset(i)) }

    // MARK: Reading a word

    func bytes(_ i: Int) -> ArraySlice<UInt8> { text[spans[i].range] }
    /// The first byte of word `i` (a word is never empty): the test most words fail.
    func firstByte(_ i: Int) -> UInt8 { text[spans[i].range.lowerBound] }
    func lowered(_ i: Int) -> ArraySlice<UInt8> { lower[spans[i].lower] }
    func isPlain(_ i: Int) -> Bool { spans[i].plain }
    func string(_ i: Int) -> String { String(decoding: bytes(i), as: UTF8.self) }
    /// Byte offsets in `text`.
    func start(_ i: Int) -> Int { spans[i].range.lowerBound }
    func end(_ i: Int) -> Int { spans[i].range.upperBound }
    /// Byte offset in the sentence.
    func offset(_ i: Int) -> Int { spans[i].range.lowerBound - range.lowerBound }
    /// Whether more than one space (or other text) parts word `i` from the word before it: a
    /// comma or other punctuation between them.
    func isSetOff(_ i: Int) -> Bool { start(i) > end(i - 1) + 1 }

    /// The words as written, joined by single spaces.
    func joined(_ words: Range<Int>) -> String {
        var out: [UInt8] = []
        for i in words {
            if i > words.lowerBound { out.append(0x20) }
            out += bytes(i)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether word `i` is spelt `word` (as Swift compares strings). A plain word of another
    /// length (most) is told by its length alone.
    func isSpelt(_ i: Int, _ word: String) -> Bool {
        guard isPlain(i) else { return string(i) == word }
        return spans[i].range.count == word.utf8.count && bytes(i).elementsEqual(word.utf8)
    }

    /// Whether word `i` in lower case is `word`. A plain word of another length (most) is told
    /// by its length alone.
    func isLowered(_ i: Int, _ word: String) -> Bool {
        guard isPlain(i) else { return String(decoding: lowered(i), as: UTF8.self) == word }
        return spans[i].lower.count == word.utf8.count && lowered(i).elementsEqual(word.utf8)
    }

    /// Whether word `i` in lower case starts with one of `prefixes`: a plain word on its bytes.
    func lowered(_ i: Int, hasPrefixIn prefixes: WordPrefixes) -> Bool {
        if isPlain(i) { return prefixes.startsAny(lower, spans[i].lower) }
        let word = String(decoding: lowered(i), as: UTF8.self)
        return prefixes.strings.contains { word.hasPrefix($0) }
    }

    /// Whether word `i` as written (`lowered` false) or in lower case is in `set`.
    func isIn(_ set: WordSet, _ i: Int, lowered isLower: Bool = true) -> Bool {
        let span = spans[i]
        let count = isLower ? span.lower.count : span.range.count
        if span.plain && !(set.lengths.contains(count) && set.mayStart(isLower ? lower[span.lower.lowerBound] : text[span.range.lowerBound])) { return false }
        let word = isLower ? lower[span.lower] : text[span.range]
        return span.plain ? set.table.contains(word) : set.strings.contains(String(decoding: word, as: UTF8.self))
    }

    /// Whether the first character of word `i` is a capital letter.
    func startsUppercase(_ i: Int) -> Bool {
        guard isPlain(i) else { return string(i).first?.isUppercase ?? false }
        let w = bytes(i)
        return Self.isUppercase(w, at: w.startIndex)
    }

    /// Whether every character of word `i` is a capital letter.
    func isUppercase(_ i: Int) -> Bool {
        guard isPlain(i) else { return string(i).allSatisfy(\.isUppercase) }
        let w = bytes(i)
        var k = w.startIndex
        while k < w.endIndex {
            guard Self.isUppercase(w, at: k) else { return false }
            k += w[k] < 0x80 ? 1 : 2
        }
        return true
    }

    /// Whether every letter of word `i` is a capital ("HUDIKSVALL", "IVO:s" is not).
    func lettersAreCapitals(_ i: Int) -> Bool {
        guard isPlain(i) else { return string(i).allSatisfy { !$0.isLetter || $0.isUppercase } }
        let w = bytes(i)
        var k = w.startIndex
        while k < w.endIndex {
            if w[k] < 0x80 {
                if (0x61...0x7A).contains(w[k]) { return false }
                k += 1
            } else {
                if Latin1Case.isLetter(second: w[k + 1]) && !Latin1Case.isCapital(second: w[k + 1]) { return false }
                k += 2
            }
        }
        return true
    }

    /// Whether every character of word `i` is a number.
    func isNumber(_ i: Int) -> Bool {
        isPlain(i) ? bytes(i).allSatisfy { $0 &- 0x30 < 10 } : string(i).allSatisfy(\.isNumber)
    }

    /// The number of characters of word `i`.
    func characterCount(_ i: Int) -> Int {
        isPlain(i) ? bytes(i).reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } : string(i).count
    }

    /// Whether the plain word's character at `k` is a capital: A–Z, À–Þ but ×.
    private static func isUppercase(_ w: ArraySlice<UInt8>, at k: Int) -> Bool {
        let b = w[k]
        return b < 0x80 ? (0x41...0x5A).contains(b) : b == 0xC3 && Latin1Case.isCapital(second: w[k + 1])
    }

    /// Word `i` in capitals as a name is written, "HUDIKSVALL" → "Hudiksvall"; another word as it is.
    func capitalised(_ i: Int) -> ArraySlice<UInt8> {
        let w = bytes(i)
        // Most words start with a lower-case ASCII letter: as they are.
        guard let b = w.first, !(0x61...0x7A).contains(b), w.count >= 2 else { return w }
        guard isPlain(i) else { return Array(MunicipalityFinder.capitalised(Substring(string(i))).utf8)[...] }
        guard Self.isUppercase(w, at: w.startIndex) else { return w }
        let firstLength = b < 0x80 ? 1 : 2
        var k = w.startIndex + firstLength, letters = false
        while k < w.endIndex {
            if w[k] < 0x80 {
                if (0x61...0x7A).contains(w[k]) { return w }
                letters = letters || (0x41...0x5A).contains(w[k])
                k += 1
            } else {
                if Latin1Case.isLetter(second: w[k + 1]) {
                    guard Latin1Case.isCapital(second: w[k + 1]) else { return w }
                    letters = true
                }
                k += 2
            }
        }
        guard letters else { return w }
        return (Array(w.prefix(firstLength)) + lowered(i).dropFirst(firstLength))[...]
    }
}

/// Words to look a word up in, as `SentenceWords.isIn` does: by bytes for a plain word, by the
/// strings for any other. A plain word of a length no word has, or with a first byte none starts
/// with (most), is no member without a hash; another costs one `ByteTable` lookup.
struct WordSet: Sendable {
    let table: ByteTable
    let strings: Set<String>
    /// The fewest and most bytes of a word.
    let lengths: ClosedRange<Int>
    /// By byte, a bit each: whether a word starts with it.
    private let firstBytes: SIMD4<UInt64>

    init(_ words: Set<String>) {
        strings = words
        table = ByteTable(words.map { (key: $0, value: 0) })
        lengths = (words.map(\.utf8.count).min() ?? 0)...(words.map(\.utf8.count).max() ?? 0)
        var firstBytes = SIMD4<UInt64>()
        for b in words.compactMap(\.utf8.first) { firstBytes[Int(b >> 6)] |= 1 << (b & 63) }
        self.firstBytes = firstBytes
    }

    /// Whether some word starts with byte `b`.
    func mayStart(_ b: UInt8) -> Bool { firstBytes[Int(b >> 6)] >> (b & 63) & 1 != 0 }
}

extension WordSet: ExpressibleByArrayLiteral {
    init(arrayLiteral words: String...) { self.init(Set(words)) }
}

/// Beginnings of words to test a word with, as `SentenceWords.lowered(_:hasPrefixIn:)` does: by
/// bytes for a plain word, by the strings for any other. A word whose first byte starts no
/// prefix (most) costs one table read; another, a byte comparison with each prefix that starts so.
struct WordPrefixes: Sendable {
    let strings: [String]
    /// By first byte: the prefixes' bytes that start with it, in the order given.
    private let byFirstByte: [[[UInt8]]]

    init(_ prefixes: [String]) {
        strings = prefixes
        var table = [[[UInt8]]](repeating: [], count: 256)
        for p in prefixes { if let b = p.utf8.first { table[Int(b)].append(Array(p.utf8)) } }
        byFirstByte = table
    }

    /// Whether `bytes[range]` starts with one of the prefixes (an empty prefix starts nothing).
    func startsAny(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let candidates = byFirstByte[Int(bytes[range.lowerBound])]
        if candidates.isEmpty { return false }
        return bytes.withUnsafeBufferPointer { b in
            candidates.contains { p in
                guard p.count <= range.count else { return false }
                var k = 1
                while k < p.count, b[range.lowerBound + k] == p[k] { k += 1 }
                return k == p.count
            }
        }
    }
}

extension WordPrefixes: ExpressibleByArrayLiteral {
    init(arrayLiteral prefixes: String...) { self.init(prefixes) }
}
