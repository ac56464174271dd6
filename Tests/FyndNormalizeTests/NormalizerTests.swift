import FyndCore
import Foundation
import Testing
@testable import FyndNormalize

@Suite struct NormalizerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func normalize(_ text: String, _ format: InputFormat = .text) throws -> Document {
        try Normalizer().normalize(bytes: Array(text.utf8), id: "t", source: "t", format: format)
    }

    func paragraphs(_ d: Document) -> [String] {
        let u = Array(d.text.utf8)
        return d.paragraphs.map { String(decoding: u[$0], as: UTF8.self) }
    }

    @Test func swedishDatelineGivesThePublicationDateAndLeavesTheText() throws {
        let d = try normalize("IVO avslutar ärende\n\nPublicerad 12 februari 2018 08:32\n\nIVO avslutar sitt ärende om handläggning.")
        #expect(d.published == "2018-02-12")
        #expect(d.title == "IVO avslutar ärende")
        #expect(!d.text.contains("Publicerad"))
    }

    @Test func aDocumentSitesListOfRelatedDocumentsGoesUntilTheTextResumes() throws {
        let long = "Revisorerna har granskat om nämnden styr och följer upp hemtjänsten i Ekby. Vi bedömer att uppföljningen av biståndsbesluten är otillräcklig och att genomförandeplanerna ofta saknas. Nämnden bör därför införa en rutin för hur besluten följs upp och hur brukarna görs delaktiga i planeringen."
        let d = try normalize("Ekby kommun Granskning av hemtjänsten\n\nRelevanta dokument\nUppföljning av LSS-verksamheten i Norrby kommun\nGranskning av handläggning inom SoL med fokus på äldreomsorgen\nSollby kommun. Förstudie om styrning av privata utförare\n\n\(long)\n\nRelevanta dokumentet bifogas.")
        #expect(paragraphs(d) == ["Ekby kommun Granskning av hemtjänsten", long, "Relevanta dokumentet bifogas."])
        // The heading's words inside a sentence open no list.
        let e = try normalize("Nämnden har lämnat relevanta dokument till IVO.\n\nUppföljning av hemtjänsten i Ekby")
        #expect(paragraphs(e).count == 2)
    }

    @Test func shortDatelinesAndEmptyPublishedLinesGo() throws {
        let d = try normalize("10 jul 2014 16:11\n\n23 jan 2015 14:39\n\nBrister i handläggning förbättras\n\nText om tillsynen.\n\nPublicerad:\nSenast uppdaterad:")
        #expect(d.published == "2014-07-10")
        #expect(paragraphs(d) == ["Brister i handläggning förbättras", "Text om tillsynen."])
    }

    @Test func boilerplateLinesOfNewsSitesAreRemoved() throws {
        let d = try normalize("Rubrik\n\nANNONS\n\nFacebook\n\nLäs mer här!\n\nDela\n\nIVO riktar kritik mot nämnden.")
        #expect(paragraphs(d) == ["Rubrik", "IVO riktar kritik mot nämnden."])
    }

    @Test func seed001RepeatedBlockIsKeptOnceAndBylineBecomesAuthor() throws {
        let bytes = try Array(Data(contentsOf: Self.root.appendingPathComponent("corpus/seeds/001_6e6493590f0c9691.txt")))
        let d = try Normalizer().normalize(bytes: bytes, id: "001", source: "001", format: .text)
        let ps = paragraphs(d)
        #expect(ps.filter { $0.hasPrefix("– Vi jobbar på de fel") }.count == 1)
        #expect(ps.filter { $0 == "Beslut" }.count == 1)
        #expect(d.author == "Ewa Renverth")
        #expect(!d.text.contains("Ewa Renverth"))
    }

    /// Spaces and invisible marks are unified; quotation marks, dashes, hyphens and soft hyphens
    /// stay as the page writes them (what a reader copies from it).
    @Test func spacesAreUnifiedAndTypographyKept() {
        #expect(TextCleanup.unifyCharacters("social\u{00AD}tjänst\u{00A0}i — „Malmö“ «x» ’y’") == "social\u{00AD}tjänst i — „Malmö“ «x» ’y’")
        #expect(TextCleanup.unifyCharacters("\u{200E}IVO\u{200F} oros\u{2066}anmälan\u{2069} i \u{202E}Gävle\u{202C}\u{2061}") == "IVO orosanmälan i Gävle")
        #expect(TextCleanup.tidyLine("- Vi tar kritiken på allvar") == "- Vi tar kritiken på allvar")
        #expect(TextCleanup.tidyLine("• Dokumentationen i barnets akt.") == "Dokumentationen i barnets akt.")
    }

    /// A page's quotation marks, dashes and soft hyphens reach the document text as written.
    @Test func aPageKeepsItsTypography() throws {
        let page = "<html><body><article><h1>„Wir haben Fehler gemacht“</h1><p>Die Sozial\u{00AD}verwaltung – so der Bericht — prüfte »alle« Fälle nicht.</p><p>- Wir prüfen das, sagt sie.</p></article></body></html>"
        let d = try normalize(page, .html)
        #expect(paragraphs(d) == ["„Wir haben Fehler gemacht“", "Die Sozial\u{00AD}verwaltung – so der Bericht — prüfte »alle« Fälle nicht.", "- Wir prüfen das, sagt sie."])
    }

    /// Lines are tidied only when their first byte may start a bullet or a dash: every bullet
    /// the cleanup knows must start so, and lines starting with Swedish letters are left alone.
    @Test func everyBulletStartsWithAByteThatAsksForTidying() {
        for bullet in TextCleanup.bullets {
            #expect(TextCleanup.mayNeedTidying(firstByte: String(bullet).utf8.first!), "\(bullet)")
            #expect(TextCleanup.tidyLine("\(bullet) Ärendet avslutas.") == "Ärendet avslutas.")
        }
        #expect(TextCleanup.tidyLine("Även nämnden brast.") == "Även nämnden brast.")
        #expect(!TextCleanup.mayNeedTidying(firstByte: "Ö".utf8.first!))
    }

    /// A page pasted twice loses its second copy; short lines that recur ("Foto: TT") stay, and
    /// so do paragraphs that only share their length and their first and last words.
    @Test func repeatedRunsAreDroppedAndLookalikesKept() {
        let article = ["IVO riktar kritik mot socialnämnden i Gävle.", "Nämnden har inte utrett orosanmälningarna i tid.", "Foto: TT"]
        #expect(TextCleanup.dropRepeats(article + article) == article)
        #expect(TextCleanup.dropRepeats(["Foto: TT", "Barnet hördes inte.", "Foto: TT"]) == ["Foto: TT", "Barnet hördes inte.", "Foto: TT"])
        let a = "Socialnämnden i Gävle har enligt IVO brustit i handläggningen av ärendet."
        let b = "Socialnämnden i Gävle har enligt IVO lyckats i handläggningen av ärendet."
        #expect(a.utf8.count == b.utf8.count)
        #expect(TextCleanup.dropRepeats([a, b, a]) == [a, b])
        #expect(TextCleanup.dropRepeats([a, b]) == [a, b])
    }

    /// Bylines as Swedish papers print them, and closing lines that are no byline (the bytes
    /// are checked first; a name with a decomposed letter goes the whole way).
    @Test(arguments: [
        ("Ewa Renverth", "Ewa Renverth"), ("Text: Anna Andersson", "Anna Andersson"), ("Av Örjan Ödman-Åberg", "Örjan Ödman-Åberg"),
        ("Text och foto: Per Berg Ek", "Per Berg Ek"), ("A\u{30A}sa O\u{308}berg", "A\u{30A}sa O\u{308}berg"), ("Regeringskansliet", nil),
        ("Anna andersson", nil), ("Socialdepartementet Stockholm 2024", nil), ("Anna Berg, TT", nil), ("Ärendet avslutas", nil),
    ] as [(String, String?)])
    func bylines(_ line: String, _ name: String?) {
        #expect(TextCleanup.byline(line) == name)
    }

    @Test func decomposedTextBecomesNFC() throws {
        let d = try normalize("Socialnämnden i O\u{0308}stera\u{030A}ker kommun.")
        // String == compares canonically; the bytes show that the text really is composed.
        #expect(Array(d.text.utf8) == Array("Socialnämnden i \u{00D6}ster\u{00E5}ker kommun.".utf8))
    }

    /// NFC as Foundation makes it, also where the only characters from U+0300 on are dashes
    /// and quotes (checked without a UTF-16 copy) or a mark ends the text.
    @Test(arguments: [
        "Beslut – ”Österåker” €", "Beslut – O\u{0308}stera\u{030A}ker", "IVO: cafe\u{0301}", "– e\u{0301}",
        "\u{1100}\u{1161} – Hangul", "Å\u{0301} i \u{212B}ngström", "fi\u{FB01} ”citat”", "\u{2000} kvad",
        // U+2002–U+203F is told NFC without ICU; U+2001 just before it is not, nor a mark after it.
        "\u{2001} kvad", "”e\u{0301}”", "‰ • … ‘citat’",
    ])
    func nfcAgreesWithFoundation(_ text: String) {
        #expect(Array(TextCleanup.nfc(text).utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8))
    }

    @Test func hardWrappedLinesJoinButListItemsDoNot() {
        #expect(TextCleanup.lines("IVO har granskat\nsocialtjänsten i Gävle.\n• punkt ett\n• punkt två") ==
            ["IVO har granskat socialtjänsten i Gävle.", "• punkt ett", "• punkt två"])
        // Text from a PDF: a line that ends in a preposition goes on, even before a name; a
        // heading followed by a sentence does not.
        #expect(TextCleanup.lines("IVO riktar kritik mot socialnämnden i\nVäxjö kommun för dröjsmål.\nIVO:s bedömning\nIVO har granskat tio ärenden.") ==
            ["IVO riktar kritik mot socialnämnden i Växjö kommun för dröjsmål.", "IVO:s bedömning", "IVO har granskat tio ärenden."])
    }

    @Test func aSentenceBrokenByAnEmptyLineAtALineEndIsJoined() {
        // A decision copied from a PDF, an empty line at each line end: after a function word, a
        // hyphen or a line of prose, a line in lower case goes on with the sentence.
        #expect(TextCleanup.lines("Beslut om tillsyn\n\nVid min granskning har jag funnit allvarliga brister i\n\nnämndens uppföljning av placerade barn.")
            == ["Beslut om tillsyn", "Vid min granskning har jag funnit allvarliga brister i nämndens uppföljning av placerade barn."])
        #expect(TextCleanup.lines("Rapport\n\nRevisorerna har granskat den sociala barn-\n\noch ungdomsvården i Åby.")
            == ["Rapport", "Revisorerna har granskat den sociala barn- och ungdomsvården i Åby."])
        #expect(TextCleanup.lines("Rapport\n\nNämnden har under året inte följt upp sina avtal med\n\nutförarna, och revisorerna ser allvarligt på det\n\nsom framgår av granskningen.")
            == ["Rapport", "Nämnden har under året inte följt upp sina avtal med utförarna, och revisorerna ser allvarligt på det som framgår av granskningen."])
        // Not after a heading, a name, a case number or the headline, nor before a digit or a dateline.
        #expect(TextCleanup.lines("Rubrik\n\nJO dnr 123-2020\n\nom en flickas placering\n\nKarin Berg\n\nkarin.berg@exempel.se")
            == ["Rubrik", "JO dnr 123-2020", "om en flickas placering", "Karin Berg", "karin.berg@exempel.se"])
        #expect(TextCleanup.lines("Nämnden får kritik för sena beslut om stöd\n\nbild från en tidigare nämndsmöte")
            == ["Nämnden får kritik för sena beslut om stöd", "bild från en tidigare nämndsmöte"])
        #expect(TextCleanup.lines("Rubrik\n\nKommunen har ännu inte lämnat någon redovisning till\n\n12\n\nSida två")
            == ["Rubrik", "Kommunen har ännu inte lämnat någon redovisning till", "12", "Sida två"])
        #expect(TextCleanup.lines("Rubrik\n\nBrister i stödet till personer med psykisk funktionsnedsättning\n\nden 3 maj 2012 kl. 08:00")
            == ["Rubrik", "Brister i stödet till personer med psykisk funktionsnedsättning", "den 3 maj 2012 kl. 08:00"])
    }

    @Test func aDatelinesOpeningWordIsReadOnBytesAndByCharactersAlike() {
        // A line that opens with a word no date may follow at once is no dateline.
        #expect(TextCleanup.dateline("Ändringen träder i kraft den 1 juli 2024.") == nil)
        #expect(TextCleanup.dateline("A\u{308}ndringen träder i kraft den 1 juli 2024.") == nil)
        #expect(TextCleanup.dateline("Beslutet gäller från och med 1 juli 2024") == nil)
        // A weekday, "den" or a month may open one, in any case.
        #expect(TextCleanup.dateline("Måndag 3 februari 2024") == "2024-02-03")
        #expect(TextCleanup.dateline("MÅNDAG 3 februari 2024") == "2024-02-03")
        #expect(TextCleanup.dateline("Den 3 februari 2024") == "2024-02-03")
        #expect(TextCleanup.dateline("Mars 12, 2021") == "2021-03-12")
        // An opening label in capitals is read as written.
        #expect(TextCleanup.dateline("PUBLICERAD 3 mars 2021") == "2021-03-03")
        #expect(TextCleanup.dateline("Publicerad 3 mars 2021 · Uppdaterad 5 mars 2021") == "2021-03-03")
    }

    @Test func partsBesideADatelinesDateAreReadOnBytesAndByCharactersAlike() throws {
        // A place or a section beside the date, in capitals and with a label's colon too.
        #expect(TextCleanup.dateline("Ängelholm · Publicerad 2 mars 2023") == "2023-03-02")
        #expect(TextCleanup.dateline("ÖSTRA VALLBY · 2 mars 2023") == "2023-03-02")
        #expect(TextCleanup.dateline("Kategori: Nyheter · 2 mars 2023") == "2023-03-02")
        // A sign that is no letter makes the part no place, and the line no dateline.
        #expect(TextCleanup.dateline("Vallby × · 2 mars 2023") == nil)
        // A relative day or a reading time, in capitals too.
        #expect(TextCleanup.dateline("I GÅR kl 09.15 · Publicerad 11 mars 2021") == "2021-03-11")
        #expect(TextCleanup.dateline("Lästid 4 minuter · 11 mars 2021") == "2021-03-11")
        // An update's label in capitals, its date on the next line: the publication's date wins.
        let page = "Nämnden får kritik\n\nSENAST ÄNDRAD:\n\n12 januari 2024\n\nPublicerad:\n\n10 januari 2024\n\nIVO riktar kritik mot nämnden."
        #expect(try normalize(page).published == "2024-01-10")
    }

    @Test func charactersAreUnifiedAfterOthersThatStay() {
        // Dashes, quotation marks and "§" stay; a no-break space after them still becomes a space.
        #expect(TextCleanup.unifyCharacters("§ 3 – ”Vallby” «x»") == "§ 3 – ”Vallby” «x»")
        #expect(TextCleanup.unifyCharacters("§ 3 – nämnden\u{00A0}i Vallby\r\n") == "§ 3 – nämnden i Vallby\n")
    }

    @Test func aDatelineOnItsOwnLineIsNotJoinedToTheHeadlineAbove() throws {
        // Under a headline or a byline that ends without a stop, a line that is a dateline stands alone.
        #expect(TextCleanup.lines("Nämnden får kritik av IVO\n3 mars 2021 10:15\nIVO har granskat nämnden.") ==
            ["Nämnden får kritik av IVO", "3 mars 2021 10:15", "IVO har granskat nämnden."])
        #expect(TextCleanup.lines("Av Eva Lund\nons 3 mars 2021\nIVO har granskat nämnden.") ==
            ["Av Eva Lund", "ons 3 mars 2021", "IVO har granskat nämnden."])
        // A wrapped sentence that goes on with a word or ends with a stop is joined as before.
        #expect(TextCleanup.lines("Avtalet undertecknades i Vallby\nden 3 mars 2021") == ["Avtalet undertecknades i Vallby den 3 mars 2021"])
        #expect(TextCleanup.lines("Anmälan som kom in\n2021-03-03.") == ["Anmälan som kom in 2021-03-03."])
        let d = try normalize("Socialnämnden får kritik av IVO\n3 mars 2021 10:15\nIVO har granskat nämndens utredningar.")
        #expect(d.published == "2021-03-03")
        #expect(d.text == "Socialnämnden får kritik av IVO\n\nIVO har granskat nämndens utredningar.")
    }

    @Test func aPagesReviewStampAndAReportsOwnDateGiveTheDate() throws {
        #expect(try normalize("IVO har granskat nämnden.\n\nSidan granskades 2023-06-07").published == "2023-06-07")
        #expect(try normalize("IVO har granskat nämnden.\n\nSidan senast uppdaterad 2023-06-07").published == "2023-06-07")
        // A review's or change's stamp gives way to the publication's.
        #expect(try normalize("Publicerad 2022-01-10\n\nIVO har granskat nämnden.\n\nSidan granskades 2023-06-07").published == "2022-01-10")
        #expect(try normalize("Ändrad: 2023-06-07\n\nPubliceringsdatum: 2022-01-10\n\nIVO har granskat nämnden.").published == "2022-01-10")
        // A label on the line above makes one dateline with its date.
        #expect(try normalize("Sidan uppdaterades\n2023-06-07\n\nPublicerad 2022-01-10\n\nIVO har granskat nämnden.").published == "2022-01-10")
        #expect(TextCleanup.dateline("Upprättad 2021-03-03") == "2021-03-03")
        #expect(TextCleanup.dateline("Revisionsrapport 2021-03-03") == "2021-03-03")
        #expect(TextCleanup.dateline("Sammanträdesprotokoll 2021-03-03") == "2021-03-03")
    }

    @Test func aRelativeDayAReadingTimeOrDotsBesideTheDateLeaveItADateline() {
        #expect(TextCleanup.dateline("Igår 14:32 · Publicerad 11 mars 2021") == "2021-03-11")
        #expect(TextCleanup.dateline("I dag kl 09.15 | 11 mars 2021") == "2021-03-11")
        #expect(TextCleanup.dateline("Publicerad 12 mars 2021 | Uppdaterad för 3 timmar sedan") == "2021-03-12")
        #expect(TextCleanup.dateline("Nyheter · 12 mars 2021 · 3 min läsning") == "2021-03-12")
        #expect(TextCleanup.dateline("Lästid 4 minuter | 12 mars 2021") == "2021-03-12")
        #expect(TextCleanup.dateline("12.03.2021 | Nyheter") == "2021-03-12")
        #expect(TextCleanup.dateline("12.03.2021") == nil)
        #expect(TextCleanup.dateline("Mar 12, 2021") == "2021-03-12")
        // Other words beside the date are a sentence's, not a dateline's.
        #expect(TextCleanup.dateline("Igår beslutade nämnden · 11 mars 2021") == nil)
        #expect(TextCleanup.dateline("Mars 2021 beslutade nämnden om en ny plan") == nil)
    }

    @Test func aTeasersDateIsAnotherArticles() throws {
        // A list of decisions, each with its date and a "Läs mer", one of them opened: no date of its own.
        let list = try normalize("Beslutsdatum: 2021-02-12 Diarienummer: 100-2020\nKritik mot Skatteverket för sen handläggning\nLäs mer\n"
            + "Beslutsdatum: 2021-02-10 Diarienummer: 111-2020\nKritik mot nämnden i Vallby för en sen utredning\nLäs mer\n"
            + "Beslutsdatum: 2021-02-03 Diarienummer: 222-2020\nKritik mot nämnden i Åby för att barnen inte hördes\nDölj information\n"
            + "Nämnden utredde inte barnens situation i tid och får därför kritik av JO.")
        #expect(list.published == nil)
        #expect(list.text.contains("Vallby"))
        // One closed item and the opened one, dated with the same label, are a list too.
        let two = try normalize("Beslutsdatum: 2021-02-10 Diarienummer: 111-2020\nKritik mot nämnden i Vallby för en sen utredning\nLäs mer\n"
            + "Beslutsdatum: 2021-02-03 Diarienummer: 222-2020\nKritik mot nämnden i Åby för att barnen inte hördes\nDölj information\n"
            + "Nämnden utredde inte barnens situation i tid och får därför kritik av JO.")
        #expect(two.published == nil)
        // Titles, their dates and "Läs mer" above the article: the article's own date is another form.
        let news = "Nyheter\nHemtjänsten i Åby granskas\n3 februari 2021\nLäs mer\nNy förskola i Åby\n1 februari 2021\nLäs mer\n\n"
        #expect(try normalize(news + "IVO riktar kritik mot socialnämnden i Vallby för sena utredningar.").published == nil)
        #expect(try normalize(news + "Publicerad 12 mars 2021\n\nIVO riktar kritik mot socialnämnden i Vallby.").published == "2021-03-12")
        // One date, a short standfirst and "Läs mer": the article's own date above a button.
        #expect(try normalize("Nämnden får kritik\n12 mars 2021\nIVO kritiserar nämnden i Vallby.\nLäs mer\n\nIVO har granskat utredningar om barn.").published == "2021-03-12")
        // A date after "Läs också" is the next article's.
        let also = try normalize("IVO riktar kritik mot socialnämnden i Vallby för sena utredningar.\n\nLäs också\nNy förskola öppnar i Åby\nPublicerad 2 februari 2021")
        #expect(also.published == nil)
        // The document's own date before a "Läs mer" further down stays.
        let own = try normalize("Publicerad 12 mars 2021\n\nIVO riktar kritik mot socialnämnden i Vallby för sena utredningar av anmälningar om barn som far illa. "
            + "Nämnden har inte inlett utredningar i tid och har inte dokumenterat sina bedömningar, skriver inspektionen i sitt beslut om nämnden i Vallby, "
            + "som nu ska redovisa vilka åtgärder den har vidtagit.\nLäs mer")
        #expect(own.published == "2021-03-12")
    }

    /// The opening word and the byline label are read lower-cased from the line's first
    /// characters only: in capitals, after non-ASCII letters, and with a letter right after the
    /// longest opening (no opening then), as when the whole line was lower-cased.
    @Test func theOpeningIsReadFromTheLinesFirstCharacters() {
        #expect(TextCleanup.dateline("PUBLICERAD 3 februari 2024") == "2024-02-03")
        #expect(TextCleanup.dateline("SKRIVET AV Åsa Öberg 3 februari 2024") == "2024-02-03")
        #expect(TextCleanup.dateline("Sidan senast uppdaterad: 3 februari 2024") == "2024-02-03")
        #expect(TextCleanup.dateline("Sidan senast uppdaterades 3 februari 2024") == nil)
        #expect(TextCleanup.dateline("Publicerad 12 mars") == "--03-12")
        #expect(TextCleanup.dateline("Publiceradé 12 mars") == nil)
        // A line that opens with a digit or a non-ASCII capital.
        #expect(TextCleanup.dateline("12 mars 2024 kl 09.15") == "2024-03-12")
        #expect(TextCleanup.dateline("ÄNDRAD: 12 mars 2024") == "2024-03-12")
    }

    @Test func aBylineOrALabelBesideTheDateLeavesTheDate() {
        #expect(TextCleanup.dateline("Publicerad av Eva Lund 3 februari 2024") == "2024-02-03")
        #expect(TextCleanup.dateline("Skrivet av Eva Lund den 3 februari 2024") == "2024-02-03")
        #expect(TextCleanup.dateline("Av Eva Lund, 3 februari 2024") == "2024-02-03")
        #expect(TextCleanup.dateline("Postat den 3 februari 2024 av Eva Lund") == "2024-02-03")
        #expect(TextCleanup.dateline("Posted on February 3, 2024 by redaktionen") == "2024-02-03")
        #expect(TextCleanup.dateline("Av: Eva Lund | 3 februari 2024") == "2024-02-03")
        #expect(TextCleanup.dateline("Publicerad: 3 februari 2024 | Kategori: Nyheter") == "2024-02-03")
        // A sentence is no byline.
        #expect(TextCleanup.dateline("Av de granskade ärendena 3 februari 2024 var tre bristfälliga") == nil)
        #expect(TextCleanup.dateline("Publicerad 3 februari 2024 av en anställd på förvaltningen i Vallby") == nil)
    }

    @Test func aLineIsReadForDatesOnlyWhenItHoldsADigit() {
        // Sixteen bytes at a time, as a byte-by-byte look finds: a digit at every place of lines
        // of every length up to three blocks, and lines without one.
        for length in 0...48 {
            var line = Array(String(repeating: "Nämnden beslutar ", count: 4).utf8.prefix(length))
            #expect(!line.withUnsafeBufferPointer(ParagraphCollector.hasDigit))
            for at in line.indices {
                let kept = line[at]
                line[at] = UInt8(ascii: "7")
                #expect(line.withUnsafeBufferPointer(ParagraphCollector.hasDigit), "\(length) \(at)")
                line[at] = kept
            }
        }
        // A header's label without a digit still counts towards the header's words: its date follows.
        let doc = try? Normalizer().normalize(bytes: Array("BESLUT\n\nSocialnämnden i Vallby\n\n2023-11-20\n\nIVO har granskat nämnden.".utf8),
                                             id: "d", source: "d", format: .text)
        #expect(doc?.published == "2023-11-20")
    }

    @Test func decisionDatelinesGiveTheDate() {
        #expect(TextCleanup.dateline("BESLUT 2023-11-20") == "2023-11-20")
        #expect(TextCleanup.dateline("Beslutsdatum: 2024-03-12") == "2024-03-12")
        #expect(TextCleanup.dateline("Beslutet 12 maj 2020") == nil)
        #expect(TextCleanup.dateline("7 februari 2024 kl 06.00 Uppdaterad 7 februari 2024 kl 09.12") == "2024-02-07")
        // An update told relatively beside the publication's date; a publication told so leaves no date.
        #expect(TextCleanup.dateline("7 februari 2024 kl 06.00 Uppdaterad i går") == "2024-02-07")
        #expect(TextCleanup.dateline("Uppdaterad 7 februari 2024 · Publicerad i går") == nil)
    }

    @Test func datelinesAsPagesPrintThem() {
        #expect(TextCleanup.dateline("2016 sep 21") == "2016-09-21")
        #expect(TextCleanup.dateline("2022 05 17") == "2022-05-17")
        #expect(TextCleanup.dateline("Lund • Publicerad 6 april 2022") == "2022-04-06")
        #expect(TextCleanup.dateline(" • Publicerad 09:12, 8 okt 2018") == "2018-10-08")
        #expect(TextCleanup.dateline("Publicerad kl 7.45, 12 jan 2021") == "2021-01-12")
        #expect(TextCleanup.dateline("Kiruna • Publicerad 3 juni 2021 • Uppdaterad 9 december 2022") == "2021-06-03")
        #expect(TextCleanup.dateline("Uppdaterad 9 december 2022 | Publicerad 3 juni 2021") == "2021-06-03")
        #expect(TextCleanup.dateline("4 maj, 2022") == "2022-05-04")
        #expect(TextCleanup.dateline("den 14 mars 2016 kl. 10:30 Pressmeddelande") == "2016-03-14")
        #expect(TextCleanup.dateline("2011-09-30 08:15 Maria Lind") == "2011-09-30")
        #expect(TextCleanup.dateline("Publicerad torsdag 7 november 2019 kl 16.05") == "2019-11-07")
        #expect(TextCleanup.dateline("Publicerad fre 3 maj 2024") == "2024-05-03")
        // The day's name first, in any case and in English too.
        #expect(TextCleanup.dateline("MÅNDAG 26 feb 2018") == "2018-02-26")
        #expect(TextCleanup.dateline("Wednesday 3 March 2021, 10:15") == "2021-03-03")
        #expect(TextCleanup.dateline("Midsommar 26 juni 2018") == nil)
        #expect(TextCleanup.dateline("Pressmeddelande • Oct 14, 2020 09:00 CET") == "2020-10-14")
        #expect(TextCleanup.dateline("Av Per Holm | Publicerad 2 november 2022") == "2022-11-02")
        // A sentence that starts with a date, a place with a sentence after it, a bullet list item.
        #expect(TextCleanup.dateline("Den 4 maj 2022 beslutade nämnden att avsluta ärendet") == nil)
        #expect(TextCleanup.dateline("Lund • Nämnden sammanträdde 6 april 2022") == nil)
        #expect(TextCleanup.dateline("• 12 barn placerades under 2022") == nil)
    }

    @Test func aDatelineWithoutAYearTakesTheAddresssYear() throws {
        #expect(TextCleanup.dateline("Publicerad 12 mars") == "--03-12")
        #expect(TextCleanup.dateline("Uppdaterad 3 feb 14.10") == "--02-03")
        #expect(TextCleanup.dateline("den 12 mars") == nil)
        #expect(TextCleanup.dateline("Publicerad 12 mars 2019 • Uppdaterad 14 mars") == "2019-03-12")
        func normalize(_ text: String, _ address: String?) throws -> Document {
            try Normalizer().normalize(validUTF8: Array(text.utf8), id: "a", source: "a", format: .text, sha256: "", address: address)
        }
        let text = "Publicerad 12 mars\n\nIVO har granskat socialtjänsten."
        #expect(try normalize(text, "https://tidning.se/nyheter/2019/rubrik").published == "2019-03-12")
        #expect(try normalize(text, "https://tidning.se/2019/03/12/rubrik").published == "2019-03-12")
        #expect(try normalize(text, nil).published == "--03-12")
        #expect(try normalize(text, nil).text == "IVO har granskat socialtjänsten.")
        #expect(Normalizer.published("2020-05-05", address: "https://tidning.se/2019/03/12/") == "2020-05-05")
    }

    @Test func aPublicationLineBeatsAnEarlierUpdateLine() throws {
        let d = try normalize("Uppdaterad 9 december 2022\n\nPublicerad 3 juni 2021\n\nIVO har granskat socialtjänsten.")
        #expect(d.published == "2021-06-03")
        #expect(d.text == "IVO har granskat socialtjänsten.")
    }

    @Test func aCrawlersDateBeforeTheFirstWordsIsCutOff() throws {
        let d = try normalize("date 2024-02-29 Nämnden får kritik av IVO.\n\nIVO har granskat socialtjänsten.")
        #expect(d.published == "2024-02-29")
        #expect(d.text.hasPrefix("Nämnden får kritik av IVO."))
        let month = try normalize("date 2023-04 Nämnden får kritik av IVO.")
        #expect(month.published == nil)
        #expect(month.text == "Nämnden får kritik av IVO.")
    }

    @Test func aDateBeforeTheLeadDatesTheDocument() throws {
        let d = try normalize("Kommunen får betala avgift\n\n2019-11-04 Örnsköldsviks kommun har väntat för länge med en bostad.\n\nIVO ansökte om avgift.")
        #expect(d.published == "2019-11-04")
        #expect(d.text.contains("\n\nÖrnsköldsviks kommun har väntat"))
        // A cut date is no date; a date deep in the text is a fact of the story.
        #expect(try normalize("Nämnden får kritik\n\n2021-03-1 Nämnden har brustit i utredningarna.").published == nil)
        #expect(try normalize("Rubrik\n\nIngress om IVO.\n\nBrödtext om nämnden.\n\n2018-05-02 Nämnden beslutade om placering.").published == nil)
    }

    @Test func aHeaderOrACoverDatesTheDocument() throws {
        // A decision's letterhead, the date a few words after the label.
        #expect(try normalize("BESLUT\nInspektionen för vård och omsorg\n2020-10-06\nAvdelning sydost\n\nIVO förelägger nämnden.").published == "2020-10-06")
        #expect(try normalize("SOCIALFÖRVALTNINGEN Handläggare Datum Diarienummer Eva Ek 2016-09-12 SN-2016-0042 Socialnämnden").published == "2016-09-12")
        // An audit report's cover: the date just before the page count, wherever the cover is.
        let cover = "Rubrik\n\nStorlek: px\n\nTranskript\n\nBrev till nämnden.\n\nGranskning av hemtjänsten Revisionsrapport KPMG AB 14 mars 2016 Antal sidor: 9"
        #expect(try normalize(cover).published == "2016-03-14")
        // A label without a date near it, or a date far from it, dates nothing.
        #expect(try normalize("BESLUT Justitieombudsmannen Datum Dnr Sid 1 (9) Kritik mot nämnden för att den i en dom den 2 maj 2010 inte beaktade 2011-01-01 något").published == nil)
        // A header is read in the first 40 words only, however the paragraphs fall.
        let lead = Array(repeating: "Nämnden har inte utrett barnens situation.", count: 8).joined(separator: " ")
        #expect(try normalize("Rubrik\n\n\(lead)\n\nBESLUT Dnr 2019-04-02").published == nil)
        #expect(try normalize("Rubrik\n\nBESLUT Dnr\n\nSida 1 2019-04-02\n\n\(lead)").published == "2019-04-02")
    }

    /// A section's or document's label in capitals may stand before a dateline's date; the page's
    /// own dateline at the top then dates it before the teasers' dates below.
    @Test func aLabelInCapitalsBeforeTheDateLeavesADateline() throws {
        #expect(TextCleanup.dateline("NYHETER 2019-01-06 KL. 15:00") == "2019-01-06")
        #expect(TextCleanup.dateline("KULTUR & NÖJE 2024-02-12 KL. 19:30") == "2024-02-12")
        #expect(TextCleanup.dateline("SAMMANSTÄLLNING 2015-02-26") == "2015-02-26")
        // In running case the words open a sentence; four words in capitals are a heading.
        #expect(TextCleanup.dateline("Nyheter 2019-01-06 kl. 15:00") == nil)
        #expect(TextCleanup.dateline("IVO GER NÄMNDEN KRITIK 2019-01-06") == nil)
        let page = "NYHETER 2019-01-06 KL. 15:00\n\nKö till äldreboende\n\nIVO vill att Vallby betalar en särskild avgift.\n\n"
            + "Hund påkörd vid stranden\nNYHETER 2024-02-13 KL. 12:09\n\nVallen ska stoppa översvämningar\n2024-02-14 KL. 17:43"
        #expect(try normalize(page).published == "2019-01-06")
    }

    /// A decision's label may name the body that decided before the date, in any case; a report's
    /// cover gives it among its first words.
    @Test func theBodyThatDecidedMayStandBetweenTheLabelAndTheDate() throws {
        #expect(TextCleanup.dateline("Beslutad av revisorskollegiet 2020-12-16") == "2020-12-16")
        #expect(TextCleanup.dateline("Fastställd av socialnämnden 2018-06-20") == "2018-06-20")
        #expect(TextCleanup.dateline("Publicerad av misstag 2018-06-20") == nil)
        let cover = "Vallby stad Stadsrevisionen GRANSKNINGSRAPPORT Barn i behov av stöd Projektledare: Eva Ek, revisor "
            + "Beslutad av revisorskollegiet 2016-11-09 Postadress: Stadshuset " + Array(repeating: "Revisionen granskar nämnderna.", count: 8).joined(separator: " ")
        #expect(try normalize(cover).published == "2016-11-09")
    }

    /// A municipality's sender line, a letterhead's date before a body's code and number, and the
    /// date that closes page one of a transcript (the report's cover) date the document.
    @Test func aSendersLineACodedCaseNumberOrPageOnesLastDateDatesTheDocument() throws {
        #expect(try normalize("Rubrik\n\nN/A\n\n(1)\n\nVallby kommun 2017-04-11\n\nRevisorerna\n\nVi har granskat nämnderna.").published == "2017-04-11")
        #expect(try normalize("# Riktlinjer för språket\n\nReviderad 1998-06-30\n").published == nil)
        let memo = "Rubrik\n\nLena Ek\n\nSocialkontoret\n\n2018-08-28 SN 18/0098 Socialnämnden\n\nNämnden föreslås besluta."
        #expect(try normalize(memo).published == "2018-08-28")
        #expect(try normalize("Rubrik\n\nIngress.\n\nBrödtext.\n\n2018-08-28 SN ska svara nämnden.").published == nil)
        let transcript = "Revisionsrapport\n\nStorlek: px\n\nTranskript\n\n1 Revisionsrapport Hemtjänstens kvalitet Vallby kommun 14 mars 2017\n\n2 Innehåll Sammanfattning"
        #expect(try normalize(transcript).published == "2017-03-14")
        let running = "Revisionsrapport\n\nStorlek: px\n\nTranskript\n\n1 Revisionsrapport Vallby kommun 14 mars 2017 Sammanfattning Nämnden har brustit."
        #expect(try normalize(running).published == nil)
    }

    @Test func aDaysNameOrAGluedLabelMayOpenADateline() throws {
        #expect(TextCleanup.dateline("Tue 14 Mar 2017, 09:40") == "2017-03-14")
        #expect(TextCleanup.dateline("torsdag 9 november 2006") == "2006-11-09")
        #expect(TextCleanup.dateline("fredag, april 7, 2017") == "2017-04-07")
        #expect(TextCleanup.dateline("Ledare2022-10-03 06:00") == "2022-10-03")
        // A day's name before a sentence, or a label glued to a number, is no dateline.
        #expect(TextCleanup.dateline("Torsdag 9 november 2006 sammanträdde nämnden") == nil)
        #expect(TextCleanup.dateline("Sidan3 av 2022") == nil)
        let d = try normalize("Sida 112 Text\nThu 9 Nov 2006, 08:15\nNämnden får kritik\n\nIVO har granskat socialtjänsten.")
        #expect(d.published == "2006-11-09")
    }

    @Test func aGovernmentDecisionsLineOrACaseHeadingDatesTheDocument() throws {
        // A committee directive's decision line under its title.
        let directive = "Dir. 2011:17\n\nTilläggsdirektiv till utredningen om tillsynen\n\n"
            + "Beslut vid regeringssammanträde den 3 mars 2011\n\nUtredningstiden förlängs till den 1 juni 2012."
        #expect(try normalize(directive).published == "2011-03-03")
        #expect(try normalize("Rubrik\n\nRegeringen fattade beslut vid regeringssammanträde den 3 mars 2011 om direktiven.").published == nil)
        // A decision's heading with the case number first and the decision's date after a slash.
        let decision = "Diarienr: 1234-19-4.3 / Beslutsdatum: 12 mars 2020\n\nSkadeståndsanspråk mot staten\n\nAnspråket avslås."
        #expect(try normalize(decision).published == "2020-03-12")
        #expect(try normalize("Dnr 55-2018 / Datum: 2019-04-02\n\nBeslut om tillsyn\n\nNämnden får kritik.").published == "2019-04-02")
        #expect(try normalize("Diarienr: 1234-19 / Ärendet gäller den 12 mars 2020\n\nRubrik\n\nText.").published == nil)
    }

    @Test func aSigningLineOrALetterheadDatesTheDocument() throws {
        let signed = "Betänkande om tillsynen\n\nUtskottet föreslår att riksdagen lägger skrivelsen till handlingarna.\n\n"
            + "Beslutet gäller från den 1 juli 2021.\n\nUppsala den 4 mars 2021\n\nPå nämndens vägnar"
        #expect(try normalize(signed).published == "2021-03-04")
        let letter = "Rubrik\n\nN/A\n\nShare\n\nFull text\n\n(1)\n\nJustitieombudsmannen 2018-06-07 1234-2017 1 (8) Anna Ek\n\nKritik mot nämnden."
        #expect(try normalize(letter).published == "2018-06-07")
        #expect(try normalize("Rubrik\n\nN/A\n\nShare\n\n(1)\n\n2018-06-07 Dnr 12-3456-18\n\nKritik.").published == "2018-06-07")
        // The date before a case number's label other than "Dnr", as municipal memos print it.
        let memo = "Krav på utförare av stödboende\n\nN/A\n\nShare\n\n(1)\n\nInnehåll ...3\n\nFastställd av nämnden\n\n"
            + "Datum 2021-05-04 Ärendenr SN 2021/88 Version [2.0]\n\nUtföraren ska ha ett ledningssystem."
        #expect(try normalize(memo).published == "2021-05-04")
        #expect(try normalize("Rubrik\n\n(1)\n\nDatum 2020-11-30 Diarienummer VON 2020/41\n\nSvar till revisorerna.").published == "2020-11-30")
        // A date followed by another word is no letterhead's.
        #expect(try normalize("Rubrik\n\nIngress.\n\nBrödtext.\n\nDatum 2021-05-04 Ärendet gäller hemtjänsten.").published == nil)
        // A date in a sentence, an event's day, or a date before a time range is a fact of the story.
        #expect(try normalize("Rubrik\n\nIngress.\n\nBrödtext.\n\nNämnden möts i Uppsala den 4 mars 2021 för att besluta.").published == nil)
        #expect(try normalize("Protokoll från inspektionen\n\nIngress.\n\nBrödtext.\n\nOnsdagen den 4 mars 2021").published == nil)
        #expect(try normalize("Rubrik\n\nIngress.\n\nBrödtext.\n\nProgram 2018-06-07 10-12 i salen").published == nil)
    }

    @Test func aPublicationLabelInsideTheLineOpensAPartOfItsOwn() {
        // An update printed before the publication, the label glued to the year before it.
        #expect(TextCleanup.dateline("Uppdaterad: 14 jan. 2023Publicerad: 3 okt. 2021") == "2021-10-03")
        #expect(TextCleanup.dateline("Uppdaterad: 5 feb. 2022Publicerad: 5 feb. 2022") == "2022-02-05")
        #expect(TextCleanup.dateline("Uppdaterad juni 2, 2024 Publicerad maj 30, 2024") == "2024-05-30")
        #expect(TextCleanup.dateline("Uppdaterad: 14 jan. 2023Publicerad: i går") == nil)
    }

    @Test func aMunicipalSitesArticleLineAndATwicePrintedMonthGiveTheDate() {
        #expect(TextCleanup.dateline("Artikeln publicerades 3 mars 2023") == "2023-03-03")
        #expect(TextCleanup.dateline("Publicerades 12 maj 2020") == "2020-05-12")
        #expect(TextCleanup.dateline("Artikeln publicerades 3 mars 2023 och väckte debatt") == nil)
        #expect(TextCleanup.dateline("Publicerad 9 november nov 2022") == "2022-11-09")
        #expect(TextCleanup.dateline("Publicerad 14 mars mar 2019 kl 08.10") == "2019-03-14")
        // English month names as some Swedish papers' templates print them.
        #expect(TextCleanup.dateline("Publicerad 12 February 2019 06:00") == "2019-02-12")
        #expect(TextCleanup.dateline("Publicerad 3 January 2020 07:15") == "2020-01-03")
        #expect(TextCleanup.dateline("Publicerad 21 August 2018 11:02") == "2018-08-21")
        // An update stamp labelled "Senast ändrad" beside the publication line, and English labels.
        #expect(TextCleanup.dateline("Publicerad 3 mars 2021 kl. 10.12 • Senast ändrad 4 mars 2021") == "2021-03-03")
        #expect(TextCleanup.dateline("Senast ändrad 4 mars 2021 | Publicerad 2 mars 2021") == "2021-03-02")
        #expect(TextCleanup.dateline("Published 12 March 2021 08:30") == "2021-03-12")
        #expect(TextCleanup.dateline("Updated 14 March 2021 | Published 12 March 2021") == "2021-03-12")
    }

    @Test func aCoverDateAfterThePageCountDatesTheReport() throws {
        let after = "Rubrik\n\nStorlek: px\n\nDownload \"Vallby kommun. Hemtjänstens kvalitet. Revisionsrapport KPMG AB Antal sidor: 12 2016-03-14\"\n\nTranskript"
        #expect(try normalize(after).published == "2016-03-14")
        // A date elsewhere in the paragraph is not the cover's.
        #expect(try normalize("Rubrik\n\nRapporten omfattar Antal sidor: 12 och lämnades 2016-03-14 till nämnden.").published == nil)
    }

    @Test func aWrittenOutDateOpeningALetterheadDatesTheDocument() throws {
        let reply = "3 maj 2019 SN-2019/118.734 1 (4) HANDLÄGGARE Eva Ek Socialnämnden Svar på revisionsskrivelse Förslag till beslut "
            + Array(repeating: "Nämnden svarar revisorerna.", count: 6).joined(separator: " ")
        #expect(try normalize(reply).published == "2019-05-03")
        #expect(try normalize("Rubrik\n\nIngress.\n\n3 maj 2019 beslutade nämnden att svara revisorerna.").published == nil)
    }

    @Test func aMeetingsDayAndTimeInItsHeadingDatesTheNoticeOrMinutes() throws {
        let notice = "Kallelse till nämnden\n\nStorlek: px\n\nTranskript\n\n1 Socialnämnden KALLELSE Tid och plats: Tisdagen den 14 mars 2017 kl. 13.00, Stora salen"
        #expect(try normalize(notice).published == "2017-03-14")
        let minutes = "Protokoll\n\n1 PROTOKOLL 1(12) Plats och tid Rådhuset, Vallby, måndagen den 3 april 2017, kl 09.00-12.00 Beslutande Eva Ek"
        #expect(try normalize(minutes).published == "2017-04-03")
        #expect(try normalize("Plats och tid Folkets hus, onsdag 5 maj 2021 klockan 18\n\nÄrenden").published == "2021-05-05")
        // No day's name, a word that only starts like the time, a deadline or an event without a
        // heading's label, or a heading further into the document.
        #expect(try normalize("Möte\n\n1 KALLELSE Mötet hålls den 4 mars 2021 kl 10 i salen.").published == nil)
        #expect(try normalize("Möte\n\n1 KALLELSE Nämnden fick onsdagen den 4 mars 2021 klagomål på beslutet.").published == nil)
        #expect(try normalize("Svaren ska ha kommit in senast fredagen den 18 mars 2016 kl. 16.00.").published == nil)
        #expect(try normalize("Tid: Måndag 5 maj 2025, kl. 12.30-13.00").published == nil)
        #expect(try normalize("Rubrik\n\nIngress.\n\nKALLELSE Tid och plats: tisdagen den 14 mars 2017 kl. 13.00").published == nil)
    }

    @Test func aMeetingsHeadingAfterARegisterOfItemsDatesTheMinutes() throws {
        let minutes = "Ärenden 4 Budget 2023 5 Rapport om ej verkställda beslut 6 Delegationsbeslut\n"
            + "Plats och tid Kommunhuset i Vallby, tisdagen den 7 mars 2023, kl. 18:00 Beslutande Eva Ek (S), ordförande"
        #expect(try normalize(minutes).published == "2023-03-07")
    }

    @Test func aMeetingInTheTitleOfCommitteePapersDatesThem() throws {
        #expect(try normalize("Handlingar till barn- och familjenämndens sammanträde den 12 oktober 2016\n\nStorlek: px").published == "2016-10-12")
        let appendix = "Riktlinjer för placeringar\n\nStorlek: px\n\nTranskript\n\n1 Bilaga 4 till kommunstyrelsens protokoll den 7 maj 2008, § 81 Riktlinjer"
        #expect(try normalize(appendix).published == "2008-05-07")
        #expect(try normalize("Nämnden får kritik\n\nIngress.\n\nVid sammanträdet den 12 oktober 2016 beslutade nämnden att svara.").published == nil)
    }

    @Test func datelinesInTheFormsOfOtherSites() throws {
        // The neuter and other labels: published, created, reviewed, minutes.
        #expect(TextCleanup.dateline("Publicerat: 2024-02-03 14:05") == "2024-02-03")
        #expect(TextCleanup.dateline("Publicerat tisdag 6 februari 2024 kl 07.30") == "2024-02-06")
        #expect(TextCleanup.dateline("Publicerad fredag den 2 februari 2024") == "2024-02-02")
        #expect(TextCleanup.dateline("Sidan publicerades den 3 mars 2023") == "2023-03-03")
        #expect(TextCleanup.dateline("Skapad 2022-11-14") == "2022-11-14")
        #expect(TextCleanup.dateline("Protokoll 2021-05-18") == "2021-05-18")
        #expect(TextCleanup.dateline("Senast granskad: 8 januari 2024") == "2024-01-08")
        #expect(TextCleanup.dateline("Uppdaterat 12 jan 2024 | Publicerat 10 jan 2024") == "2024-01-10")
        // A byline before the label, a time before a bar.
        #expect(TextCleanup.dateline("Lisa Berg Publicerad: 14 Nov, 2019") == "2019-11-14")
        #expect(TextCleanup.dateline("06:45 | 9 okt 2022") == "2022-10-09")
        #expect(TextCleanup.dateline("Lisa Berg skrev om nämnden 14 nov 2019") == nil)
        #expect(TextCleanup.dateline("Protokollet från 2021-05-18 visar att nämnden brustit") == nil)
        #expect(TextCleanup.dateline("06:45 | Nämnden sammanträdde 9 okt 2022") == nil)
        // A page's noun before the label, a decision's date, a misspelt label, a byline or
        // "klockan" after the date, a date with dots after a label.
        #expect(TextCleanup.dateline("Inlägget publicerades 11 maj 2023") == "2023-05-11")
        #expect(TextCleanup.dateline("Sidan uppdaterades 2023-05-11") == "2023-05-11")
        #expect(TextCleanup.dateline("Datum för beslut: 11 maj 2023") == "2023-05-11")
        #expect(TextCleanup.dateline("Pubicerad 2023-05-11") == "2023-05-11")
        #expect(TextCleanup.dateline("Publicerad 11 maj 2023 av Per Holm") == "2023-05-11")
        #expect(TextCleanup.dateline("Publicerad: 11 maj 2023 klockan 08:30") == "2023-05-11")
        #expect(TextCleanup.dateline("Pressmeddelande 11 maj 2023 08:30") == "2023-05-11")
        #expect(TextCleanup.dateline("Publicerad 11.5.2023") == "2023-05-11")
        #expect(TextCleanup.dateline("11.5.2023") == nil)
        #expect(TextCleanup.dateline("Publicerad 11 maj 2023 av misstag") == nil)
    }

    @Test func aDatelinesPlaceIsKeptBesideTheDate() throws {
        let d = try normalize("Nämnden får kritik\n\nIngress om nämnden.\nTibro • Publicerad 7 maj 2021\n\nKommunen ska svara IVO.")
        #expect(d.published == "2021-05-07")
        #expect(d.datelinePlace == "Tibro")
        #expect(try normalize("Nämnden får kritik\n\nTibro2010-03-09 06:47\n\nKommunen ska svara IVO.").datelinePlace == "Tibro")
        #expect(try normalize("Nämnden får kritik\n\nPublicerad 7 maj 2021\n\nKommunen ska svara IVO.").datelinePlace == nil)
    }

    @Test func aPlaceAndDateOpeningTheLeadDateTheText() throws {
        #expect(try normalize("Nämnden får kritik\n\nVallby, 3 februari 2024 – Socialnämnden i Vallby får kritik av IVO.").published == "2024-02-03")
        #expect(try normalize("Nämnden får kritik\n\nNorra Vallby, 2024-02-03 kl. 07.00: Nämnden får kritik.").published == "2024-02-03")
        #expect(TextCleanup.dateline("Av Eva Ek, 3 februari 2024") == "2024-02-03")
        #expect(TextCleanup.dateline("Av Eva Ek, 3 februari") == nil)
        // A place and a date inside a sentence, or far into the text.
        #expect(try normalize("Nämnden får kritik\n\nVallby, 3 februari 2024 var dagen då IVO kom.").published == nil)
        #expect(try normalize("Rubrik\n\nIngress.\n\nBrödtext.\n\nVallby, 3 februari 2024 – Nämnden svarade.").published == nil)
    }

    @Test func aDateUnderAnUpdatesLabelIsTheUpdates() throws {
        let page = "Nämnden får kritik\n\nUppdaterad:\n\n12 januari 2024 10:15\n\nPublicerad:\n\n10 januari 2024 07:00\n\nIVO riktar kritik mot nämnden."
        #expect(try normalize(page).published == "2024-01-10")
        #expect(try normalize("Nämnden får kritik\n\nSenast uppdaterat\n\n12 januari 2024\n\nIVO riktar kritik mot nämnden.").published == "2024-01-12")
    }

    @Test func aMeetingsHeadingDatesItsMinutes() throws {
        #expect(TextCleanup.dateline("Sammanträde 2014-09-23") == "2014-09-23")
        #expect(TextCleanup.dateline("Sammanträdesdatum: 2014-09-23") == "2014-09-23")
        #expect(TextCleanup.dateline("Sammanträdet i nämnden 2014-09-23 handlade om budgeten") == nil)
    }

    @Test func aDateOnlyInTheAddressIsNoPublicationDate() throws {
        let d = try Normalizer().normalize(validUTF8: Array("IVO har granskat socialtjänsten.".utf8), id: "a", source: "a", format: .text,
                                           sha256: "", address: "https://tidning.se/ort/2015/03/02/ivo-granskar")
        #expect(d.published == nil)
        #expect(d.address == "https://tidning.se/ort/2015/03/02/ivo-granskar")
        let dated = try Normalizer().normalize(validUTF8: Array("Publicerad 4 mars 2015\n\nIVO har granskat.".utf8), id: "a", source: "a",
                                               format: .text, sha256: "", address: "https://tidning.se/ort/2015/03/02/ivo-granskar")
        #expect(dated.published == "2015-03-04")
    }

    @Test func aPlainTextsOpeningSourceLineIsItsAddressAndNoText() throws {
        let body = "Nämnden i Ekby får kritik\n\nIVO riktar kritik mot socialnämnden för långa utredningstider."
        func normalize(_ text: String, address: String? = nil) throws -> Document {
            try Normalizer().normalize(validUTF8: Array(text.utf8), id: "a", source: "a", format: .text, sha256: "", address: address)
        }
        let plain = try normalize(body)
        for line in ["rewritten from: https://tidning.se/ekby/2015/03/02/kritik", "Källa: https://tidning.se/ekby/2015/03/02/kritik",
                     "  SOURCE:https://tidning.se/ekby/2015/03/02/kritik ", "URL: https://tidning.se/ekby/2015/03/02/kritik",
                     "https://tidning.se/ekby/2015/03/02/kritik", "Rewritten from https://tidning.se/ekby/2015/03/02/kritik",
                     "Hämtad från: https://tidning.se/ekby/2015/03/02/kritik"] {
            let d = try normalize("\n" + line + "\n\n" + body)
            #expect(d.address == "https://tidning.se/ekby/2015/03/02/kritik", "\(line)")
            #expect(d.text == plain.text && d.paragraphs == plain.paragraphs && d.title == "Nämnden i Ekby får kritik")
        }
        // An address the input gives is kept; the line still goes.
        let given = try normalize("Källa: https://tidning.se/ekby/kritik\n" + body, address: "https://arkiv.se/1")
        #expect(given.address == "https://arkiv.se/1" && given.text == plain.text)
        // A source that is no address, an address inside a sentence, or a second line is text.
        for text in ["Källa: Ekby-Posten\n\n" + body, "Läs mer på https://tidning.se/ekby/kritik\n\n" + body,
                     "Så här skriver tidningen om fallet: https://tidning.se/ekby/kritik\n\n" + body,
                     body + "\n\nhttps://tidning.se/ekby/kritik"] {
            let d = try normalize(text)
            #expect(d.address == nil && d.text != plain.text)
        }
    }

    @Test func aLineOfMoreThanFourWordsOrWithoutHTTPIsNoSourceLineBeforeItIsDecoded() {
        func may(_ line: String) -> Bool { SourceLine.mayName(ArraySlice(Array(line.utf8))) }
        #expect(may("Källa: https://tidning.se/a") && may("HTTPS://TIDNING.SE/A") && may("rewritten from: http://a.se"))
        #expect(!may("Socialnämnden i Ekby får kritik av IVO för https://tidning.se/a"))
        #expect(!may("Källa: Ekby-Posten"))
    }
}
