import Testing
@testable import FyndNormalize

/// One small page per heuristic of the article finder, in the layouts that made it necessary.
@Suite struct ContentRegionTests {
    /// The article text fynd keeps from a page, one block per line.
    func article(_ body: String) throws -> String {
        try HTMLText.extract(utf8: "<html><head><title>Sidan</title></head><body>\(body)</body></html>").blocks.joined(separator: "\n")
    }

    static let story = """
        <p>Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Kalix kommun, som inte har gjort förhandsbedömningar i tid.</p>
        <p>I sju av tio granskade ärenden dröjde bedömningen längre än fjorton dagar, och barnens synpunkter saknades i akterna.</p>
        """

    @Test func scriptsInAnAdSlotDoNotScoreAsText() throws {
        // An ad slot's script has more commas than the article has: as text it would win.
        let script = "<script>googletag.cmd.push(function(){a(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24)});</script>"
        let text = try article("<div class=\"ad-slot\"><div><span>ANNONS</span>\(script)</div></div><div class=\"story\">\(Self.story)</div>")
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(text.contains("barnens synpunkter saknades"))
    }

    @Test func hoverCardsInsideASentenceAreDropped() throws {
        // A name with a profile card (other articles about the person) that CSS shows on hover.
        let card = """
            <span class="person"><a href="/p/lind">Eva Lind</a><span class="person-card"><a href="/p/lind">Eva Lind</a>\
            <a href="/a/1">Lind lämnar posten som ordförande</a> <a href="/a/2">Budgeten för 2024 klar</a> \
            <a href="/a/3">Nytt äldreboende invigs i Kalix</a></span></span>
            """
        let text = try article("<div class=\"story\">\(Self.story)<p>Ordföranden \(card) (S) säger att nämnden har anställt fler socialsekreterare.</p></div>")
        #expect(text.contains("Ordföranden Eva Lind (S) säger att nämnden har anställt fler socialsekreterare."))
        #expect(!text.contains("Budgeten"))
    }

    @Test func looseTextBetweenLineBreaksIsTheArticle() throws {
        // Older CMS templates: the article stands loose in a column, lines kept apart by <br>.
        let text = try article("""
            <div class="row"><div class="col-3"><ul><li><a href="/a">Arkiv 2019</a></li><li><a href="/b">Arkiv 2018</a></li></ul></div>
            <div class="col-9"><p class="rubrik">Brister i handläggningen</p><small>Publicerad 2019-05-03</small><br>
            Socialtjänsten i Hylte har inte utrett anmälningarna om barn inom fyra månader, enligt IVO, som nu kräver åtgärder.<br><br>
            Nämnden ska redovisa vad den har gjort, senast den 1 september.<br><br><div class="share"><a href="#">Dela</a></div></div></div>
            """)
        #expect(text.contains("Socialtjänsten i Hylte har inte utrett anmälningarna"))
        #expect(text.contains("senast den 1 september"))
        #expect(!text.contains("Arkiv"))
    }

    @Test func aTeaserListNamedByItsHeadingIsNotTheArticle() throws {
        // "Läs också" teasers, each longer than the article, in a box marked only on its heading.
        let teaser = "<article><p>JO kritiserar socialtjänsten i Malmö, som inte utredde, dokumenterade, följde upp eller informerade om placeringar av barn i familjehem, enligt beslutet.</p></article>"
        let text = try article("""
            <article class="post">\(Self.story)</article>
            <div class="box"><h3 class="related-title">Läs också</h3>\(teaser)\(teaser)\(teaser)</div>
            """)
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(!text.contains("Malmö"))
    }

    @Test func aBodyCutIntoOneBoxPerParagraphIsKeptWhole() throws {
        // Each paragraph in its own card: every card scores alike, and the article is all of them.
        let cards = [
            "IVO har granskat hur socialnämnden i Gävle hanterar orosanmälningar om barn.",
            "Granskningen visar att skyddsbedömningar inte har gjorts samma dag, och att förhandsbedömningar har dröjt.",
            "Nämnden har nu anställt två socialsekreterare, säger förvaltningschefen, och rutinerna ses över.",
            "IVO följer upp ärendet i höst, och nämnden ska redovisa sina åtgärder senast den 30 juni.",
        ].map { "<div class=\"card\"><div class=\"card-content\"><p>\($0)</p></div></div>" }.joined()
        let text = try article("<div class=\"collection\">\(cards)</div><div class=\"card\"><div class=\"card-content\"><p>Kontakta redaktionen, tipsa oss, eller följ oss i sociala medier.</p></div></div>")
        for sentence in ["hanterar orosanmälningar", "skyddsbedömningar inte har gjorts", "anställt två socialsekreterare", "senast den 30 juni"] {
            #expect(text.contains(sentence), "\(sentence)")
        }
    }

