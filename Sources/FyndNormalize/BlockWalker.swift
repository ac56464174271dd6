import CLibXML2
import FyndCore

/// Walks an element tree and turns its visible text into blocks: one per paragraph, heading,
/// list item or table cell. Skips what is never article text (scripts, navigation, forms,
/// cookie banners, share widgets) and blocks that are mostly links (menus, lists of other
/// articles). Iterative, so deeply nested pages cannot exhaust the stack.
enum BlockWalker {
    static func blocks(of root: xmlNodePtr, _ stats: PageStats) -> [String] {
        // A class or id that names furniture ("sidebar", "share") removes an element, unless the
        // element holds most of the text: layout classes such as "l-sidebar-fixed" wrap articles.
        // A list never wraps the article: a list of related posts goes however long.
        let regionLength = stats.of(root).bytes
        var blocks: [String] = []
        var current: [UInt8] = []  // the block's text, white space collapsed as it comes
        var pendingSpace = false
        var linked = 0  // bytes of `current` that stand inside links
        var linkDepth = 0
        // The last block kept, when it is a heading: a heading goes with the list of links it
        // introduces ("More on this", "Most read"), and a heading that ends the text heads nothing.
        var heading: Int?
        func flush(isHeading: Bool = false) {
            // A block that is mostly links is a menu, a tag list or a list of other articles.
            let isLinkList = linked * 10 > current.count * 6 && current.count < 300
            if !current.isEmpty {
                if !isLinkList {
                    blocks.append(String(decoding: current, as: UTF8.self))
                    heading = isHeading ? blocks.count - 1 : nil
                } else if let h = heading, h == blocks.count - 1 {
                    blocks.removeLast()
                    heading = nil
                }
            }
            current.removeAll(keepingCapacity: true)
            pendingSpace = false
            linked = 0
        }
        enum Step { case enter(xmlNodePtr), closeBlock(isHeading: Bool), closeLink }
        var stack: [Step] = [.enter(root)]
        while let step = stack.popLast() {
            let node: xmlNodePtr
            switch step {
            case .closeBlock(let isHeading): flush(isHeading: isHeading); continue
            case .closeLink: linkDepth -= 1; continue
            case .enter(let n): node = n
            }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if var p = node.pointee.content {
                    let before = current.count
                    while p.pointee != 0 {
                        let b = p.pointee
                        if b.isASCIISpace {
                            pendingSpace = !current.isEmpty
                        } else {
                            if pendingSpace { current.append(0x20); pendingSpace = false }
                            current.append(b)
                        }
                        p += 1
                    }
                    if linkDepth > 0 { linked += current.count - before }
                }
                continue
            case XML_ELEMENT_NODE:
                break
            default:
                continue
            }
            let name = Node.name(node)
            // An article's header holds its headline and lead: from a header in the region only
            // the lead is kept (labels, bylines and dates there are short).
            if name == "header", node != root, !stats.isUnseen(node) {
                flush()
                blocks += Self.blocks(of: node, stats).filter { $0.count >= 80 }
                continue
            }
            if name == "header", node == root { } else if Boilerplate.skipsElement(name) || stats.isUnseen(node), !isWrapper(node, name, region: stats.of(root), stats) { continue }
            if Boilerplate.hasBoilerplateHint(node, stats), stats.of(node).bytes * 2 < regionLength || name == "ul" || name == "ol" { continue }
            let isBlock = blockElements.contains(name)
            if isBlock || name == "br" { flush() }
            if isBlock { stack.append(.closeBlock(isHeading: headings.contains(name))) }
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
        if let h = heading, h == blocks.count - 1, blocks.count > 1 { blocks.removeLast() }
        return blocks
    }

