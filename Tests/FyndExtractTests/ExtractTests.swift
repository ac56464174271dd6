import FyndCore
import FyndSegment
import Foundation
import Testing
@testable import FyndExtract

@Suite struct GazetteerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func file(_ name: String) -> String { try! String(contentsOf: root.appendingPathComponent("rules/\(name)"), encoding: .utf8) }
    static let gazetteer = try! Gazetteer(tsv: file("gazetteer/municipalities.tsv"),
                                          places: ["gazetteer/localities.tsv", "gazetteer/districts.tsv"].map { ($0, file($0)) })
    static let finder = MunicipalityFinder(gazetteer: gazetteer)

    @Test func hasAll290MunicipalitiesWithUniqueCodesAndNames() {
        let list = Self.gazetteer.municipalities
        #expect(list.count == 290)
        #expect(Set(list.map(\.code)).count == 290)
        #expect(Set(list.map(\.name)).count == 290)
        #expect(Set(list.map(\.county)).count == 21)
        let byName = Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
        #expect(byName["Norrköping"]?.code == "0581")
        #expect(byName["Österåker"]?.county == "Stockholms län")
        #expect(byName["Töreboda"]?.genitive == "Törebodas")
        #expect(byName["Borås"]?.genitive == "Borås")
        #expect(byName["Falun"]?.genitive == "Falu")
        #expect(byName["Vara"]?.ambiguous == true)
    }

    func find(_ text: String) -> [String] { Self.finder.find(in: [Substring(text)]) }

    /// Addresses fold names ("Upplands Väsby" → "upplandsvasby"): scalar by scalar for Latin-1
    /// text, character by character otherwise, with the same result wherever both apply.
    @Test func namesFoldTheSameScalarByScalarAsCharacterByCharacter() {
        let names = Self.gazetteer.municipalities.map(\.name) + Self.gazetteer.places.map(\.name)
        let everyLatin1 = (0..<0x100).map { String(Unicode.Scalar(UInt8($0))) }
        for s in names + everyLatin1 + ["ÅRE-ÖSTERSUND", "Malmö\r\nLund", "Dals-Ed × Fjärås", "Ängelholms stad"] {
            #expect(MunicipalityFinder.foldLatin1(s) == MunicipalityFinder.foldCharacters(s), "\(s)")
        }
        #expect(MunicipalityFinder.fold("Upplands Väsby") == "upplandsvasby")
        // A decomposed å (a and a combining ring) is no Latin-1 text: still an a.
        #expect(MunicipalityFinder.fold("Ha\u{30A}bo-Ösby") == "haboosby")
    }

    @Test func namesInTheirSwedishForms() {
        #expect(find("Socialnämnden i Österåkers kommun ska redovisa.") == ["Österåker"])
        #expect(find("Norrköpings socialnämnd har brustit.") == ["Norrköping"])
        #expect(find("IVO har granskat socialtjänsten i Gnesta.") == ["Gnesta"])
        #expect(find("Hedemora kommun får kritik.") == ["Hedemora"])
        #expect(find("Det gäller Törebodas socialtjänsts barn- och familjeverksamhet.") == ["Töreboda"])
        #expect(find("Tillsynen gäller Upplands Väsby kommun.") == ["Upplands Väsby"])
        #expect(find("Socialtjänsten i Upplands-Bro har fått kritik.") == ["Upplands-Bro"])
        #expect(find("IVO riktar kritik mot Socialnämnden i Falu kommun.") == ["Falun"])
        #expect(find("Falu socialförvaltning har anmält händelsen.") == ["Falun"])
        #expect(find("Socialtjänsten i Falun har fått kritik.") == ["Falun"])
    }

    @Test func ambiguousNamesOnlyInAMunicipalContext() {
        #expect(find("Vara kommun har fått kritik.") == ["Vara"])
        #expect(find("Det ska vara klart i maj.") == [])
        #expect(find("Socialnämnden i Ale ska redovisa.") == ["Ale"])
        #expect(find("Ale Svensson är socialchef.") == [])
        #expect(find("Marks kommun brister i handläggningen.") == ["Mark"])
        #expect(find("Barnen lekte på Mark och i skogen.") == [])
        #expect(find("Orsa kommun och Bjuvs kommun granskades.") == ["Orsa", "Bjuv"])
        #expect(find("Tidaholm vann matchen.") == [])
    }

    @Test func ambiguousNamesInAListOfMunicipalities() {
        // Beside a municipality named otherwise, in a list: a comma, "och", "eller", "samt".
        #expect(find("Länsstyrelsen berömmer Vara, Lidköping och Götene för hur de hanterar anmälningarna.") == ["Vara", "Lidköping", "Götene"])
        #expect(find("Socialtjänsten i Kungälv och Ale har granskats.") == ["Kungälv", "Ale"])
        // Not a word beside a name, nor a club of the name.
        #expect(find("Hemtjänsten i Skövde ska vara klar i maj.") == ["Skövde"])
        #expect(find("Matchen mellan Kungälv och Ale FC slutade oavgjort.") == ["Kungälv"])
    }

    @Test func countiesCourtsAndUniversitiesDoNotCount() {
        #expect(find("Förvaltningsrätten i Göteborg avslog överklagandet.") == [])
        #expect(find("Forskare vid Uppsala universitet har studerat frågan.") == [])
        // A hospital named after its town is the region's, not the municipality's.
        #expect(find("Kvinnan vårdades i flera veckor vid Norrtälje sjukhus innan boendet ordnades.") == [])
        #expect(find("Han skrevs ut från Lindesbergs lasarett till ett korttidsboende.") == [])
        #expect(find("Han skrevs ut från lasarettet till ett korttidsboende i Lindesberg.") == ["Lindesberg"])
        #expect(find("Länsstyrelsen i Stockholms län har tillsyn.") == [])
        #expect(find("Region Stockholm ansvarar för vården.") == [])
        // A postal address names the post town: IVO's own address in a decision's footer.
        #expect(find("Inspektionen för vård och omsorg, Box 45184, 104 30 Stockholm.") == [])
        #expect(find("Socialnämnden i Stockholm har brustit.") == ["Stockholm"])
        // A box address without a postal code: the auditing firm's office, not the board's town.
        #expect(find("Revisorerna i Krokoms kommun vill ha nämndens svar. Svaret skickas till revisionsbyrån, Box 212, Östersund.") == ["Krokom"])
        // A county board named after its seat, also misspelt.
        #expect(find("Den slutsatsen drar Länsstyrelsen i Luleå efter granskningen.") == [])
        #expect(find("Det bedömer Länstyrelsen i Växjö i sin rapport.") == [])
        // Gotland beside counties is the county; named alone, the municipality.
        #expect(find("Flest anmälningar per invånare kom från Västernorrlands län, följt av Gotland.") == [])
        #expect(find("Hemtjänsten på Gotland har granskats av IVO.") == ["Gotland"])
        #expect(find("Socialnämnden i Region Gotland och två kommuner i Kalmar län granskades.") == ["Gotland"])
        // A list of counties ends in "län".
        #expect(find("Tillsynen omfattar kommunerna i tre län: Uppsala, Gävleborgs och Västmanlands län.") == [])
        #expect(find("Socialnämnden i Västerås, Uppsala och Gävle har granskats.") == ["Västerås", "Uppsala", "Gävle"])
        // Beside a county named bare, a name a county shares with its town is the county; other towns stay.
        #expect(find("I Halland, Uppsala, Dalarna och Örebro har länsstyrelserna sett att hemtjänsten skärs ned.") == [])
        #expect(find("Rapporter om nedlagda dagverksamheter kom från Kalmar, Västra Götaland och Stockholm.") == [])
        #expect(find("Hemtjänsten i Uppsala och Östhammar har granskats.") == ["Uppsala", "Östhammar"])
        #expect(find("Socialnämnden i Sundsvall och länsstyrelsen i Västernorrland är oense om boendet i Sundsvall och Västernorrland.") == ["Sundsvall"])
    }

    @Test func townsNamedOnlyAsEarlierCasesOrSparedCriticismAreNotTheStorys() {
        let series = ["JO inspekterar socialtjänsten i Vallentuna kommun.", "De tidigare inspektionerna gällde socialtjänsten i Boden och Tierps kommun."]
        #expect(Self.finder.find(in: series.map { Substring($0) }) == ["Vallentuna"])
        let spared = ["Länsstyrelsen kritiserar socialnämnden i Vingåkers kommun.", "Flens kommun slipper kritik."]
        #expect(Self.finder.find(in: spared.map { Substring($0) }) == ["Vingåker"])
        let cleared = ["IVO kritiserar socialnämnden i Sala kommun.", "Även nämnden i Heby kommun granskades, men där riktas ingen kritik."]
        #expect(Self.finder.find(in: cleared.map { Substring($0) }) == ["Sala"])
        // The neighbours a regional paper names beside the story's town.
        let neighbours = ["IVO riktar kritik mot socialnämnden i Eslövs kommun.", "Grannkommunerna Höör och Hörby granskades i fjol utan anmärkning."]
        #expect(Self.finder.find(in: neighbours.map { Substring($0) }) == ["Eslöv"])
        // Named only so, the town is still the story's.
        #expect(find("Socialnämnden i Bodens kommun har tidigare fått kritik av IVO.") == ["Boden"])
        #expect(find("IVO har granskat socialtjänsten i grannkommunen Höör.") == ["Höör"])
        // A company's seat after its "AB" is not the town an auditors' report is about.
        let report = ["Granskning av hemtjänsten i Vallentuna kommun", "Revisionsbyrån AB, Stockholm", "Vi har granskat hemtjänsten på uppdrag av revisorerna."]
        #expect(Self.finder.find(in: report.map { Substring($0) }) == ["Vallentuna"])
    }

    @Test func placesOnlyMentionedGiveWayToTheMunicipalityNamedAsOne() {
        let text = ["IVO kritiserar socialnämnden i Halmstads kommun.", "Pojken placerades i ett familjehem i Laholm.",
                    "Han hade tidigare bott i Umeå."]
        #expect(Self.finder.find(in: text.map { Substring($0) }) == ["Halmstad"])
        // An area's name that stands for one municipality.
        #expect(find("IVO riktar kritik mot socialtjänsten på Mälaröarna.") == ["Ekerö"])
        // With no municipality named as one, the places mentioned are what there is.
        #expect(find("IVO har granskat hemtjänsten i Tibro och i Skövde.") == ["Tibro", "Skövde"])
    }

    func resolve(_ paragraphs: [String], address: String? = nil, datelinePlace: String? = nil) -> [MunicipalityFinder.Found] {
        var text = "", ranges: [Range<Int>] = []
        for p in paragraphs {
            if !text.isEmpty { text += "\n\n" }
            ranges.append(text.utf8.count..<(text.utf8.count + p.utf8.count))
            text += p
        }
        var document = Document(id: "d", source: "d", sha256: "", text: text, paragraphs: ranges, address: address)
        document.datelinePlace = datelinePlace
        return Self.finder.resolve(document, sentences: paragraphs.map { Substring($0) })
    }

    @Test func placesFileHasLocalitiesDistrictsAndFormerMunicipalities() {
        let places = Dictionary(uniqueKeysWithValues: Self.gazetteer.places.map { ($0.name, $0) })
        let names = Self.gazetteer.municipalities.map(\.name)
        #expect(places.count > 1_400)
        #expect(places["Mölnlycke"].map { $0.municipalities.map { names[$0] } } == ["Härryda"])
        #expect(places["Spånga-Tensta"]?.kind == .district)
        // districts.tsv replaces the postal list's Hässelby (Stockholm and Ekerö) with the district.
        #expect(places["Hässelby"].map { $0.municipalities.map { names[$0] } } == ["Stockholm"])
        #expect(places["Torshälla"]?.kind == .former)
        #expect(places["Stockholm"] == nil)
        #expect(throws: GazetteerError.self) { try Gazetteer(tsv: Self.file("gazetteer/municipalities.tsv"), places: [("x.tsv", "Ort\tAtlantis\tort")]) }
    }

    @Test func aLocalityOrDistrictNamesItsMunicipality() {
        #expect(find("Ett LSS-boende i Bålsta har fått kritik av IVO.") == ["Håbo"])
        #expect(find("Socialtjänsten i Mölnlycke har brustit.") == ["Härryda"])
        #expect(find("Det uppger stadsdelsförvaltningen i Rinkeby-Kista.") == ["Stockholm"])
        #expect(find("Farsta stadsdelsnämnd har fått kritik.") == ["Stockholm"])
        #expect(find("Enligt Spånga-Tensta har rutinerna ändrats.") == ["Stockholm"])
        // Set with lower case after the hyphen, as some papers do.
        #expect(find("IVO ställer krav på socialnämnden Spånga-tensta.") == ["Stockholm"])
        #expect(find("Hemtjänsten i Torshälla brast.") == ["Eskilstuna"])
        #expect(find("Farstas stadsdelsnämnd har fått kritik.") == ["Stockholm"])
        #expect(find("Det har socialförvaltningen Nordost beslutat.") == ["Göteborg"])
        #expect(find("Ett boende på Hisingen har granskats.") == ["Göteborg"])
        // A place's genitive outside a municipal body, a locality after "på": no.
        #expect(find("Bålstas vårdcentral har nya öppettider.") == [])
        // Ulrika is a locality, here a name after a title.
        #expect(find("Det säger socialsekreteraren Ulrika Berg.") == [])
        #expect(find("Nu kritiseras socialtjänsten av flera Åkersbergabor.") == ["Österåker"])
        #expect(find("Många Trosabor har hört av sig.") == ["Trosa"])
        // A compound of the town's name for its surroundings or a family from it.
        #expect(find("En familj från Sävsjötrakten har anmält socialtjänsten till JO.") == ["Sävsjö"])
        #expect(find("Först ett halvår senare fick Sävsjöfamiljen beskedet.") == ["Sävsjö"])
        // After a preposition the surroundings are where something is: they give way to the board's municipality.
        let placed: [Substring] = ["Socialnämnden i Tierps kommun får kritik av IVO.", "Barnen placerades i ett familjehem i Uppsalatrakten."]
        #expect(Self.finder.find(in: placed) == ["Tierp"])
    }

    @Test func placesThatAreAlsoWordsOrNamesNeedAPlaceContext() {
        // Bara, Skog and Åsa are localities; here they are a word and a name.
        #expect(find("Bara tre av tio ärenden var utredda.") == [])
        #expect(find("Rapporten skickades till Åsa Berg på förvaltningen.") == [])
        #expect(find("Enligt Lena Skog saknades dokumentation.") == [])
    }

    @Test func aPlaceInTwoMunicipalitiesCountsOnlyForOneTheTextNames() {
        // Nol lies in Ale and Kungälv.
        #expect(find("Ett HVB-hem i Nol har granskats.") == [])
        #expect(Self.finder.find(in: ["Socialnämnden i Ale kommun har brustit.", "Det gäller ett boende i Nol."]) == ["Ale"])
    }

    @Test func aPrepositionPlacesEveryTownOfAList() {
        #expect(find("I Eslöv, Höör och Hörby brast uppföljningen av placerade barn.") == ["Eslöv", "Höör", "Hörby"])
        #expect(Self.finder.find(in: ["IVO granskade Malmö.", "Barnen placerades i Eslöv, Höör och Hörby."]) == ["Malmö"])
    }

    @Test func theMunicipalityNamedAsOneBeatsALocality() {
        let text: [Substring] = ["IVO kritiserar socialnämnden i Göteborgs stad.", "Pojken bodde i ett familjehem i Mölnlycke."]
        #expect(Self.finder.find(in: text) == ["Göteborg"])
    }

    @Test func datelinesDomainsAndAddressesNameTheMunicipality() {
        let capitals = resolve(["Rubrik om tillsyn", "HUDIKSVALL Socialtjänsten har fått kritik av IVO för sin handläggning av ärenden."])
        #expect(capitals.map(\.name) == ["Hudiksvall"])
        #expect(capitals.first?.forms.first == "dateline HUDIKSVALL")
        let alone = resolve(["Rubrik om tillsyn", "VÄRNAMO", "Socialnämnden har fått kritik av IVO för sin handläggning."])
        #expect(alone.map(\.name) == ["Värnamo"])
        #expect(alone.first?.forms.first == "dateline VÄRNAMO")
        #expect(resolve(["KALMAR LÄN Fler anmälningar mot socialtjänsten än tidigare år enligt den nya rapporten."]).isEmpty)
        let colon = resolve(["Bålsta: Boendet får kritik", "IVO har granskat ett boende för unga och funnit brister i bemanningen."])
        #expect(colon.map(\.name) == ["Håbo"])
        #expect(resolve(["***", "–", "Nämnden har fått kritik."]).isEmpty)
        // Åsa is a locality, here a first name.
        #expect(resolve(["Åsa Berg är ny ordförande i nämnden sedan årsskiftet och tar över efter en kollega."]).isEmpty)
        #expect(resolve(["Umeå Universitet har studerat hur socialtjänsten arbetar med placerade barn."]).isEmpty)
        let district = resolve(["Skarpnäck En brukare i hemtjänsten blev utan hjälp i flera timmar i förra veckan."])
        #expect(district.map(\.name) == ["Stockholm"])
        #expect(district.first?.forms == ["dateline Skarpnäck"])
        let mail = resolve(["Frågor besvaras av socialförvaltningen, e-post: socialforvaltningen@hoganas.se."])
        #expect(mail == [.init(name: "Höganäs", forms: ["domän hoganas.se"])])
        #expect(resolve(["Läs mer på www.upplands-bro.se/omsorg."]).map(\.name) == ["Upplands-Bro"])
        let section = resolve(["Nämnden har fått kritik för sin handläggning."], address: "https://lokaltidning.se/skovde/2016/06/17/rubrik")
        #expect(section == [.init(name: "Skövde", forms: ["adress /skovde/"])])
        #expect(resolve(["Nämnden har fått kritik."], address: "https://www.vaxjo.se/nyheter").map(\.name) == ["Växjö"])
        // A town's site on a publishing service's host.
        #expect(resolve(["Nämnden har gjort en anmälan till IVO."], address: "https://hultsfred.tjanst.se/artikel/anmalan").map(\.name) == ["Hultsfred"])
        #expect(resolve(["Nämnden har gjort en anmälan till IVO."], address: "https://www.tjanst.se/artikel/anmalan").isEmpty)
        #expect(resolve(["Nämnden har fått kritik."], address: "https://tidning.se/nyheter/g%C3%A4vle/artikel").map(\.name) == ["Gävle"])
        // A regional edition's section gives way to a town the text names, even only as a place.
        #expect(resolve(["Ett HVB-hem i Tibro har fått kritik."], address: "https://tidning.se/lokalt/skovde/").map(\.name) == ["Tibro"])
        // A paper's section gives way to the municipality the text names.
        #expect(resolve(["Socialnämnden i Tibro får kritik."], address: "https://lokaltidning.se/skovde/rubrik").map(\.name) == ["Tibro"])
        // Where the text names towns only as the places of things, the section picks the story's
        // town among them: a home's town and a placed youth's town, the paper's edition the latter's.
        let placed = ["IVO granskade i våras ett stödboende i Tibro.", "En av de unga som bodde där kom från Skövde och hade placerats av nämnden."]
        #expect(resolve(placed, address: "https://tidning.se/nyheter/skovde/rubrik").map(\.name) == ["Skövde"])
        #expect(resolve(placed).map(\.name) == ["Tibro", "Skövde"])
        #expect(resolve(["Nämnden har fått kritik."], address: "https://www.ivo.se/publicerat-material/nyheter/2014/").isEmpty)
        #expect(resolve(["Tillsyn i Jönköpings län 2019"], address: "https://www.lansstyrelsen.se/jonkoping/tillsyn.html").isEmpty)
    }

    /// A page's address names the municipality where the text does not: a local paper's section
    /// that is a name also used as a word or surname ("/nyheter/flen/", "/mark/"), and a headline's
    /// slug with the name before "kommun" or "stad" ("jo-kritiserar-lidviks-kommun" style).
    @Test func anAddressNamesTheMunicipalityInAnAmbiguousSectionOrASlug() {
        let text = ["Kommunens socialnämnd har fått kritik av IVO för sin handläggning."]
        #expect(resolve(text, address: "https://www.lokaltidning.se/nyheter/flen/ivo-avslutar-arendet-sm123.aspx").map(\.name) == ["Flen"])
        #expect(resolve(text, address: "http://www.tidning.se/mark/kritik-mot-socialtjansten/").map(\.name) == ["Mark"])
        #expect(resolve(text, address: "https://www.ortsnytt.nu/startsidan/jo-kritiserar-sigtuna-kommun-for-handlaggningen/").map(\.name) == ["Sigtuna"])
        #expect(resolve(text, address: "https://tidning.se/artikel/kritik-mot-kristianstads-kommun-efter-tillsyn").map(\.name) == ["Kristianstad"])
        #expect(resolve(text, address: "https://tidning.se/artikel/upplands-vasby-kommun-far-kritik").map(\.name) == ["Upplands Väsby"])
        #expect(resolve(text, address: "https://tidning.se/artikel/goteborgs-stad-far-kritik").map(\.name) == ["Göteborg"])
        // An irregular genitive, as the gazetteer gives it: "Falu kommun" for Falun.
        #expect(resolve(text, address: "https://tidning.se/artikel/ivo-riktar-kritik-mot-falu-kommun").map(\.name) == ["Falun"])
        // A word before "kommun" that is no municipality's name, and an ambiguous name inside a slug.
        #expect(resolve(text, address: "https://tidning.se/artikel/hela-kommunen-granskas").isEmpty)
        #expect(resolve(text, address: "https://tidning.se/artikel/berg-och-dal-i-socialtjansten").isEmpty)
        // The slug gives way to a municipality the text names.
        #expect(resolve(["Socialnämnden i Tibro får kritik."], address: "https://tidning.se/artikel/jo-kritiserar-skovde-kommun").map(\.name) == ["Tibro"])
    }

    /// The most specific part of an address names the story's town: a slug's municipality before
    /// a newsroom's section, a section before the paper's home town in its host.
    @Test func aSlugOrASectionNamesTheTownBeforeTheNewsroomOrThePapersHost() {
        let text = ["Kommunens socialnämnd har fått kritik av IVO för sin handläggning."]
        #expect(resolve(text, address: "https://www.tibrotidning.se/nyheter/skovde/ivo-kritiserar-namnden").map(\.name) == ["Skövde"])
        #expect(resolve(text, address: "https://tv.se/nyheter/lokalt/helsingborg/bjuvs-kommun-far-kritik-av-ivo").map(\.name) == ["Bjuv"])
        #expect(resolve(text, address: "https://www.tibrotidning.se/nyheter/ivo-kritiserar-namnden").map(\.name) == ["Tibro"])
    }

    /// A line of page furniture that names its section, a part of its own between separators,
    /// places the story ("Vallby Tidning - - Mälaröarna -"); a hyphen inside a name parts nothing.
    @Test func aSectionNamedInThePagesFurniturePlacesTheStory() {
        let text = ["IVO kritiserar socialnämnden", "Vallby Tidning - - Mälaröarna -", "Nämnden har brustit i sina utredningar om barn."]
        #expect(resolve(text).map(\.name) == ["Ekerö"])
        #expect(resolve(["Nyheter · Farsta", "Socialtjänsten har fått kritik av IVO."]).map(\.name) == ["Stockholm"])
        #expect(resolve(["Lokalt · Hässelby-Vällingby", "Socialtjänsten har fått kritik av IVO."]).map(\.name) == ["Stockholm"])
        #expect(resolve(["Radar · Inrikes", "Socialtjänsten har fått kritik av IVO."]).isEmpty)
        // Cut on its bytes or, with a character that is not simple ("•"), on its characters.
        #expect(resolve(["Hem | Lokalt | Farsta", "Socialtjänsten har fått kritik av IVO."]).map(\.name) == ["Stockholm"])
        #expect(resolve(["Hem • Lokalt • Farsta", "Socialtjänsten har fått kritik av IVO."]).map(\.name) == ["Stockholm"])
    }

    /// A line is cut into parts only when a piece between its spaces is separator bytes alone:
    /// a hyphen, a dash or a dot inside a word parts nothing, at a line's start or end it does.
    @Test func onlyASeparatorStandingAloneMakesALineWorthParting() {
        func may(_ line: String) -> Bool { MunicipalityFinder.mayHaveSeparatorWord(ArraySlice(line.utf8)) }
        #expect(may("Vallby Tidning - - Mälaröarna -"))
        #expect(may("Nyheter · Farsta") && may("Hem | Lokalt > Vallby") && may("Lokalt • Vallby") && may("– Vallby"))
        #expect(may("Vallby ––"))
        #expect(!may("Hässelby-Vällingby har en ny nämnd") && !may("Öppet 8–17 i Vallby") && !may("Nyheter ·Vallby"))
        #expect(!may("") && !may("Vallby  Tidning"))
    }

    /// In a list of decisions, a board outside the social services and a prison named after its
    /// town name no town of a social-services story.
    @Test func aSchoolBoardOrAPrisonNamesNoTownBesideASocialBoard() {
        let list = ["Kritik mot Gymnasie- och vuxenutbildningsnämnden i Borås stad för granskning av en skoltidning.",
                    "Allvarlig kritik mot Kriminalvården, anstalten Ystad, för kroppsbesiktningar.",
                    "Kritik mot Socialnämnden i Tibro kommun för en partisk utredning."]
        #expect(Self.finder.find(in: list.map { Substring($0) }) == ["Tibro"])
        #expect(find("Kritik mot Bildningsnämnden i Avesta kommun för en anställds yttrandefrihet.") == ["Avesta"])
    }

    /// A broadcaster's local station named as a source is no town of the story.
    @Test func aLocalStationNamedAsTheSourceIsNoTownOfTheStory() {
        #expect(find("Socialnämnden i Tibro har anmälts till JO, enligt P4 Jönköping.") == ["Tibro"])
        #expect(find("Det rapporterar SVT Örebro. Socialnämnden i Tibro har fått kritik.") == ["Tibro"])
    }

    /// A local paper named after its town ("Tibro Tidning", "Falukuriren") places the story
    /// where the text names no municipality, as a section does; a county's paper places none.
    @Test func aLocalPapersNameInTheHostPlacesTheStory() {
        let text = ["Kommunens socialnämnd har fått kritik av IVO för sin handläggning."]
        #expect(resolve(text, address: "https://www.tibrotidning.se/nyheter/ivo-kritiserar-namnden").map(\.name) == ["Tibro"])
        #expect(resolve(text, address: "https://skovdesallehanda.se/artikel/123").map(\.name) == ["Skövde"])
        #expect(resolve(text, address: "https://www.falukuriren.se/artikel/123").map(\.name) == ["Falun"])
        #expect(resolve(text, address: "https://www.vastgotaposten.se/artikel/123").isEmpty)
        #expect(resolve(text, address: "https://www.lokaltidningen.se/artikel/123").isEmpty)
        #expect(resolve(["Socialnämnden i Tibro får kritik."], address: "https://skovdesallehanda.se/artikel/123").map(\.name) == ["Tibro"])
    }

    /// The place a dateline names beside its date ("Tibro • Publicerad …"), dropped from the text
    /// with the dateline, names the municipality; a byline's name beside it does not.
    @Test func theDatelinesPlaceNamesTheMunicipality() {
        let text = ["Kommunens socialnämnd har fått kritik av IVO för sin handläggning."]
        #expect(resolve(text, datelinePlace: "Tibro") == [.init(name: "Tibro", forms: ["dateline Tibro"])])
        #expect(resolve(text, datelinePlace: "Nyheter Upplands Väsby").map(\.name) == ["Upplands Väsby"])
        #expect(resolve(text, datelinePlace: "Mark").map(\.name) == ["Mark"])
        #expect(resolve(text, datelinePlace: "Eva Lund").isEmpty)
        #expect(resolve(text, datelinePlace: "Sport").isEmpty)
        #expect(Set(resolve(["Socialnämnden i Tibro får kritik."], datelinePlace: "Skövde").map(\.name)) == ["Tibro", "Skövde"])
    }

    @Test func wordsInCapitalsAreReadAsNames() {
        #expect(find("Revisionsrapport TRELLEBORGS KOMMUN Kommunstyrelsen") == ["Trelleborg"])
        #expect(find("IVO och JO granskar LSS") == [])
    }

    /// "X kommun" after a preposition of place and a word that is none of a municipality's
    /// bodies is only where something is: it gives way to a municipality named otherwise.
    @Test func aMunicipalityNamedAsWhereSomethingIsGivesWayToTheBoards() {
        let foster: [Substring] = ["Socialnämnden i Kramfors kommun får kritik av JO.", "Pojken hade placerats i ett jourhem i Sollefteå kommun."]
        #expect(Self.finder.find(in: foster) == ["Kramfors"])
        let other: [Substring] = ["Barnet anvisades till Ludvika kommun.", "Individ- och familjenämnden i Ludvika kommun inledde en utredning.",
                                  "Anmälan kom från en skolkurator i Borlänge kommun."]
        #expect(Self.finder.find(in: other) == ["Ludvika"])
        // Alone it is what there is; a list after a board is placed by the board; a body before
        // the preposition names the municipality as one.
        #expect(find("Ett HVB-hem i Ljusdals kommun har fått kritik.") == ["Ljusdal"])
        #expect(find("IVO har granskat socialtjänsten i Nybro kommun och i Emmaboda kommun.") == ["Nybro", "Emmaboda"])
        #expect(Self.finder.find(in: ["Socialnämnden i Mora kommun brast.", "Även hemtjänsten i Orsa kommun får kritik."]) == ["Mora", "Orsa"])
    }

    /// A town that signs a letter or report ("Sundsvall den 4 mars 2019") or is a post-office box
    /// whose number a transcript dropped ("Box Stockholm") is where the writer sits.
    @Test func aSigningPlaceOrPostBoxIsNoMention() {
        #expect(Self.finder.find(in: ["Revisorerna i Ånge kommun har granskat socialnämndens handläggning.", "Sundsvall den 4 mars 2019"]) == ["Ånge"])
        #expect(Self.finder.find(in: ["Socialnämnden i Kiruna har brustit.", "Riksdagens ombudsmän Box Stockholm Besök: Västra Trädgårdsgatan"]) == ["Kiruna"])
        // A supervisor's regional office is where it sits.
        #expect(Self.finder.find(in: ["Hemtjänsten i Varbergs kommun har brustit.", "Anhöriga har skrivit till Socialstyrelsen i Göteborg."]) == ["Varberg"])
        #expect(find("IVO i Umeå har granskat nämndens handläggning.") == [])
        // After a preposition the town is where something happened.
        #expect(find("Mötet med IVO hölls i Sundsvall den 4 mars.") == ["Sundsvall"])
    }

    /// A name spelt without Swedish letters (OCR, plain-text transcripts) counts before "kommun"
    /// or "stad": "Pitea kommun", "Ostersunds kommun".
    @Test func aNameWithoutSwedishLettersCountsBeforeKommun() {
        #expect(find("Forelaggande mot Lulea kommun enligt socialtjanstlagen") == ["Luleå"])
        #expect(find("Socialnamnden i Ostersunds kommun har brustit.") == ["Östersund"])
        #expect(find("Revisorerna i Vasteras stad har granskat hemtjansten.") == ["Västerås"])
        // A word that folds to no municipality is none.
        #expect(find("Hela kommun granskades av revisorerna.") == [])
    }

    /// A document site lists other documents under "Relevanta dokument": their towns are not the
    /// document's when it names one before the list.
    @Test func theTownsOfOtherDocumentsListedAreNotTheDocuments() {
        let page: [Substring] = ["Lunds kommun Granskning av hemtjänsten", "Relevanta dokument", "Ystads kommun Granskning av LSS",
                                 "Revisionsrapport Skurups kommun"]
        #expect(Self.finder.find(in: page) == ["Lund"])
        // With no town before the list, the list is all there is.
        #expect(Self.finder.find(in: ["Granskning av hemtjänsten", "Relevanta dokument", "Ystads kommun Granskning av LSS"]) == ["Ystad"])
    }

    /// "Region Gotland" is the municipality, but not at the end of a list of counties and regions.
    @Test func gotlandInAListOfRegionsIsAnArea() {
        #expect(find("IVO granskade 30 kommuner i Uppsala län och Region Gotland.") == [])
        #expect(find("Tillsynen gällde kommunerna i Region Skåne och Gotland.") == [])
        #expect(find("Region Gotland får kritik av IVO för hemtjänsten.") == ["Gotland"])
    }

    @Test func placesJoinedByASlashAreReadByTheFirst() {
        #expect(find("Hemtjänsten i Gustavsberg/Ingarö har gjort en lex Sarah-anmälan.") == ["Värmdö"])
    }

    @Test func aDistrictAfterStadsdelenNamesItsCity() {
        #expect(find("IVO granskade stadsdelen Farsta efter klagomålen.") == ["Stockholm"])
        #expect(find("Socialtjänsten i stadsdelen Kortedala har brustit.") == ["Göteborg"])
    }

    @Test func mostMentionedFirst() {
        let text = ["IVO granskade Malmö.", "Socialnämnden i Lund har brustit.", "Lunds kommun ska redovisa.", "I Lund finns brister."]
        #expect(Self.finder.find(in: text.map { Substring($0) }) == ["Lund", "Malmö"])
    }
}

