import FyndCore
import FyndPipeline
import Testing

/// Category words in relevant texts that state no finding of the supervision (realcheck40/43
/// and realcheck51 half A, session rt25), each in a text written for the test: the complainant's
/// account, what the report of concern said, and a section on the review's background; and the
/// topic of a review the supervisor announces, which is a finding as the held-out labellers count
/// it (rt39).
@Suite struct CategoryPrecisionTests {
    @Test func anAnnouncedReviewsTopicIsAFinding() throws {
        let r = try RealTextConstructionTests.result("""
            JO riktar kritik mot socialnämnden i Lidvik

            Justitieombudsmannen riktar kritik mot socialnämnden i Lidviks kommun för att en utredning om ett barn pågick i åtta månader.
            JO kommer att inleda en undersökning av hur kommunerna handlägger ansökningar om personlig assistans enligt LSS.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.isSuperset(of: ["utredning", "lss", "handlaggning"]))
    }

    @Test func aPersonLyingStillIsNoCaseLeftLying() throws {
        let r = try RealTextConstructionTests.result("""
            IVO kritiserar nattpatrullen i Lidvik

            Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Lidviks kommun efter en natt i hemtjänsten.
            När larmet kom låg en anställd orörlig i soffan.
            """)
        #expect(r.attributes.relevant)
        #expect(!r.categoriesFound.contains("handlaggning"))
    }

    @Test func aResidentAloneAtNightIsNoStaffing() throws {
        let r = try RealTextConstructionTests.result("""
            Lex Sarah-anmälan efter dödsfall i Lidvik

            Socialnämnden i Lidviks kommun har gjort en lex Sarah-anmälan till IVO efter att ett trygghetslarm inte besvarades.
            Kvinnan avled natten till fredag ensam i sin lägenhet.
            """)
        #expect(r.attributes.relevant)
        #expect(!r.categoriesFound.contains("personal"))
    }

    @Test func theSupervisorsOwnReviewIsNoInternalControl() throws {
        let r = try RealTextConstructionTests.result("""
            IVO granskar socialnämnden i Lidvik

            Inspektionen för vård och omsorg kommer att göra en egen granskning av hur socialnämnden i Lidviks kommun placerade en pojke på ett HVB-hem.
            """)
        #expect(r.attributes.relevant)
        #expect(!r.categoriesFound.contains("egenkontroll"))
    }

    @Test func theComplainantsAccountIsNoFinding() throws {
        let r = try RealTextConstructionTests.result("""
            Kritik mot socialnämnden i Lidviks kommun

            JO kritiserar socialnämnden i Lidviks kommun för att den inte dokumenterade sitt beslut om placeringen av en flicka.
            Även morfadern klagade på hur socialnämnden hade handlagt dotterdotterns ärende.
            Av anmälan framgick att hennes bror hade blivit slagen av en granne.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.contains("dokumentation"))
        #expect(!r.categoriesFound.contains("handlaggning"))
        #expect(!r.categoriesFound.contains("vald"))
    }

    @Test func aBackgroundSectionNamesTopics() throws {
        let r = try RealTextConstructionTests.result("""
            IVO kritiserar socialnämnden i Lidvik

            Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Lidviks kommun för att utredningar om barn har dragit ut på tiden.

            1.1 Bakgrund till tillsynen

            Under våren granskade IVO även nämndens arbete med familjehemsplacerade barn och hur orosanmälningar tas emot.

            IVO:s bedömning

            IVO bedömer att nämnden inte har följt upp placeringarna och att dokumentationen är bristfällig.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.isSuperset(of: ["utredning", "placering", "dokumentation"]))
        #expect(!r.categoriesFound.contains("familjehem"))
        #expect(!r.categoriesFound.contains("orosanmalan"))
    }

    // Session 16 (realcheck50 after its end measurement): the inquiry into an incident — a lex
    // Sarah inquiry's or the supervisor's — as the source of what came out is no client investigation.
    @Test func anInquiryIntoWhatHappenedIsNoClientInvestigation() throws {
        let r = try RealTextConstructionTests.result("""
            IVO kritiserar hemtjänsten i Lidvik

            IVO riktar kritik mot äldrenämnden i Lidviks kommun för att en kvinna inte fick sina besök av hemtjänsten.
            Kvinnan fick vänta i flera timmar varje dag, visar utredningen.
            Nämnden har två månader på sig att utreda vad som har hänt.
            """)
        #expect(r.attributes.relevant)
        #expect(!r.categoriesFound.contains("utredning"))
        // A gap in the board's own investigation stays one.
        let gap = try RealTextConstructionTests.result("""
            IVO kritiserar socialnämnden i Lidvik

            IVO riktar kritik mot socialnämnden i Lidviks kommun. I utredningen framkom inte barnets inställning till placeringen.
            """)
        #expect(gap.categoriesFound.contains("utredning"))
    }
}
