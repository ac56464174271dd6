/// A document after normalisation: its clean text and what the page said about itself.
///
/// `utf8` is the normalised text (NFC, paragraphs separated by one blank line) as UTF-8
/// bytes; every offset that later stages report points into it. It is kept as bytes because
/// every stage reads bytes: a `String` would check the document's UTF-8 once more.
public struct Document: Sendable, Equatable {
    /// The file name without extension, or the `id` of a JSONL line.
    public var id: String
    /// Where the document came from: a path, or `path:line` for a JSONL line.
    public var source: String
    /// SHA-256 (hex) of the input bytes, before any decoding.
    public var sha256: String
    /// The normalised text, as valid UTF-8.
    public var utf8: [UInt8]
    /// Byte ranges of the paragraphs in `utf8`, in order.
    public var paragraphs: [Range<Int>]
    /// The title, from HTML metadata or the first heading line.
    public var title: String?
    /// The publication date (`YYYY-MM-DD`) from metadata or a dateline.
    public var published: String?
    /// The byline, when the page states one.
    public var author: String?
    /// The document's address: a JSONL line's `url`, an HTML page's canonical link or `og:url`, or a
    /// plain text's opening source line ("Källa: https://…").
    public var address: String?
    /// Keys of a JSONL input line other than id, text and html, as raw JSON values.
    public var metadata: [(key: String, json: String)]
    /// What went wrong but did not stop the document (e.g. an encoding fallback).
    public var warnings: [String]
    /// The place or section its dateline names beside the date, dropped from the text with the
    /// dateline: "Ystad" of "Ystad • Publicerad 2 mars 2023".
    public var datelinePlace: String?

    /// The normalised text.
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    public init(
        id: String, source: String, sha256: String, text: String, paragraphs: [Range<Int>],
        title: String? = nil, published: String? = nil, author: String? = nil, address: String? = nil,
        metadata: [(key: String, json: String)] = [], warnings: [String] = []
    ) {
        self.init(id: id, source: source, sha256: sha256, utf8: Array(text.utf8), paragraphs: paragraphs, title: title,
                  published: published, author: author, address: address, metadata: metadata, warnings: warnings)
    }

    /// A document whose text is `utf8`, which must be valid UTF-8.
    public init(
        id: String, source: String, sha256: String, utf8: [UInt8], paragraphs: [Range<Int>],
        title: String? = nil, published: String? = nil, author: String? = nil, address: String? = nil,
        metadata: [(key: String, json: String)] = [], warnings: [String] = []
    ) {
        self.id = id
        self.source = source
        self.sha256 = sha256
        self.utf8 = utf8
        self.paragraphs = paragraphs
        self.title = title
        self.published = published
        self.author = author
        self.address = address
        self.metadata = metadata
        self.warnings = warnings
    }

    public static func == (a: Document, b: Document) -> Bool {
        a.id == b.id && a.source == b.source && a.sha256 == b.sha256 && a.utf8 == b.utf8
            && a.paragraphs == b.paragraphs && a.title == b.title && a.published == b.published
            && a.author == b.author && a.address == b.address && a.warnings == b.warnings && a.datelinePlace == b.datelinePlace
            && a.metadata.map(\.key) == b.metadata.map(\.key) && a.metadata.map(\.json) == b.metadata.map(\.json)
    }

    /// Whether one of the first paragraphs is `line` (a headline that is part of the text).
    public func startsWith(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { line in
            utf8.withUnsafeBufferPointer { text in
                paragraphs.prefix(3).contains { $0.count == line.count && UnsafeBufferPointer(rebasing: text[$0]).elementsEqual(line) }
            }
        }
    }
}