@Suite struct AttributeTests {
    @Test func deadlines() {
        #expect(Deadlines.find(in: "Socialnämnden ska senast den 1 september redovisa sin inställning.", published: nil)
            == [Deadline(date: "--09-01", text: "senast den 1 september")])
        #expect(Deadlines.find(in: "Nämnden ska redovisa senast den 15 jan. 2024.", published: nil).first?.date == "2024-01-15")
        #expect(Deadlines.find(in: "Svaret ska komma senast 2023-06-30.", published: nil).first?.date == "2023-06-30")
        #expect(Deadlines.find(in: "Senast den 1 mars ska nämnden redovisa.", published: "2022-11-20").first?.date == "2023-03-01")
        #expect(Deadlines.find(in: "Senast den 1 december ska nämnden redovisa.", published: "2022-11-20").first?.date == "2022-12-01")
        #expect(Deadlines.find(in: "Nämnden ska åtgärda bristerna inom tre månader.", published: nil) == [Deadline(date: nil, text: "inom tre månader")])
        #expect(Deadlines.find(in: "Redovisningen ska komma in före årsskiftet.", published: nil) == [Deadline(date: nil, text: "före årsskiftet")])
        #expect(Deadlines.find(in: "Beslutet fattades den 9 maj.", published: nil).isEmpty)
        #expect(Deadlines.find(in: "Åtgärderna ska vara genomförda till och med den 30 juni.", published: nil)
            == [Deadline(date: "--06-30", text: "till och med den 30 juni")])
        #expect(Deadlines.find(in: "IVO vill ha svar före den 30 september.", published: nil) == [Deadline(date: "--09-30", text: "före den 30 september")])
        #expect(Deadlines.find(in: "Kommunen har fått en frist till den 31 januari 2027.", published: nil)
            == [Deadline(date: "2027-01-31", text: "frist till den 31 januari 2027")])
        #expect(Deadlines.find(in: "Barnet föddes den 12 maj 2015.", published: nil).isEmpty)
        // "fram till" is a deadline only where the span is given to reply.
        #expect(Deadlines.find(in: "Beslutet innebär krav på åtgärder som kommunen har fram till 2026-09-29 att svara på.", published: nil)
            == [Deadline(date: "2026-09-29", text: "fram till 2026-09-29")])
        #expect(Deadlines.find(in: "Nämnden har fram till den 1 mars på sig.", published: "2026-01-10")
            == [Deadline(date: "2026-03-01", text: "fram till den 1 mars")])
        #expect(Deadlines.find(in: "Pojken bodde i familjehemmet fram till den 1 mars 2024.", published: nil).isEmpty)
    }

    @Test func peopleWithRoleOrganisationAndParty() {
        #expect(People.find(in: "– Det är en balansgång, säger Yvonne Thilander, socialdirektör.")
            == [Person(name: "Yvonne Thilander", role: "socialdirektör")])
        #expect(People.find(in: "– Vi jobbar på de fel som har påpekats, säger individ- och omsorgschefen, IFO, Sandra Säljö.")
            == [Person(name: "Sandra Säljö", role: "individ- och omsorgschef", organisation: "IFO")])
        #expect(People.find(in: "– Det här är allvarligt, säger Katrin Wannhagen, utredare på IVO.")
            == [Person(name: "Katrin Wannhagen", role: "utredare", organisation: "IVO")])
        #expect(People.find(in: "Socialnämndens ordförande Ingrid Jerneborg Glimne (M) var inte anträffbar.")
            == [Person(name: "Ingrid Jerneborg Glimne", role: "ordförande", organisation: "Socialnämnden", party: "M")])
        #expect(People.find(in: "IVO:s tillsyn är viktig, säger Erica Sundberg, tillförordnad socialdirektör i Österåkers kommun.")
            == [Person(name: "Erica Sundberg", role: "tillförordnad socialdirektör", organisation: "Österåkers kommun")])
        #expect(People.find(in: "Socialnämnden i Österåkers kommun ska redovisa.").isEmpty)
        // A role that opens the sentence is the role, not part of the name.
        #expect(People.find(in: "Socialchef Johan Lindqvist säger till tidningen att enheten hade vakanser.")
            == [Person(name: "Johan Lindqvist", role: "socialchef")])
        #expect(People.find(in: "Socialchefen Mikael Jonsson säger att rutinerna har skärpts.")
            == [Person(name: "Mikael Jonsson", role: "socialchef")])
        #expect(People.find(in: "Enhetschef Helena Wik har fattat beslutet.") == [Person(name: "Helena Wik", role: "enhetschef")])
        // Maria and Sarah are names; lex Maria and lex Sarah are laws.
        #expect(People.find(in: "– Det är allvarligt, säger Maria Ekholm, enhetschef på IVO.")
            == [Person(name: "Maria Ekholm", role: "enhetschef", organisation: "IVO")])
        #expect(People.find(in: "Sarah Lund, verksamhetschef, har gjort en anmälan enligt lex Sarah.")
            == [Person(name: "Sarah Lund", role: "verksamhetschef")])
        #expect(People.find(in: "Regionen gjorde en anmälan enligt lex Maria Regionen har inte svarat.").isEmpty)
        // The organisation in the genitive before the role, in lower case or an acronym's.
        #expect(People.find(in: "– Vi tar kritiken på allvar, säger socialnämndens ordförande Lena Svensson (M).")
            == [Person(name: "Lena Svensson", role: "ordförande", organisation: "socialnämnden", party: "M")])
        #expect(People.find(in: "IVO:s inspektör Sara Lind konstaterar att dokumentationen brister.")
            == [Person(name: "Sara Lind", role: "inspektör", organisation: "IVO")])
        #expect(People.find(in: "Per Andersson, som är socialchef i Eslöv, säger att rutinerna har ändrats.")
            == [Person(name: "Per Andersson", role: "socialchef", organisation: "Eslöv")])
    }

    @Test func figuresWithUnits() {
        let f = Figures.find(in: "På barnsidan har vi gått från 3,75 till 7 tjänster i dag.")
        #expect(f.map(\.value) == [3.75, 7])
        #expect(f.map(\.unit) == ["tjänster", "tjänster"])
        let g = Figures.find(in: "IVO granskade tio förhandsbedömningar och sex utredningar.")
        #expect(g.map(\.value) == [10, 6])
        #expect(g.map(\.unit) == ["förhandsbedömningar", "utredningar"])
        #expect(Figures.find(in: "Vitet är satt till 500 000 kronor.").first?.value == 500_000)
        #expect(Figures.find(in: "IVO har sedan 2013 granskat missbruksvården i maj 2014.").isEmpty)
        // One adjective may stand between the number and its unit.
        #expect(Figures.find(in: "Av 30 granskade ärenden hade uppföljning skett i elva.")
            == [Figure(value: 30, unit: "ärenden", text: "30 granskade ärenden")])
        #expect(Figures.find(in: "Kommunen har tre vakanta tjänster på barnenheten.").map(\.text) == ["tre vakanta tjänster"])
        #expect(Figures.find(in: "Det hände 30 gånger under året.").isEmpty)
    }
}

