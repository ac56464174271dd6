/// The last resort for HTML that libxml2 cannot build a tree of: drops tags, comments, scripts
/// and styles byte by byte, and turns block-level tags into line breaks.
enum TagStripper {
    static func text(of html: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { out.append(bytes[i]); i += 1; continue }
            let nameStart = i + 1 + (i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/") ? 1 : 0)
            var nameEnd = nameStart
            while nameEnd < bytes.count, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased()
            if name == "script" || name == "style", nameStart == i + 1 {
                i = skip(past: "</\(name)", from: nameEnd, in: bytes)
                continue
            }
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                i = skip(past: "-->", from: i + 4, in: bytes)
                continue
            }
            if ["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"].contains(name) { out.append(0x0A) }
            i = (bytes[nameEnd...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }

    /// The index after the first `marker` (ASCII, matched case-insensitively) at or after `from`.
    private static func skip(past marker: String, from: Int, in bytes: [UInt8]) -> Int {
        let m = Array(marker.utf8)
        var j = from
        while j + m.count <= bytes.count {
            if zip(bytes[j..<(j + m.count)], m).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                return (bytes[(j + m.count)...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
            }
            j += 1
        }
        return bytes.count
    }
}
