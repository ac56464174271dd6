import CLibXML2

/// Walks an element tree and turns its visible text into blocks: one per paragraph, heading,
/// list item or table cell. Skips what is never article text (scripts, navigation, forms,
/// cookie banners, share widgets) and blocks that are mostly links (menus, lists of other
/// articles). Iterative, so deeply nested pages cannot exhaust the stack.
enum BlockWalker {
    static func blocks(of root: xmlNodePtr, _ stats: PageStats) -> [String] {
        // A class or id that names furniture ("sidebar", "share") removes an element, unless the
        // element holds most of the text: layout classes such as "l-sidebar-fixed" wrap articles.
        let regionLength = stats.of(root).bytes
        var blocks: [String] = []
        var current = ""
        var linked = 0  // bytes of `current` that stand inside links
        var linkDepth = 0
        func flush() {
            let text = current.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            // A block that is mostly links is a menu, a tag list or a list of other articles.
            let isLinkList = linked * 10 > current.utf8.count * 6 && text.utf8.count < 300
            if !text.isEmpty, !isLinkList { blocks.append(text) }
            current = ""
            linked = 0
        }
        enum Step { case enter(xmlNodePtr), closeBlock, closeLink }
        var stack: [Step] = [.enter(root)]
        while let step = stack.popLast() {
            let node: xmlNodePtr
            switch step {
            case .closeBlock: flush(); continue
            case .closeLink: linkDepth -= 1; continue
            case .enter(let n): node = n
            }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    let text = String(cString: content)
                    current += text
                    if linkDepth > 0 { linked += text.utf8.count }
                }
                continue
            case XML_ELEMENT_NODE:
                break
            default:
                continue
            }
            let name = Node.name(node)
            // An article's header chosen as part of the region (its headline and lead) is kept.
            if name == "header", node == root { } else if Boilerplate.skipsElement(name) || Boilerplate.isHidden(node) { continue }
            if Boilerplate.hasBoilerplateHint(node), stats.of(node).bytes * 2 < regionLength { continue }
            if stats.isCard(node) { continue }
            let isBlock = blockElements.contains(name)
            if isBlock || name == "br" { flush() }
            if isBlock { stack.append(.closeBlock) }
            if name == "a" {
                linkDepth += 1
                stack.append(.closeLink)
            }
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let c = child { children.append(c); child = c.pointee.next }
            for c in children.reversed() { stack.append(.enter(c)) }
        }
        flush()
        return blocks
    }

    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figcaption", "address", "body",
        "hr", "summary", "details",
    ]
}

/// Decides which elements are page furniture rather than article text.
enum Boilerplate {
    static func skipsElement(_ name: String) -> Bool { skipped.contains(name) }

    private static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
        "select", "option", "textarea", "input", "iframe", "svg", "canvas", "head", "menu", "label", "object", "embed",
    ]

    static func isHidden(_ node: xmlNodePtr) -> Bool {
        if Node.attribute(node, "hidden") != nil { return true }
        if Node.attribute(node, "aria-hidden")?.lowercased() == "true" { return true }
        if let role = Node.attribute(node, "role")?.lowercased(),
           ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"].contains(role) { return true }
        if let style = Node.attribute(node, "style")?.lowercased().replacingSpaces(),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        return false
    }

    /// True when the class or id names page furniture: "cookie-banner", "share", "related-articles", "annons".
    static func hasBoilerplateHint(_ node: xmlNodePtr) -> Bool {
        let names = [Node.attribute(node, "class"), Node.attribute(node, "id")].compactMap { $0 }.joined(separator: " ").lowercased()
        if names.isEmpty { return false }
        let words = names.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.contains { hints.contains(String($0)) }
    }

    private static let hints: Set<String> = [
        "cookie", "cookies", "consent", "gdpr", "share", "sharing", "social", "related", "recommended", "comments",
        "comment", "newsletter", "subscribe", "paywall", "advert", "advertisement", "ad", "ads", "annons", "banner",
        "breadcrumb", "breadcrumbs", "sidebar", "nav", "navbar", "navigation", "menu", "footer", "masthead", "promo",
        "teaser", "teasers", "popup", "modal", "skiplink", "toolbar", "byline", "dela", "lasmer", "relaterat", "tipsa",
    ]
}

extension String {
    func replacingSpaces() -> String { String(filter { $0 != " " }) }
}
