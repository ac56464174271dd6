import FyndCore
import FyndPipeline
import Testing

/// Which evidence decides a document's area, in texts written for the test (sessions rt17, rt19):
/// the board or unit the review names ("vård- och äldrenämnden", "bostadssamordningen"), an area
/// named once in passing beside the one the document is about, the laws named side by side, a
/// parent's addiction in a child's case, an adult who applied for aid, and a list of client groups;
/// and (rt43) the case's people and findings where no area word is written: a care order, the
/// child's perspective found lacking, an adult moved between HVB homes, a son's birth year.
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

    @Test func aParentsAddictionInAChildsCaseIsTheChilds() throws {
        #expect(try area([
            "JO kritiserar socialnämnden i Norrvik", "",
            "Socialnämnden i Norrviks kommun inledde en utredning om pojken sedan det kommit in orosanmälningar om att hans mamma hade återfallit i missbruk.",
            "Nämnden lät pojken bo hos sin moster i fyra månader utan något beslut om placering.",
            "JO riktar kritik mot nämnden för att placeringen aldrig formaliserades.",
        ]) == ["barn_unga"])
        // The young person's own addiction, as a ground for care under LVU, is the child's case too.
        #expect(try area([
            "Kritik mot nämnden i Stavby", "",
            "Ordföranden i socialnämnden i Stavby beslutade om ett omedelbart omhändertagande enligt LVU av en flicka.",
            "JO konstaterar att nämnden inte påstod att den unga hade missbrukat narkotika.",
            "Nämnden får kritik för att omhändertagandet saknade grund.",
        ]) == ["barn_unga"])
    }

    @Test func anAdultWhoAppliedForAidIsTheAdultsArea() throws {
        #expect(try area([
            "JO riktar allvarlig kritik mot socialtjänsten i Norrvik", "",
            "Socialtjänsten i Norrvik får allvarlig kritik av JO för handläggningen av en kvinna som sökt bistånd.",
            "Hennes ansökan avslogs utan motivering och flera av hennes handlingar kom bort.",
        ]) == ["vuxen"])
    }

    @Test func aListOfClientGroupsIsNoFindingAboutEach() throws {
        #expect(try area([
            "IVO kritiserar placeringarna i Stavby", "",
            "Inspektionen för vård och omsorg (IVO) har granskat hur socialnämnden i Stavby följer upp placerade barn.",
            "Barnen i familjehem fick inte besök av sin socialsekreterare så ofta som lagen kräver.",
            "Flera av barnavårdsutredningarna saknade en analys av barnets behov.",
            "Brister i handläggningen fanns enligt IVO inom barn och unga, vuxna med missbruk, personer med funktionsnedsättning och äldreomsorgen.",
        ]) == ["barn_unga"])
    }

    @Test func aCareOrderOrTheChildsPerspectiveFoundLackingIsAChildsCase() throws {
        // A care order told with the bare noun: an lvu finding, no area word.
        #expect(try area([
            "JO kritiserar socialnämnden i Stavby", "",
            "Justitieombudsmannen (JO) riktar kritik mot socialnämnden i Stavby kommun.",
            "Nämndens dokumentation i samband med omhändertagandet var bristfällig.",
        ]) == ["barn_unga"])
        // The child's perspective lacking, beside the adults' area the review is about: both.
        #expect(Set(try area([
            "Länsstyrelsen kritiserar socialnämnden i Norrvik", "",
            "Länsstyrelsen i Västra län har granskat missbruksvården i Norrviks kommun.",
            "Utredningstiderna i missbruksärendena är för långa enligt länsstyrelsen.",
            "Dessutom saknas ett barnperspektiv i nämndens utredningar.",
        ])) == ["vuxen", "barn_unga"])
        // Children's interests in an adult's aid case are the adults' service.
        #expect(try area([
            "IVO kritiserar Lidviks kommun", "",
            "Inspektionen för vård och omsorg (IVO) riktar kritik mot socialnämnden i Lidviks kommun.",
            "Nämnden har inte dokumenterat hur barns bästa beaktas i ärenden om ekonomiskt bistånd.",
            "Handläggningen av försörjningsstöd tog dessutom för lång tid.",
        ]) == ["vuxen"])
        // The care of adults is no care order.
        #expect(try area([
            "Socialstyrelsen godkänner Åbys åtgärder", "",
            "Socialstyrelsen riktade kritik mot socialnämnden i Åby kommun för brister i omhändertagandet av personer med psykisk funktionsnedsättning.",
            "Nu har nämnden rättat till bristerna i boendestödet.",
        ]) == ["vuxen"])
    }

    @Test func anAdultPlacedInAnHVBHomeIsTheAdultsArea() throws {
        #expect(try area([
            "JO kritiserar nämnden i Åsby", "",
            "Justitieombudsmannen riktar kritik mot socialnämnden i Åsby kommun för beslutet att flytta en man från ett HVB-hem till ett annat.",
            "Mannen flyttades mot sin vilja och nämnden talade aldrig med honom om beslutet.",
        ]) == ["vuxen"])
    }

    @Test func aSonIsAChildWhenTheTextsYearsShowHimUnder18() throws {
        let lines = [
            "JO kritiserar socialnämnden i Norrvik", "",
            "En kvinna klagade hos JO på socialnämnden i Norrviks kommun i ett ärende om hennes son, CC, född 1992.",
            "Hon hade sökt hjälp hos socialtjänsten för CC sedan 2005 men fick inget stöd.",
            "JO riktar kritik mot nämnden för handläggningen.",
        ]
        #expect(try area(lines) == ["barn_unga"])
        // Born 1961, he was grown in 2005: no area from him.
        #expect(try area(lines.map { $0.replacingOccurrences(of: "född 1992", with: "född 1961") }).isEmpty)
    }

    @Test func housingForOlderPeopleInACompoundIsElderlyCare() throws {
        #expect(Set(try area([
            "Länsstyrelsen granskar omsorgen i Åby", "",
            "Länsstyrelsen har granskat socialtjänsten i Åby kommun och riktar kritik mot nämnden.",
            "Det saknas äldrebostäder i kommunen och flera beslut om insatser enligt LSS har inte verkställts.",
        ])) == ["aldre", "lss"])
    }
}
