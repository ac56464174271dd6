/// The small part of JSON that fynd needs, on UTF-8 bytes: string escaping for output, and reading
/// one object per line with its string fields decoded and every other value kept as raw JSON.
public enum JSON {
    /// `s` as a JSON string literal, quotes included. Escapes only what JSON requires, so output
    /// stays readable Swedish.
    public static func quote(_ s: String, into out: inout [UInt8]) {
        // A native string's bytes are read in place; only another (bridged, lazy) is copied first.
        if s.utf8.withContiguousStorageIfAvailable({ quote($0, into: &out) }) != nil { return }
        var s = s
        s.withUTF8 { quote($0, into: &out) }
    }

    /// As `quote(_:into:)`, for UTF-8 bytes; runs without anything to escape (most text) are
    /// found sixteen bytes at a time and copied at once.
    public static func quote(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(0x22)
        func escaped(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C }
        func lanes(_ v: ByteScan.Lanes) -> Bool {
            any((v .< ByteScan.splat(0x20)) .| (v .== ByteScan.splat(0x22)) .| (v .== ByteScan.splat(0x5C)))
        }
        var run = 0  // start of the bytes not yet copied
        while let i = ByteScan.firstIndex(in: bytes, from: run, lanes: lanes, matches: escaped) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            run = i + 1
            let b = bytes[i]
            out.append(0x5C)
            switch b {
            case 0x22, 0x5C: out.append(b)
            case 0x0A: out.append(0x6E)
            case 0x0D: out.append(0x72)
            case 0x09: out.append(0x74)
            default:
                let hex: StaticString = "0123456789abcdef"
                out.append(0x75); out.append(0x30); out.append(0x30)
                out.append(hex.utf8Start[Int(b >> 4)]); out.append(hex.utf8Start[Int(b & 0xF)])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        out.append(0x22)
    }

    /// A top-level JSON object: each member's raw JSON text, and the decoded value of string members.
    public struct Object: Sendable {
        public var members: [Member]
        public subscript(key: String) -> String? { self[Array(key.utf8)]?.string }

        /// The first member whose key is `key` (as UTF-8).
        public subscript(key: [UInt8]) -> Member? { members.first { $0.hasKey(key) } }
    }

    /// One member of an object: its key, its value as raw JSON, and the decoded string when the
    /// value is one. Strings without escapes are views of the parsed bytes, not copies.
    public struct Member: Sendable {
        /// The decoded UTF-8 of the key.
        public var keyBytes: ArraySlice<UInt8>
        /// The value's JSON text.
        public var rawBytes: ArraySlice<UInt8>
        /// The decoded UTF-8 of a string value (valid when the line was).
        public var stringBytes: ArraySlice<UInt8>?
        public var key: String { String(decoding: keyBytes, as: UTF8.self) }

        /// Whether the key is `key` (as UTF-8).
        public func hasKey(_ key: [UInt8]) -> Bool {
            keyBytes.count == key.count && keyBytes.withUnsafeBufferPointer { a in key.withUnsafeBufferPointer { b in a.elementsEqual(b) } }
        }
        public var raw: String { String(decoding: rawBytes, as: UTF8.self) }
        public var string: String? { stringBytes.map { String(decoding: $0, as: UTF8.self) } }
    }

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var offset: Int
        public var message: String
        /// Whether a string held ill-formed UTF-8 (only when parsing checks it).
        public var isInvalidUTF8 = false
        public var description: String { "\(message) at byte \(offset + 1)" }
        public init(offset: Int, message: String) {
            self.offset = offset
            self.message = message
        }
    }

