@testable import FyndSegment
import Foundation
import Testing

/// The sentence iterator's shortcuts (a paragraph with no place to break is one sentence without
/// ICU; ICU reads only the words around each place where a sentence may end, the stretches
/// between them one stand-in letter) give exactly the breaks ICU gives reading every character.
@Suite struct SentenceShortcutTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let fast: BreakIterator
    let whole: BreakIterator
    init() throws {
        fast = try BreakIterator(.sentence)
        whole = try BreakIterator(.sentenceOverWholeText)
    }

    func breaks(_ iterator: BreakIterator, _ text: String) -> [Int] {
        var text = text
        var offsets: [Int] = []
        text.withUTF8 { iterator.forEachBreak($0) { offset, _ in offsets.append(offset) } }
        return offsets
    }

    /// Every line of the shipped articles, the seeds, the negatives and the segmentation gold.
    @Test func realParagraphsBreakAsOverTheWholeText() throws {
        let directories = ["corpus/articles", "corpus/segmentation", "../shared/corpus/seeds", "../shared/corpus/negatives"]
        var lines = 0, multi = 0
        for directory in directories {
            let url = Self.root.appendingPathComponent(directory)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".txt") {
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let expected = breaks(whole, String(line))
                    #expect(breaks(fast, String(line)) == expected, "\(name): \(line)")
                    lines += 1
                    if expected.count > 2 { multi += 1 }
                }
            }
        }
        #expect(lines > 500)
        #expect(multi > 150)
    }

    /// Paragraphs made at random (fixed seed) of Swedish words, abbreviations, numbers, every
    /// kind of terminator, closing mark and space UAX #29 knows, combining marks, format
    /// characters, other scripts and separators.
    @Test func generatedParagraphsBreakAsOverTheWholeText() {
        let pieces = [
            "IVO", "socialnämnden", "Österåker", "barnets", "är", "Ärendet", "avslutas", "bl.a.", "t.ex.", "s.k.", "nr", "3.5",
            "2024", "kl.", "10.30", "dvs.", "U.S.A.", "e.Kr.", "Kap.", "§", "1.", "2)", "a)", "e\u{301}", "A\u{30A}", "中文", "日本語。",
            "Ελλάδα", "мир", "‼", "⁇", "…", "。", "!", "?", ".", "?!", "...", "..", ",", ":", ";", "–", "-", "—", "”", "\"", "'",
            "’", "(", ")", "[", "]", "«", "»", "“", "😀", "\u{200D}", "\u{00AD}", "\u{2060}", "\u{FEFF}", "½", "١٢", "ǅ", "ß", "İ",
            "x", "A", "z", "0", "\u{A0}", "\u{2003}", "\t", "\u{2029}", "\u{85}", "\r", "。」", "؟", "।", "։", "﹒", "．",
        ]
        var numbers = SeededNumbers()
        var multi = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(1 + numbers.next(40)) {
                text += pieces[numbers.next(pieces.count)]
                text += [" ", " ", " ", " ", "", "  "][numbers.next(6)]
            }
            let expected = breaks(whole, text)
            #expect(breaks(fast, text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            if expected.count > 2 { multi += 1 }
        }
        #expect(multi > 10_000)
    }
}
