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

    /// Walking four quarters side by side finds what one walk finds, wherever the quarters
    /// begin: also occurrences across their borders.
    @Test func quartersFindWhatOneWalkFinds() {
        let patterns = [" orosanmäl", "anmälan ", "mäl", " familjehem", "hem", "hemsplacering ", " vite ", "ite"].map { Array($0.utf8) }
        let ac = AhoCorasick(patterns: patterns)
        let sentence = " orosanmälan familjehemsplacering vite familjehemmet vitesföreläggande"
        var checked = 0
        for padding in 0..<80 {
            let text = Array((String(repeating: "x", count: padding) + String(repeating: sentence, count: 4) + " ").utf8)
            var one: [[Int]] = [], four: [[Int]] = []
            text.withUnsafeBufferPointer { buf in
                ac.scan(buf) { one.append([$0, $1]) }
                ac.scanInQuarters(buf) { four.append([$0, $1]) }
            }
            let order: ([Int], [Int]) -> Bool = { ($0[1], $0[0]) < ($1[1], $1[0]) }
            #expect(four.sorted(by: order) == one.sorted(by: order), "padding \(padding)")
            checked += one.count
        }
        #expect(checked > 1500)
    }

    /// Scanning runs of a text reports, at the text's offsets, the occurrences that lie wholly
    /// in some run, as scanning the whole text does.
    @Test func runsReportWhatTheWholeTextHasInThem() {
        let patterns = [" orosanmäl", "anmälan ", "mäl", " familjehem", "hem", "hemsplacering ", " vite ", "ite"].map { Array($0.utf8) }
        let ac = AhoCorasick(patterns: patterns)
        let text = Array(String(repeating: " orosanmälan familjehemsplacering vite familjehemmet vitesföreläggande", count: 8).utf8)
        for runs in [[0..<text.count], [3..<40, 41..<300, 310..<320], [100..<101, 200..<560]] {
            var whole: [[Int]] = [], inRuns: [[Int]] = []
            text.withUnsafeBufferPointer { buf in
                ac.scan(buf) { p, end in
                    if runs.contains(where: { $0.lowerBound <= end - patterns[p].count && end <= $0.upperBound }) { whole.append([p, end]) }
                }
                ac.scanInQuarters(in: buf, runs: runs) { inRuns.append([$0, $1]) }
            }
            let order: ([Int], [Int]) -> Bool = { ($0[1], $0[0]) < ($1[1], $1[0]) }
            #expect(inRuns.sorted(by: order) == whole.sorted(by: order))
            #expect(!whole.isEmpty)
        }
    }

    /// Keys of at most 32 byte classes get the narrow table (16-bit state numbers), keys of more
    /// the wide one (row offsets); both find what a naive search finds, one walk or four.
    @Test func narrowAndWideTablesFindTheSame() {
        let swedish = [" orosanmäl", "anmälan ", " lss ", " 9 § ", " 2023 ", "kap. ", " ivo s ", "vård"]
        let numbered = swedish + [" 14 kap. 1 c § sol ", " dnr 3.5.2-12345/2024 ", "xq7", "zw-48", "jfk", "ygg"]
        let text = Array(String(repeating: " ivo s beslut 2023 enligt 14 kap. 1 c § sol om orosanmälan vård lss 9 § dnr 3.5.2-12345/2024 xq7 zw-48 ", count: 6).utf8)
        for patterns in [swedish, numbered].map({ $0.map { Array($0.utf8) } }) {
            let ac = AhoCorasick(patterns: patterns)
            var naive: [[Int]] = []
            for end in 1...text.count {
                for (p, pat) in patterns.enumerated() where end >= pat.count && Array(text[(end - pat.count)..<end]) == pat { naive.append([p, end]) }
            }
            var one: [[Int]] = [], four: [[Int]] = []
            text.withUnsafeBufferPointer { buf in
                ac.scan(buf) { one.append([$0, $1]) }
                ac.scanInQuarters(buf) { four.append([$0, $1]) }
            }
            let order: ([Int], [Int]) -> Bool = { ($0[1], $0[0]) < ($1[1], $1[0]) }
            #expect(one.sorted(by: order) == naive.sorted(by: order))
            #expect(four.sorted(by: order) == naive.sorted(by: order))
            #expect(naive.count > 30)
            #expect(ac.narrow.isEmpty == (ac.classCount > AhoCorasick.narrowWidth))
        }
        #expect(AhoCorasick(patterns: numbered.map { Array($0.utf8) }).classCount > AhoCorasick.narrowWidth)
        #expect(AhoCorasick(patterns: swedish.map { Array($0.utf8) }).classCount <= AhoCorasick.narrowWidth)
    }
}
