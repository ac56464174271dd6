import FyndCore
import FyndPipeline
import Testing

/// Issue 18: a document far larger than an article is matched a window of sentences at a time,
/// and its record is the one the whole document at once gives.
@Suite struct HugeDocumentTests {
    /// A report of a supervision case at the start and at the end, with `fillers` paragraphs of
    /// other business between (each its own: a repeated paragraph is dropped as boilerplate);
    /// `extra` ends the first filler paragraph.
    static func report(fillers: Int, extra: String = "") -> String {
        var paragraphs = [
            "IVO riktar allvarlig kritik mot socialnämnden i Lunds kommun.",
            "Inspektionen konstaterar att nämnden inte har utrett orosanmälningar om barn inom föreskriven tid.",
        ]
        for i in 0..<fillers {
            paragraphs.append("Styrelsen för fastighetsbolaget sammanträdde för den \(i + 1):a gången och godkände budgeten för år \(2000 + i % 50)."
                + " Protokollet justerades av ordföranden och sekreteraren nummer \(i)." + (i == 0 ? extra : ""))
        }
        paragraphs.append("Nämnden ska senast den 1 mars 2024 redovisa vilka åtgärder den har vidtagit.")
        paragraphs.append("IVO konstaterar också brister i dokumentationen av hemtjänsten i Lunds kommun.")
        return paragraphs.joined(separator: "\n\n")
    }

    /// The record of `text` matched `windowBytes` of sentences at a time.
    static func record(_ text: String, windowBytes: Int) throws -> DocumentResult {
        let worker = try Repo.worker()
        worker.windowBytes = windowBytes
        guard case .result(let result) = worker.process(InputItem(id: "stor", source: "stor.txt", payload: .bytes(Array(text.utf8), .text))) else {
            throw CancellationError()
        }
        return result
    }

    /// Without a folded text (a letter whose lower case is longer: "İ"), every sentence is cut
    /// into words and matched with every rule at once; the second look of a relevant document,
    /// for the other rules, leaves those hits as they are (it replaced them by its own, and the
    /// document lost its relevance).
    @Test func aTextWithoutFoldedFormKeepsItsFirstHits() throws {
        let result = try Self.record(Self.report(fillers: 1, extra: " Delegationen reste till İzmir."), windowBytes: 1 << 16)
        #expect(result.attributes.relevant)
        #expect(result.attributes.municipality == ["Lund"])
        #expect(result.attributes.outcome.contains("kritik"))
    }

    /// A document of some 300 kB in windows of 1 kB, of 4 kB (about seventy) and of the
    /// default size (its folded text made and scanned, its sentences cut into words) is
    /// encoded to the same bytes as matched all at once; the record holds the case of its first
    /// and of its last paragraphs, with evidence where its offsets say. Also for a text whose
    /// folded form cannot be made ("İ" lower-cases to more bytes), where the language is told by
    /// the first words matched.
    @Test func windowsGiveTheRecordOfTheWholeDocument() throws {
        for extra in ["", " Delegationen reste till İzmir."] {
            let text = Self.report(fillers: 2_000, extra: extra)
            #expect(text.utf8.count > 300_000)
            let whole = try Self.record(text, windowBytes: .max)
            let encoder = try Repo.worker()
            for window in [1 << 10, 4 << 10, 1 << 16] {
                let result = try Self.record(text, windowBytes: window)
                #expect(encoder.encode(.result(result)) == encoder.encode(.result(whole)), "window \(window)")
            }
            #expect(whole.attributes.relevant)
            #expect(whole.language == "sv")
            #expect(whole.attributes.municipality == ["Lund"])
            #expect(whole.sentenceCount > 4_000)
            let sentences = Set(whole.findings.map(\.sentence))
            #expect(sentences.contains { $0 < 2 } && sentences.contains { $0 > whole.sentenceCount - 3 })
            let scalars = Array(whole.document.text.unicodeScalars)
            for f in whole.findings {
                #expect(f.evidence.contains(String(String.UnicodeScalarView(scalars[f.start..<f.end]))))
            }
        }
    }

    /// The extractors' words of a large document cut as each reads a sentence (`DocumentWords`)
    /// give the record of the words cut once and kept: municipality, area, deadline, people and
    /// figures of a report of some 300 kB.
    @Test func wordsCutPerReaderGiveTheRecordOfWordsKept() throws {
        let text = Self.report(fillers: 2_000, extra: " Socialchefen Eva Holm i Lunds kommun sa att 14 placerade barn fick vänta.")
        func record(keptBytes: Int) throws -> [UInt8] {
            var extractor = try Repo.worker().extractor
            extractor.wordsKeptBytes = keptBytes
            let worker = try Worker(extractor: extractor)
            guard case .result(let result) = worker.process(InputItem(id: "stor", source: "stor.txt", payload: .bytes(Array(text.utf8), .text))) else {
                throw CancellationError()
            }
            #expect(result.attributes.municipality == ["Lund"])
            #expect(!result.attributes.deadlines.isEmpty && !result.attributes.people.isEmpty && !result.attributes.area.isEmpty)
            return worker.encode(.result(result))
        }
        #expect(try record(keptBytes: 0) == record(keptBytes: .max))
    }
}
