import FyndCore
import FyndPipeline
import Testing

/// What an exclusion, a review's scope and a repeated inquiry take out of a real text's
/// findings (session rt36), each in a text written for the test.
@Suite struct ExclusionScopeTests {
    @Test func theSupervisorsInquiryDoesNotHideTheBoardsInTheSameSentence() throws {
        let r = try RealTextConstructionTests.result("""
            IVO kritiserar socialnämnden i Lidvik

            Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Lidviks kommun.
            Enligt IVO:s utredning beviljades familjen stöd i hemmet utan någon föregående utredning av barnens behov.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.contains("utredning"))
    }

    @Test func theScopeOfAReviewOfTheHandlingIsNoFinding() throws {
        let r = try RealTextConstructionTests.result("""
            IVO kritiserar socialnämnden i Lidvik

            Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Lidviks kommun för att dokumentationen om en flicka var bristfällig.
            Sedan maj har IVO granskat nämndens hantering av ärendet.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.contains("dokumentation"))
        #expect(!r.categoriesFound.contains("handlaggning"))
    }

    @Test func theLexSarahInquiryNamedAgainIsNoInvestigation() throws {
        let r = try RealTextConstructionTests.result("""
            IVO kritiserar socialnämnden i Lidvik

            Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Lidviks kommun för att dokumentationen om en kvinna var bristfällig.
            Förvaltningen startade i mars en utredning enligt lex Sarah om larmet, och denna utredning pågår fortfarande.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.contains("dokumentation"))
        #expect(!r.categoriesFound.contains("utredning"))
    }

    @Test func anInquirySentInToTheSupervisorIsNoInvestigation() throws {
        let r = try RealTextConstructionTests.result("""
            IVO kritiserar socialnämnden i Lidvik

            Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Lidviks kommun för att dokumentationen om en kvinna var bristfällig.
            Utredningen som förvaltningen skickade in i maj var inte fullständig, anser IVO.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.contains("dokumentation"))
        #expect(!r.categoriesFound.contains("utredning"))
    }
}
