import FyndCore
import Foundation
import Testing
@testable import FyndNormalize

@Suite struct HTMLTests {
    static let page = """
        <!doctype html><html lang="sv"><head><meta charset="utf-8">
        <title>IVO kritiserar socialtjänsten | Lokaltidningen</title>
        <meta property="og:title" content="IVO kritiserar socialtjänsten i Gävle">
        <meta property="article:published_time" content="2023-05-09T08:15:00+02:00">
        <script>var tracking = "IVO riktar kritik";</script>
        <style>.x { color: red }</style>
        </head><body>
        <header><nav><a href="/">Nyheter</a> <a href="/sport">Sport</a></nav></header>
        <div class="cookie-consent">Vi använder kakor. Godkänn alla kakor</div>
        <main><article>
        <h1>IVO kritiserar socialtjänsten i Gävle</h1>
        <p class="byline">Av Anna Reporter</p>
        <p>Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Gävle kommun för hur orosanmälningar har hanterats.</p>
        <p>Enligt beslutet har förhandsbedömningar inte gjorts inom 14 dagar, och barnets bästa har inte beaktats.</p>
        <ul><li>Dokumentationen i barnets akt.</li><li>Utredningen av familjehemmet.</li></ul>
        <div class="share-buttons"><button>Dela på Facebook</button> Dela</div>
        <aside class="related"><h2>Läs också</h2><p>JO kritiserar socialtjänsten i Malmö för brister i utredningar.</p></aside>
        </article></main>
        <footer>© Lokaltidningen. Kontakta redaktionen.</footer>
        </body></html>
        """

    @Test func keepsTheArticleAndDropsFurniture() throws {
        let page = try HTMLText.extract(utf8: Self.page)
        let text = page.blocks.joined(separator: "\n")
        #expect(text.contains("riktar kritik mot socialnämnden i Gävle kommun"))
        #expect(page.blocks.contains("Dokumentationen i barnets akt."))
        for gone in ["tracking", "color", "Sport", "kakor", "Dela", "Malmö", "Kontakta", "Anna Reporter"] {
            #expect(!text.contains(gone), "\(gone) should be gone")
        }
    }

    @Test func metadataGivesTitleAndDate() throws {
        let page = try HTMLText.extract(utf8: Self.page)
        #expect(page.title == "IVO kritiserar socialtjänsten i Gävle")
        #expect(page.published == "2023-05-09")
    }

    @Test func jsonLDAndTimeElementGiveTheDate() throws {
        let ld = try HTMLText.extract(utf8: """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Kritik mot nämnden","datePublished":"2019-03-18T19:00:00Z","author":{"@type":"Person","name":"Per Skribent"}}</script></head>
            <body><p>Text.</p></body></html>
            """)
        #expect(ld.published == "2019-03-18")
        #expect(ld.title == "Kritik mot nämnden")
        #expect(ld.author == "Per Skribent")
        let time = try HTMLText.extract(utf8: "<html><body><time datetime=\"2014-07-10\">10 jul 2014</time><p>Text.</p></body></html>")
        #expect(time.published == "2014-07-10")
    }

    @Test func thePublishingToolsOwnMetadataGivesTheDate() throws {
        for key in ["cxenseparse:publishtime", "parsely-pub-date", "dcterms.date", "og:article:published_time"] {
            let page = try HTMLText.extract(utf8: "<html><head><meta name=\"\(key)\" content=\"2021-09-14T06:30:00+02:00\"></head><body><p>Text.</p></body></html>")
            #expect(page.published == "2021-09-14", "\(key)")
        }
        let created = try HTMLText.extract(utf8: """
            <html><head><script type="application/ld+json">{"@type":"WebPage","dateCreated":"2020-02-11","dateModified":"2021-01-05"}</script></head>
            <body><p>Text.</p></body></html>
            """)
        #expect(created.published == "2020-02-11")
        // The page's own publication date comes before a tool's.
        let both = try HTMLText.extract(utf8: """
            <html><head><meta name="parsely-pub-date" content="2020-03-01"><script type="application/ld+json">{"datePublished":"2020-02-11"}</script></head>
            <body><p>Text.</p></body></html>
            """)
        #expect(both.published == "2020-02-11")
        let modified = try HTMLText.extract(utf8: "<html><head><meta property=\"article:modified_time\" content=\"2021-01-05\"></head><body><p>Text.</p></body></html>")
        #expect(modified.published == nil)
    }