    @Test func readersCommentsDoNotOutweighAShortArticle() throws {
        let comment = "<div class=\"comment-body\"><p>Det här är en skandal, och politikerna borde avgå, allihop, med en gång, tycker jag som har jobbat i kommunen.</p></div>"
        let text = try article("<div class=\"story\">\(Self.story)</div><section id=\"comments\">\(comment)\(comment)\(comment)\(comment)</section>")
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(!text.contains("skandal"))
    }

    @Test func blocksOfLinksInsideTheArticleAreDropped() throws {
        let links = "<p><a href=\"/1\">Socialtjänst</a> <a href=\"/2\">Kalix</a> <a href=\"/3\">IVO</a> <a href=\"/4\">Barn och unga</a></p>"
        let text = try article("<div class=\"story\">\(Self.story)\(links)</div>")
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(!text.contains("Barn och unga"))
    }

    @Test func aLayoutSidebarClassDoesNotRemoveTheArticle() throws {
        // "l-with-sidebar" names the layout around the article, not a sidebar.
        let text = try article("<div class=\"l-with-sidebar\"><div class=\"main-column\">\(Self.story)</div><div class=\"sidebar\"><p>Väder: sol.</p></div></div>")
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(!text.contains("Väder"))
    }

    @Test func theLeadInAnArticleHeaderIsKept() throws {
        // Swedish news put the ingress, which often states the finding, in the article's header.
        let text = try article("""
            <article><header><span class="label">Nyheter</span><h1>IVO kritiserar Kalix</h1>
            <p class="ingress">Socialtjänsten i Kalix har inte hanterat orosanmälningar om barn i tid, slår IVO fast i ett nytt beslut.</p></header>
            <div class="body">\(Self.story)</div></article>
            """)
        #expect(text.hasPrefix("Socialtjänsten i Kalix har inte hanterat orosanmälningar"))
        #expect(!text.contains("Nyheter"))
    }

    @Test func hiddenElementsAreNotText() throws {
        // A cookie dialog and a mobile menu kept in the page but hidden until opened.
        let text = try article("""
            <div class="story">\(Self.story)</div>
            <div style="display: none"><p>Vi använder kakor för att ge dig en bättre upplevelse, läs mer om hur vi hanterar personuppgifter.</p></div>
            <div aria-hidden="true"><p>Meny: Nyheter, Sport, Kultur, Debatt, Familj, Annonser, Kontakt, Om oss.</p></div>
            """)
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(!text.contains("kakor"))
        #expect(!text.contains("Meny"))
    }

    @Test func photoCaptionsAreNotText() throws {
        // A caption names the picture and the photographer; a reader skips it.
        let text = try article("""
            <div class="story">\(Self.story)
            <figure><img src="a.jpg"><figcaption>Socialförvaltningen i Kalix. Foto: Per Berg</figcaption></figure>
            <p class="image-caption">Nämndens ordförande Eva Lind (S) på kommunhuset i Kalix.</p></div>
            """)
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(!text.contains("Foto"))
        #expect(!text.contains("kommunhuset"))
    }

    @Test func aPostClassedByItsTopicIsNotFurniture() throws {
        // Blog engines class a post by its category and tags: "category-kommentar" names the
        // topic (an opinion piece), not readers' comments.
        let text = try article("""
            <div id="post-12" class="post type-post category-kommentar tag-socialtjanst">\(Self.story)</div>
            <div class="widget"><p>Prenumerera på vårt nyhetsbrev, så missar du inget.</p></div>
            """)
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(text.contains("barnens synpunkter saknades"))
    }

    @Test func aLeadInABoxOfItsOwnIsKept() throws {
        // The lead stands in an intro box two levels away from the body's container; from the
        // box only the lead, not its label.
        let text = try article("""
            <div class="page"><div class="top"><div class="intro"><span>Nyheter</span>
            <p class="lead">Socialtjänsten i Kalix har inte hanterat orosanmälningar om barn i tid, slår Inspektionen för vård och omsorg fast.</p></div></div>
            <div class="main"><div class="body">\(Self.story)</div></div></div>
            """)
        #expect(text.hasPrefix("Socialtjänsten i Kalix har inte hanterat orosanmälningar"))
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(!text.contains("Nyheter"))
    }