/// The language guess on the folded text (words counted in C, eight bytes at a time) counts what
/// a count over the first words split in Swift counts: also long words, words at the very end,
/// a text whose English starts after the words looked at, and a folded text counted a stretch at
/// a time (the first look's windows, each beginning at a space).
@Suite struct LanguageTests {
    static let swedish = "Inspektionen för vård och omsorg riktar kritik mot socialnämnden och att den inte har utrett orosanmälningarna."
    static let english = "The inspectorate found that the board did not assess the reports in time and it is now under review."

    /// The folded form of all of `text` (one stretch that covers it).
    static func folded(_ text: String) throws -> [UInt8] {
        try #require(Array(text.utf8).withUnsafeBufferPointer { FoldedText(utf8: $0, covering: 0..<($0.count + 2)) }).bytes
    }

    /// The language of a folded text counted in stretches of about `stretch` bytes, each but the
    /// first beginning at a space.
    static func language(_ folded: [UInt8], stretch: Int) -> String {
        var count = Language.FoldedCount()
        folded.withUnsafeBufferPointer { f in
            var start = 0
            while start < f.count {
                var end = min(f.count, start + stretch)
                while end < f.count, f[end] != 0x20 { end += 1 }
                count.add(UnsafeBufferPointer(rebasing: f[start..<end]))
                start = end
            }
        }
        return count.language
    }

