import CLibXML2
import FyndCore

/// Title, publication date, author and address as an HTML page states them: `<meta>` (Open
/// Graph, `article:published_time`, `author`, `og:url`), JSON-LD (`datePublished`, `headline`,
/// `author`), `<time datetime>`, then the publishing tools' own `<meta>` names
/// (`cxenseparse:publishtime`, `parsely-pub-date`, Dublin Core's `dcterms.date`) and JSON-LD's
/// `dateCreated`, `<title>`, the first `<h1>` and `<link rel="canonical">`. A stated publication
/// date is read in the forms publishing tools write (`MachineDate`); microdata's `datePublished`
/// counts as the page's own.
struct Metadata {
    var title: String?
    var published: String?
    var author: String?
    var address: String?

    static func collect(_ root: xmlNodePtr) -> Metadata {
        var ogTitle: String?, docTitle: String?, h1: String?
        var metaDate: String?, ldDate: String?, toolDate: String?, timeDate: String?, ldCreated: String?
        var metaAuthor: String?, ldAuthor: String?, ldHeadline: String?
        var canonical: String?, ogURL: String?
        for node in Node.descendants(root) {
            switch Node.name(node) {
            case "meta":
                let key = (Node.attribute(node, "property") ?? Node.attribute(node, "name") ?? Node.attribute(node, "itemprop") ?? "").lowercased()
                guard let content = Node.attribute(node, "content") else { continue }
                switch key {
                case "og:title", "twitter:title": ogTitle = ogTitle ?? clean(content)
                case "article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dcterms.created", "og:published_time":
                    metaDate = metaDate ?? MachineDate.read(content)
                case "og:article:published_time", "publish-date", "dc.date.issued", "dcterms.date", "dcterms.issued", "cxenseparse:publishtime",
                     "cxenseparse:recs:publishtime", "parsely-pub-date":
                    toolDate = toolDate ?? MachineDate.read(content)
                case "author", "article:author", "dc.creator": metaAuthor = metaAuthor ?? clean(content)
                case "og:url": ogURL = ogURL ?? content.trimmingWhitespace()
                default: break
                }
            case "link" where Node.attribute(node, "rel")?.lowercased() == "canonical":
                canonical = canonical ?? Node.attribute(node, "href")?.trimmingWhitespace()
            case "title": docTitle = docTitle ?? clean(Node.text(node))
            case "h1": h1 = h1 ?? clean(Node.text(node))
            case "time":
                if let dt = Node.attribute(node, "datetime") { timeDate = timeDate ?? SwedishDate.isoDate(Substring(dt.trimmingWhitespace())) }
            case "script" where Node.attribute(node, "type")?.lowercased() == "application/ld+json":
                let json = Node.text(node)
                ldDate = ldDate ?? jsonString(json, key: "datePublished").flatMap(MachineDate.read)
                ldCreated = ldCreated ?? jsonString(json, key: "dateCreated").flatMap { SwedishDate.isoDate(Substring($0)) }
                ldHeadline = ldHeadline ?? jsonString(json, key: "headline").map(clean)
                ldAuthor = ldAuthor ?? jsonAuthor(json)
            default:
                // Microdata on any element: `<abbr itemprop="datePublished" title="…">`, `<p … content="…">`.
                if Node.attribute(node, "itemprop")?.lowercased() == "datepublished",
                   let value = Node.attribute(node, "content") ?? Node.attribute(node, "datetime") ?? Node.attribute(node, "title") {
                    metaDate = metaDate ?? MachineDate.read(value)
                }
            }
        }
        let title = [ogTitle, ldHeadline, h1, docTitle].compactMap { $0 }.first { !$0.isEmpty }
        let address = [canonical, ogURL].compactMap { $0 }.first { !$0.isEmpty }
        return Metadata(title: title, published: metaDate ?? ldDate ?? timeDate ?? toolDate ?? ldCreated, author: metaAuthor ?? ldAuthor, address: address)
    }

    private static func clean(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The string value of the first `"key": "…"` in a JSON text (enough for JSON-LD's flat fields).
    static func jsonString(_ json: String, key: String) -> String? {
        jsonString(Array(json.utf8), from: 0, key: key)
    }

    private static func jsonString(_ json: [UInt8], from: Int, key: String) -> String? {
        guard let k = ByteSearch.firstIndex(of: Array("\"\(key)\"".utf8), in: json, from: from) else { return nil }
        var i = k + key.utf8.count + 2
        while i < json.count, json[i].isASCIISpace { i += 1 }
        guard i < json.count, json[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        while i < json.count, json[i].isASCIISpace { i += 1 }
        guard i < json.count, json[i] == UInt8(ascii: "\"") else { return nil }
        var value: [UInt8] = []
        var escaped = false
        for b in json[(i + 1)...] {
            if escaped { value.append(b); escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") {
                return String(decoding: value, as: UTF8.self)
            } else { value.append(b) }
        }
        return nil
    }

    private static func jsonAuthor(_ json: String) -> String? {
        let bytes = Array(json.utf8)
        guard let a = ByteSearch.firstIndex(of: Array("\"author\"".utf8), in: bytes, from: 0) else { return nil }
        return jsonString(bytes, from: a, key: "name").map(clean)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
