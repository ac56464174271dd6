import CLibXML2
import FyndCore
#if canImport(Glibc)
import Glibc
#endif

/// What a reader sees of an element's text, measured without building it: bytes and characters
/// (white space not counted) of its text nodes, commas, and the bytes that stand inside links.
struct TextStats {
    var bytes = 0
    var characters = 0
    var commas = 0
    var linkedBytes = 0

    /// The share of the text that sits inside links.
    var linkDensity: Double { bytes == 0 ? 0 : Double(linkedBytes) / Double(bytes) }

    mutating func add(_ other: TextStats) {
        bytes += other.bytes
        characters += other.characters
        commas += other.commas
        linkedBytes += other.linkedBytes
    }

    mutating func remove(_ other: TextStats) {
        bytes -= other.bytes
        characters -= other.characters
        commas -= other.commas
        linkedBytes -= other.linkedBytes
    }

    /// The figures of one text node.
    init(text content: UnsafePointer<xmlChar>) {
        var p = content
        while p.pointee != 0 {
            let b = p.pointee
            if b & 0xC0 != 0x80, b > 0x20 { characters += 1 }
            if b == 0x2C { commas += 1 }
            bytes += 1
            p += 1
        }
    }

    init() {}
}

/// `TextStats` of every element of a page, measured in one walk, the elements a reader never
/// sees as prose, and which elements stand in readers' comments or lists of other articles.
/// Scripts, styles, hidden elements, landmarks around furniture, dialogs and hover cards are unseen: they
/// count for nothing in their ancestors.
///
/// A hover card is an inline element inside running text that holds a small block of its own
/// links, shown only when the pointer rests on a name ("rollover" profiles with the person's
/// other articles). CSS hides it, which the parser cannot see; its links would otherwise land
/// in the middle of a sentence. Recognised as the innermost `span` with three or more links
/// whose text is nearly all linked (the span around it also holds the name's own link).
///
/// Each element's figures stand in one flat array, found by the index its node keeps in libxml2's
/// `_private` field (one plus the index; no index means no figures): 32 bytes an element, where a
/// dictionary keyed by node took 60 to 120 (a large page holds hundreds of thousands of elements,
/// all in memory beside the tree while the blocks are walked).
struct PageStats {
    private var byNode: [TextStats] = []
    private var unseen: Set<xmlNodePtr> = []
    /// Elements inside readers' comments or a list of other articles (`ContentRegion.marksCommentsOrTeasers`).
    private var inCommentsOrTeasers: Set<xmlNodePtr> = []
    /// How many elements carry each class or id name that holds "teaser".
    private var teaserNames: [ArraySlice<UInt8>: Int] = [:]

    /// Landmarks (`Boilerplate.isLandmark`) and dialogs (`Boilerplate.namesDialog`), outer ones
    /// first, each with whether it is a dialog.
    private var landmarks: [(node: xmlNodePtr, isDialog: Bool)] = []

    /// The visible text of the whole page.
    private(set) var page = TextStats()

    init(_ root: xmlNodePtr) {
        page = visit(root, inCommentsOrTeasers: false, hidden: false).stats
        hideLandmarks()
        page = of(root)
    }

    /// Makes each landmark unseen, with all inside it, as a hidden element is, unless it holds
    /// half of the page's text or more: a `<header role="banner">` left open, which the parser
    /// makes the parent of the rest of the page, is no banner. A dialog is unseen however long
    /// (a sign-up form longer than a short article), unless it holds a headline or an
    /// `<article>`: a story opened over the page.
    private mutating func hideLandmarks() {
        for (landmark, isDialog) in landmarks where !unseen.contains(landmark) {
            let text = of(landmark)
            if isDialog {
                guard !Node.descendants(landmark).contains(where: { ["h1", "article", "main"].contains(Node.name($0)) }) else { continue }
            } else {
                guard text.bytes * 2 < page.bytes else { continue }
            }
            for n in Node.descendants(landmark) {
                unseen.insert(n)
                if let i = Self.index(n) { byNode[i] = TextStats() }
            }
            var ancestor = landmark.pointee.parent
            while let a = ancestor, a.pointee.type == XML_ELEMENT_NODE, !unseen.contains(a) {
                if let i = Self.index(a) { byNode[i].remove(text) }
                ancestor = a.pointee.parent
            }
        }
    }

