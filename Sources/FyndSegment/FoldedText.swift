import CICU

/// A word view of a document's text, for a first look at which sentences need words at all:
/// the UTF-8 bytes lower-cased (ICU simple case mapping), everything that is not part of a word
/// a space, with one space before and after. Byte `i + 1` stands for byte `i` of the text, so a
/// position found here is a position in the text (in a word with a soft hyphen, a position in
/// that word: the letters after the hyphen move up by its two bytes).
public struct FoldedText: Sendable {
    /// " " + the folded text + " ".
    public let bytes: [UInt8]

    /// Nil when a letter's lower case has another UTF-8 length than the letter (rare: "İ"), so
    /// that positions would shift; callers then look at every sentence's words.
    public init?(_ text: String) {
        var text = text
        guard let folded = text.withUTF8(Self.fold) else { return nil }
        bytes = folded
    }

    /// As `init?(_:)`, from the text's UTF-8 bytes.
    public init?(utf8 text: [UInt8]) {
        guard let folded = text.withUnsafeBufferPointer(Self.fold) else { return nil }
        bytes = folded
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
