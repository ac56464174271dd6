import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// What a reader sees of an element's text, measured without building it: bytes and characters
/// (white space not counted) of its text nodes, commas, and the bytes that stand inside links. Scripts, styles, hidden
/// elements and hover cards are not counted, because a reader never sees them as prose.
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

    static func of(_ root: xmlNodePtr) -> TextStats {
        var stats = TextStats()
        var stack: [(xmlNodePtr, Bool)] = [(root, false)]
        while let (node, inLink) = stack.popLast() {
            if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content {
                var p = content
                var n = 0
                while p.pointee != 0 {
                    let b = p.pointee
                    if b & 0xC0 != 0x80, b > 0x20 { stats.characters += 1 }
                    if b == 0x2C { stats.commas += 1 }
                    n += 1
                    p += 1
                }
                stats.bytes += n
                if inLink { stats.linkedBytes += n }
                continue
            }
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = Node.name(node)
            if invisible.contains(name) || Boilerplate.isHidden(node) || (node != root && HoverCard.isCard(node, name)) { continue }
            let link = inLink || name == "a"
            var child = node.pointee.children
            while let c = child { stack.append((c, link)); child = c.pointee.next }
        }
        return stats
    }

    static let invisible: Set<String> = ["script", "style", "noscript", "template"]
}

/// A hover card: an inline element inside running text that holds a small block of its own
/// links, shown only when the pointer rests on a name ("rollover" profiles with the person's
/// other articles). CSS hides it, which the parser cannot see; its links would otherwise land
/// in the middle of a sentence. Recognised as a `span` with three or more links whose text is
/// nearly all linked.
enum HoverCard {
    static func isCard(_ node: xmlNodePtr, _ name: String) -> Bool {
        guard name == "span" else { return false }
        var links = 0, total = 0, linked = 0
        var stack: [(xmlNodePtr, Bool)] = [(node, false)]
        while let (n, inLink) = stack.popLast() {
            if n.pointee.type == XML_TEXT_NODE, let content = n.pointee.content {
                let length = strlen(content)
                total += length
                if inLink { linked += length }
                continue
            }
            guard n.pointee.type == XML_ELEMENT_NODE else { continue }
            let isLink = Node.name(n) == "a"
            if isLink { links += 1 }
            var child = n.pointee.children
            while let c = child { stack.append((c, inLink || isLink)); child = c.pointee.next }
        }
        return links >= 3 && linked * 10 >= total * 9
    }
}