    /// Whether an element the walker would skip wraps the region's text instead: a form around
    /// most of the page (pages built as one form) or around most of the region with paragraphs
    /// of prose (a shop's product form), or a `<noscript>` in a region that shows no text of its
    /// own (the copy of the post for readers without scripts).
    static func isWrapper(_ node: xmlNodePtr, _ name: String, region: TextStats, _ stats: PageStats) -> Bool {
        switch name {
        case "form":
            let form = stats.of(node).bytes
            return form * 2 >= stats.page.bytes || form * 2 >= region.bytes && ContentRegion.paragraphsOfProse(in: node, stats) >= 2
        case "noscript": return region.characters == 0
        default: return false
        }
    }

    /// The blocks without the labels that close them: lines under 40 characters that end no
    /// sentence ("Mehr zum Thema", "Kommentieren", "Tags"), the buttons and headings of what
    /// was left out after the text (jusText's short blocks at the edge of the text). Only after
    /// a text, one with a paragraph of 80 characters or more.
    static func withoutClosingLabels(_ blocks: [String]) -> [String] {
        guard blocks.contains(where: { $0.utf8.count >= 80 }) else { return blocks }
        var end = blocks.count
        while end > 1, let last = blocks[end - 1].last, blocks[end - 1].count < 40, !".!?:\"”“»)".contains(last) { end -= 1 }
        return Array(blocks[..<end])
    }

    /// Whether a block is a line of page furniture inside the region: a picture's credit, a
    /// copyright notice, a call to subscribe, or the label of a box of links, tags, shares or
    /// ratings ("Auch interessant:", "Related Topics", "Tags", "Inhaltsverzeichnis"), which stays
    /// when the box itself is left out.
    static func isFurnitureLine(_ block: String) -> Bool {
        isCredit(block) || endsInCredit(block) || isCopyrightNotice(block) || isBoxLabel(block) || isCallToSubscribe(block)
    }

    /// A call to subscribe set as a short paragraph of its own ("Never miss the latest news:
    /// sign up to our newsletter!", a paywall's "please subscribe to read on"), under 160 bytes.
    /// Words are matched at their start ("subscribers", not "oversubscription").
    static func isCallToSubscribe(_ block: String) -> Bool {
        guard block.utf8.count < 160, mayHold(block, anyOf: subscribeStems) else { return false }
        let words = block.lowercased().split { !$0.isLetter }
        return zip(words, words.dropFirst() + [""]).contains { word, next in
            subscribeWords.contains(where: word.hasPrefix) || (word == "sign" || word == "signing") && next == "up"
        }
    }

    static let subscribeWords = ["newsletter", "subscri", "suscri", "subskryp", "posteingang"]
    private static let subscribeStems = (subscribeWords + ["sign"]).map { Array($0.utf8) }

    /// Whether a block may hold one of the ASCII `stems` in any case, told on its bytes when it
    /// is ASCII and Latin-1 (whose lower case keeps ASCII letters ASCII and makes no other
    /// character ASCII); true for other text. Spares most blocks the `String` work of the checks
    /// it guards.
    static func mayHold(_ block: String, anyOf stems: [[UInt8]]) -> Bool {
        var copy = block
        return copy.withUTF8 { b in
            guard Latin1Case.isLatin1(b) else { return true }
            return ByteSearch.containsAny(b.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, stems)
        }
    }

    /// A caption that ends in its picture's credit: "Radfahren am Almkanal © Anna Ek", "Lee
    /// Elder beim Masters. | © Getty Images". Under 200 bytes; the credit after the last "©"
    /// is short and holds no sentence, and what comes before it ends no sentence (a bar aside),
    /// so that a paragraph closed by "(Foto: © …)" or by a sentence and a credit stays.
    static func endsInCredit(_ block: String) -> Bool {
        guard block.utf8.count < 200, block.utf8.contains(0xA9), let mark = block.lastIndex(of: "©") else { return false }
        let credit = block[mark...], before = block[..<mark].trimmingSuffix(while: { $0 == " " })
        guard credit.count <= 60, !credit.contains(". "), !credit.contains(")") else { return false }
        return before.last.map { $0 == "|" || !".!?:;)".contains($0) } ?? true
    }

