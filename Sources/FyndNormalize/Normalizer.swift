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
/// Reads: input bytes and their format, and the address and date an archive gives with them (or a
/// plain text's opening source line: `SourceLine`).
/// Produces: `Document.text`, `paragraphs`, `title`, `published` (the page's metadata, the
/// archive's date, a dateline, else the date in the address), `author`, `address`, `warnings`,
/// `datelinePlace`. Pure apart from libxml2 and ICU calls.
public struct Normalizer: Sendable {
    public init() {}

    /// Decodes and normalises one input file's bytes; `sha256` is their hash when the caller has it.
    /// The bytes go once read (when the caller holds no other copy).
    public func normalize(bytes: consuming [UInt8], id: String, source: String, format: InputFormat, sha256: String? = nil) throws(DocumentError) -> Document {
        let declared = format == .html ? Decoding.declaredCharset(bytes) : nil
        let sha256 = sha256 ?? SHA256.hex(bytes)
        let (utf8, warnings) = try Decoding.decodeUTF8(consume bytes, declared: declared)
        var doc = try normalize(validUTF8: consume utf8, id: id, source: source, format: format, sha256: sha256)
        doc.warnings = warnings + doc.warnings
        return doc
    }

    /// Normalises text that is already Unicode (e.g. the `text` or `html` field of a JSONL line).
    public func normalize(text: String, id: String, source: String, format: InputFormat, sha256: String) throws(DocumentError) -> Document {
        try normalize(validUTF8: Array(text.utf8), id: id, source: source, format: format, sha256: sha256)
    }

    /// As `normalize(text:…)`, from bytes known to be valid UTF-8 (a decoded JSON string);
    /// `address` and `published` are the document's address and publication date (`YYYY-MM-DD`)
    /// as the input gives them (a JSONL line's `url` and `published` or `date`); a plain text's
    /// opening source line gives the address where the input gives none, and is no text. The text goes
    /// once read, before the document is composed (when the caller holds no other copy).
    public func normalize(validUTF8 text: consuming [UInt8], id: String, source: String, format: InputFormat, sha256: String,
                          address: String? = nil, published: String? = nil) throws(DocumentError) -> Document {
        var title: String?, author: String?, address = address
        var warnings: [String] = []
        var collector: ParagraphCollector
        switch format {
        case .text:
            var text = consume text
            if let line = SourceLine.find(in: text) {
                address = address ?? line.address
                text.removeSubrange(..<line.end)
            }
            collector = ParagraphCollector(published: published)
            collector.add(wholeText: consume text)
        case .html:
            // Characters are unified in the text libxml2 extracts (entities such as &nbsp; are
            // characters only there), not in the much longer markup.
            let page = try HTMLText.extract(utf8: text)
            collector = ParagraphCollector(published: page.published ?? published)
            for var block in page.blocks { block.withUTF8 { collector.add(rawText: $0) } }
            if !collector.sawBlock {
                // libxml2 stops at 256 levels of nesting; the text below is then lost to the tree.
                var stripped = TagStripper.text(of: text.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) })
                stripped.withUTF8 { collector.add(rawText: $0) }
                if collector.sawBlock { warnings.append("the HTML tree was cut off (nesting too deep?); text taken with tags stripped") }
            }
            title = page.title.map(TextCleanup.unifyCharacters)
            author = page.author
            address = address ?? page.address
            _ = consume text
        }
        let (normalised, ranges, byline) = collector.finish()
        if ranges.isEmpty { throw DocumentError(code: "empty", message: "no text left after removing markup and boilerplate") }
        author = author ?? byline
        // A first line of at most 200 characters that does not end in a full stop is the title
        // (bytes checked first: most first lines of an archive are long or end in one).
        if title == nil, let first = ranges.first, normalised[first.upperBound - 1] != UInt8(ascii: ".") {
            let line = String(decoding: normalised[first], as: UTF8.self)
            if first.count <= 200 || line.count <= 200 { title = line }
        }
        var document = Document(id: id, source: source, sha256: sha256, utf8: normalised, paragraphs: ranges,
                                title: title.map(TextCleanup.nfc), published: Self.published(collector.published, address: address),
                                author: author, address: address, warnings: warnings)
        document.datelinePlace = collector.datelinePlace.map(TextCleanup.nfc)
        return document
    }

    /// The date the text or the page's metadata states, a date without a year completed by the
    /// address: its full date when the day agrees ("Publicerad 12 mars" on "/2019/03/12/"), else its
    /// year ("/2019/"). A date found only in the address is none: OUTPUT.md counts what the text or
    /// the metadata states.
    static func published(_ stated: String?, address: String?) -> String? {
        guard let stated, stated.hasPrefix("--"), let address else { return stated }
        if let full = SwedishDate.inAddress(address), full.hasSuffix(stated.dropFirst(1)) { return full }
        guard let year = SwedishDate.yearInAddress(address) else { return stated }
        return "\(year)\(stated.dropFirst(1))"
    }
}