    @Test(arguments: [
        swedish, english, "12 345 678", "och", "the and", "socialtjänstförvaltningarnas barnavårdsutredningar och",
        String(repeating: swedish + " ", count: 20) + String(repeating: english + " ", count: 60),
        String(repeating: english + " ", count: 25) + String(repeating: swedish + " ", count: 40),
        "x  y   och\tthe  av  " + String(repeating: "ab ", count: 30) + "och",
    ])
    func foldedCountAgreesWithWords(_ text: String) throws {
        let folded = try Self.folded(text)
        let words = String(decoding: folded, as: UTF8.self).split(separator: " ").prefix(Language.sample).map(String.init)
        for stretch in [folded.count, 1, 9, 64] {
            #expect(Self.language(folded, stretch: stretch) == Language.guess(words: words), "stretch \(stretch)")
        }
    }

    @Test func englishAfterTheSampleDoesNotCount() throws {
        let text = String(repeating: Self.swedish + " ", count: 30) + String(repeating: Self.english + " ", count: 200)
        let mixed = Self.english + " " + Self.english + " " + Self.swedish
        for stretch in [1 << 16, 50] {
            #expect(Self.language(try Self.folded(text), stretch: stretch) == "sv")
            #expect(Self.language(try Self.folded(mixed), stretch: stretch) == "en")
        }
    }
}