    @Test func aLeadInAHeaderBesideTheArticleIsKept() throws {
        // The post's header, with headline, lead and byline, stands beside the <article>.
        let text = try article("""
            <main><header class="entry-header"><h1>IVO kritiserar Kalix</h1>
            <div class="lead"><p>Har socialtjänsten i Kalix dröjt med orosanmälningar? Ja, enligt ett nytt beslut från tillsynsmyndigheten.</p></div>
            <span>Av Per Holm</span></header><article>\(Self.story)</article></main>
            """)
        #expect(text.hasPrefix("Har socialtjänsten i Kalix dröjt"))
        #expect(text.contains("barnens synpunkter saknades"))
        #expect(!text.contains("Per Holm"))
    }

    @Test func aBodyContinuedAfterAnAdSlotIsKeptButNotAnAuthorsNote() throws {
        let more = """
            <p>Nämnden har nu anställt två socialsekreterare, säger förvaltningschefen, och rutinerna för mottagningen ses över.</p>
            <p>IVO följer upp ärendet i höst, och nämnden ska redovisa sina åtgärder senast den 30 juni, enligt beslutet.</p>
            """
        let text = try article("""
            <div class="wrap"><div class="col"><div class="text">\(Self.story)<p>Förhandsbedömningarna ska enligt lagen vara klara inom fjorton dagar, men dröjde i flera fall i månader.</p></div></div>
            <div class="slot"><span>ANNONS</span></div>
            <div class="col"><div class="text">\(more)</div></div>
            <div class="about"><p>Eva Lind är reporter på lokalredaktionen och skriver om vård, skola och omsorg i kommunerna i länet.</p></div></div>
            """)
        #expect(text.contains("barnens synpunkter saknades"))
        #expect(text.contains("anställt två socialsekreterare"))
        #expect(text.contains("senast den 30 juni"))
        #expect(!text.contains("reporter på lokalredaktionen"))
    }

    @Test func aHeadingGoesWithTheListOfLinksItIntroduces() throws {
        // "More from Kalix" heads a list of links inside the story's box; a heading that ends the
        // box heads nothing.
        let text = try article("""
            <div class="story">\(Self.story)<h3>Fler nyheter från Kalix</h3>
            <ul><li><a href="/1">Nytt äldreboende invigs</a></li><li><a href="/2">Budgeten för 2024 klar</a></li></ul>
            <h3>Skriv till redaktionen</h3></div>
            """)
        #expect(text.contains("barnens synpunkter saknades"))
        #expect(!text.contains("Fler nyheter"))
        #expect(!text.contains("Skriv till redaktionen"))
    }

    @Test func paragraphsInAClosedDialogDoNotScore() throws {
        // A dialog kept in the page but hidden until opened, with more paragraphs than the story.
        let terms = String(repeating: "<p>Genom att fortsätta godkänner du villkoren, behandlingen av personuppgifter, kakor, statistik och annonser från våra partner.</p>", count: 6)
        let text = try article("<div class=\"story\">\(Self.story)</div><div role=\"dialog\" aria-hidden=\"true\"><div class=\"body\">\(terms)</div></div>")
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(!text.contains("villkoren"))
    }

    @Test func aNamedBoxWithLittleProseGivesWayToTheBody() throws {
        // A photo box whose class names text wins on its name alone; the body, in unnamed boxes,
        // holds nearly all the prose of the page.
        let body = (1...5).map { "<p>Stycke \($0): nämnden har inte gjort förhandsbedömningar inom fjorton dagar i de ärenden som IVO har granskat i Kalix.</p>" }.joined()
        let text = try article("<div class=\"textpic\"><p>Kommunhuset i Kalix, i vintras.</p></div><div><div>\(body)</div></div>")
        #expect(text.contains("Stycke 1:"))
        #expect(text.contains("Stycke 5:"))
    }

