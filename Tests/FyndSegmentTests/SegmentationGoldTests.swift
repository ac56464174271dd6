import FyndCore
import FyndSegment
import Foundation
import Testing

/// Measures sentence segmentation against `corpus/segmentation/gold.txt`.
@Suite struct SegmentationGoldTests {
    static let goldURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus/segmentation/gold.txt")

    /// Gold paragraphs: each a list of sentences.
    static func goldParagraphs() throws -> [[String]] {
        let text = try String(contentsOf: goldURL, encoding: .utf8)
        var paragraphs: [[String]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(String(line))
            }
        }
        return paragraphs.filter { !$0.isEmpty }
    }

    /// The paragraph as a source would print it: prose sentences run on in one line; a line without
    /// final punctuation (a heading or list item) and a line ending in ":" stand on lines of their own.
    static func sourceText(_ sentences: [String]) -> String {
        var text = ""
        for (i, s) in sentences.enumerated() {
            if i > 0 {
                let previous = sentences[i - 1]
                let ownLine = !(previous.hasSuffix(".") || previous.hasSuffix("!") || previous.hasSuffix("?"))
                    || !(s.hasSuffix(".") || s.hasSuffix("!") || s.hasSuffix("?"))
                text += ownLine ? "\n" : " "
            }
            text += s
        }
        return text
    }

    @Test func accuracyOnGoldIsAtLeast98Percent() throws {
        let segmenter = try Segmenter()
        var total = 0, correct = 0
        var misses: [String] = []
        for paragraph in try Self.goldParagraphs() {
            let found = Set(segmenter.sentences(in: Self.sourceText(paragraph)))
            for sentence in paragraph {
                total += 1
                if found.contains(sentence) { correct += 1 } else { misses.append(sentence) }
            }
        }
        let accuracy = Double(correct) / Double(total)
        print("segmentation accuracy: \(correct)/\(total) = \(String(format: "%.1f", accuracy * 100)) %")
        for miss in misses { print("  missed: \(miss)") }
        #expect(total >= 200)
        #expect(accuracy >= 0.98)
    }
}
