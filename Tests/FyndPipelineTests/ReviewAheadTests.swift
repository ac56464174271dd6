import FyndCore
import FyndPipeline
import Testing

/// Reviews ahead and going on, as real texts tell them (realcheck35 half A, realcheck33/34 half A
/// and real-dev, session rt16): a supervisor given a review of the boards to do is a case still
/// going on, as is the social services named as what will be reviewed; a review going on with
/// words between noun and verb is still going on; a speaker going on about a review, and the
/// supervisor's steps told in a decision, are not.
@Suite struct ReviewAheadTests {
    func result(_ text: String) throws -> DocumentResult {
        try RealTextConstructionTests.result(text)
    }

    /// A supervisor choosing or deciding to review the services, with no finding yet (rt44): what
    /// it reviews decides, read by the social services' own words, for every supervisor.
    @Test func aReviewDecidedOnTheServicesIsACaseAndOneOnACourtIsNot() throws {
        for text in ["""
            JO ser över tre stadsdelar

            Justitieombudsmannen har nu valt att granska tre stadsdelsförvaltningar i Norrby under våren.
            """, """
            Revisionen tittar på biståndet

            Kommunrevisionen i Sjöby har bestämt sig för att närmare granska handläggningen av försörjningsstöd under hösten.
            """] {
            #expect(try result(text).attributes.relevant, "\(text)")
        }
        for text in ["""
            JO ser över tingsrätten

            Justitieombudsmannen har beslutat att granska hur tingsrätten i Norrby handlade ett mål om vårdnad.
            """, """
            JO ser över överförmyndaren

            Justitieombudsmannen har valt att granska överförmyndarnämndens tillsyn över två gode män i Sjöby.
            """] {
            #expect(try !result(text).attributes.relevant, "\(text)")
        }
    }

    @Test func aReviewAssignmentReceivedIsACaseGoingOn() throws {
        let r = try result("""
            Tillsyn av nämndernas ansvar för barn i familjehem

            Närmare 20 000 barn bor i familjehem. Inspektionen har fått regeringens uppdrag att genomföra tillsyn av socialnämndernas uppföljning av de placerade barnen.
            """)
        #expect(r.attributes.relevant)
        #expect(r.attributes.outcome == ["pagaende"])
    }

    @Test func theSocialServicesToBeReviewedIsACaseGoingOn() throws {
        let r = try result("""
            Hemtjänsten ska granskas

            Regeringen har gett länsstyrelsen i uppdrag att särskilt granska hur kommunernas hemtjänst planerar besöken hos de äldre.

            – Vi kommer att tala med många av de äldre själva, säger länsstyrelsens enhetschef.
            """)
        #expect(r.attributes.relevant)
        #expect(r.attributes.outcome == ["pagaende"])
    }

    @Test func aReviewGoingOnWithWordsBetweenIsGoingOn() throws {
        #expect(try result("""
            Många klagomål mot nämnden i Lidvik

            I våras fick vård- och omsorgsnämnden i Lidvik kritik av IVO för brister i hemtjänsten. Nämnden har redovisat sina åtgärder.

            Ytterligare en större tillsyn där Lidviks kommun ingår pågår. IVO ser över myndighetsutövningen inom LSS i ett tjugotal kommuner.
            """).attributes.outcome == ["pagaende"])
    }

    @Test func aSpeakerGoingOnAndTheSupervisorsStepsAreNoReviewGoingOn() throws {
        #expect(try result("""
            IVO kritiserar socialnämnden i Ekby

            IVO riktar kritik mot socialnämnden i Ekby för att orosanmälningar inte har bedömts i tid.

            – Barnen har fått vänta för länge, säger inspektören i en kommentar om granskningen och fortsätter:

            – Nämnden måste se till att rutinerna följs.
            """).attributes.outcome == ["kritik"])
        #expect(try result("""
            Beslut efter tillsyn av socialnämnden i Ekby

            IVO har begärt in dokumentation från socialnämnden och intervjuat socialsekreterare. IVO riktar kritik mot socialnämnden i Ekby för att utredningarna inte har slutförts i tid.
            """).attributes.outcome == ["kritik"])
    }
}