    @Test func aSingleTeaserOfProseIsTheLeadAndAListOfTeasersIsNot() throws {
        // German CMSs class the standfirst "teaser"; lists of other articles repeat the class.
        let other = "<div class=\"teaser\"><h3><a href=\"/a\">Ny chef för äldreomsorgen</a></h3><p class=\"teaser-text\">Kommunen har anställt en ny chef.</p></div>"
        let text = try article("""
            <article><h1>Kritik mot Kalix</h1><p class="article-teaser">IVO har granskat hur socialtjänsten i Kalix hanterar anmälningar om barn.</p>\(Self.story)</article>
            <section class="more">\(other)\(other)\(other)</section>
            """)
        #expect(text.contains("IVO har granskat hur socialtjänsten"))
        #expect(text.contains("barnens synpunkter saknades"))
        #expect(!text.contains("Ny chef"))
    }

    @Test(arguments: ["post no-comments", "post comments-enabled", "post has-related"])
    func aClassThatStatesAFeatureNamesNoFurniture(_ classes: String) throws {
        // What a box has, lacks or has switched on is no role: the article is no comment thread.
        let text = try article("""
            <article class="\(classes)">\(Self.story)</article>
            <div class="col"><p>Kalix kommun, Storgatan 1, 952 81 Kalix, telefon 0923-650 00, e-post kommun@kalix.se</p></div>
            """)
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(text.contains("barnens synpunkter saknades"))
    }

    /// The article text of a whole page as given, not wrapped in a body by the test.
    func page(_ html: String) throws -> String { try HTMLText.extract(utf8: html).blocks.joined(separator: "\n") }

    @Test func markupBeforeTheHTMLElementLosesNoText() throws {
        // A style pasted before the doctype: libxml2 leaves two top-level elements, the body in the second.
        let text = try page("<style>p { margin: 0 }</style><!DOCTYPE html><html><body><nav><a href=\"/\">Start</a></nav><article>\(Self.story)</article></body></html>")
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(text.contains("barnens synpunkter saknades"))
        #expect(!text.contains("Start"))
    }

    @Test func aFormAroundTheTextIsAWrapperAndACommentFormIsNot() throws {
        // A shop's product form holds most of the description; a comment form holds a note.
        let product = """
            <form class="productform"><div class="description"><p>Filten är vävd av ull från svenska får, och den värmer även när den blir fuktig, vilket gör den bra på tur.</p>
            <p>Den tvättas för hand i ljummet vatten, torkas liggande och ska inte strykas, så håller den i många år.</p></div>
            <select name="color"><option>Grå</option></select></form>
            """
        let comments = "<form class=\"comment-form\"><p>Din e-postadress publiceras inte, och fält märkta med * måste fyllas i innan du skickar.</p><textarea></textarea></form>"
        let text = try article("<div class=\"entry-content\"><p>En filt för kalla kvällar, i tre färger.</p>\(product)\(comments)</div>")
        #expect(text.contains("Filten är vävd av ull"))
        #expect(text.contains("tvättas för hand"))
        #expect(!text.contains("e-postadress"))
    }

    @Test func aNoscriptCopyIsTheTextWhenTheRegionShowsNoOther() throws {
        // A blog that fills the post with a script keeps a copy for readers without scripts.
        let text = try article("<div class=\"post-content\"><noscript>\(Self.story)</noscript></div><div class=\"col\"><p>Prenumerera på nyhetsbrevet.</p></div>")
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(text.contains("barnens synpunkter saknades"))
    }

    @Test(arguments: ["single read-more-fade", "page comments-open related-posts"])
    func theClassesOfTheBodyMarkNoCommentBox(_ classes: String) throws {
        let text = try page("""
            <html><body class="\(classes)"><div class="post">\(Self.story)</div>
            <div class="widget"><p>Öppettider måndag till fredag klockan åtta till fem</p></div></body></html>
            """)
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(!text.contains("Öppettider"))
    }

    @Test func aBannerLeftOpenAroundThePageIsNoBanner() throws {
        // The header is never closed: the parser puts the rest of the page inside the banner.
        // A box beside the content marked as such stays out.
        let beside = "<div role=\"complementary\"><p>Kalix kommun söker nu fler familjehem, och den som vill veta mer kan ringa kommunens växel.</p></div>"
        let text = try page("""
            <html><body><header role="banner"><a href="/">Start</a><div class="page"><div class="post">\(Self.story)</div>\(beside)</div></body></html>
            """)
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(text.contains("barnens synpunkter saknades"))
        #expect(!text.contains("familjehem"))
    }