@Suite struct AreaDecisionTests {
    func decide(_ found: [String], _ sentences: [String]) -> [String] {
        AreaDecision.decide(found: found, sentences: DocumentWords(sentences.map { Words.split(Substring($0)) })).areas
    }

    @Test func theDecisionSaysWhy() {
        let children = AreaDecision.decide(found: [], sentences: [Words.split("Barnen på boendet fick inte träffa sina föräldrar.")])
        #expect(children.areas == ["barn_unga"] && children.why.contains("child is the subject"))
        #expect(AreaDecision.decide(found: ["vuxen"], sentences: []).why == "the area rules")
    }

    @Test func childrenAsTheSubjectOfTheCaseAreChildrenAndFamilies() {
        #expect(decide([], ["IVO kritiserar ett boende i kommunen.", "Barnen som bor där får inte ta emot besök."]) == ["barn_unga"])
        #expect(decide([], ["Nämnden har inte följt upp placeringsbarnen."]) == ["barn_unga"])
        // Twins, a family's children in a social services case.
        #expect(decide([], ["IVO granskar nämndens kontakter med familjen innan tvillingarna dog."]) == ["barn_unga"])
        // Children beside adults or older people: no decision from children alone.
        #expect(decide([], ["Barnen bodde hos en förälder med missbruk."]).isEmpty)
        #expect(decide([], ["De äldre på boendet fick besök av sina barnbarn."]).isEmpty)
        #expect(decide([], ["Nämnden har brustit i handläggningen."]).isEmpty)
    }

