import FyndCore

/// What kind of markup an input is.
public enum InputFormat: Sendable, Equatable {
    case text, html

    /// From the file extension, or by sniffing the first bytes when the extension says nothing.
    public static func of(path: String, bytes: [UInt8]) -> InputFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
        if lower.hasSuffix(".txt") || lower.hasSuffix(".md") { return .text }
        return looksLikeHTML(bytes) ? .html : .text
    }

    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased().drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<head") || head.hasPrefix("<body")
    }
}

/// The Normalize stage: bytes (or a string) in, a `Document` with clean paragraphs out.
///
/// Reads: input bytes and their format. Produces: `Document.text`, `paragraphs`, `title`,
/// `published`, `author`, `warnings`. Pure apart from libxml2 and ICU calls.
public struct Normalizer: Sendable {
    public init() {}

    /// Decodes and normalises one input file's bytes; `sha256` is their hash when the caller has it.
    public func normalize(bytes: [UInt8], id: String, source: String, format: InputFormat, sha256: String? = nil) throws(DocumentError) -> Document {
        let declared = format == .html ? Decoding.declaredCharset(bytes) : nil
        let decoded = try Decoding.decode(bytes, declared: declared)
        var doc = try normalize(text: decoded.text, id: id, source: source, format: format, sha256: sha256 ?? SHA256.hex(bytes))
        doc.warnings = decoded.warnings + doc.warnings
        return doc
    }

    /// Normalises text that is already Unicode (e.g. the `text` or `html` field of a JSONL line).
    public func normalize(text: String, id: String, source: String, format: InputFormat, sha256: String) throws(DocumentError) -> Document {
        var raw: [String]
        var title: String?, published: String?, author: String?
        var warnings: [String] = []
        switch format {
        case .text:
            raw = TextCleanup.lines(TextCleanup.unifyCharacters(text))
        case .html:
            // Characters are unified in the text libxml2 extracts (entities such as &nbsp; are
            // characters only there), not in the much longer markup.
            let page = try HTMLText.extract(utf8: text)
            raw = page.blocks.flatMap { TextCleanup.lines(TextCleanup.unifyCharacters($0)) }
            if raw.isEmpty {
                // libxml2 stops at 256 levels of nesting; the text below is then lost to the tree.
                raw = TextCleanup.lines(TextCleanup.unifyCharacters(TagStripper.text(of: text)))
                if !raw.isEmpty { warnings.append("the HTML tree was cut off (nesting too deep?); text taken with tags stripped") }
            }
            title = page.title.map(TextCleanup.unifyCharacters)
            published = page.published
            author = page.author
        }
        var paragraphs: [String] = []
        for line in raw {
            let tidy = TextCleanup.tidyLine(line)
            if tidy.isEmpty || TextCleanup.isBoilerplate(tidy) { continue }
            if let date = TextCleanup.dateline(tidy) {
                published = published ?? date
                continue
            }
            paragraphs.append(tidy)
        }
        paragraphs = TextCleanup.dropRepeats(paragraphs)
        if let last = paragraphs.last, paragraphs.count > 1, let name = TextCleanup.byline(last) {
            author = author ?? name
            paragraphs.removeLast()
        }
        if paragraphs.isEmpty { throw DocumentError(code: "empty", message: "no text left after removing markup and boilerplate") }
        if title == nil, let first = paragraphs.first, first.count <= 200, !first.hasSuffix(".") { title = first }

        var text = ""
        var ranges: [Range<Int>] = []
        for p in paragraphs.map(TextCleanup.nfc) {
            if !text.isEmpty { text += "\n\n" }
            let start = text.utf8.count
            text += p
            ranges.append(start..<text.utf8.count)
        }
        return Document(id: id, source: source, sha256: sha256, text: text, paragraphs: ranges,
                        title: title.map(TextCleanup.nfc), published: published, author: author, warnings: warnings)
    }
}
