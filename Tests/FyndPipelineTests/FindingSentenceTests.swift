import FyndCore
import FyndPipeline
import Testing

/// Sentences that name a finding's topic without stating a finding (session rt13, realcheck33
/// half A; session rt22, realcheck43 half A): an auditors' report lists every chapter in its
/// table of contents, a question, direct or indirect, asks what a cue would have to judge, and a
/// heading or slogan names a topic. Texts written for the test.
@Suite struct FindingSentenceTests {
    @Test func aTableOfContentsNamesChaptersAndStatesNoFinding() throws {
        // A report's contents run together on one line, as a copy of a PDF prints them, then
        // its summary with the one finding the review made.
        let r = try RealTextConstructionTests.result("""
            Revisionsrapport 2021:3 Granskning av socialnämndens arbete med placerade barn i Lidviks kommun

            Innehåll 1 Sammanfattning... 2 2 Inledning... 3 2.1 Syfte... 3 3.1 Handläggning av ärenden... 5 3.2 Kompetens och utbildning... 6 3.3 Ledningssystem för kvalitet... 7 Bilaga ..........12

            Revisorerna har granskat socialnämnden i Lidvik och bedömer att uppföljningen av placerade barn brister i flera ärenden.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.contains("placering"))
        for category in ["handlaggning", "kompetens", "egenkontroll"] {
            #expect(!r.categoriesFound.contains(category), "\(category)")
        }
    }

    @Test func aSentenceCutOffByThePageStaysAFinding() throws {
        let r = try RealTextConstructionTests.result("""
            IVO kritiserar socialnämnden i Lidvik

            Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Lidvik efter en tillsyn av barn- och familjeenheten.

            Nämnden har inte dokumenterat samtalen med barnen i flera av...
            """)
        #expect(r.categoriesFound.contains("dokumentation"))
    }

    @Test func aQuestionNamesATopicWithoutFindingIt() throws {
        // A reporter's question and a question IVO raises; the judged question ("inte") stays.
        let r = try RealTextConstructionTests.result("""
            IVO kritiserar socialnämnden i Lidvik

            Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Lidvik för brister i utredningarna av barn.

            Hur ser nämnden på personalomsättningen bland socialsekreterarna?

            IVO frågar också hur familjehemmen följs upp?

            Varför har barnen inte fått komma till tals?
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.contains("utredning"))
        #expect(r.categoriesFound.contains("barnperspektiv"))
        for category in ["personal", "familjehem"] {
            #expect(!r.categoriesFound.contains(category), "\(category)")
        }
    }

    @Test func anIndirectQuestionNamesATopicWithoutFindingIt() throws {
        // What JO asks the board, and a decision's title that opens with the question; the same
        // topics stated, judged or not, stay findings ("i fråga om" is "concerning").
        let asked = try RealTextConstructionTests.result("""
            Fråga bl.a. om nämnden kunde vänta med att placera pojken i ett familjehem

            JO riktar kritik mot socialnämnden i Lidvik för brister i utredningen av pojkens behov.

            JO undrar också om flickan har fått komma till tals under utredningen.

            Inspektören ifrågasätter huruvida personalomsättningen har påverkat ärendet.
            """)
        #expect(asked.attributes.relevant)
        #expect(asked.categoriesFound.contains("utredning"))
        for category in ["placering", "familjehem", "barnperspektiv", "personal"] {
            #expect(!asked.categoriesFound.contains(category), "\(category)")
        }
        let stated = try RealTextConstructionTests.result("""
            JO riktar kritik mot socialnämnden i Lidvik för brister i utredningen av pojkens behov.

            Placeringen av pojken i ett familjehem skedde i mars, och JO konstaterar brister i fråga om dokumentationen.
            """)
        for category in ["placering", "familjehem", "dokumentation"] {
            #expect(stated.categoriesFound.contains(category), "\(category)")
        }
    }

    @Test func aHeadingOrSloganNamesATopicWithoutFindingIt() throws {
        // A slogan over a review of the board and a heading that judges ("Brister i akterna").
        let r = try RealTextConstructionTests.result("""
            Tillbaka

            För barnets bästa

            Revisorerna i Lidvik har granskat socialnämndens arbete och bedömer att utredningarna tar för lång tid.

            Brister i akterna

            Revisorerna konstaterar också att nämndens egenkontroll fungerar.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.contains("utredning"))
        #expect(r.categoriesFound.contains("dokumentation"))
        #expect(!r.categoriesFound.contains("barnperspektiv"))
        // Inside the text a short line is a table's row, judged on the line after it.
        let table = try RealTextConstructionTests.result("""
            Revisorerna i Lidvik har granskat socialnämndens arbete med barn och unga.

            Barnets bästa

            Inte uppfyllt
            """)
        #expect(table.categoriesFound.contains("barnperspektiv"))
    }
}
