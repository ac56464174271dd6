import Foundation
import FyndSegment
import Testing

/// Scores sentence segmentation against the UD Swedish-Talbanken sentences in
/// `../shared/corpus/segmentation-ud` (CC BY-SA 4.0), laid out as its README says: each
/// paragraph on one line, its sentences joined by a space, and a line break after a sentence
/// without final punctuation (a heading stands on its own line in a real page).
@Suite struct TreebankTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/segmentation-ud").standardizedFileURL
    static let files = ["sv_talbanken-ud-dev.conllu", "sv_talbanken-ud-test.conllu"]
    static var present: Bool { files.allSatisfy { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) } }

    /// The paragraphs of a CoNLL-U file, each a list of its sentences' texts.
    static func paragraphs(_ conllu: String) -> [[String]] {
        var paragraphs: [[String]] = []
        for line in conllu.split(separator: "\n") {
            if line.hasPrefix("# newpar") || line.hasPrefix("# newdoc") {
                if paragraphs.last?.isEmpty == false || paragraphs.isEmpty { paragraphs.append([]) }
            } else if line.hasPrefix("# text = ") {
                if paragraphs.isEmpty { paragraphs.append([]) }
                paragraphs[paragraphs.count - 1].append(String(line.dropFirst("# text = ".count)))
            }
        }
        return paragraphs.filter { !$0.isEmpty }
    }

    /// One paragraph as a page prints it.
    static func layout(_ sentences: [String]) -> String {
        var text = ""
        for (i, s) in sentences.enumerated() {
            if i > 0 {
                let previous = sentences[i - 1].trimmingCharacters(in: .whitespaces)
                text += [".", "!", "?", "”", "\"", ":", "…", ")"].contains(where: previous.hasSuffix) ? " " : "\n"
            }
            text += s
        }
        return text
    }

    /// Sentences whose start and end both match the gold, and the boundary counts.
    struct Score {
        var sentences = 0, exact = 0, goldBoundaries = 0, foundBoundaries = 0, rightBoundaries = 0
        var misses: [String] = []

        mutating func add(gold: [String], found: [String]) {
            func spans(_ list: [String]) -> [Range<Int>] {
                var offset = 0
                return list.map { s in
                    defer { offset += s.unicodeScalars.filter { !$0.properties.isWhitespace }.count }
                    return offset..<(offset + s.unicodeScalars.filter { !$0.properties.isWhitespace }.count)
                }
            }
            // Offsets counted without white space: the layout's spaces and line breaks do not matter.
            let g = spans(gold), f = Set(spans(found))
            sentences += g.count
            for (span, text) in zip(g, gold) { if f.contains(span) { exact += 1 } else { misses.append(text) } }
            let gb = Set(g.map(\.upperBound)), fb = Set(f.map(\.upperBound))
            goldBoundaries += gb.count
            foundBoundaries += fb.count
            rightBoundaries += gb.intersection(fb).count
        }

        var accuracy: Double { Double(exact) / Double(max(sentences, 1)) }
        var precision: Double { Double(rightBoundaries) / Double(max(foundBoundaries, 1)) }
        var recall: Double { Double(rightBoundaries) / Double(max(goldBoundaries, 1)) }
        var f1: Double { 2 * precision * recall / max(precision + recall, .ulpOfOne) }
    }

    @Test(.enabled(if: present, "the treebank in ../shared/corpus/segmentation-ud"))
    func atLeast98PercentOfTreebankSentencesExactlyRight() throws {
        let segmenter = try Segmenter()
        var score = Score()
        for file in Self.files {
            let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
            for paragraph in Self.paragraphs(text) {
                score.add(gold: paragraph, found: segmenter.sentences(in: Self.layout(paragraph)))
            }
        }
        print(String(format: "treebank: %d/%d sentences exactly right = %.1f %%; boundaries P %.3f R %.3f F1 %.3f",
                     score.exact, score.sentences, score.accuracy * 100, score.precision, score.recall, score.f1))
        for miss in score.misses { print("  missed: \(miss)") }
        #expect(score.sentences > 1_700)
        #expect(score.accuracy >= 0.98)
    }

    @Test func sentencesThatOpenWithANumber() throws {
        let segmenter = try Segmenter()
        #expect(segmenter.sentences(in: "Antalet anmälningar ökade kraftigt i fjol. 2021 kom det in 140 anmälningar.")
            == ["Antalet anmälningar ökade kraftigt i fjol.", "2021 kom det in 140 anmälningar."])
        #expect(segmenter.sentences(in: "IVO granskade 40 akter. 17 av dem saknade en plan. Nämnden svarade i maj.")
            == ["IVO granskade 40 akter.", "17 av dem saknade en plan.", "Nämnden svarade i maj."])
        #expect(segmenter.sentences(in: "– Det är allvarligt!” 9 av 10 placeringar följdes inte upp.")
            == ["– Det är allvarligt!”", "9 av 10 placeringar följdes inte upp."])
        #expect(segmenter.sentences(in: "Avgiften höjdes med 50 kr. 30 procent av brukarna klagade.")
            == ["Avgiften höjdes med 50 kr.", "30 procent av brukarna klagade."])
        // A colon that introduces a quotation ends a sentence (as the treebank counts it).
        #expect(segmenter.sentences(in: "I beslutet skriver IVO: ”Nämnden har inte utrett barnets behov.”")
            == ["I beslutet skriver IVO:", "”Nämnden har inte utrett barnets behov.”"])
        #expect(segmenter.sentences(in: "Kl. 14:30 började mötet.") == ["Kl. 14:30 började mötet."])
        // And one that ends a clause before a capitalised sentence; not a label or a short lead-in.
        #expect(segmenter.sentences(in: "Revisorerna ställer sig en fråga: Varför har ingen följt upp planerna?")
            == ["Revisorerna ställer sig en fråga:", "Varför har ingen följt upp planerna?"])
        #expect(segmenter.sentences(in: "IVO:s bedömning: Nämnden har brustit i sin handläggning.").count == 1)
        #expect(segmenter.sentences(in: "Kontaktperson på förvaltningen: Anna Lind").count == 1)
        // "?" or "!" before a word in lower case ends no sentence.
        #expect(segmenter.sentences(in: "– Vem bär ansvaret? frågade revisorn. Ingen svarade.")
            == ["– Vem bär ansvaret? frågade revisorn.", "Ingen svarade."])
        #expect(segmenter.sentences(in: "”Varför dröjde det?” undrar föräldrarna.") == ["”Varför dröjde det?” undrar föräldrarna."])
        #expect(segmenter.sentences(in: "Vem bär ansvaret? Nämnden.") == ["Vem bär ansvaret?", "Nämnden."])
        // An abbreviation or initials before a number or a name stay in the sentence.
        for kept in ["Enligt 11 kap. 1 § SoL ska nämnden utreda.", "Mötet börjar kl. 14 i stadshuset.", "Se s. 12 i rapporten.",
                     "Beslutet fattades den 3 jan. 2022 av nämnden.", "Nämnden har bl.a. 12 ärenden kvar.",
                     "Enligt p. 3 i beslutet ska nämnden redovisa.", "Det framgår av bil. 2 till protokollet.",
                     "Boken av J.K. Rowling lästes högt.", "Kommunen har f.n. 30 platser på boendet."] {
            #expect(segmenter.sentences(in: kept) == [kept])
        }
    }
}