    /// A copyright notice: "© 2022, Tidningen. All rights reserved.", under 300 bytes.
    static func isCopyrightNotice(_ block: String) -> Bool {
        guard block.utf8.count < 300, block.hasPrefix("©") else { return false }
        let year = block.dropFirst().drop { $0 == " " }.prefix(4)
        return year.count == 4 && year.allSatisfy { ("0"..."9").contains($0) } && (year.hasPrefix("19") || year.hasPrefix("20"))
    }

    /// A label of a box of links, tags, shares or ratings, as a whole line (case and a closing
    /// colon or full stop aside).
    static func isBoxLabel(_ block: String) -> Bool {
        guard block.utf8.count < 50 else { return false }
        return boxLabels.contains(String(block.lowercased()[...].trimmingSuffix(while: { ": .".contains($0) })))
    }

    static let boxLabels: Set<String> = [
        "auch interessant", "weiterlesen", "lesen sie auch", "mehr zum thema", "mehr zu diesem thema", "read more",
        "related", "related topics", "related articles", "see also", "tags", "schlagworte", "share", "share this", "teilen",
        "inhaltsverzeichnis", "table of contents", "contents", "bewerten", "rate this", "veja também", "leia também",
        "lea también", "lire aussi", "à lire aussi", "voir aussi", "das könnte sie auch interessieren",
        "das könnte dich auch interessieren", "you may also like", "weitere artikel", "ähnliche artikel", "empfehlungen",
        "innehåll",
    ]

    /// Whether a block is a picture's credit standing as a line of its own, outside any caption:
    /// under 80 characters, and opening with "©", with a credit's label and a colon ("Foto: Anna
    /// Ek", "Crédits photos : …"), or naming a picture agency; or ending in a credit after a
    /// comma ("Roman Prymula, photo: …").
    static func isCredit(_ block: String) -> Bool {
        guard block.utf8.count < 80 else { return false }
        if block.hasPrefix("©") { return true }
        // Most blocks hold neither an agency's name nor a colon: told on the bytes.
        let agency = mayHold(block, anyOf: agencyStems)
        guard agency || block.utf8.contains(UInt8(ascii: ":")) else { return false }
        let lower = block.lowercased()
        if agency, pictureAgencies.contains(where: lower.contains) { return true }
        guard let colon = lower.firstIndex(of: ":") else { return false }
        let before = lower[..<colon].trimmingSuffix(while: { $0 == " " })
        let label = before.split(separator: ",").last.map { $0.drop { $0 == " " } } ?? before
        return creditLabels.contains(String(label)) && (label.startIndex == before.startIndex || photoLabels.contains(String(label)))
    }

