import CICU

/// A word view of a document's text, for a first look at which sentences need words at all:
/// the UTF-8 bytes lower-cased (ICU simple case mapping), everything that is not part of a word
/// a space, with one space before and after. Byte `i + 1` stands for byte `i` of the text, so a
/// position found here is a position in the text (in a word with a soft hyphen, a position in
/// that word: the letters after the hyphen move up by its two bytes).
public struct FoldedText: Sendable {
    /// " " + the folded text + " ", or a stretch of it (`start`).
    public let bytes: [UInt8]
    /// Where `bytes` begins in the folded text of the whole document (0 but for a stretch).
    public let start: Int

    /// A stretch of the folded text of `text` that holds `stretch` (positions in the folded text,
    /// which has `text.count + 2` bytes; `0..<text.count + 2` for all of it), its bytes those the
    /// whole text's folded form has there: the text folded from a word boundary (an ASCII byte
    /// other than a letter, digit or "_") before the stretch to one after it. Nil when a letter's
    /// lower case there has another UTF-8 length than the letter (rare: "İ"), so that positions
    /// would shift; callers then look at every sentence's words. Lets a document's folded text be
    /// looked at a window at a time.
    public init?(utf8 text: UnsafeBufferPointer<UInt8>, covering stretch: Range<Int>) {
        func isBoundary(_ i: Int) -> Bool { text[i] < 0x80 && !(text[i] &- 0x30 < 10 || (text[i] | 0x20) &- 0x61 < 26 || text[i] == 0x5F) }
        // Folded byte j stands for text byte j - 1: the stretch reads text bytes from
        // stretch.lowerBound - 1 to stretch.upperBound - 2.
        var lo = max(0, min(stretch.lowerBound, text.count)), hi = max(lo, min(text.count, stretch.upperBound - 1))
        while lo > 0, !isBoundary(lo - 1) { lo -= 1 }
        while hi < text.count, !isBoundary(hi) { hi += 1 }
        guard let folded = Self.fold(UnsafeBufferPointer(rebasing: text[lo..<hi])) else { return nil }
        bytes = folded
        start = lo
    }

    private static func fold(_ src: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard src.count < Int32.max - 2 else { return nil }
        var ok = false
        let out = [UInt8](unsafeUninitializedCapacity: src.count + 2) { buf, count in
            buf[0] = 0x20
            buf[src.count + 1] = 0x20
            ok = src.isEmpty || fynd_word_fold(src.baseAddress, Int32(src.count), buf.baseAddress! + 1) == 0
            count = src.count + 2
        }
        return ok ? out : nil
    }
}
