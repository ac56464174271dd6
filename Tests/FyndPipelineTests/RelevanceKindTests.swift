import FyndPipeline
import Testing

/// Kinds of text whose relevance fynd misjudged on fresh real text (session rt32, realcheck62 A
/// and the misses of the earlier sets), each in a text written for the test: a case told in
/// English (a machine translation, a supervisor's English summary) and its look-alike, a private
/// home's staff against the supervisor; staff reporting missförhållanden without the words "lex
/// Sarah"; the look-alike of a guide that defines the lex Sarah rules; and JO's decisions in their
/// own layouts: a list of decision headings that do not name JO, and a copy headed by its number;
/// an audit's recommendation to the board, and the county boards' judgement in a national report;
/// auditors judging a board's budget, the look-alike of auditors judging its services (rt35);
/// a review named by its object, the social services' work, as a report's title or in a news
/// lead in the passive or a municipality's own review of its homes, the city's inspectors on
/// compulsory care under LVM, Socialstyrelsen reviewing a board before IVO, and a court as the
/// party JO criticises (rt37).
@Suite struct RelevanceKindTests {
    private func relevant(_ text: String) throws -> Bool {
        try RealTextConstructionTests.result(text).attributes.relevant
    }

    @Test func aCaseToldInEnglishIsRelevant() throws {
        #expect(try relevant("""
            The social welfare board in Lidvik is criticised by the Parliamentary Ombudsmen

            The board placed a twelve-year-old boy in a family home without first investigating the home. The investigation was not opened until a year later.

            In the decision, the Parliamentary Ombudsmen directs criticism towards the Social Welfare Board in Lidvik municipality for the placement.
            """))
    }

    @Test func staffCriticisingTheSupervisorInEnglishIsNoCase() throws {
        #expect(try !relevant("""
            Staff at closed care home question the inspectorate

            An employee of the privately run HVB home criticizes IVO's decision to close it down. The decision was taken too quickly, the employee writes.

            The company that owned the home chose to wind up the business after its own investigation. IVO has not commented on the criticism.
            """))
    }

    @Test func staffReportingMissförhållandenIsACase() throws {
        #expect(try relevant("""
            Personal larmar om boendet

            Personal i hemtjänsten i Lidvik anmäler till förvaltningen att det har förekommit missförhållanden hos flera äldre. Bland annat har larm inte besvarats på flera timmar.

            Förvaltningschefen säger att saken ska utredas.
            """))
    }

    @Test func aGuideDefiningLexSarahIsNoCase() throws {
        #expect(try !relevant("""
            Lex Sarah – rapport om missförhållanden i socialtjänsten

            Vad är lex Sarah?

            Lex Sarah är ett sammanfattande namn för bestämmelserna om rapporter om missförhållanden i socialtjänsten och inom LSS.

            Bestämmelserna om lex Sarah omfattar även anmälan av allvarliga missförhållanden i socialtjänsten till Inspektionen för vård och omsorg.

            En rapport kan gälla allvarliga missförhållanden i kommunens äldreomsorg.
            """))
    }

    @Test func aDecisionHeadingInJOsListIsACase() throws {
        #expect(try relevant("""
            Senast publicerade beslut

            Kritik mot Skatteverket för långsam handläggning av ett ärende om folkbokföring

            Allvarlig kritik mot Socialnämnden i Lidviks kommun för att ha placerat en pojke hos hans farföräldrar utan att utreda hemmet

            Sammanfattning

            Nämnden placerade pojken hos farföräldrarna samma dag som en orosanmälan kom in. Någon utredning av hemmet gjordes aldrig.
            """))
    }

    @Test func aJODecisionHeadedByItsNumberIsACase() throws {
        #expect(try relevant("""
            JO dnr 4711-2003

            Fråga om socialnämnden varit skyldig att fatta ett överklagbart beslut när en man flyttades till ett annat särskilt boende

            Den 3 mars 2001 beviljade Omsorgsnämnden i Lidviks kommun en ansökan om bistånd i form av särskilt boende för AA.

            Våren 2003 beslutade omsorgsnämnden att AA skulle flytta till ett annat boende.
            """))
    }

    @Test func anAuditsRecommendationToTheBoardIsACase() throws {
        #expect(try relevant("""
            Granskning av uppföljningen av beslut inom LSS

            Kommunrevisionen i Lidvik har gett en konsult i uppdrag att granska hur beslut om insatser enligt LSS följs upp.

            Omsorgsnämnden ansvarar för verksamheten enligt LSS i Lidviks kommun.

            Granskningen rekommenderar att omsorgsnämnden säkerställer att varje beslut följs upp minst en gång om året.
            """))
    }

    @Test func theCountyBoardsJudgementInANationalReportIsACase() throws {
        #expect(try relevant("""
            Boenden för äldre försvinner för snabbt

            Socialstyrelsen har sammanställt tillsynsrapporterna från landets länsstyrelser.

            Flera länsstyrelser menar att kommunerna gör om särskilda boenden till seniorboenden utan att de äldres behov är utredda.

            I flera län har dagverksamheter lagts ned.
            """))
    }

    @Test func auditorsJudgingTheBoardsBudgetIsNoCase() throws {
        #expect(try !relevant("""
            Nämndens underskott växer

            Socialnämnden i Lidvik har gått med underskott i tre år och får nu kritik av kommunens revisorer.

            Revisorerna anser att nämnden inte har gjort tillräckligt för att nå en ekonomi i balans.

            Ordföranden säger att kostnaderna för hemtjänsten har ökat mer än väntat.
            """))
        #expect(try relevant("""
            Nämnden brister i hemtjänsten

            Socialnämnden i Lidvik har inte följt upp hemtjänsten i tre år och får nu kritik av kommunens revisorer.

            Revisorerna anser att nämnden inte har säkerställt att besluten om hemtjänst följs upp.

            Ordföranden säger att rutinerna för hemtjänsten ska ses över.
            """))
    }

    @Test func aReportTitledByTheServicesItReviewsIsACase() throws {
        #expect(try relevant("""
            Barns trygghet i familjehem
            En granskning av socialtjänstens myndighetsutövning för placerade barn i Norrmarks län

            Förord

            Rapporten beskriver hur arbetet har gått till och vilka frågor som ställdes till nämnderna.
            """))
    }

    @Test func aMunicipalityReviewedInThePassiveIsACase() throws {
        #expect(try relevant("""
            Kommunen granskas av IVO

            Sköter nämnden för vård och välfärd handläggningen av ekonomiskt bistånd som lagen kräver?

            Det ska Inspektionen för vård och omsorg ta reda på vid ett tillsynsbesök i Lidvik i höst. En invånare har skrivit till myndigheten om hur nämnden behandlar ansökningar.
            """))
    }

    @Test func aCourtCriticisedByJOIsNoCase() throws {
        #expect(try !relevant("""
            JO riktar kritik mot förvaltningsrätten

            Justitieombudsmannen riktar kritik mot Förvaltningsrätten i Lidvik för handläggningen av ett mål om vård enligt LVU.

            Socialnämnden ansökte om vård av en flicka i mars. Domstolen avgjorde målet först i december. Den ansvariga domaren får kritik för att målet blev liggande.
            """))
    }

    @Test func aMunicipalityReviewingItsOwnHomesIsACase() throws {
        #expect(try relevant("""
            Sammanträde med omsorgsnämnden

            3 Granskning av gruppboenden i kommunal regi

            Kommunens kvalitetsenhet har under hösten gått igenom två boenden. Åtgärdsplaner begärs in där kvaliteten inte var godkänd.
            """))
    }

    @Test func theCitysInspectorsOnCompulsoryCareAreACase() throws {
        #expect(try relevant("""
            Tvångsvård sällan första val

            Stadens inspektörer har gått igenom fyrtio akter om personer med svåra alkoholproblem i tre stadsdelar.

            Inspektörerna fann att det i varje stadsdel fanns personer som borde ha fått vård enligt LVM. Det dröjde ofta innan något hände.
            """))
    }

    @Test func socialstyrelsenReviewingABoardIsACase() throws {
        #expect(try relevant("""
            Socialstyrelsen kräver åtgärder av nämnden

            Förra året kom ett klagomål på hur socialnämnden i Lidvik handlade ärenden om barn. Efter klagomålet valde Socialstyrelsen att granska nämnden.

            Nämnden måste enligt myndigheten fatta beslut om placering innan ett barn flyttas. I juni ska nämnden ha svarat på hur det ska ske.
            """))
    }

    /// A supervisor judging its party named only as the municipality, in words no act list held
    /// (rt41): "nöjd med", "ger godkänt", "uppmärksammade".
    @Test func aSupervisorApprovingTheMunicipalityIsACase() throws {
        #expect(try relevant("""
            Socialstyrelsen ger Lidviks kommun godkänt

            Socialstyrelsen är nu nöjd med de åtgärder som Lidviks kommun har vidtagit sedan förra året.

            Vid besöket i fjol uppmärksammade Socialstyrelsen att boende med psykisk funktionsnedsättning inte fick den hjälp de behövde. Nu har rutinerna ändrats.
            """))
    }

    /// Its look-alike: a county board judging a municipality's planning in the same words.
    @Test func aCountyBoardJudgingTheMunicipalitysPlanIsNoCase() throws {
        #expect(try !relevant("""
            Länsstyrelsen underkänner detaljplanen

            Länsstyrelsen är kritisk till hur Lidviks kommun har planerat det nya bostadsområdet vid hamnen.

            Kommunen måste nu redovisa hur bullret ska begränsas innan planen kan antas.
            """))
    }
}
