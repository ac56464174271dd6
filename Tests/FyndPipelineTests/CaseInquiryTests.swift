import FyndCore
import FyndPipeline
import Testing

/// The case's own inquiry into an incident (`rules/attributes/inquiry.yaml`, realcheck50/54 and
/// realcheck61 half A, session rt31): where a text names a lex Sarah inquiry or the supervisor's,
/// the bare "utredningen", the inquiry into the handling and the lex Sarah duties refer to it,
/// not to an investigation of a client, unless a cue judges them. Texts written for the test.
@Suite struct CaseInquiryTests {
    @Test func aLexSarahInquiryIsNoInvestigationOfAClient() throws {
        let r = try RealTextConstructionTests.result("""
            Lex Sarah-anmälan efter att larm inte besvarades i Lidvik

            Socialnämnden i Lidviks kommun har gjort en lex Sarah-anmälan till IVO sedan en man i hemtjänsten fått vänta i fem timmar på hjälp.
            Nu genomförs en lex Sarah-utredning av det som hände.
            När utredningen är klar skickas den till IVO.
            Nämnden bedöms ha fullgjort sin utrednings- och anmälningsskyldighet.
            """)
        #expect(r.attributes.relevant)
        #expect(!r.categoriesFound.contains("utredning"))
        #expect(!r.categoriesFound.contains("egenkontroll"))
        #expect(!r.categoriesFound.contains("orosanmalan"))
    }

    @Test func anInvestigationToldInItsOwnWordsStays() throws {
        let r = try RealTextConstructionTests.result("""
            IVO kritiserar socialnämnden i Lidvik

            Socialnämnden i Lidviks kommun har gjort en lex Sarah-anmälan till IVO.
            IVO konstaterar att nämnden inte har utrett barnets behov av skydd trots tre orosanmälningar.
            """)
        #expect(r.categoriesFound.contains("utredning"))
        #expect(r.categoriesFound.contains("orosanmalan"))
    }

    @Test func aJudgedInvestigationStaysTheBoards() throws {
        let r = try RealTextConstructionTests.result("""
            IVO kritiserar socialnämnden i Lidvik

            IVO riktar kritik mot socialnämnden i Lidviks kommun och har nu avslutat sin utredning.
            Enligt IVO finns det allvarliga brister i utredningen av pojkens situation.
            """)
        #expect(r.categoriesFound.contains("utredning"))
    }

    @Test func withoutAnInquiryTheNounIsTheBoardsInvestigation() throws {
        let r = try RealTextConstructionTests.result("""
            JO kritiserar socialnämnden i Lidvik

            Justitieombudsmannen riktar kritik mot socialnämnden i Lidviks kommun.
            Utredningen om pojken pågick i nio månader utan att nämnden beslutade om förlängd tid.
            """)
        #expect(r.categoriesFound.contains("utredning"))
    }
}