    @Test func aStatedPublicationDateIsReadInTheFormsPublishingToolsWrite() throws {
        let stated = [
            ("<meta name=\"date\" content=\"Tue, 07 Mar 2023 09:12:00 +0100\">", "2023-03-07"),
            ("<meta property=\"article:published_time\" content=\"Thu Nov 16 08:05:44 CET 2017\">", "2017-11-16"),
            ("<meta name=\"dcterms.date\" content=\"2016-4-5T10:00:00+02:00\">", "2016-04-05"),
            ("<meta name=\"pubdate\" content=\"03.02.2021, 14:20:00\">", "2021-02-03"),
            ("<script type=\"application/ld+json\">{\"datePublished\":\"Mon, 12 Sep 2022 06:00:00 GMT\"}</script>", "2022-09-12"),
        ]
        for (head, date) in stated {
            let page = try HTMLText.extract(utf8: "<html><head>\(head)</head><body><p>Text.</p></body></html>")
            #expect(page.published == date, "\(head)")
        }
        // Microdata on an ordinary element states the page's date in an attribute.
        let micro = try HTMLText.extract(utf8: """
            <html><body><p>Av Eva Lund, <abbr itemprop="datePublished" title="2018-06-04T07:30:00+02:00">07:30</abbr></p><p>Text.</p></body></html>
            """)
        #expect(micro.published == "2018-06-04")
        // Not dates: a duration, opening hours, an impossible day, words beside a month.
        for value in ["PT15M", "Mo-Su 08:00-20:00", "Mon, 31 Feb 2022 10:00:00 GMT", "May the force be with you 2022", "12.13.2020"] {
            let page = try HTMLText.extract(utf8: "<html><head><meta name=\"date\" content=\"\(value)\"></head><body><p>Text.</p></body></html>")
            #expect(page.published == nil, "\(value)")
        }
    }

    @Test func canonicalOrOpenGraphAddressIsTheAddressButNoPublicationDate() throws {
        let canonical = """
            <html><head><link rel="canonical" href="https://lokal.se/ort/2017/11/02/rubrik">
            <meta property="og:url" content="https://lokal.se/annan/2016/01/01/x"></head><body><p>IVO har granskat nämnden.</p></body></html>
            """
        let d = try Normalizer().normalize(bytes: Array(canonical.utf8), id: "x", source: "x", format: .html)
        #expect(d.address == "https://lokal.se/ort/2017/11/02/rubrik")
        #expect(d.published == nil)
        let og = try HTMLText.extract(utf8: "<html><head><meta property=\"og:url\" content=\"https://lokal.se/a/2016/01/05/x\"></head><body><p>Text.</p></body></html>")
        #expect(og.address == "https://lokal.se/a/2016/01/05/x")
        let stated = try Normalizer().normalize(bytes: Array(Self.page.replacingOccurrences(of: "<title>", with: "<link rel=\"canonical\" href=\"https://lokal.se/2001/01/01/\"><title>").utf8),
                                                id: "x", source: "x", format: .html)
        #expect(stated.published == "2023-05-09")
    }

    @Test func brokenAndDeeplyNestedHTMLDoNotCrash() throws {
        let broken = try HTMLText.extract(utf8: "<html><body><p>IVO riktar kritik<div><p>mot nämnden<table><tr><td>i Gävle")
        #expect(broken.blocks.joined(separator: " ").contains("mot nämnden"))
        let deep = String(repeating: "<div>", count: 100_000) + "Djupt inne" + String(repeating: "</div>", count: 100_000)
        _ = try HTMLText.extract(utf8: "<html><body>\(deep)</body></html>")
    }

    @Test func latin1PageWithoutMetaCharsetIsRead() throws {
        let bytes: [UInt8] = Array("<html><body><p>Socialn".utf8) + [0xE4] + Array("mnden i Sk".utf8) + [0xF6] + Array("vde</p></body></html>".utf8)
        let d = try Normalizer().normalize(bytes: bytes, id: "x", source: "x", format: .html)
        #expect(d.text.contains("Socialnämnden i Skövde"))
        #expect(!d.warnings.isEmpty)
    }
}