    @Test func aLeadSetAsAHeadingBeforeTheBodyIsKept() throws {
        // The standfirst is a long <h2> in a box of its own before the body's box.
        let text = try article("""
            <div class="page"><div class="intro"><h2>IVO har granskat hur socialtjänsten i Kalix hanterar anmälningar om barn, och kritiken är hård.</h2></div>
            <div class="story">\(Self.story)</div></div>
            """)
        #expect(text.contains("IVO har granskat hur socialtjänsten i Kalix"))
        #expect(text.contains("barnens synpunkter saknades"))
    }

    @Test func labelsThatCloseTheTextGoAndItsLastSentenceStays() throws {
        // Buttons and the heading of a box whose links were left out, after the last paragraph.
        let text = try article("<div class=\"story\">\(Self.story)<p>Nämnden svarar i juni.</p><div><span>Mehr zum Thema</span></div><p><b>Kommentieren</b></p></div>")
        #expect(text.hasSuffix("Nämnden svarar i juni."))
        #expect(text.contains("barnens synpunkter saknades"))
    }

    @Test func aPicturesCreditBetweenParagraphsGoesAndAShortParagraphStays() throws {
        // Credits set as lines of their own, not in a caption; a short sentence and a heading stay.
        let text = try article("""
            <div class="story"><p>© Anna Ek/Kalix kommun</p>\(Self.story)<p>Rektorn Per Berg, foto: Lisa Ek</p>
            <h3>Kritiken i korthet</h3><p>Bild: Sven Ek</p><p>Photo credits: Getty Images</p>
            <p>Beslutet kan inte överklagas.</p></div>
            """)
        #expect(!text.contains("Anna Ek"))
        #expect(!text.contains("Lisa Ek"))
        #expect(!text.contains("Getty"))
        #expect(!text.contains("Sven Ek"))
        #expect(text.contains("Kritiken i korthet\nBeslutet kan inte överklagas."))
    }

    @Test func theLabelOfABoxLeftOutGoesAndAShortHeadingStays() throws {
        // The boxes' links are left out as link lists; their labels stand in paragraphs of their own.
        let text = try article("""
            <div class="story">\(Self.story)<p><strong>Auch interessant:</strong></p><ul><li><a href="/a">Kalix bygger ny skola</a></li></ul>
            <h2>Nämndens svar</h2><p>Nämnden svarar i juni.</p><p>Related Topics</p><ul><li><a href="/t">Kalix</a></li></ul>
            <p>Beslutet kan inte överklagas.</p></div>
            """)
        #expect(!text.contains("Auch interessant"))
        #expect(!text.contains("Related Topics"))
        #expect(text.contains("Nämndens svar\nNämnden svarar i juni."))
        #expect(text.hasSuffix("Beslutet kan inte överklagas."))
    }

    @Test func rowsOfAPageBuilderAfterASmallRegionJoinIt() throws {
        // A lead in a box named as text wins; the body stands in rows of the page's layout.
        func row(_ n: Int) -> String {
            let paragraphs = (1...4).map { "<p>Del \(n).\($0): Nämnden har under året tagit emot fler anmälningar än tidigare och har inte hunnit göra förhandsbedömningarna inom de fjorton dagar som lagen kräver av den.</p>" }
            return "<div class=\"row\"><div class=\"col\">\(paragraphs.joined())</div></div>"
        }
        let text = try page("""
            <html><body><div class="hero"><div class="post-text"><p>Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Kalix kommun, som inte har gjort förhandsbedömningar i tid, och kräver att nämnden redovisar vilka åtgärder den vidtar före sommaren.</p></div></div>
            \(row(1))\(row(2))<div class="row"><div class="col"><a href="/a">Kalix bygger ny skola</a></div></div></body></html>
            """)
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(text.contains("Del 1.1:"))
        #expect(text.contains("Del 2.4:"))
        #expect(!text.contains("ny skola"))
    }

    @Test func aCaptionEndingInACreditAndACopyrightNoticeGoAndAParagraphWithACreditStays() throws {
        let text = try article("""
            <div class="story">\(Self.story)<p>Socialkontoret i Kalix © Anna Ek/Kalix kommun</p>
            <p>Nämndens ordförande vid mötet i maj. | © Per Berg</p>
            <p>Nämnden har lovat att alla bedömningar ska vara klara i tid från och med hösten. (Foto: © Lisa Ek)</p>
            <p>© 2024, Lokaltidningen. Ingen del av artikeln får återges utan tillstånd.</p></div>
            """)
        #expect(!text.contains("Socialkontoret"))
        #expect(!text.contains("ordförande"))
        #expect(!text.contains("Lokaltidningen"))
        #expect(text.hasSuffix("(Foto: © Lisa Ek)"))
    }

