import FyndCore
import FyndPipeline
import Testing

/// Categories the held-out labellers count that the rules missed (realcheck40, 50 and 60 half A,
/// session rt39), each in a text written for the test: a report about a child told without
/// "oro", the older name "barnavårdsanmälan", an aid investigation, case handling and personal
/// assistance in compounds, a machine translation into English, the board's control of its
/// contracted providers; and the supervisor's own inquiry, which the held-out labellers leave
/// out.
@Suite struct HeldoutCategoryTests {
    @Test func aReportAboutAChildIsAReportOfConcern() throws {
        let r = try RealTextConstructionTests.result("""
            IVO kritiserar socialnämnden i Lidvik

            Inspektionen för vård och omsorg riktar kritik mot socialnämnden i Lidviks kommun för brister i hanteringen av anmälningar rörande barn och unga som kan behöva skydd.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.contains("orosanmalan"))
    }

    @Test func aComplaintAboutAChildToTheSupervisorIsNone() throws {
        let r = try RealTextConstructionTests.result("""
            JO kritiserar socialnämnden i Lidvik

            JO kritiserar socialnämnden i Lidviks kommun för att beslutet om placeringen inte dokumenterades.
            En anmälan till JO om hur barnet behandlats kom in från morföräldrarna.
            """)
        #expect(r.attributes.relevant)
        #expect(!r.categoriesFound.contains("orosanmalan"))
    }

    @Test func theOlderNameOfTheReportCounts() throws {
        let r = try RealTextConstructionTests.result("""
            Länsstyrelsen kritiserar socialnämnden i Lidvik

            Länsstyrelsen riktar kritik mot socialnämnden i Lidviks kommun för att barnavårdsanmälningar inte har bedömts skyndsamt.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.contains("orosanmalan"))
    }

    @Test func compoundsOfAidInvestigationAndAssistance() throws {
        let r = try RealTextConstructionTests.result("""
            JO kritiserar socialnämnden i Lidvik

            JO riktar kritik mot socialnämnden i Lidviks kommun, som har gjort för tunna biståndsutredningar och förelagt ett assistansbolag att ta fram en handlingsplan.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.isSuperset(of: ["utredning", "lss"]))
    }

    @Test func caseHandlingInACompound() throws {
        let r = try RealTextConstructionTests.result("""
            Revisorerna kritiserar socialnämnden i Lidvik

            Kommunens revisorer riktar kritik mot socialnämnden i Lidviks kommun för brister i biståndshandläggningen inom hemtjänsten.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.contains("handlaggning"))
    }

    @Test func anEnglishTranslationNamesTheTopics() throws {
        let r = try RealTextConstructionTests.result("""
            IVO reviews the social services in Lidvik

            The Health and Social Care Inspectorate, IVO, has found serious shortcomings in the social services in Lidvik municipality.
            IVO will review the board's handling of protection assessments and child care investigations, and whether children are allowed to speak.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.isSuperset(of: ["forhandsbedomning", "utredning", "barnperspektiv"]))
    }

    @Test func whatCameOutOfTheSupervisorsInquiryIsNoInvestigation() throws {
        let r = try RealTextConstructionTests.result("""
            JO kritiserar socialnämnden i Lidvik

            JO kritiserar socialnämnden i Lidviks kommun för att ett beslut om kontaktfamilj inte verkställdes.
            Under utredningen kom det även fram att nämnden inte hade rapporterat beslutet till IVO.
            """)
        #expect(r.attributes.relevant)
        #expect(!r.categoriesFound.contains("utredning"))
    }

    @Test func theOmbudsmansOwnInquiryIsNoInvestigation() throws {
        let r = try RealTextConstructionTests.result("""
            JO kritiserar socialnämnden i Lidvik

            JO riktar kritik mot socialnämnden i Lidviks kommun för att ett beslut om bistånd inte motiverades.
            Jag beslutade att utreda handläggningen i två av ärendena.
            JO inleder utredning mot socialnämnden i Storby efter två anmälningar.
            """)
        #expect(r.attributes.relevant)
        #expect(!r.categoriesFound.contains("utredning"))
    }

    @Test func controlOfContractedProvidersIsInternalControl() throws {
        let r = try RealTextConstructionTests.result("""
            Revisorerna granskar omsorgsnämnden i Lidvik

            Kommunens revisorer riktar kritik mot omsorgsnämnden i Lidviks kommun för brister i kontrollen av privata utförare i hemtjänsten.
            """)
        #expect(r.attributes.relevant)
        #expect(r.categoriesFound.contains("egenkontroll"))
    }
}