    func isInCommentsOrTeasers(_ node: xmlNodePtr) -> Bool { inCommentsOrTeasers.contains(node) }

    /// Whether a name among an element's class and id (`ContentRegion.classAndID`) that holds
    /// "teaser" recurs on three elements or more: one of a list of teasers.
    func repeatsTeaser(_ names: [UInt8]) -> Bool {
        names.split(separator: 0x20).contains { (teaserNames[$0] ?? 0) >= 3 }
    }

    /// The visible text of an element or text node.
    func of(_ node: xmlNodePtr) -> TextStats {
        if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content { return TextStats(text: content) }
        return Self.index(node).map { byNode[$0] } ?? TextStats()
    }

    /// The place of an element's figures in `byNode`, kept in its node.
    static func index(_ node: xmlNodePtr) -> Int? {
        node.pointee._private.map { Int(bitPattern: $0) - 1 }
    }

    /// A script, style, hidden element, landmark around furniture or hover card.
    func isUnseen(_ node: xmlNodePtr) -> Bool { unseen.contains(node) }

    private struct Visit {
        var stats = TextStats()
        /// Links in the element, itself included.
        var links = 0
        var holdsCard = false
        /// Counts for nothing in the parent (script, hidden element, hover card).
        var unseen = false
    }

    /// Post-order; libxml2 cuts trees at 256 levels, which bounds the recursion. Everything
    /// inside a hidden element is unseen too: a closed dialog's paragraphs score nothing. Not so
    /// inside `<noscript>`, which is what a reader without scripts sees (some blogs' only copy
    /// of the post).
    private mutating func visit(_ node: xmlNodePtr, inCommentsOrTeasers inside: Bool, hidden: Bool) -> Visit {
        var v = Visit()
        let name = Node.name(node)
        let hiddenHere = Self.invisible.contains(name) || Boilerplate.isHidden(node)
        let hidden = hidden || hiddenHere && name != "noscript"
        if inside { inCommentsOrTeasers.insert(node) }
        let names = ContentRegion.classAndID(node)
        if !hidden, case let isDialog = Boilerplate.namesDialog(names), isDialog || Boilerplate.isLandmark(node) { landmarks.append((node, isDialog)) }
        // The classes of `<html>` and `<body>` name the page's type and features
        // ("read-more-fade"), never a box of comments.
        let childrenInside = inside || !Self.page.contains(name) && ContentRegion.marksCommentsOrTeasers(node, names: names)
        if ByteSearch.contains(names, Self.teaser) {
            for name in names.split(separator: 0x20) where ByteSearch.contains(Array(name), Self.teaser) { teaserNames[name, default: 0] += 1 }
        }
        var child = node.pointee.children
        while let c = child {
            child = c.pointee.next
            if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content {
                v.stats.add(TextStats(text: content))
            } else if c.pointee.type == XML_ELEMENT_NODE {
                let inner = visit(c, inCommentsOrTeasers: childrenInside, hidden: hidden)
                v.links += inner.links
                v.holdsCard = v.holdsCard || inner.holdsCard
                if !inner.unseen { v.stats.add(inner.stats) }
            }
        }
        if name == "a" {
            v.stats.linkedBytes = v.stats.bytes
            v.links += 1
        }
        if name == "span", !v.holdsCard, v.links >= 3, v.stats.linkedBytes * 10 >= v.stats.bytes * 9 {
            v.holdsCard = true
            v.unseen = true
        }
        if hidden || hiddenHere { v.unseen = true }
        if v.unseen { unseen.insert(node) }
        byNode.append(v.unseen ? TextStats() : v.stats)
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: byNode.count)
        return v
    }

    static let invisible: Set<String> = ["script", "style", "noscript", "template"]
    private static let teaser = Array("teaser".utf8)
    private static let page: Set<String> = ["html", "body"]
}
