import CLibXML2
import FyndCore
#if canImport(Glibc)
import Glibc
#endif

/// Picks the part of a page that holds the article, by scoring the containers of its
/// paragraphs (`<p>`, and `<div>`s with no block inside, which some sites use as paragraphs):
/// every paragraph of 25 characters or more gives its parent a score (1, plus its
/// commas, plus one per 100 characters up to 3) and its grandparent half of it. A class or id
/// that names content ("article", "content", "entry", "story") raises a container's score, one
/// that names furniture ("comment", "sidebar", "related") lowers it, and links count against
/// it (score × (1 − link density)). The best container is the region, with the siblings that
/// score at least a fifth of it. Pages without such paragraphs fall back to `<article>`,
/// `<main>` or the body.
enum ContentRegion {
    static func choose(_ root: xmlNodePtr, _ stats: PageStats) -> [xmlNodePtr] {
        var scores: [xmlNodePtr: Double] = [:]
        var body: xmlNodePtr?
        var fallback: xmlNodePtr?
        for node in Node.descendants(root) {
            let name = Node.name(node)
            if name == "body" { body = body ?? node }
            if name == "article" || name == "main" { fallback = fallback ?? node }
            // Paragraphs, and divisions that are used as paragraphs (no block inside them).
            let isParagraph = ["p", "pre", "blockquote", "td"].contains(name)
                || (name == "div" || name == "section") && !Node.children(node).contains { BlockWalker.blockElements.contains(Node.name($0)) }
            if isParagraph {
                if let parent = node.pointee.parent { credit(stats.of(node), of: node, to: parent, stats, &scores) }
            } else if ["div", "section", "article", "main", "body"].contains(name) {
                // Text that stands loose in a container between its blocks, lines kept apart by
                // <br> only: old CMS templates put the whole article there.
                for run in looseText(node, stats) { credit(run, of: node, to: node, stats, &scores) }
            }
        }
        let ranked = scores.map { ($0.key, $0.value * (1 - stats.of($0.key).linkDensity)) }
        guard let top = ranked.max(by: { $0.1 < $1.1 }), top.1 > 0 else { return [fallback ?? body ?? root] }
        let best = (commonContainer(of: top, among: ranked), top.1)
        // Inside an <article>, its <header> holds the headline and the lead, outside the
        // container of the body paragraphs: it comes first.
        var lead: [xmlNodePtr] = []
        if let article = enclosingArticle(best.0) {
            lead = Node.descendants(article).filter { Node.name($0) == "header" && !isAncestor($0, of: best.0) }.prefix(1).map { $0 }
        }
        // Siblings that score well enough belong to the article too (a split body, a lead).
        var region: [xmlNodePtr] = []
        if let parent = best.0.pointee.parent {
            let threshold = max(10, best.1 * 0.2)
            let byNode = Dictionary(uniqueKeysWithValues: ranked)
            var child = parent.pointee.children
            while let c = child {
                if c == best.0 || (byNode[c] ?? 0) >= threshold { region.append(c) }
                child = c.pointee.next
            }
        }
        return lead + (region.isEmpty ? [best.0] : region)
    }

    /// A body cut into one box per paragraph ("card" layouts) makes every box a near-tie for the
    /// best container: when three of the five best score within a quarter of the top one, their
    /// nearest common ancestor holds the article.
    static func commonContainer(of top: (xmlNodePtr, Double), among ranked: [(xmlNodePtr, Double)]) -> xmlNodePtr {
        // Boxes side by side, not a container and the box inside it.
        let close = ranked.sorted { $0.1 > $1.1 }.prefix(5).filter { $0.1 >= top.1 * 0.75 }.map(\.0)
            .filter { $0 == top.0 || !isAncestor($0, of: top.0) && !isAncestor(top.0, of: $0) }
        guard close.count >= 3 else { return top.0 }
        var ancestor = top.0.pointee.parent
        while let a = ancestor, a.pointee.type == XML_ELEMENT_NODE, Node.name(a) != "body" {
            if close.filter({ isAncestor(a, of: $0) }).count >= 3 { return a }
            ancestor = a.pointee.parent
        }
        return top.0
    }

    /// Adds a paragraph's score to its container and half of it to the container's parent.
    private static func credit(_ text: TextStats, of node: xmlNodePtr, to parent: xmlNodePtr, _ stats: PageStats, _ scores: inout [xmlNodePtr: Double]) {
        guard parent.pointee.type == XML_ELEMENT_NODE, text.characters >= 25, text.linkDensity < 0.5, !stats.isInCommentsOrTeasers(node) else { return }
        let score = 1 + Double(text.commas) + min(3, Double(text.characters) / 100)
        scores[parent, default: initial(parent)] += score
        if let grand = parent.pointee.parent, grand.pointee.type == XML_ELEMENT_NODE {
            scores[grand, default: initial(grand)] += score / 2
        }
    }

