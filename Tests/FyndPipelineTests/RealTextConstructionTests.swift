import FyndCore
import FyndPipeline
import Foundation
import Testing

/// Constructions of real pages that fynd misread (realcheck10, half A), each in a text written
/// for the test: an audit report's cover, a lex Sarah press release, a report's research
/// question.
@Suite struct RealTextConstructionTests {
    /// The result of the shipped pack on one text.
    static func result(_ text: String) throws -> DocumentResult {
        let path = NSTemporaryDirectory() + "fynd-construction-\(UUID().uuidString).txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try #require(try Repo.run([path]).first?.result)
    }

    @Test func anAuditReportsCoverIsACase() throws {
        // docplayer's copy of a report: its title, the word "Revisionsrapport" on a line of its
        // own, then a list of other documents.
        let cover = try Self.result("""
            Lidviks kommun. Granskning av uppföljningen av barn placerade i familjehem och på HVB. Revisionsrapport

            Relevanta dokument
            Rutin för uppföljning av placerade barn

            Riktlinje för familjehemsvård
            """)
        #expect(cover.attributes.relevant)
        let cityAudit = try Self.result("""
            1 Revisionsrapport Stadsrevisionen Ekby stads stöd till ensamkommande barn och unga

            2 Innehållsförteckning Sammanfattning Bakgrund Iakttagelser om handläggningen i socialtjänsten Bedömning
            """)
        #expect(cityAudit.attributes.relevant)
    }

    @Test func aLexSarahReportsIncidentInquiryAndScopeAreNoFindings() throws {
        let r = try Self.result("""
            Kommunen anmäler enligt lex Sarah

            Socialförvaltningen i Lidvik har anmält en händelse på ett av kommunens boenden till Inspektionen för vård och omsorg enligt lex Sarah. En boende har skadats efter att larmet inte besvarades.

            Förvaltningen kommer att utreda händelsen internt. Händelsen är fortfarande under utredning och utredningen ska klarlägga orsakerna till händelsen.

            Enligt lex Sarah är medarbetare skyldiga att anmäla missförhållanden i omsorg som ges med stöd av socialtjänstlagen eller enligt lagen om stöd och service till vissa funktionshindrade (LSS).
            """)
        #expect(r.attributes.relevant)
        #expect(!r.categoriesFound.contains("utredning"))
        #expect(!r.categoriesFound.contains("lss"))
    }

    @Test func aReportsResearchQuestionIsNoReportDemanded() throws {
        let r = try Self.result("""
            Skyddet som måste hålla

            IVO har granskat hur socialtjänsten i nio kommuner hanterar orosanmälningar om barn. Rapporten återger IVO:s iakttagelser och ska svara på om barnens behov av skydd blir tillräckligt utredda.

            IVO konstaterar att förhandsbedömningarna i flera kommuner drar ut på tiden och att barnperspektivet behöver stärkas.
            """)
        #expect(r.attributes.relevant)
        #expect(!r.attributes.outcome.contains("redovisning"))
    }
}