    @Test func aSentenceStatingTheLawsNamesNoOne() {
        // The closing box of a lex Sarah report names the LSS act beside the social services act.
        #expect(decide([], ["Barnen fick inte träffa sin handläggare.", "Bestämmelserna finns i socialtjänstlagen och i LSS."]) == ["barn_unga"])
        #expect(decide([], ["Barnen fick inte träffa sin handläggare.", "Hon har insatser enligt LSS."]).isEmpty)
    }

    @Test func anAdultWhoAppliedForAidIsAdults() {
        #expect(decide([], ["Handläggningen av en kvinna som sökt bistånd tog fem månader."]) == ["vuxen"])
        #expect(decide([], ["Paret ansökte om bistånd till hyran men fick vänta."]) == ["vuxen"])
        #expect(decide([], ["En man fick avslag på sitt biståndsbeslut."]) == ["vuxen"])
        // The household's children named beside the applicant: still the applicant's case.
        #expect(decide([], ["En kvinna sökte bistånd för sig och sina barn."]) == ["vuxen"])
        // An applicant for elderly care, or no applicant: no decision.
        #expect(decide([], ["En kvinna på 91 år sökte bistånd i form av särskilt boende."]).isEmpty)
        #expect(decide([], ["Kvinnan fick vänta på ett beslut."]).isEmpty)
        #expect(decide([], ["Man ska kunna söka bistånd muntligen."]).isEmpty)
        // Placed or treated.
        #expect(decide([], ["Nämnden omplacerade en kvinna till ett annat HVB-hem."]) == ["vuxen"])
        #expect(decide([], ["Mannen skrevs ut från behandlingshemmet utan någon planering."]) == ["vuxen"])
    }

