@testable import FyndSegment
import Foundation
import Testing

/// The byte word cutter (`PlainWords`) gives exactly the tokens ICU's Swedish word breaks give,
/// wherever it takes the text on, and gives up text it does not know.
@Suite struct PlainWordsTests {
    let icu: BreakIterator
    init() throws { icu = try BreakIterator(.word) }

    struct Piece: Equatable, CustomStringConvertible {
        var range: Range<Int>
        var isWord: Bool
        var description: String { "\(range)\(isWord ? "w" : "")" }
    }

    /// The byte cutter's tokens, collected.
    struct Pieces: PlainWords.Sink {
        var pieces: [Piece] = []
        mutating func token(_ range: Range<Int>, isWord: Bool) { pieces.append(Piece(range: range, isWord: isWord)) }
    }

    /// ICU's tokens, white space left out (as `Segmenter` reads them).
    func icuTokens(_ text: String) -> [Piece] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [Piece] = [], previous = 0
            icu.forEachBreak(bytes) { end, status in
                defer { previous = end }
                guard end > previous, !bytes[previous..<end].allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return }
                out.append(Piece(range: previous..<end, isWord: status >= 100))
            }
            return out
        }
    }

    /// The byte cutter's tokens, nil when it gives the text up.
    func plainTokens(_ text: String) -> [Piece]? {
        var text = text
        return text.withUTF8 { bytes in
            var out = Pieces()
            return PlainWords.tokens(bytes, 0..<bytes.count, into: &out) ? out.pieces : nil
        }
    }

    @Test func swedishNewsConstructionsCutAsICUCutsThem() throws {
        let lines = [
            "IVO:s granskning visar att 3,75 procent av ärendena (t.ex. 14a §) inte utretts – enligt SoL 11 kap. 1 §.",
            "Socialnämnden i Östersund fick kritik: \u{201D}Barnets bästa beaktades inte\u{201D}, skriver JO i beslutet 2023-05-12.",
            "Kommunen's svar kom 10.30 kl. 14:00; beloppet 1 500 000 kr\u{00A0}betalas ut senast 1.5.2024\u{2026}",
            "Rad ett\r\nRad två\tmed tabb, \u{201E}citat\u{201C} och ÅÄÖ-ord: ÖVERFÖRMYNDARE.",
            "a:b :ab ab: 1,2, ,3 x.y. 3'4 o'b '' ,, 12a b34 ä1ö é.è ×3 4÷2",
        ]
        for line in lines {
            let plain = try #require(plainTokens(line), "\(line)")
            #expect(plain == icuTokens(line), "\(line)")
        }
        #expect(plainTokens("IVO:s")?.map(\.range) == [0..<5])
    }

    /// Text with characters the cutter does not know is left to ICU.
    @Test func otherCharactersAreGivenUp() {
        for text in ["Ελλάδα", "mer_än", "IVO\u{2019}s", "social\u{00AD}tjänst", "e\u{301}", "😀", "ß½", "info@ivo.se"] {
            #expect(plainTokens("Nämnden \(text) brast.") == nil, "\(text)")
        }
    }

    /// The segmenter cuts and folds as before: plain sentences on bytes, others by ICU.
    @Test func segmenterTokensFoldLikeICUTokens() throws {
        let segmenter = try Segmenter()
        let plain = segmenter.tokenized("ÖSTERÅKERS Orosanmälningar, IVO:s 3,75 tjänster – § 5")
        #expect(plain.tokens.map(plain.foldedForm) == ["österåkers", "orosanmälningar", ",", "ivo:s", "3,75", "tjänster", "–", "§", "5"])
        let other = segmenter.tokenized("Nämndens \u{2019}beslut\u{2019} — Ελλάδα")
        #expect(other.tokens.map(other.foldedForm) == ["nämndens", "'", "beslut", "'", "–", "ελλάδα"])
        #expect(String(decoding: plain.folded[plain.wordBytes], as: UTF8.self) == " österåkers orosanmälningar ivo:s 3,75 tjänster 5 ")
    }

    /// Plain words are written into room made for them at once: words packed tight (a word of
    /// one letter, words parted by one mark, a word that ends the text) fill it to the last
    /// byte, and a sentence that turns out not to be plain leaves none of it behind.
    @Test func wordsPackedTightFillTheirRoomExactly() throws {
        let segmenter = try Segmenter()
        for (text, words) in [("Å", " å "), ("a.b,C", " a.b c "), ("(Ja)x", " ja x "), ("Ö-Ä", " ö ä "), ("ÄR  DET", " är det ")] {
            let s = segmenter.tokenized(text)
            #expect(String(decoding: s.folded[s.wordBytes], as: UTF8.self) == words, "\(text)")
            #expect(s.folded.count == s.wordBytes.upperBound + s.tokens.filter { !$0.isWord }.map(\.folded.count).reduce(0, +), "\(text)")
        }
        let other = segmenter.tokenized("Ett ORD, och sedan Ελλάδα")
        #expect(String(decoding: other.folded[other.wordBytes], as: UTF8.self) == " ett ord och sedan ελλάδα ")
        #expect(other.folded.count == other.wordBytes.upperBound + 1)
    }

    /// Every line of the shipped articles, the seeds and the negatives.
    @Test func realLinesCutAsICUCutsThem() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var lines = 0, plain = 0
        for directory in ["corpus/articles", "corpus/segmentation", "../shared/corpus/seeds", "../shared/corpus/negatives"] {
            let url = root.appendingPathComponent(directory)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".txt") {
                for line in try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8).split(separator: "\n") {
                    lines += 1
                    guard let tokens = plainTokens(String(line)) else { continue }
                    plain += 1
                    #expect(tokens == icuTokens(String(line)), "\(name): \(line)")
                }
            }
        }
        #expect(lines > 500)
        #expect(plain * 10 > lines * 8)
    }

    /// Lines made at random (fixed seed) of the characters and words the cutter knows.
    @Test func generatedLinesCutAsICUCutsThem() throws {
        let pieces = [
            "IVO", "ivo:s", "Åsa", "ÄR", "é", "3", "14a", "a1", "3,5", "1.5", ":", ".", ",", ";", "'", "-", "–", "—", "“", "”",
            "„", "…", "§", "\u{A0}", "×", "÷", "x", "Z", "0", "9", "\t", "\r\n", "\r", "\n",
            "!", "\"", "#", "$", "%", "&", "(", ")", "*", "+", "/", "<", "=", ">", "?", "[", "\\", "]", "^", "`", "{", "|", "}", "~",
        ]
        var numbers = SeededNumbers()
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(1 + numbers.next(12)) {
                text += pieces[numbers.next(pieces.count)]
                text += ["", "", " ", "  "][numbers.next(4)]
            }
            let tokens = try #require(plainTokens(text))
            #expect(tokens == icuTokens(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
