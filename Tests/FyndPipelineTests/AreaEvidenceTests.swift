import FyndCore
import FyndPipeline
import Testing

/// Which evidence decides a document's area, in texts written for the test (session rt17): the
/// board or unit the review names ("vård- och äldrenämnden", "bostadssamordningen"), and an area
/// named once in passing beside the one the document is about, and the laws named side by side.
@Suite struct AreaEvidenceTests {
    func area(_ lines: [String]) throws -> [String] {
        try RealTextConstructionTests.result(lines.joined(separator: "\n")).attributes.area
    }

    @Test func anAreaNamedOnceInAQuoteIsNotTheReviewsArea() throws {
        #expect(try area([
            "IVO kritiserar gruppbostäderna i Norrvik", "",
            "Inspektionen för vård och omsorg (IVO) har granskat fyra gruppbostäder enligt LSS i Norrviks kommun.",
            "IVO riktar kritik mot socialnämnden eftersom de boende på gruppbostäderna inte fick delta i planeringen av sina insatser.",
            "Personalen på LSS-bostäderna saknade utbildning om autism.",
            "– Kunskapen behövs lika mycket här som inom äldreomsorgen, säger en förbundsordförande.",
        ]) == ["lss"])
    }

    @Test func theBoardForElderlyCareTellsTheArea() throws {
        #expect(try area([
            "Revisorerna kritiserar vård- och äldrenämnden i Stavby", "",
            "De förtroendevalda revisorerna i Stavby kommun har granskat vård- och äldrenämndens arbete med lex Sarah.",
            "Revisorerna riktar kritik mot nämnden för att rapporterade missförhållanden inte utreddes i tid.",
        ]) == ["aldre"])
    }

    @Test func theHousingUnitForHomelessAdultsTellsTheArea() throws {
        #expect(try area([
            "IVO kritiserar bostadssamordningen i Norrvik", "",
            "Inspektionen för vård och omsorg (IVO) har granskat bostadssamordningen i Norrviks kommun efter klagomål.",
            "IVO riktar kritik mot socialnämnden för brister i dokumentationen och handläggningen.",
        ]) == ["vuxen"])
    }

    @Test func theLawsNamedSideBySideBackNoArea() throws {
        #expect(try area([
            "Norrvik får betala särskild avgift", "",
            "Inspektionen för vård och omsorg (IVO) kräver att Norrviks kommun betalar en särskild avgift.",
            "En kvinna på 88 år fick vänta i nio månader på en plats i särskilt boende.",
            "Kommunerna ska verkställa sina beslut enligt socialtjänstlagen och LSS inom skälig tid.",
        ]) == ["aldre"])
    }
}
