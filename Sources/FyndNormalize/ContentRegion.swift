import CLibXML2

/// Picks the part of a page that holds the article: the `<article>` with the most text when it
/// has a real amount of it, else the largest `<main>` (or `role="main"`), else the body.
enum ContentRegion {
    static let minimumArticleCharacters = 200

    static func choose(_ root: xmlNodePtr) -> xmlNodePtr {
        var article: (node: xmlNodePtr, length: Int)?
        var main: (node: xmlNodePtr, length: Int)?
        var body: xmlNodePtr?
        for node in Node.descendants(root) {
            let name = Node.name(node)
            if name == "body" { body = body ?? node }
            let isArticle = name == "article"
            guard isArticle || name == "main" || Node.attribute(node, "role")?.lowercased() == "main" else { continue }
            let length = BlockWalker.blocks(of: node).reduce(0) { $0 + $1.count }
            guard length >= minimumArticleCharacters else { continue }
            if isArticle, length > (article?.length ?? 0) { article = (node, length) }
            if !isArticle, length > (main?.length ?? 0) { main = (node, length) }
        }
        return article?.node ?? main?.node ?? body ?? root
    }
}
