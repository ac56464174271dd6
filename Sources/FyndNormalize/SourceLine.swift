/// A plain text's opening line that names where the text comes from: an address alone
/// ("https://…"), or after a label ("rewritten from:", "Källa:", "Source:", "URL:"). Such a line
/// is the document's address, not its text.
enum SourceLine {
    /// Labels before the address, lowercased, with their colon.
    static let labels = ["rewritten from:", "källa:", "source:", "url:"]
    /// Longest opening line looked at (an address line is short).
    static let maxLineBytes = 2_048

    /// The address the first non-empty line of `text` names, and the bytes up to the end of that
    /// line (its newline included); nil when that line is no source line.
    static func find(in text: [UInt8]) -> (address: String, end: Int)? {
        var start = 0
        while start < text.count, isSpace(text[start]) { start += 1 }
        let limit = min(text.count, start + maxLineBytes)
        var end = start
        while end < limit, text[end] != UInt8(ascii: "\n") { end += 1 }
        guard end > start, end == text.count || text[end] == UInt8(ascii: "\n") else { return nil }
        let line = String(decoding: text[start..<end], as: UTF8.self)
        guard let address = address(inLine: line) else { return nil }
        return (address, min(end + 1, text.count))
    }

    /// The address of one line: the whole line, or what follows one of the labels; one word that
    /// begins with "http://" or "https://".
    static func address(inLine line: String) -> String? {
        var rest = line.trimmingWhitespace()
        if let label = labels.first(where: { rest.lowercased().hasPrefix($0) }) {
            rest = String(rest.dropFirst(label.count)).trimmingWhitespace()
        }
        let lower = rest.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), rest.count > 8,
              !rest.contains(where: { $0.isWhitespace }) else { return nil }
        return rest
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }
}
