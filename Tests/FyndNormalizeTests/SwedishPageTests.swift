import FyndCore
import Foundation
import Testing
@testable import FyndNormalize

/// Pages in the layout of Swedish sites (corpus/html/) come out as the article and nothing else.
@Suite struct SwedishPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func page(_ name: String) throws -> Document {
        let bytes = try Array(Data(contentsOf: Self.root.appendingPathComponent("corpus/html/\(name)")))
        return try Normalizer().normalize(bytes: bytes, id: name, source: name, format: .html)
    }

    func paragraphs(_ d: Document) -> [String] {
        let u = Array(d.text.utf8)
        return d.paragraphs.map { String(decoding: u[$0], as: UTF8.self) }
    }

    @Test func localNewspaper() throws {
        let d = try page("lokaltidning-kalix.html")
        #expect(d.title == "IVO riktar kritik mot socialtjänsten i Kalix")
        #expect(d.published == "2023-03-12")
        #expect(d.author == "Anna Nilsson")
        // The headline is the page's title, not part of the article text.
        #expect(paragraphs(d) == [
            "Socialtjänsten i Kalix har inte hanterat orosanmälningar om barn i tid. Det slår Inspektionen för vård och omsorg fast i ett nytt beslut.",
            "IVO har granskat 30 orosanmälningar som kom in till socialtjänsten under hösten. I en tredjedel av fallen gjordes ingen skyddsbedömning samma dag som anmälan kom in.",
            "Enligt beslutet har nämnden inte heller säkerställt att förhandsbedömningarna avslutas inom fjorton dagar.",
            "– Det är allvarligt när barn som kan fara illa inte får hjälp i tid, säger Per Holm, inspektör på IVO.",
            "Socialnämndens ordförande Eva Lind (S) säger att nämnden redan har anställt två nya socialsekreterare på mottagningsenheten.",
            "Nämnden ska senast den 30 juni redovisa vilka åtgärder den har vidtagit.",
        ])
    }

    @Test func ivoNews() throws {
        let d = try page("ivo-beslut-nyhet.html")
        #expect(d.title == "Brister i Hylte kommuns handläggning av ärenden om barn")
        #expect(d.published == "2024-01-15")
        #expect(paragraphs(d) == [
            "Brister i Hylte kommuns handläggning av ärenden om barn",
            "IVO förelägger socialnämnden i Hylte kommun att åtgärda bristerna i handläggningen av ärenden som rör barn och unga. Föreläggandet är förenat med ett vite på 500 000 kronor.",
            "IVO har i en tillsyn granskat 25 utredningar om barn. Granskningen visar att utredningarna inte har slutförts inom fyra månader och att barnens inställning inte har dokumenterats.",
            "Nämnden har tidigare fått kritik",
            "Socialnämnden fick kritik för samma brister 2022. IVO bedömer att nämnden inte har vidtagit tillräckliga åtgärder sedan dess.",
            "Nämnden ska senast den 15 april 2024 redovisa vilka åtgärder som har vidtagits.",
        ])
    }

    @Test func municipalSite() throws {
        let d = try page("osteraker-familjehemsplacering.html")
        #expect(d.published == "2020-06-15")
        let text = paragraphs(d).joined(separator: "\n")
        #expect(text.contains("Tillsynen gäller hur kommunen har hanterat en familjehemsplacering."))
        for furniture in ["kakor", "ANNONS", "Vinterdäck", "Relaterade", "Dela", "Åkersberga", "Facebook"] {
            #expect(!text.contains(furniture), "\(furniture)")
        }
    }

    @Test func nationalNewsSite() throws {
        // A national paper's layout: meta line with publication and update times, photo
        // caption, an inline "Läs också" box, an ad slot, a fact box, share links, comments.
        let d = try page("rikstidning-lvu.html")
        #expect(d.title == "JO: Socialtjänsten i Lidköping dröjde med LVU-ansökan")
        #expect(d.published == "2024-02-07")
        #expect(d.author == "Sara Lind")
        let text = paragraphs(d).joined(separator: "\n")
        // The headline stands in the article element, the lead right after it.
        #expect(paragraphs(d).prefix(2).last?.hasPrefix("Justitieombudsmannen riktar kritik mot socialnämnden i Lidköpings kommun") == true)
        #expect(text.contains("det inte framgår av akten hur flickans egen uppfattning togs till vara"))
        for furniture in ["Uppdaterad", "Foto", "Skövde", "ANNONS", "Dela", "Skandal", "kakor", "Ansvarig utgivare", "Sport"] {
            #expect(!text.contains(furniture), "\(furniture)")
        }
    }

    @Test func radioSite() throws {
        // A public radio station's layout: cookie banner, navigation, a preamble in the article
        // header, a photo with caption, "Läs också" and "Mest läst" lists, footer with the
        // publisher's address. Written after the other pages, without changing the extractor.
        let d = try page("radio-molndal.html")
        #expect(d.title == "IVO kritiserar Mölndal efter sen hantering av orosanmälningar")
        #expect(d.published == "2026-10-14")
        #expect(d.author == "Karin Ek")
        let p = paragraphs(d)
        #expect(p.first?.hasPrefix("Socialtjänsten i Mölndal har i flera fall väntat i veckor") == true)
        #expect(p.last == "IVO riktar kritik mot socialnämnden och kräver att nämnden senast den 1 februari 2027 redovisar vilka åtgärder som har vidtagits.")
        #expect(p.count == 5)
        let text = p.joined(separator: "\n")
        for furniture in ["kakor", "Start", "Foto", "Läs också", "Rekordmånga", "Mest läst", "Frölunda", "Ansvarig utgivare", "Publicerat"] {
            #expect(!text.contains(furniture), "\(furniture)")
        }
    }
}