    /// Parses one JSON object (a JSONL line). Nested values are validated and kept raw. With
    /// `checkingUTF8`, strings are checked as well-formed UTF-8 in the same pass that finds their
    /// end; as every other byte of an object that parses is ASCII, such an object's line is
    /// well-formed UTF-8 as a whole.
    public static func parseObject(_ bytes: ArraySlice<UInt8>, checkingUTF8: Bool = false) throws(ParseError) -> Object {
        var p = Parser(bytes: bytes, i: bytes.startIndex, checksUTF8: checkingUTF8)
        p.skipSpace()
        guard p.peek == 0x7B else { throw p.error("expected '{' to start an object") }
        p.i += 1
        var members: [Member] = []
        members.reserveCapacity(4)
        p.skipSpace()
        if p.peek == 0x7D { p.i += 1 } else {
            while true {
                p.skipSpace()
                guard p.peek == 0x22 else { throw p.error("expected a key in quotes") }
                let key = try p.stringBytes()
                p.skipSpace()
                guard p.peek == 0x3A else { throw p.error("expected ':' after key \"\(String(decoding: key, as: UTF8.self))\"") }
                p.i += 1
                p.skipSpace()
                let start = p.i
                var decoded: ArraySlice<UInt8>?
                if p.peek == 0x22 { decoded = try p.stringBytes() } else { try p.skipValue(depth: 0) }
                members.append(Member(keyBytes: key, rawBytes: bytes[start..<p.i], stringBytes: decoded))
                p.skipSpace()
                if p.peek == 0x2C { p.i += 1; continue }
                if p.peek == 0x7D { p.i += 1; break }
                throw p.error("expected ',' or '}'")
            }
        }
        p.skipSpace()
        guard p.i == bytes.endIndex else { throw p.error("unexpected text after the object") }
        return Object(members: members)
    }

    /// The string value of one top-level member, without decoding the others (they are only
    /// skipped): nil when the member is missing or no string.
    public static func stringMember(_ bytes: ArraySlice<UInt8>, key wanted: String) throws(ParseError) -> String? {
        var p = Parser(bytes: bytes, i: bytes.startIndex)
        p.skipSpace()
        guard p.peek == 0x7B else { throw p.error("expected '{' to start an object") }
        p.i += 1
        while true {
            p.skipSpace()
            if p.peek == 0x7D { return nil }
            guard p.peek == 0x22 else { throw p.error("expected a key in quotes") }
            let key = try p.string()
            p.skipSpace()
            guard p.peek == 0x3A else { throw p.error("expected ':'") }
            p.i += 1
            p.skipSpace()
            if key == wanted { return p.peek == 0x22 ? try p.string() : nil }
            try p.skipValue(depth: 0)
            p.skipSpace()
            if p.peek == 0x2C { p.i += 1; continue }
            if p.peek == 0x7D { return nil }
            throw p.error("expected ',' or '}'")
        }
    }

    struct Parser {
        let bytes: ArraySlice<UInt8>
        var i: Int
        /// Whether strings are checked as well-formed UTF-8.
        var checksUTF8 = false
        var peek: UInt8? { i < bytes.endIndex ? bytes[i] : nil }

        func error(_ message: String) -> ParseError { ParseError(offset: i - bytes.startIndex, message: message) }

        mutating func skipSpace() {
            while let b = peek, b.isASCIISpace { i += 1 }
        }

        mutating func string() throws(ParseError) -> String {
            String(decoding: try stringBytes(), as: UTF8.self)
        }

        /// The decoded bytes of the string that starts at `i`: a view of `bytes` when the string
        /// has no escapes.
        mutating func stringBytes() throws(ParseError) -> ArraySlice<UInt8> {
            i += 1
            let contentStart = i
            var out: [UInt8] = []
            while let b = peek {
                // Copy a run of plain bytes at once.
                if b != 0x22 && b != 0x5C && b >= 0x20 {
                    let runStart = i, base = bytes.startIndex
                    let end = bytes.withUnsafeBufferPointer { buf in
                        checksUTF8 ? UTF8Check.jsonStringRun(buf, from: runStart - base)
                            : ByteScan.firstIndex(in: buf, from: runStart - base,
                                                  lanes: { any(($0 .== ByteScan.splat(0x22)) .| ($0 .== ByteScan.splat(0x5C)) .| ($0 .< ByteScan.splat(0x20))) },
                                                  matches: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) ?? buf.count
                    }
                    guard let end else {
                        var e = error("ill-formed UTF-8 in a string")
                        e.isInvalidUTF8 = true
                        throw e
                    }
                    i = end + base
                    // A string without escapes: no copy.
                    if out.isEmpty, peek == 0x22 {
                        i += 1
                        return bytes[runStart..<(i - 1)]
                    }
                    if out.capacity == 0 { out.reserveCapacity(encodedLength(from: contentStart)) }
                    out.append(contentsOf: bytes[runStart..<i])
                    continue
                }
                i += 1
                switch b {
                case 0x22: return out[...]
                case 0x5C:
                    if out.capacity == 0 { out.reserveCapacity(encodedLength(from: contentStart)) }
                    guard let e = peek else { throw error("unfinished escape") }
                    i += 1
                    switch e {
                    case 0x22, 0x5C, 0x2F: out.append(e)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x75:
                        var scalar = try hex4()
                        // A high surrogate joins a low one that follows; anything else after it
                        // is left for the next turn (a lone surrogate becomes U+FFFD).
                        if (0xD800..<0xDC00).contains(scalar), peek == 0x5C, i + 1 < bytes.endIndex, bytes[i + 1] == 0x75 {
                            let escape = i
                            i += 2
                            let low = try hex4()
                            if (0xDC00..<0xE000).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                i = escape
                            }
                        }
                        out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
                    default: throw error("unknown escape '\\\(Unicode.Scalar(e))'")
                    }
                case 0..<0x20: throw error("control character in a string")
                default: out.append(b)
                }
            }
            throw error("unterminated string")
        }