    /// Labels a credit opens with; after a comma only the words for a photograph.
    static let creditLabels: Set<String> = photoLabels.union([
        "bild", "bilder", "bildquelle", "bildkälla", "beitragsbild", "titelbild", "image", "images", "credit", "credits",
        "crédit photo", "crédits photo", "crédits photos", "illustration",
    ])
    static let photoLabels: Set<String> = ["foto", "fotos", "photo", "photos", "fotograf"]
    static let pictureAgencies = ["getty images", "shutterstock", "istockphoto"]
    private static let agencyStems = pictureAgencies.map { Array($0.utf8) }

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

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
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "figcaption",
        "select", "option", "textarea", "input", "iframe", "svg", "canvas", "head", "menu", "label", "object", "embed",
    ]

    static func isHidden(_ node: xmlNodePtr) -> Bool {
        if Node.attribute(node, "hidden") != nil { return true }
        if Node.attribute(node, "aria-hidden")?.lowercased() == "true" { return true }
        if let role = Node.attribute(node, "role")?.lowercased(), ["dialog", "alertdialog"].contains(role) { return true }
        if let style = Node.attribute(node, "style")?.lowercased().replacingSpaces(),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        return false
    }

    /// A landmark around furniture: the page's banner, navigation, search, footer or a box
    /// beside the content (by its ARIA role). A dialog named by its class is one too (`namesDialog`).
    static func isLandmark(_ node: xmlNodePtr) -> Bool {
        guard let role = Node.attribute(node, "role")?.lowercased() else { return false }
        return ["navigation", "banner", "contentinfo", "complementary", "search"].contains(role)
    }

    /// True when the class or id names page furniture: "cookie-banner", "share", "related-articles",
    /// "annons". A teaser is furniture when it is one of a list (its class recurs on the page) or
    /// mostly links; a single teaser of prose is the article's lead ("article-teaser"). A
    /// heading's id is an anchor for a table of contents ("nav_schredder_statt_ofen"), it
    /// names the heading's topic, not its role: only its class counts.
    static func hasBoilerplateHint(_ node: xmlNodePtr, _ stats: PageStats) -> Bool {
        let names = ContentRegion.classAndID(node, id: !Node.isHeading(node))
        var teaser = false
        if containsWord(names, where: { word in
            guard hints.contains(word) || longHints.contains(where: word.hasPrefix) else { return false }
            if word.hasPrefix("teaser") { teaser = true; return false }
            return true
        }) { return true }
        return teaser && (stats.repeatsTeaser(names) || stats.of(node).linkDensity >= 0.1)
    }

    /// Whether class and id names (`ContentRegion.classAndID`) name a dialog, a box the page
    /// opens over itself ("modal__body", "newsletter-popup", "signup_dialog", "lightbox").
    static func namesDialog(_ names: [UInt8]) -> Bool {
        ByteSearch.containsAny(names, dialogBytes) && containsWord(names, where: dialogs.contains)
    }

    private static let dialogs: Set<String> = ["modal", "dialog", "popup", "lightbox"]
    /// `dialogs` as bytes, for a first check that most names fail without being cut into words.
    private static let dialogBytes = dialogs.map { Array($0.utf8) }

    /// Whether a word of letters and digits of 16 bytes or fewer in class and id names
    /// ("cookie-banner" → cookie, banner) passes `test`.
    static func containsWord(_ names: [UInt8], where test: (String) -> Bool) -> Bool {
        var start = -1
        for i in 0...names.count {
            let isWordByte = i < names.count && ((0x61...0x7A).contains(names[i]) || (0x30...0x39).contains(names[i]) || names[i] >= 0x80)
            if isWordByte {
                if start < 0 { start = i }
            } else if start >= 0 {
                if i - start <= 16, test(String(decoding: names[start..<i], as: UTF8.self)) { return true }
                start = -1
            }
        }
        return false
    }

    /// The hints of seven letters or more, which also mark a word they begin
    /// ("relatedlinks", "newsletterbox").
    private static let longHints = hints.filter { $0.count >= 7 }

    private static let hints: Set<String> = [
        "cookie", "cookies", "consent", "gdpr", "share", "sharing", "social", "related", "recommended", "comments",
        "comment", "newsletter", "subscribe", "paywall", "advert", "advertisement", "ad", "ads", "annons", "banner",
        "breadcrumb", "breadcrumbs", "sidebar", "nav", "navbar", "navigation", "menu", "footer", "masthead", "promo",
        "teaser", "teasers", "popup", "modal", "skiplink", "toolbar", "byline", "dela", "lasmer", "relaterat", "tipsa",
        "caption", "credit", "credits", "bildtext", "fotograf", "author", "rating", "ratings",
    ]
}

extension String {
    func replacingSpaces() -> String { String(filter { $0 != " " }) }
}

extension Substring {
    func trimmingSuffix(while drop: (Character) -> Bool) -> Substring {
        var s = self
        while let last = s.last, drop(last) { s.removeLast() }
        return s
    }
}
