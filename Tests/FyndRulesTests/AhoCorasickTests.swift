import Testing
@testable import FyndRules

@Suite struct AhoCorasickTests {
    /// Every occurrence that a naive search finds, and no other.
    @Test func agreesWithNaiveSearch() {
        let patterns = [" orosanmäl", "anmälan ", "mäl", " familjehem", "hem", "hemsplacering ", " vite ", "ite"].map { Array($0.utf8) }
        let text = Array(" orosanmälan familjehemsplacering vite familjehemmet vitesföreläggande ".utf8)
        let ac = AhoCorasick(patterns: patterns)
        var found: [[Int]] = []
        text.withUnsafeBufferPointer { buf in ac.scan(buf) { p, end in found.append([p, end]) } }
        var naive: [[Int]] = []
        for end in 1...text.count {
            for (p, pat) in patterns.enumerated() where end >= pat.count && Array(text[(end - pat.count)..<end]) == pat {
                naive.append([p, end])
            }
        }
        #expect(found.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) } == naive.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) })
        #expect(!found.isEmpty)
    }

    /// Walking two halves side by side finds what one walk finds, wherever the middle falls:
    /// also occurrences across it.
    @Test func twoHalvesFindWhatOneWalkFinds() {
        let patterns = [" orosanmäl", "anmälan ", "mäl", " familjehem", "hem", "hemsplacering ", " vite ", "ite"].map { Array($0.utf8) }
        let ac = AhoCorasick(patterns: patterns)
        let sentence = " orosanmälan familjehemsplacering vite familjehemmet vitesföreläggande"
        var checked = 0
        for padding in 0..<40 {
            let text = Array((String(repeating: "x", count: padding) + sentence + sentence + " ").utf8)
            var one: [[Int]] = [], two: [[Int]] = []
            text.withUnsafeBufferPointer { buf in
                ac.scan(buf) { one.append([$0, $1]) }
                ac.scanInTwoHalves(buf) { two.append([$0, $1]) }
            }
            let order: ([Int], [Int]) -> Bool = { ($0[1], $0[0]) < ($1[1], $1[0]) }
            #expect(two.sorted(by: order) == one.sorted(by: order), "padding \(padding)")
            checked += one.count
        }
        #expect(checked > 400)
    }
}
