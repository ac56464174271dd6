import FyndCore

/// A plain text's opening line that names where the text comes from: an address alone
/// ("https://…"), or after a label of at most three words with a colon ("rewritten from:",
/// "Källa:", "Source:", "URL:", "Hämtad från:") or one of those without it. Such a line is the
/// document's address, not its text.
enum SourceLine {
    /// Labels that may stand without their colon, lowercased.
    static let labels: Set<String> = ["rewritten from", "källa", "source", "url", "hämtad från", "original"]
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
        guard end > start, end == text.count || text[end] == UInt8(ascii: "\n"),
              mayName(text[start..<end]) else { return nil }
        let line = String(decoding: text[start..<end], as: UTF8.self)
        guard let address = address(inLine: line) else { return nil }
        return (address, min(end + 1, text.count))
    }

    /// The address of one line: the "http://" or "https://" address that ends it, alone or after a
    /// label (`SourceLine`).
    static func address(inLine line: String) -> String? {
        var words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard var address = words.popLast() else { return nil }
        // A label glued to its address: "Källa:https://…".
        if let colon = address.firstIndex(of: ":"), address[address.index(after: colon)...].lowercased().hasPrefix("http") {
            words.append(String(address[...colon]))
            address = String(address[address.index(after: colon)...])
        }
        let scheme = address.prefix(8).lowercased()
        let label = words.joined(separator: " ").lowercased()
        guard scheme.hasPrefix("http://") || scheme.hasPrefix("https://"), address.count > 8,
              label.isEmpty || label.hasSuffix(":") && words.count <= 3 || labels.contains(label) else { return nil }
        return address
    }

    /// Whether a line may be a source line, tested on its bytes before it is decoded: at most four
    /// words (a label of three and the address) and "http" in any case. Most texts' first line is
    /// a paragraph, and fails here at the fifth word.
    static func mayName(_ line: ArraySlice<UInt8>) -> Bool {
        var words = 0, inWord = false
        for byte in line {
            if isSpace(byte) {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words > 4 { return false }
            }
        }
        let http: [UInt8] = Array("http".utf8)
        var i = line.startIndex
        while i + 4 <= line.endIndex {
            if (0..<4).allSatisfy({ line[i + $0] | 0x20 == http[$0] }) { return true }
            i += 1
        }
        return false
    }

    /// White space between words (`UInt8.isASCIISpace`), or a form feed.
    private static func isSpace(_ b: UInt8) -> Bool { b.isASCIISpace || b == 0x0C }
}