    @Test func aCallToSubscribeGoesAndAParagraphAboutTheNewsletterStays() throws {
        let text = try article("""
            <div class="story">\(Self.story)<p>Never miss the latest news by signing up to our newsletter today!</p>
            <p>Kommunen skriver i sitt nyhetsbrev att nämnden redan har anställt två nya handläggare, och att väntetiderna ska bli kortare under hösten.</p>
            <p>To read on, please subscribe.</p><p>Heavy oversubscription kept the price of the shares high.</p></div>
            """)
        #expect(!text.contains("Never miss"))
        #expect(!text.contains("please subscribe"))
        #expect(text.contains("väntetiderna ska bli kortare under hösten."))
        #expect(text.hasSuffix("kept the price of the shares high."))
    }

    @Test func aDialogNamedByItsClassIsUnseenHoweverLong() throws {
        // A sign-up form the page opens over itself, longer than the one-paragraph article.
        let appeal = (1...4).map { "<p>Stöd vårt arbete \($0): som medlem får du tidningen hem, inbjudningar till möten i din kommun, och möjlighet att påverka vad vi granskar nästa år.</p>" }
        let text = try article("""
            <div class="row"><article><h1>Kalix får kritik</h1><div class="main"><div class="lead"><p>Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Kalix kommun, som inte har gjort förhandsbedömningar i tid.</p></div></div></article>
            <div class="aside"><div id="member_signup_dialog" class="none">\(appeal.joined())</div></div></div>
            """)
        #expect(text.contains("riktar kritik mot socialnämnden"))
        #expect(!text.contains("Stöd vårt arbete"))
    }

    @Test func aModalInsideTheArticleColumnDoesNotWin() throws {
        // The authors' disclosures in a modal, more paragraphs and commas than the abstract has.
        let disclosure = (1...6).map { "<p>Författare \($0) har fått arvoden, resebidrag, anslag och konsultuppdrag från läkemedelsbolag, kommuner, regioner och stiftelser.</p>" }
        let text = try article("""
            <article><div class="column"><div class="abstract"><h2>Bakgrund</h2><p>Hur ofta gör socialnämnder förhandsbedömningar i tid, och vad skiljer kommuner som hinner från dem som inte gör det?</p>
            <h2>Resultat</h2><p>I 41 av 60 granskade kommuner dröjde minst var femte bedömning längre än fjorton dagar.</p></div>
            <div class="modal-container"><div class="modal__body">\(disclosure.joined())</div></div></div></article>
            """)
        #expect(text.contains("I 41 av 60 granskade kommuner"))
        #expect(!text.contains("arvoden"))
    }

    @Test func anArticleWhoseClassSaysAPaywallIsOnIsNoPaywall() throws {
        // The story and the teasers of the same section in one panel; "paywall-on" states that
        // the page has a paywall, it names no box.
        let teasers = (1...5).map { "<p>Kort notis \($0): nämnden i Boden har beslutat, efter en lång debatt, att bygga om två av kommunens förskolor under nästa år.</p>" }
        let text = try article("""
            <div class="panel">\(teasers.joined())<article class="node paywall-on"><p>Socialnämnden i Kalix får kritik av IVO, som har granskat sextio ärenden, för att förhandsbedömningarna dröjde.<br><br>Nämnden ska svara senast den 1 september.</p></article></div>
            """)
        #expect(text.contains("Socialnämnden i Kalix får kritik av IVO"))
        #expect(text.contains("senast den 1 september"))
    }

    @Test func theLeadOutsideAnArticleWithoutHeadlineIsKept() throws {
        // The <article> holds the body only; headline and lead stand in a header above it.
        let text = try article("""
            <main><header class="entry-header"><h1>Kritik mot Kalix</h1><div class="lead">Barn i Kalix fick vänta i månader på att socialtjänsten skulle bedöma om en utredning behövdes, visar en ny granskning.</div></header>
            <div class="main-content"><article class="article-body">\(Self.story)</article></div></main>
            """)
        #expect(text.hasPrefix("Barn i Kalix fick vänta i månader"))
        #expect(text.contains("barnens synpunkter saknades"))
    }