        /// The encoded length of the string whose content starts at `start`: the bytes up to its
        /// closing quote (or to the end). The decoded string is never longer (no escape is shorter
        /// than what it stands for), so it is reserved once and never grown by doubling.
        func encodedLength(from start: Int) -> Int {
            bytes.withUnsafeBufferPointer { buf in
                var at = start - bytes.startIndex
                while let quote = ByteScan.firstIndex(of: 0x22, in: buf, from: at) {
                    var slash = quote
                    while slash > at, buf[slash - 1] == 0x5C { slash -= 1 }
                    if (quote - slash) % 2 == 0 { return quote - (start - bytes.startIndex) }
                    at = quote + 1
                }
                return buf.count - (start - bytes.startIndex)
            }
        }

        mutating func hex4() throws(ParseError) -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<4 {
                guard let b = peek else { throw error("short \\u escape") }
                i += 1
                switch b {
                case 0x30...0x39: v = v << 4 | UInt32(b - 0x30)
                case 0x41...0x46: v = v << 4 | UInt32(b - 0x37)
                case 0x61...0x66: v = v << 4 | UInt32(b - 0x57)
                default: throw error("bad hex digit in \\u escape")
                }
            }
            return v
        }

        mutating func skipValue(depth: Int) throws(ParseError) {
            guard depth < 512 else { throw error("nesting deeper than 512") }
            skipSpace()
            guard let b = peek else { throw error("expected a value") }
            switch b {
            case 0x22: _ = try stringBytes()
            case 0x7B, 0x5B:
                let close: UInt8 = b == 0x7B ? 0x7D : 0x5D
                i += 1
                skipSpace()
                if peek == close { i += 1; return }
                while true {
                    if b == 0x7B {
                        skipSpace()
                        guard peek == 0x22 else { throw error("expected a key in quotes") }
                        _ = try stringBytes()
                        skipSpace()
                        guard peek == 0x3A else { throw error("expected ':'") }
                        i += 1
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek == 0x2C { i += 1; continue }
                    if peek == close { i += 1; return }
                    throw error("expected ',' or '\(Unicode.Scalar(close))'")
                }
            default:
                let start = i
                while let c = peek, !(c == 0x2C || c == 0x7D || c == 0x5D || c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09) { i += 1 }
                let word = String(decoding: bytes[start..<i], as: UTF8.self)
                guard word == "true" || word == "false" || word == "null" || Double(word) != nil else {
                    i = start
                    throw error("expected a value")
                }
            }
        }
    }
}

extension JSON {
    /// The strings of a raw JSON array of strings; nil when it is not one.
    public static func stringArray(_ raw: String) -> [String]? {
        var out: [String] = []
        var p = Parser(bytes: Array(raw.utf8)[...], i: 0)
        p.skipSpace()
        guard p.peek == 0x5B else { return nil }
        p.i += 1
        while true {
            p.skipSpace()
            if p.peek == 0x5D { return out }
            if p.peek == 0x2C { p.i += 1; continue }
            guard p.peek == 0x22, let s = try? p.string() else { return nil }
            out.append(s)
        }
    }
}

extension JSON {
    /// The value of a raw JSON string; nil when it is not one.
    public static func string(_ raw: String) -> String? {
        var p = Parser(bytes: Array(raw.utf8)[...], i: 0)
        p.skipSpace()
        guard p.peek == 0x22 else { return nil }
        return try? p.string()
    }
}