    /// The runs of text and inline elements among a container's children, each ended by a block.
    static func looseText(_ node: xmlNodePtr, _ stats: PageStats) -> [TextStats] {
        var runs: [TextStats] = []
        var run = TextStats()
        var child = node.pointee.children
        while let c = child {
            child = c.pointee.next
            if c.pointee.type == XML_ELEMENT_NODE, BlockWalker.blockElements.contains(Node.name(c)) {
                if run.characters > 0 { runs.append(run) }
                run = TextStats()
            } else if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_ELEMENT_NODE {
                run.add(stats.of(c))
            }
        }
        if run.characters > 0 { runs.append(run) }
        return runs
    }

    static func isAncestor(_ a: xmlNodePtr, of node: xmlNodePtr) -> Bool {
        var current: xmlNodePtr? = node
        while let n = current {
            if n == a { return true }
            current = n.pointee.parent
        }
        return false
    }

    /// The nearest `<article>` around a node, unless it is a list of many articles.
    static func enclosingArticle(_ node: xmlNodePtr) -> xmlNodePtr? {
        var current: xmlNodePtr? = node
        while let n = current, n.pointee.type == XML_ELEMENT_NODE {
            if Node.name(n) == "article" {
                let nested = Node.descendants(n).dropFirst().contains { Node.name($0) == "article" }
                return nested ? nil : n
            }
            current = n.pointee.parent
        }
        return nil
    }

    /// Whether an element lies in readers' comments or in a list of other articles: such
    /// sections often outweigh a short article. A list of other articles is marked on the
    /// container ("related-posts") or on the heading it starts with ("relatedpoststitle").
    static func marksCommentsOrTeasers(_ n: xmlNodePtr) -> Bool {
        if ByteSearch.containsAny(classAndID(n), commentMarks) { return true }
        var children = Node.children(n)
        guard let heading = children.next(), let name = heading.pointee.name, name[0] == UInt8(ascii: "h"), (0x31...0x36).contains(name[1]), name[2] == 0 else { return false }
        return ByteSearch.containsAny(classAndID(heading), relatedMarks)
    }

    static let commentMarks = ["comment", "disqus", "respond", "kommentar", "reply", "forum-post", "user-content",
                               "related", "relaterat", "recommend", "more-stories", "lasmer", "las-mer", "read-more"].map { Array($0.utf8) }
    static let relatedMarks = ["related", "relaterat", "recommend", "more", "also", "lasmer", "las-mer"].map { Array($0.utf8) }

    /// A container's starting score from its name, class and id.
    static func initial(_ node: xmlNodePtr) -> Double {
        var score = 0.0
        switch Node.name(node) {
        case "article", "main": score += 10
        case "div", "section": score += 5
        case "td", "blockquote", "pre": score += 3
        case "form", "ul", "ol", "li", "dl", "dd", "dt", "address", "aside", "nav", "footer", "header": score -= 3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score -= 5
        default: break
        }
        let names = classAndID(node)
        if ByteSearch.containsAny(names, positive) { score += 25 }
        if ByteSearch.containsAny(names, negative) { score -= 25 }
        return score
    }

    /// The element's class and id, lower-cased ASCII bytes, each followed by a space. Read from
    /// the attribute nodes in place (no copy by libxml2).
    static func classAndID(_ node: xmlNodePtr) -> [UInt8] {
        var out: [UInt8] = []
        var attribute = node.pointee.properties
        while let a = attribute {
            attribute = a.pointee.next
            guard let name = a.pointee.name, name[0] == UInt8(ascii: "c") && strcmp(name, "class") == 0 || name[0] == UInt8(ascii: "i") && name[1] == UInt8(ascii: "d") && name[2] == 0 else { continue }
            var child = a.pointee.children
            while let c = child {
                if var p = c.pointee.content {
                    while p.pointee != 0 {
                        let b = p.pointee
                        out.append((0x41...0x5A).contains(b) ? b + 32 : b)
                        p += 1
                    }
                }
                child = c.pointee.next
            }
            out.append(0x20)
        }
        return out
    }

    static let positive = ["article", "content", "entry", "story", "post-body", "postbody", "text", "body", "main", "blog", "artikel", "brodtext",
                           "ingress"].map { Array($0.utf8) }
    static let negative = ["comment", "sidebar", "footer", "related", "share", "social", "promo", "sponsor", "advert", "banner", "widget",
                           "newsletter", "cookie", "popup", "masthead", "menu", "nav", "breadcrumb", "relaterat", "annons", "kommentar"].map { Array($0.utf8) }
}
