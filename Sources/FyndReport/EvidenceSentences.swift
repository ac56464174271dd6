/// A document's evidence as a reader wants it: each sentence once, with the words its findings
/// matched marked and the categories it gave.
public struct EvidenceSentence: Sendable, Equatable {
    public var text: String
    /// The matched words, as offsets in Unicode scalars into `text`, merged and sorted; empty
    /// when where the sentence starts in the document could not be told.
    public var marks: [Range<Int>]
    /// Category and polarity of each finding in the sentence, once each.
    public var findings: [Pair]

    public struct Pair: Sendable, Equatable, Hashable {
        public var category: String
        public var polarity: String
    }

    /// The sentence as HTML, the matched words in `<mark>`.
    public var html: String {
        var out = "", inMark = false
        let scalars = Array(text.unicodeScalars)
        var next = marks.makeIterator(), current = next.next()
        for (i, s) in scalars.enumerated() {
            if let m = current, i == m.lowerBound { out += "<mark>"; inMark = true }
            out += HTMLReport.escape(String(s))
            if let m = current, i == m.upperBound - 1 { out += "</mark>"; inMark = false; current = next.next() }
        }
        return inMark ? out + "</mark>" : out
    }
}

/// Finds where the matched words lie in their sentence. A result line gives each match's
/// offsets in the document and its sentence's text, not where the sentence starts: that start
/// is the one at which every match of the sentence begins and ends on a word's edge; ties go
/// to the start whose matched words begin as the category's words do, then to the one that
/// follows on from a neighbouring sentence already placed. Left unmarked when still in doubt.
enum EvidenceSentences {
    static func of(_ findings: [ReportDocument.Finding]) -> [EvidenceSentence] {
        var order: [Int] = [], groups: [Int: [ReportDocument.Finding]] = [:]
        for f in findings {
            if groups[f.sentence] == nil { order.append(f.sentence) }
            groups[f.sentence, default: []].append(f)
        }
        var starts: [Int: [Int]] = [:], lengths: [Int: Int] = [:]
        for (n, fs) in groups {
            let scalars = Array(fs[0].evidence.unicodeScalars)
            lengths[n] = scalars.count
            starts[n] = candidates(fs, scalars)
        }
        resolveByNeighbours(&starts, lengths: lengths)
        return order.map { n in
            let fs = groups[n]!
            var pairs: [EvidenceSentence.Pair] = []
            for f in fs where !pairs.contains(.init(category: f.category, polarity: f.polarity)) {
                pairs.append(.init(category: f.category, polarity: f.polarity))
            }
            let marks = starts[n]!.count == 1 ? merged(fs.map { ($0.start - starts[n]![0])..<($0.end - starts[n]![0]) }) : []
            return EvidenceSentence(text: fs[0].evidence, marks: marks, findings: pairs)
        }
    }

    /// Sentence starts at which every match lies on word edges, the best by the category's words.
    private static func candidates(_ fs: [ReportDocument.Finding], _ scalars: [Unicode.Scalar]) -> [Int] {
        let length = scalars.count
        guard let lo = fs.map(\.end).max().map({ max(0, $0 - length) }), let hi = fs.map(\.start).min(), lo <= hi else { return [] }
        let isWord = { (i: Int) in scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil }
        let fitting = (lo...hi).filter { s in
            fs.allSatisfy { f in
                let a = f.start - s, b = f.end - s
                return a >= 0 && b <= length && a < b && isWord(a) && (a == 0 || !isWord(a - 1)) && isWord(b - 1) && (b == length || !isWord(b))
            }
        }
        guard fitting.count > 1 else { return fitting }
        let score = { (s: Int) in
            fs.count { f in
                let words = String(String.UnicodeScalarView(scalars[(f.start - s)..<(f.end - s)])).lowercased()
                return (stems[f.category] ?? []).contains { words.hasPrefix($0) }
            }
        }
        let best = fitting.map(score).max()!
        return fitting.filter { score($0) == best }
    }

    /// Narrows a sentence's starts by a placed neighbour: it starts up to three characters
    /// after the sentence before it ends.
    private static func resolveByNeighbours(_ starts: inout [Int: [Int]], lengths: [Int: Int]) {
        var changed = true
        while changed {
            changed = false
            for n in starts.keys.sorted() where starts[n]!.count > 1 {
                var keep = starts[n]!
                if let before = starts[n - 1], before.count == 1 {
                    let end = before[0] + lengths[n - 1]!
                    keep = keep.filter { end...(end + 3) ~= $0 }
                }
                if let after = starts[n + 1], after.count == 1 {
                    keep = keep.filter { (after[0] - 3)...after[0] ~= $0 + lengths[n]! }
                }
                if !keep.isEmpty && keep.count < starts[n]!.count {
                    starts[n] = keep
                    changed = true
                }
            }
        }
    }

    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// How the words of each category begin (TAXONOMY.md), to choose between equal starts.
    static let stems: [String: [String]] = [
        "orosanmalan": ["orosanm", "anmäl", "oro"], "forhandsbedomning": ["förhandsbed", "inled", "utred"], "barnperspektiv": ["barn"],
        "dokumentation": ["dokument", "journal", "akt", "dater"], "utredning": ["utred"], "placering": ["placer", "hvb"],
        "familjehem": ["familjehem"], "vald": ["våld", "misshand"],
        "personal": ["personal", "rekryt", "socionom", "socialsekr", "tjänst", "ärende", "handläggare", "bemanning"],
        "handlaggning": ["handlägg", "handlagt", "rättssäk"], "egenkontroll": ["egenkontroll", "kvalitet", "ledningssystem", "uppfölj"],
        "kompetens": ["kompetens", "utbild", "fortbild"], "lvu": ["lvu", "omhänder", "tvång"], "lss": ["lss", "assistans", "gruppbostad"],
    ]
}
