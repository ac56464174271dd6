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
/// score at least a fifth of it, boxes of prose beside it (`proseBeside`), and the rows of a
/// page builder's layout when it holds little of the page's prose (`rowsBeside`). A region that
/// holds little of the page's prose gives way to the smallest container of most of it. Pages
/// without such paragraphs fall back to `<article>`, `<main>` or the body.
enum ContentRegion {
    /// The region's parts, and the smallest container of most of the page's prose
    /// (`holderOfMost`), where a reader finds the text when the region yields almost none.
    static func choose(_ root: xmlNodePtr, _ stats: PageStats) -> (parts: [Part], mostProse: xmlNodePtr?) {
        var scores: [xmlNodePtr: Double] = [:]
        var prose: [xmlNodePtr: Int] = [:]  // characters of the paragraphs that score, per ancestor
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
                if let parent = node.pointee.parent { credit(stats.of(node), of: node, to: parent, stats, &scores, &prose) }
            } else if ["div", "section", "article", "main", "body"].contains(name) {
                // Text that stands loose in a container between its blocks, lines kept apart by
                // <br> only: old CMS templates put the whole article there.
                for run in looseText(node, stats) { credit(run, of: node, to: node, stats, &scores, &prose) }
            }
        }
        let ranked = scores.map { ($0.key, $0.value * (1 - stats.of($0.key).linkDensity)) }
        guard let top = ranked.max(by: { $0.1 < $1.1 }), top.1 > 0 else { return ([Part(node: fallback ?? body ?? root, leadOnly: false)], nil) }
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
        if region.isEmpty { region = [best.0] }
        var beside = proseBeside(region, best: best.0, stats).filter { !lead.contains($0) }
        region += beside
        // A region that holds little of the page's prose was won by names or by many short
        // paragraphs (a dialog, a caption box): the smallest container of most prose is the article.
        let pageProse = prose[body ?? root] ?? 0
        let regionProse = region.reduce(0, { $0 + (prose[$1] ?? 0) })
        let mostProse = holderOfMost(prose, from: body ?? root)
        if regionProse < 300, regionProse * 3 < pageProse, let holder = mostProse {
            region = [holder]
            lead = []
            beside = []
        }
        if regionProse * 5 < pageProse {
            let rows = rowsBeside(region + lead, best: best.0, stats)
            region += rows
            beside += rows
        }
        let besideBody = Set(lead + beside)
        return (inDocumentOrder(lead + region, root).map { Part(node: $0, leadOnly: besideBody.contains($0) || Node.name($0) == "header") }, mostProse)
    }

    /// A part of the region; of a lead's box only the long blocks are article text (labels,
    /// headlines, bylines and dates there are short).
    struct Part {
        var node: xmlNodePtr
        var leadOnly: Bool
    }

    /// Parts of the article outside the container of its body: a lead or standfirst in a box of
    /// its own, a body continued in a second box after an ad slot (readability's merging of
    /// siblings, carried up the ancestors). On every level from the body's container up to the
    /// page's top-level boxes, and no higher than the siblings of an `<article>` around it that
    /// holds the headline (one without holds only the body, its headline and lead stand outside),
    /// siblings that hold prose are added: one paragraph of prose before the body (a lead), two
    /// after it (one is an author's note or a disclaimer).
    static func proseBeside(_ region: [xmlNodePtr], best: xmlNodePtr, _ stats: PageStats) -> [xmlNodePtr] {
        let regionCharacters = region.reduce(0) { $0 + stats.of($1).characters }
        var added: [xmlNodePtr] = []
        var inner: xmlNodePtr? = best
        while let node = inner, let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE,
              !["body", "html"].contains(Node.name(parent)) {
            var before = true
            for sibling in Node.children(parent) {
                if sibling == node { before = false; continue }
                if !region.contains(sibling), proseParagraphs(sibling, within: regionCharacters, stats) >= (before ? 1 : 2) { added.append(sibling) }
            }
            if Node.name(node) == "article", holdsHeadline(node) { break }
            inner = parent
        }
        return added
    }

    /// Whether an element holds an `<h1>`.
    static func holdsHeadline(_ node: xmlNodePtr) -> Bool { Node.descendants(node).contains { Node.name($0) == "h1" } }

    /// The rows of a page builder's layout that continue the article: when the region holds
    /// under a fifth of the page's prose, the boxes beside it on every level up to the body's,
    /// with two paragraphs of prose each (not furniture, comments or teasers), join it whatever
    /// their length (`proseBeside` takes only boxes shorter than the region).
    static func rowsBeside(_ region: [xmlNodePtr], best: xmlNodePtr, _ stats: PageStats) -> [xmlNodePtr] {
        var added: [xmlNodePtr] = []
        var row = best
        while let parent = row.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE, Node.name(parent) != "html" {
            added += Node.children(parent).filter { $0 != row && !region.contains($0) && !added.contains($0) && proseParagraphs($0, within: .max, stats) >= 2 }
            row = parent
        }
        return added
    }

    /// How many paragraphs of prose (80 characters or more, few links, not in a caption or a
    /// share box) an element holds, counted up to two; none when the element as a whole is
    /// mostly links, furniture, comments or teasers, or not shorter than the region.
    static func proseParagraphs(_ node: xmlNodePtr, within limit: Int, _ stats: PageStats) -> Int {
        let text = stats.of(node)
        guard text.characters >= 80, text.characters < limit, text.linkDensity < 0.25, !stats.isInCommentsOrTeasers(node),
              Node.name(node) == "header" || !Boilerplate.skipsElement(Node.name(node)), !stats.isUnseen(node), !namesFurniture(node),
              !Boilerplate.hasBoilerplateHint(node, stats) else { return 0 }
        return paragraphsOfProse(in: node, stats)
    }

    /// How many paragraphs of prose (paragraphs, headings or divisions used as paragraphs, of 80
    /// characters or more, few links, not in a box named as furniture) stand in an element,
    /// counted up to two.
    static func paragraphsOfProse(in node: xmlNodePtr, _ stats: PageStats) -> Int {
        var count = 0
        for p in Node.descendants(node) {
            let name = Node.name(p)
            guard name == "p" || BlockWalker.headings.contains(name)
                || (name == "div" || name == "section") && !Node.children(p).contains(where: { BlockWalker.blockElements.contains(Node.name($0)) }) else { continue }
            let t = stats.of(p)
            guard t.characters >= 80, t.linkDensity < 0.25 else { continue }
            var current: xmlNodePtr? = p
            var furniture = false
            while let c = current, c != node {
                if namesFurniture(c) || Boilerplate.hasBoilerplateHint(c, stats) { furniture = true; break }
                current = c.pointee.parent
            }
            if !furniture { count += 1 }
            if count == 2 { break }
        }
        return count
    }

    /// The deepest element below `root` that holds two thirds or more of its prose (paragraphs
    /// that score), not entering a form or other element the walker skips.
    static func holderOfMost(_ prose: [xmlNodePtr: Int], from root: xmlNodePtr) -> xmlNodePtr? {
        let total = prose[root] ?? 0
        var node = root
        while let child = Node.children(node).first(where: { (prose[$0] ?? 0) * 3 >= total * 2 }), !Boilerplate.skipsElement(Node.name(child)) { node = child }
        return node == root ? nil : node
    }

    /// The nodes sorted as they stand in the page.
    static func inDocumentOrder(_ nodes: [xmlNodePtr], _ root: xmlNodePtr) -> [xmlNodePtr] {
        guard nodes.count > 1 else { return nodes }
        let wanted = Set(nodes)
        return Node.descendants(root).filter { wanted.contains($0) }
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
    private static func credit(_ text: TextStats, of node: xmlNodePtr, to parent: xmlNodePtr, _ stats: PageStats, _ scores: inout [xmlNodePtr: Double],
                               _ prose: inout [xmlNodePtr: Int]) {
        guard parent.pointee.type == XML_ELEMENT_NODE, text.characters >= 25, text.linkDensity < 0.5, !stats.isInCommentsOrTeasers(node), !stats.isUnseen(node) else { return }
        var holder: xmlNodePtr? = parent
        while let h = holder, h.pointee.type == XML_ELEMENT_NODE {
            prose[h, default: 0] += text.characters
            holder = h.pointee.parent
        }
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
    static func marksCommentsOrTeasers(_ n: xmlNodePtr, names: [UInt8]) -> Bool {
        if ByteSearch.containsAny(names, commentMarks) { return true }
        var children = Node.children(n)
        guard let heading = children.next(), Node.isHeading(heading) else { return false }
        return ByteSearch.containsAny(classAndID(heading), relatedMarks)
    }

    static let commentMarks = ["comment", "disqus", "respond", "kommentar", "reply", "forum-post", "user-content",
                               "related", "relaterat", "recommend", "more-stories", "lasmer", "las-mer", "read-more"].map { Array($0.utf8) }
    static let relatedMarks = ["related", "relaterat", "recommend", "more", "also", "lasmer", "las-mer"].map { Array($0.utf8) }

    static func namesFurniture(_ node: xmlNodePtr) -> Bool { ByteSearch.containsAny(classAndID(node), negative) }

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
    /// the attribute nodes in place (no copy by libxml2). Classes that name the topic of a post
    /// or a state rather than the element's role are left out: blog engines class a post by its
    /// categories and tags ("category-comments", "tag-sidebar"), and layouts say what a box has
    /// or lacks or which feature is switched on ("has-sidebar", "no-overlay", "modal-enabled", "paywall-on"),
    /// which would mark the article as furniture. Without the id when `id` is false.
    static func classAndID(_ node: xmlNodePtr, id: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        var attribute = node.pointee.properties
        while let a = attribute {
            attribute = a.pointee.next
            guard let name = a.pointee.name, name[0] == UInt8(ascii: "c") && strcmp(name, "class") == 0 || id && name[0] == UInt8(ascii: "i") && name[1] == UInt8(ascii: "d") && name[2] == 0 else { continue }
            let start = out.count
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
            if name[0] == UInt8(ascii: "c") { dropTopicClasses(&out, from: start) }
            out.append(0x20)
        }
        return out
    }

    /// Removes the class names from `start` on that begin with a topic or state prefix or end
    /// with a state suffix.
    private static func dropTopicClasses(_ out: inout [UInt8], from start: Int) {
        let names = Array(out[start...])
        guard ByteSearch.containsAny(names, topicPrefixes) || ByteSearch.containsAny(names, stateSuffixes) else { return }
        let kept = out[start...].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A })
            .filter { token in !topicPrefixes.contains { token.starts(with: $0) } && !stateSuffixes.contains { token.reversed().starts(with: $0.reversed()) } }
        out.removeSubrange(start...)
        for token in kept { out += token; out.append(0x20) }
    }

    static let topicPrefixes = ["category-", "tag-", "has-", "no-", "with-"].map { Array($0.utf8) }
    static let stateSuffixes = ["-enabled", "-disabled", "-on", "-off"].map { Array($0.utf8) }

    static let positive = ["article", "content", "entry", "story", "post-body", "postbody", "text", "body", "main", "blog", "artikel", "brodtext",
                           "ingress"].map { Array($0.utf8) }
    static let negative = ["comment", "sidebar", "footer", "related", "share", "social", "promo", "sponsor", "advert", "banner", "widget",
                           "newsletter", "cookie", "popup", "masthead", "menu", "nav", "breadcrumb", "relaterat", "annons", "kommentar",
                           "modal", "lightbox", "flyout", "dialog", "popmake", "overlay"].map { Array($0.utf8) }
}