    @Test func aChildByAgeOrAsAMinorSonOrDaughter() {
        #expect(decide([], ["Socialtjänsten pratade aldrig med 15-åringen."]) == ["barn_unga"])
        #expect(decide([], ["En femtonåring fick vänta i ett halvår."]) == ["barn_unga"])
        #expect(decide([], ["Hennes 14-årige son fick vänta i ett halvår."]) == ["barn_unga"])
        #expect(decide([], ["Den femårige sonen placerades efter en anmälan från grannen."]) == ["barn_unga"])
        #expect(decide([], ["Deras dotter flyttades till ett jourhem utan beslut."]) == ["barn_unga"])
        // Grown, or of no told age: no child.
        #expect(decide([], ["Hennes 40-årige son fick vänta i ett halvår."]).isEmpty)
        #expect(decide([], ["Hennes vuxne son flyttades till ett jourhem."]).isEmpty)
        #expect(decide([], ["Kvinnan begärde ut handlingar i ett ärende som gällde hennes son."]).isEmpty)
        // An age adjective of a thing is no person.
        #expect(decide([], ["Nämnden har ett treårigt avtal med bolaget."]).isEmpty)
    }

    @Test func anAgeInDigitsOrWords() {
        let words = Words.split("En 15-åring, en femtonårig flicka, en fyrtiotvåårig man, en 87 år gammal kvinna och sex år gamla Lisa.")
        let ages = words.indices.compactMap { AreaDecision.age(words, $0) }
        #expect(ages == [15, 15, 42, 87, 6])
        #expect(decide([], ["Nämnden placerade sju år gamla Lisa hos en släkting."]) == ["barn_unga"])
    }

