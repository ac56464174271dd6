import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Characters of visible text below an element (scripts and styles not counted), without
/// building the text: the walk only sums the lengths of text nodes.
enum TextLength {
    static func of(_ root: xmlNodePtr) -> Int {
        var total = 0
        var stack = [root]
        while let node = stack.popLast() {
            if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content {
                total += strlen(content)
                continue
            }
            guard node.pointee.type == XML_ELEMENT_NODE, !["script", "style", "noscript", "template"].contains(Node.name(node)) else { continue }
            var child = node.pointee.children
            while let c = child { stack.append(c); child = c.pointee.next }
        }
        return total
    }
}
