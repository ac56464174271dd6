import FyndCore
import FyndPipeline
import Testing

/// Which sentences state a document's outcome (realcheck34 half A and real-dev, session rt14):
/// the supervisor planning no further measures closes the case; criticism from someone who
/// supervises nothing is no outcome; a class of boards told by an outcome they have had, or an
/// outcome the supervisor has already given, is the background of a review going on now; a
/// teaser above a paragraph states only what that paragraph does; what an injunction or a fine
/// is, or may befall anyone, is no outcome of this case.
@Suite struct OutcomeStatementTests {
    func outcome(_ text: String) throws -> [String] {
        try RealTextConstructionTests.result(text).attributes.outcome
    }

    @Test func noFurtherMeasuresPlannedByTheSupervisorClosesTheCase() throws {
        #expect(try outcome("""
            Ekby kommun får kritik av IVO

            IVO riktar kritik mot socialnämnden i Ekby för att ett familjehem inte hade utretts. Några ytterligare åtgärder planeras inte av inspektionen, som dock kan komma att följa upp ärendet.
            """) == ["kritik", "avslutat"])
        // The board planning no more is no closing.
        #expect(try outcome("""
            IVO kritiserar socialnämnden i Ekby

            IVO riktar kritik mot socialnämnden i Ekby för att ett familjehem inte hade utretts. Nämnden planerar inga ytterligare åtgärder eftersom rutinen redan är ändrad.
            """) == ["kritik"])
    }

    @Test func criticismFromSomeoneWhoSupervisesNothingIsNoOutcome() throws {
        #expect(try outcome("""
            Särskild avgift för hemtjänsten i Ekby

            IVO ansöker hos förvaltningsrätten om en särskild avgift på 80 000 kronor eftersom ett beslut om hemtjänst inte har verkställts på sju månader. Kommunen har flera gånger fått kritik av pensionärsföreningen för väntetiderna.
            """) == [])
        #expect(try outcome("""
            Hemtjänsten i Ekby

            Kommunen har flera gånger fått kritik av IVO för väntetiderna i hemtjänsten, och nu ansöker inspektionen om en särskild avgift.
            """) == ["kritik"])
    }

    @Test func boardsToldByAnOutcomeTheyHaveHadAreTheBackgroundOfAReviewNow() throws {
        #expect(try outcome("""
            JO inspekterar socialtjänsten i Ekby

            I vår inleder JO en rad inspektioner av socialnämnder som fått kritik för sin handläggning av barnärenden. Ekby är först ut.

            – Jag har redan riktat kritik mot de här nämnderna och vill nu se om något har hänt, säger justitieombudsmannen.
            """) == ["pagaende"])
    }

    @Test func aTeaserStatesOnlyWhatTheParagraphUnderItStates() throws {
        let text = { (paragraph: String) in """
            Väntan på särskilt boende i Ekby

            IVO ansöker hos förvaltningsrätten om en särskild avgift för kommunen eftersom en kvinna har väntat i ett år på en plats på ett särskilt boende.

            Hård kritik

            \(paragraph)
            """ }
        #expect(try outcome(text("Kommunen har länge fått kritik av pensionärsföreningen för köerna.")) == [])
        #expect(try outcome(text("Nämnden i Ekby får hård kritik av IVO för att beslutet inte har verkställts.")) == ["kritik"])
    }

    @Test func whatAnInjunctionOrAFineIsIsNoOutcomeOfTheCase() throws {
        #expect(try outcome("""
            IVO kritiserar socialnämnden i Ekby

            IVO riktar kritik mot socialnämnden i Ekby för att barnavårdsutredningar har dragit ut på tiden. Ett föreläggande kan förenas med vite. Den som inte följer ett sådant beslut kan tvingas betala en summa pengar.
            """) == ["kritik"])
    }

    // Session rt20 (realcheck41 half A, realcheck30/31/33 halves A): deficits named or found are no
    // criticism; a report demanded last in a coordinated list of demands is one.
    @Test func deficitsFoundWithoutACriticismWordAreNoCriticism() throws {
        #expect(try outcome("""
            IVO: brister i Ekbys barnavård

            Inspektionen för vård och omsorg har granskat socialnämnden i Ekby. IVO konstaterar brister i hur anmälningar om oro för barn bedöms. Nämnden ska senast den 1 maj redovisa sina åtgärder.
            """) == ["redovisning"])
        #expect(try outcome("""
            Brister i många gruppbostäder

            Inspektionen för vård och omsorg har granskat 40 gruppbostäder enligt LSS i landets kommuner och funnit brister i 31 av dem.
            """) == [])
        // The supervisor's judgement that the board broke the law stays criticism.
        #expect(try outcome("""
            IVO granskade socialnämnden i Ekby

            Inspektionen för vård och omsorg anser att socialnämnden i Ekby har brustit i sin uppföljning av placerade barn.
            """) == ["kritik"])
    }

    @Test func aReportDemandedLastAmongTheSupervisorsDemandsIsAReportBack() throws {
        #expect(try outcome("""
            IVO kritiserar hemtjänsten i Ekby

            IVO riktar kritik mot omsorgsnämnden i Ekby. Inspektionen uppmanar nämnden att gå igenom sina rutiner för larm och att lämna en skriftlig redovisning av vad som har ändrats.
            """) == ["kritik", "redovisning"])
    }

    @Test func anInjunctionOrFineTheSupervisorRefrainsFromIsNoOutcome() throws {
        #expect(try outcome("""
            IVO granskade socialnämnden i Ekby

            IVO riktar kritik mot socialnämnden i Ekby för att orosanmälningar inte har bedömts i tid. Inspektionen avstår från att förena beslutet med vite eftersom en ny rutin redan har införts.
            """) == ["kritik"])
        #expect(try outcome("""
            IVO granskade socialnämnden i Ekby

            IVO riktar kritik mot socialnämnden i Ekby. IVO avstår i nuläget från att rikta ett föreläggande mot nämnden.
            """) == ["kritik"])
    }

    // realcheck33 half A: a fine named by its size as a compound.
    @Test func aFineNamedAsACompoundIsAFine() throws {
        #expect(try outcome("""
            IVO kritiserar Ekby

            IVO riktar skarp kritik mot socialnämnden i Ekby för hanteringen av en orosanmälan. Nu hotas kommunen med ett miljonvite om bristerna inte rättas till.
            """) == ["kritik", "vite"])
        // Not the nouns in -ivitet.
        #expect(try outcome("""
            IVO kritiserar Ekby

            IVO riktar kritik mot socialnämnden i Ekby. Agerandet väcker frågor om nämndens objektivitet.
            """) == ["kritik"])
    }

    // Session 16 (realcheck40, the last clean set, now development data): the supervisor named in
    // the criticism word itself; time given to reply; the supervisor the subject of an earlier verb.
    @Test func criticismNamedByTheSupervisorInTheWordItself() throws {
        #expect(try outcome("""
            JO-kritik mot förhandsbedömningar i biståndsärenden

            En socialnämnd i Ekby gjorde förhandsbedömningar av två bröders rätt till ekonomiskt bistånd i stället för att utreda deras ansökan.
            """) == ["kritik"])
    }

    @Test func timeGivenToReplyIsAReportDemanded() throws {
        #expect(try outcome("""
            IVO granskade socialtjänsten i Ekby

            IVO har granskat hur socialnämnden i Ekby handlägger ärenden om barn. Beslutet innebär ett krav på åtgärder som nämnden har fram till den 1 oktober att svara på.
            """) == ["redovisning"])
        // Time a board takes is no demand.
        #expect(try outcome("""
            IVO granskade socialtjänsten i Ekby

            IVO har granskat hur socialnämnden i Ekby handlägger ärenden om barn. Nämnden tog två månader på sig att svara familjen.
            """) == [])
    }

    @Test func aReviewAheadWhoseSupervisorIsTheSubjectOfAnEarlierVerb() throws {
        #expect(try outcome("""
            Pojken som ingen utredde

            Socialnämnden i Ekby utredde inte läkarens anmälan om att en pojke hade skadats. JO ser mycket allvarligt på nämndens passivitet och kommer nu att granska hur nämnden handlägger anmälningar om barn.
            """) == ["kritik", "pagaende"])
    }

    @Test func aReportTellingItsOwnCommissionIsNoReviewAhead() throws {
        #expect(try outcome("""
            Uppföljande granskning av hemtjänsten i Ekby

            Sammanfattning. Vi har av de förtroendevalda revisorerna i Ekby kommun fått i uppdrag att granska hur socialnämnden följer upp hemtjänsten. Vår bedömning är att nämnden inte har säkerställt en tillräcklig uppföljning.
            """) == [])
    }

    @Test func aReportDemandedWithTheOldModalSkall() throws {
        #expect(try outcome("""
            Socialstyrelsen kritiserar Ekby

            Vi som kommun har fått kritik från Socialstyrelsen för hur socialtjänsten hanterade ett ärende. Kommunen skall svara på kritiken i februari.
            """) == ["kritik", "redovisning"])
    }

    @Test func aClosureAfterTheConjunctionUtanIsNotNegated() throws {
        #expect(try outcome("""
            IVO om klagomålen i Ekby

            IVO har läst klagomålen mot socialnämnden i Ekby. Inspektionen vidtar inga åtgärder nu utan avslutar ärendet.
            """) == ["avslutat"])
    }

    @Test func theBoardClosingItsOwnCaseIsNoClosure() throws {
        #expect(try outcome("""
            JO om vården av en pojke i Ekby

            Pojken lämnade familjehemmet i maj, och strax därefter avslutade nämnden hans ärende. I beslutet konstaterar JO att vården inte fick upphöra utan en utredning.
            """) == [])
    }

    @Test func aCourtOrderToPayIsNoInjunction() throws {
        #expect(try outcome("""
            Ekby kommun måste betala särskild avgift

            IVO ansökte om särskild avgift eftersom socialnämnden i Ekby dröjde med ett LSS-beslut. Förvaltningsrätten ålade kommunen att betala 120 000 kronor.
            """) == [])
    }

    @Test func whatTheBoardOughtToHaveBeenIsNoCriticism() throws {
        #expect(try outcome("""
            Anmälan till JO mot socialnämnden i Ekby

            Fadern klagade hos JO på socialnämnden i Ekby. Han menade att nämnden borde ha varit mer kritisk till förskolans orosanmälan.
            """) == [])
    }

    @Test func aNewReviewDatedAheadIsOngoing() throws {
        #expect(try outcome("""
            IVO kritiserar socialnämnden i Ekby

            IVO riktar kritik mot socialnämnden i Ekby för långa utredningstider. Den 1 mars gör IVO en ny inspektion.
            """) == ["kritik", "pagaende"])
    }

    @Test func aReviewGoingOnWhenAPastEventHappenedIsNoneNow() throws {
        #expect(try outcome("""
            JO om socialnämnden i Ekby

            När anmälan kom in till JO fanns hos JO ett pågående tillsynsärende om hur socialnämnden i Ekby hade handlagt ett LVU-ärende.
            """) == [])
    }

    // Session rt34 (realcheck64 half A and the development sets' outcome misses): criticism the
    // text attributes to a supervisor counts whoever answers it; JO's and the Chancellor of
    // Justice's "föreläggande" asks for an answer; a review opened in the passive is ongoing; a
    // supervisor's closure decided in the preterite is the background of another's criticism now.
    @Test func criticismAttributedToASupervisorIsCriticism() throws {
        #expect(try outcome("""
            Omsorgsnämnden i Ekby svarar revisorerna

            Kommunens revisorer har granskat hemtjänsten i Ekby. Omsorgsnämnden tar till sig kritiken från kommunens revisorer och ser över biståndshandläggningen i hemtjänsten.
            """) == ["kritik"])
        #expect(try outcome("""
            Äldreboendet i Ekby

            Länsstyrelsen är fortsatt kritiskt till hur socialnämnden i Ekby dokumenterar på äldreboendet Solgården. Länsstyrelsen har krävt en handlingsplan för hur nämnden ska rätta till bristerna senast den 1 maj.
            """) == ["kritik", "redovisning"])
    }

    @Test func theOmbudsmansFörelaggandeAsksForAnAnswer() throws {
        #expect(try outcome("""
            Kritik mot socialnämnden i Ekby

            JO kritiserar socialnämnden i Ekby för ett dröjsmål med ett överklagande. JO förelade nämnden att svara på två frågor. Nämnden har med anledning av JO:s föreläggande anfört följande.
            """) == ["kritik"])
    }

    @Test func aReviewOpenedInThePassiveIsOngoing() throws {
        #expect(try outcome("""
            Tvillingarna i Ekby

            Socialnämnden i Ekby gjorde en lex Sarah-anmälan till IVO efter dödsfallen. IVO bedömer att nämndens egen utredning inte räcker. Ett tillsynsärende öppnades därför i veckan på inspektionens eget initiativ.
            """) == ["pagaende"])
    }

    @Test func aClosureDecidedInThePreteriteIsBackgroundToCriticismNow() throws {
        #expect(try outcome("""
            JO kritiserar inspektionen

            I mars beslutade Inspektionen för vård och omsorg (IVO) att avsluta ett tillsynsärende om en gruppbostad i Ekby. JO riktar nu kritik mot inspektionen för hur tillsynen genomfördes.
            """) == ["kritik"])
    }
}