    @Test func anAuthorsBoxInsideTheTextGoes() throws {
        let text = try article("""
            <div class="entry-content">\(Self.story)<div class="entry-author"><p class="author-bio">Anna Ek är reporter på tidningen sedan 2015 och skriver om socialtjänst, skola och vård i Norrbotten. Följ henne på Twitter.</p></div></div>
            """)
        #expect(text.contains("barnens synpunkter saknades"))
        #expect(!text.contains("Anna Ek"))
    }

    @Test func aListOfRelatedPostsGoesEvenWhenLongerThanTheText() throws {
        // Each related post with its title and the start of its text, together longer than the post.
        let items = (1...4).map { "<li><a href=\"/a/\($0)\">Kalix, del \($0)</a><br><small>Nämnden i Kalix har under flera år haft svårt att rekrytera socialsekreterare, och nu ska kommunen pröva ett nytt sätt att locka dem \($0)...</small></li>" }
        let text = try article("""
            <div class="entry">\(Self.story)<h2>Fler artiklar</h2><ul class="related_post wp_rp">\(items.joined())</ul></div>
            """)
        #expect(text.contains("barnens synpunkter saknades"))
        #expect(!text.contains("rekrytera"))
    }

    @Test func aSubheadingWhoseAnchorIdReadsAsFurnitureStays() throws {
        // The table of contents links to each subheading by an id made of "nav_" and its words.
        let text = try article("""
            <div class="story">\(Self.story)<h3 class="subheading" id="nav_vad_nämnden_gör_nu__1">Vad nämnden gör nu</h3>
            <p>Nämnden har anställt två nya handläggare och ska följa upp varje ärende varje vecka fram till årsskiftet.</p></div>
            """)
        #expect(text.contains("\nVad nämnden gör nu\n"))
    }

    @Test func aRegionThatYieldsAlmostNoTextGivesWayToTheContainerOfMostProse() throws {
        // A recipe: the slider of readers' pictures wins by its name, and its captions are no
        // article text; the method stands in a box of its own, lines kept apart by <br>.
        let pictures = (1...3).map { "<figure><img src=\"\($0).jpg\"><figcaption><p>Bild \($0) av 12: Janssons frestelse, som en läsare lagade till julbordet hemma i köket, med extra lök.</p></figcaption></figure>" }
        let text = try article("""
            <main><article class="recipe-header"><div class="slider-content"><div>1/12</div>\(pictures.joined())<p>Logga in och betygsätt bilden.</p></div></article>
            <article class="box"><h2>Gör så här</h2><div>Sätt ugnen på 200 grader.<br><br>Skala potatisen, skär den i tunna stavar och lägg dem i en smord form, lager på lager med lök och ansjovis.<br><br>Häll över grädden, strö över ströbröd och grädda i en timme, tills potatisen är mjuk och fått fin färg.<br><br>Låt formen stå en stund innan den serveras, gärna med en grön sallad och knäckebröd.</div></article></main>
            """)
        #expect(text.contains("Skala potatisen"))
        #expect(text.contains("fått fin färg."))
    }

    @Test func aRatingsBoxAfterTheTextGoes() throws {
        let text = try article("""
            <div class="entry">\(Self.story)<span class="post-ratings"><strong>Var artikeln till hjälp?</strong><br><img src="star.png" alt="1"><img src="star.png" alt="2"> (12 röster: 4,5 av 5)</span></div>
            """)
        #expect(text.hasSuffix("barnens synpunkter saknades i akterna."))
    }

    @Test func aHintThatBeginsAClassNameMarksItToo() throws {
        // "newsletterbox", one word: the hint "newsletter" begins it.
        let text = try article("""
            <div class="entry">\(Self.story)<div class="c-newsletterbox"><div class="c-headline">Missa inga nyheter från Norrbotten</div>
            <p>Få veckans viktigaste nyheter om vård och omsorg direkt i din inkorg varje fredag morgon.</p></div>
            <p>Nämnden ska redovisa sina åtgärder senast den 1 september.</p></div>
            """)
        #expect(!text.contains("Norrbotten"))
        #expect(!text.contains("inkorg"))
        #expect(text.hasSuffix("senast den 1 september."))
    }
}
