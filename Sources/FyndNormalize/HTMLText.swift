import CLibXML2
import FyndCore

/// The visible article text of an HTML page, by libxml2's HTML parser (recover mode, no network),
/// with the page's own statements about title, date and author.
public struct HTMLText: Sendable {
    /// Text blocks (paragraphs, headings, list items) in document order.
    public var blocks: [String]
    public var title: String?
    public var published: String?
    public var author: String?
    /// The page's own address (canonical link or `og:url`).
    public var address: String?

    /// Parses UTF-8 HTML. Throws `html_parse` when libxml2 yields no tree.
    public static func extract(utf8 html: String) throws(DocumentError) -> HTMLText {
        try extract(utf8: Array(html.utf8))
    }

    /// As `extract(utf8:)`, from the page's UTF-8 bytes. They are parsed as they are, with no
    /// encoding named and the page's own hint ignored: libxml2 reads UTF-8 unless told
    /// otherwise, and a named encoding, even UTF-8, would copy the page through a converter
    /// (twice its size, beside libxml2's own copy).
    public static func extract(utf8 bytes: [UInt8]) throws(DocumentError) -> HTMLText {
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(buf.count), nil, nil, options)
            }
        }
        guard let doc else { throw DocumentError(code: "html_parse", message: "libxml2 could not parse the page as HTML") }
        defer { xmlFreeDoc(doc) }
        guard let root = singleRoot(doc) else {
            throw DocumentError(code: "html_parse", message: "the page has no HTML elements")
        }
        var page = HTMLText(blocks: [], title: nil, published: nil, author: nil)
        let meta = Metadata.collect(root)
        let stats = PageStats(root)
        let region = ContentRegion.choose(root, stats)
        page.blocks = blocks(of: region.parts, stats)
        // trafilatura's second look: a region that yields almost no text (a box of rating
        // buttons won by its name) gives way to the container of most of the page's prose,
        // when that yields three times as much.
        let length = page.blocks.reduce(0) { $0 + $1.count }
        if length < 200, let holder = region.mostProse {
            let more = blocks(of: [ContentRegion.Part(node: holder, leadOnly: false)], stats)
            if more.reduce(0, { $0 + $1.count }) >= 3 * length { page.blocks = more }
        }
        page.title = meta.title
        page.published = meta.published
        page.author = meta.author
        page.address = meta.address
        return page
    }
}

extension HTMLText {
    /// The text blocks of the region's parts, without furniture lines and closing labels; of a
    /// lead's box only the long blocks.
    static func blocks(of parts: [ContentRegion.Part], _ stats: PageStats) -> [String] {
        BlockWalker.withoutClosingLabels(parts.flatMap { part in
            part.leadOnly ? BlockWalker.blocks(of: part.node, stats).filter { $0.count >= 80 } : BlockWalker.blocks(of: part.node, stats)
        }.filter { !BlockWalker.isFurnitureLine($0) })
    }

    /// The page's root element. Markup before `<html>` (a stray `<style>` or `<br>`) or a page
    /// without `<html>` leaves libxml2, which implies no elements here, several top-level
    /// elements, the body among them: they are gathered under one new `<html>`.
    static func singleRoot(_ doc: htmlDocPtr) -> xmlNodePtr? {
        guard let first = xmlDocGetRootElement(doc) else { return nil }
        var others = Node.ElementSiblings(first: first.pointee.next)
        guard others.next() != nil, let html = xmlNewDocNode(doc, nil, "html", nil) else { return first }
        var child = doc.pointee.children
        while let c = child {
            child = c.pointee.next
            guard c.pointee.type == XML_ELEMENT_NODE || c.pointee.type == XML_TEXT_NODE else { continue }
            xmlUnlinkNode(c)
            xmlAddChild(html, c)
        }
        xmlDocSetRootElement(doc, html)
        return html
    }
}

/// Reads an element's name, attribute and text with libxml2, freeing what it allocates.
enum Node {
    /// The element's name. libxml2's HTML parser already lower-cases element names.
    static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n)
    }

    /// Whether the element is a heading, `<h1>` to `<h6>` (read from the name's bytes).
    static func isHeading(_ node: xmlNodePtr) -> Bool {
        guard let name = node.pointee.name else { return false }
        return name[0] == UInt8(ascii: "h") && (0x31...0x36).contains(name[1]) && name[2] == 0
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { fynd_xml_free(value) }
        return String(cString: value)
    }

    static func text(_ node: xmlNodePtr) -> String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { fynd_xml_free(value) }
        return String(cString: value)
    }

    /// Element children of `node`, in order, read from the tree's own links.
    static func children(_ node: xmlNodePtr) -> ElementSiblings {
        ElementSiblings(first: node.pointee.children)
    }

    /// Every element below `root` (root included), in document order, read from the tree's own
    /// links: no recursion, no allocation.
    static func descendants(_ root: xmlNodePtr) -> Descendants { Descendants(root: root) }

    struct ElementSiblings: Sequence, IteratorProtocol {
        var first: xmlNodePtr?
        mutating func next() -> xmlNodePtr? {
            while let n = first {
                first = n.pointee.next
                if n.pointee.type == XML_ELEMENT_NODE { return n }
            }
            return nil
        }
    }

    struct Descendants: Sequence, IteratorProtocol {
        let root: xmlNodePtr
        private var upcoming: xmlNodePtr?

        init(root: xmlNodePtr) {
            self.root = root
            upcoming = root
        }

        mutating func next() -> xmlNodePtr? {
            guard let current = upcoming else { return nil }
            upcoming = Self.following(current, within: root)
            return current
        }

        /// The element after `node` in document order, below `root`.
        private static func following(_ node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
            var children = Node.children(node)
            if let child = children.next() { return child }
            var current = node
            while current != root {
                var siblings = ElementSiblings(first: current.pointee.next)
                if let sibling = siblings.next() { return sibling }
                guard let parent = current.pointee.parent else { return nil }
                current = parent
            }
            return nil
        }
    }
}