    @Test func olderPeopleByAge() {
        #expect(decide([], ["En 89-årig kvinna blev liggande på golvet i flera timmar."]) == ["aldre"])
        #expect(decide([], ["Mannen, som är 78 år gammal, fick ingen hjälp."]) == ["aldre"])
        #expect(decide([], ["En 34-årig man fick vänta på beslut."]).isEmpty)
        #expect(decide([], ["Hon bodde 70 år i huset."]).isEmpty)
        #expect(decide(["lss"], ["En 67-årig man med personlig assistans."]) == ["lss"])
    }

    @Test func childrenInAnLSSHomeAreLSS() {
        let lss = ["IVO granskade en bostad med särskild service för barn enligt LSS.", "Pojken var ensam på kvällarna."]
        #expect(decide(["lss", "barn_unga"], lss) == ["lss"])
        // With the social services' work with children at risk, both stay.
        #expect(decide(["lss", "barn_unga"], lss + ["Två orosanmälningar om pojken utreddes inte."]) == ["lss", "barn_unga"])
        #expect(decide(["lss", "barn_unga"], lss + ["IVO har granskat barn- och familjeenheten."]) == ["lss", "barn_unga"])
        // A short stay beside the family's home concerns the family too.
        #expect(decide(["lss", "barn_unga"], ["Ett korttidsboende för barn med funktionsnedsättning fick kritik."]) == ["lss", "barn_unga"])
        #expect(decide(["aldre"], ["De äldre fick vänta."]) == ["aldre"])
    }

    @Test func anAreaNamedOnceInPassingIsNotTheDocuments() {
        let lss = AreaDecision.Support(sentences: 4, inFinding: true)
        // "Som inom äldreomsorgen" in one sentence of a report on group homes: LSS alone.
        #expect(AreaDecision.decide(found: ["lss", "aldre"], support: ["lss": lss, "aldre": .init(sentences: 1)], sentences: []).areas == ["lss"])
        // A finding in that sentence, or two sentences, or no area the document is about: both stay.
        #expect(AreaDecision.decide(found: ["lss", "aldre"], support: ["lss": lss, "aldre": .init(sentences: 1, inFinding: true)], sentences: []).areas == ["lss", "aldre"])
        #expect(AreaDecision.decide(found: ["lss", "aldre"], support: ["lss": lss, "aldre": .init(sentences: 2)], sentences: []).areas == ["lss", "aldre"])
        #expect(AreaDecision.decide(found: ["lss", "aldre"], support: ["lss": .init(sentences: 2), "aldre": .init(sentences: 1)], sentences: []).areas == ["lss", "aldre"])
    }
}

@Suite struct OutcomeResolutionTests {
    func event(_ value: String, _ time: Outcomes.Time) -> Outcomes.Event { Outcomes.Event(value: value, sentence: 1, time: time) }

    @Test func backgroundOutcomesNeverStand() {
        // "Granskningen gällde nämnder som tidigare fått kritik": no outcome of this case.
        #expect(Outcomes.resolve([event("kritik", .background)]) == [])
        #expect(Outcomes.resolve([event("kritik", .background), event("forelaggande", .earlier)]) == ["forelaggande"])
    }

    @Test func aCaseClosedNowEndsWhatLedToIt() {
        // "Nämnden riskerade vite … Nu avslutas ärendet."
        #expect(Outcomes.resolve([event("vite", .now), event("avslutat", .now)]) == ["avslutat"])
        #expect(Outcomes.resolve([event("forelaggande", .now), event("redovisning", .now), event("avslutat", .now)]) == ["avslutat"])
        // Criticism and closing in one decision both stand.
        #expect(Outcomes.resolve([event("kritik", .now), event("avslutat", .now)]) == ["kritik", "avslutat"])
    }

    @Test func aStatutesNumberIsNoYear() {
        // The law cited beside criticism given now does not date it.
        #expect(Outcomes.years(in: "JO kritiserar nämnden i Ekby enligt lagen (1990:52) med särskilda bestämmelser") == [])
        #expect(Outcomes.years(in: "Socialtjänstlagen (2001:453) gällde redan 2019: nämnden fick kritik 2021.") == [2019, 2021])
    }

    @Test func yearsAreFoundInEveryBlockOfSixteenBytesAndAtTheEnds() {
        // Read sixteen bytes at a time: years at the start, across a block's edge, in the short
        // tail and at the very end, beside digits that are no year.
        #expect(Outcomes.years(in: "2019 fick nämnden i Ekby kritik, och den 3 maj 2020 igen") == [2019, 2020])
        #expect(Outcomes.years(in: "Ärendet från mars (nr 12345) avslutades år 2021") == [2021])
        #expect(Outcomes.years(in: "Åtgärderna i Ekby skulle vara klara 2024") == [2024])
        #expect(Outcomes.years(in: "Inga årtal här, bara 12 och 123456 och kl. 8.30 på morgonen i Ekby") == [])
    }

    @Test func aDatelineIsReadFromTheParagraphUpToItsSixtyFourthSpace() {
        // Counted sixteen bytes at a time from any offset, the 64th space found in its block.
        let text = Array(("Ekby " + String(repeating: "ord ", count: 100)).utf8)
        #expect(MunicipalityFinder.opening(0..<text.count, of: text) == 0..<256)
        #expect(MunicipalityFinder.opening(5..<text.count, of: text) == 5..<260)
        #expect(MunicipalityFinder.opening(3..<40, of: text) == 3..<40)
        #expect(MunicipalityFinder.opening(7..<7, of: text) == 7..<7)
    }

    @Test func scalarOffsetsAreCountedForwardAndBack() {
        // "Överförmyndaren i Åby" (Ö and Å take two bytes): offsets asked for out of order, as a
        // sentence's hits come in rule order.
        var counter = ScalarCounter(Array("Överförmyndaren i Åby och Ekby".utf8))
        #expect(counter.offset(ofByte: 20) == 18)
        #expect(counter.offset(ofByte: 2) == 1)
        #expect(counter.offset(ofByte: 33) == 30)
        #expect(counter.offset(ofByte: 0) == 0)
        #expect(counter.offset(ofByte: 19) == 17)
    }

    @Test func aTeaserIsAShortUnclosedLineInsideTheBody() {
        let sentences: [Substring] = [
            "Skarp kritik mot nämnden i Ekby", "IVO har granskat socialtjänsten i Ekby.",
            "Skarp kritik", "Flera föräldrar är missnöjda med nämnden.", "Nämnden i Ekby får skarp kritik av IVO",
        ]
        // Not the title above the body, nor a long unclosed line.
        #expect(Outcomes.teasers(sentences) == [2])
    }
}
