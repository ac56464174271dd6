import FyndCore
#if canImport(Glibc)
import Glibc
#endif

/// Turns input bytes into Unicode text: BOM, UTF-8, UTF-16, a declared charset, or the
/// Windows-1252 fallback that old Swedish pages need. Refuses binary files and empty input.
public enum Decoding {
    /// The decoded text and what the decoder had to assume.
    public struct Decoded: Sendable {
        public var text: String
        public var warnings: [String]
    }

    /// Decodes `bytes`; `declared` is a charset named by the document itself (HTML meta).
    public static func decode(_ bytes: [UInt8], declared: String? = nil) throws(DocumentError) -> Decoded {
        if bytes.isEmpty { throw DocumentError(code: "empty", message: "the file is empty") }
        if let kind = binaryKind(bytes) {
            throw DocumentError(code: "binary", message: "this is a \(kind) file, not text or HTML")
        }
        var warnings: [String] = []
        var text: String
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = try utf8(bytes.dropFirst(3), warnings: &warnings)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            text = utf16(bytes.dropFirst(2), littleEndian: bytes[0] == 0xFF)
            warnings.append("decoded as UTF-16 (byte-order mark)")
        } else if let declared, isLatin1Family(declared), !isValidUTF8(bytes[...]) {
            text = windows1252(bytes[...])
            warnings.append("decoded as Windows-1252 (declared \(declared))")
        } else {
            text = try utf8(bytes[...], warnings: &warnings)
        }
        if text.utf8.withContiguousStorageIfAvailable({ $0.count > 0 && memchr($0.baseAddress!, 0, $0.count) != nil }) ?? text.utf8.contains(0) {
            text = String(text.unicodeScalars.filter { $0 != "\0" }.map(Character.init))
            warnings.append("NUL bytes removed")
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw DocumentError(code: "empty", message: "the file holds only white space")
        }
        return Decoded(text: text, warnings: warnings)
    }

    /// As `decode`, to UTF-8 bytes. Well-formed UTF-8 without a byte-order mark, NUL bytes or
    /// only white space — nearly every file — is returned as it is, checked on the bytes
    /// without making a `String` of them (which would validate it once more).
    public static func decodeUTF8(_ bytes: [UInt8], declared: String? = nil) throws(DocumentError) -> (utf8: [UInt8], warnings: [String]) {
        if isPlainUTF8(bytes) { return (bytes, []) }
        let decoded = try decode(bytes, declared: declared)
        return (Array(decoded.text.utf8), decoded.warnings)
    }

    /// Whether `decode` would return the bytes unchanged and without a warning.
    static func isPlainUTF8(_ bytes: [UInt8]) -> Bool {
        guard binaryKind(bytes) == nil, !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !bytes.starts(with: [0xFF, 0xFE]),
              !bytes.starts(with: [0xFE, 0xFF]) else { return false }
        return bytes.withUnsafeBufferPointer { b in
            // Some ASCII byte that is no white space (so the text is not all white space), no NUL.
            b.contains { $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) } && memchr(b.baseAddress!, 0, b.count) == nil
                && UTF8Check.isValid(b)
        }
    }

    /// The charset an HTML page declares in its first 4 KB (`<meta charset>` or `content="…; charset=…"`).
    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }
        guard let r = ByteSearch.firstIndex(of: Array("charset=".utf8), in: head, from: 0) else { return nil }
        var i = r + 8
        while i < head.count, head[i] == UInt8(ascii: "\"") || head[i] == UInt8(ascii: "'") || head[i] == 0x20 { i += 1 }
        var j = i
        while j < head.count, (0x61...0x7A).contains(head[j]) || (0x30...0x39).contains(head[j]) || head[j] == UInt8(ascii: "-") || head[j] == UInt8(ascii: "_") { j += 1 }
        return i == j ? nil : String(decoding: head[i..<j], as: UTF8.self)
    }

    private static func isLatin1Family(_ charset: String) -> Bool {
        ["iso-8859-1", "iso-8859-15", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii"].contains(charset.lowercased())
    }

    /// UTF-8 as it is; with invalid bytes, Windows-1252 only when the text holds no UTF-8 at
    /// all (no valid multi-byte sequence). Otherwise it is repaired line by line: a line with no
    /// UTF-8 of its own (pasted from a Latin-1 file) is read as Windows-1252, and in any other
    /// line each invalid byte becomes U+FFFD, so the rest keeps its å, ä and ö.
    private static func utf8(_ bytes: ArraySlice<UInt8>, warnings: inout [String]) throws(DocumentError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstInvalidUTF8(bytes)
        guard hasMultiByteUTF8(bytes) else {
            warnings.append("invalid UTF-8 at byte \(offset); decoded as Windows-1252")
            return windows1252(bytes)
        }
        var text = ""
        var repaired = 0
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.endIndex
            let line = bytes[start..<end]
            if let valid = String(validating: line, as: UTF8.self) {
                text += valid
            } else {
                repaired += 1
                text += hasMultiByteUTF8(line) ? String(decoding: line, as: UTF8.self) : windows1252(line)
            }
            start = end
        }
        warnings.append("invalid UTF-8 at byte \(offset); \(repaired) line(s) repaired, the rest kept as UTF-8")
        return text
    }

    /// Whether the bytes hold at least one well-formed UTF-8 sequence of more than one byte.
    static func hasMultiByteUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] < 0x80 {
                i += 1
                continue
            }
            let rest = bytes[i...]
            let invalid = firstInvalidUTF8(rest.prefix(4))
            // The first sequence of `rest` is valid when the first invalid byte is not at its start.
            if invalid != 0 { return true }
            i += 1
        }
        return false
    }

    /// Whether the bytes are well-formed UTF-8.
    public static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool { firstInvalidUTF8(bytes) < 0 }

    /// Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var minimum: UInt32
            var value: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; minimum = 0x80; value = UInt32(b & 0x1F)
            case 0xE0...0xEF: need = 2; minimum = 0x800; value = UInt32(b & 0x0F)
            case 0xF0...0xF4: need = 3; minimum = 0x10000; value = UInt32(b & 0x07)
            default: return i - bytes.startIndex
            }
            guard i + need < end else { return i - bytes.startIndex }
            for k in 1...need {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i - bytes.startIndex }
                value = value << 6 | UInt32(c & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i - bytes.startIndex }
            i += need + 1
        }
        return -1
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252: Latin-1 plus the printable characters it puts in 0x80–0x9F.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if (0x80...0x9F).contains(b), let s = Unicode.Scalar(cp1252High[Int(b) - 0x80]) {
                scalars.append(s)
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Names the kind of a binary file from its magic bytes or its share of control bytes.
    static func binaryKind(_ bytes: [UInt8]) -> String? {
        let magics: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "PNG image"), ([0x1F, 0x8B], "gzip"), ([0x25, 0x50, 0x44, 0x46], "PDF"),
            ([0x50, 0x4B, 0x03, 0x04], "ZIP"), ([0xFF, 0xD8, 0xFF], "JPEG image"), ([0x47, 0x49, 0x46, 0x38], "GIF image"),
            ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"), ([0x42, 0x5A, 0x68], "bzip2"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A], "xz"),
        ]
        for (magic, name) in magics where bytes.starts(with: magic) { return name }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        let sample = bytes.prefix(8192)
        let control = sample.filter { $0 < 0x09 || (0x0E..<0x20).contains($0) }.count
        return control * 10 > sample.count ? "binary" : nil
    }
}
