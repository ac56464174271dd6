import Foundation
import FyndCases
import FyndCore

/// The documents and cases a report page carries as JSON for its script, newest first, cut
/// at a byte budget so that the page stays small over any archive (what is left out is counted).
struct PageData {
    struct Row: Encodable {
        let id: String, t: String, d: String
        let k: [String], u: [String], y: [String], a: [String]
        /// Evidence: the sentence as HTML with the matched words marked, and its categories as
        /// [label, polarity].
        let e: [Evidence]
        struct Evidence: Encodable {
            let h: String
            let f: [[String]]
        }
    }

    struct CaseRow: Encodable {
        let id: String, k: String, s: String, st: String, first: String, last: String
        let n: [String], a: [String], c: [String]
        /// The first `docsPerCase` documents, and how many more the case has.
        let docs: [Doc]
        let more: Int
        struct Doc: Encodable {
            let id: String, t: String, d: String, ev: [String], why: [String]
        }
    }

    var docsJSON = "[]", casesJSON = "[]"
    var docsShown = 0, casesShown = 0

    init(stories: [ReportDocument], cases: [SupervisionCase], docBudget: Int, caseBudget: Int) {
        let newestFirst = stories.sorted { ($0.published ?? "", $1.id) > ($1.published ?? "", $0.id) }
        (docsJSON, docsShown) = Self.json(newestFirst.lazy.map(Self.row), budget: docBudget)
        let titles = Dictionary(stories.map { ($0.id, $0.cleanTitle ?? $0.id) }, uniquingKeysWith: { a, _ in a })
        let recentCases = cases.sorted { ($0.last ?? "", $1.id) > ($1.last ?? "", $0.id) }
        (casesJSON, casesShown) = Self.json(recentCases.lazy.map { Self.caseRow($0, titles: titles) }, budget: caseBudget)
    }

    static func row(_ d: ReportDocument) -> Row {
        let evidence = d.evidence.map { s in
            Row.Evidence(h: s.html, f: s.findings.map { [SwedishLabels.category($0.category), $0.polarity] })
        }
        return Row(id: d.id, t: d.cleanTitle ?? d.id, d: d.published ?? "", k: d.municipality, u: d.outcome,
                   y: d.tillsynstyp.map(SwedishLabels.tillsynstyp), a: d.area.map(SwedishLabels.area), e: evidence)
    }

    static let docsPerCase = 40

    static func caseRow(_ c: SupervisionCase, titles: [String: String]) -> CaseRow {
        CaseRow(id: c.id, k: c.municipality, s: SwedishLabels.supervisor(c.supervisor), st: c.state ?? "", first: c.first ?? "", last: c.last ?? "",
                n: c.caseNumbers.map(\.number), a: c.area.map(SwedishLabels.area), c: c.categories.map(SwedishLabels.category),
                docs: c.documents.prefix(docsPerCase).map { .init(id: $0.id, t: titles[$0.id] ?? $0.id, d: $0.published ?? "", ev: $0.events, why: $0.grouping) },
                more: max(0, c.documents.count - docsPerCase))
    }

    /// A JSON array of the items that fit in `budget` bytes, and how many did.
    static func json<Items: Sequence>(_ items: Items, budget: Int) -> (String, Int) where Items.Element: Encodable {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var parts: [String] = [], used = 2
        for item in items {
            // "<" escaped: no "</script>" or "<!--" inside the page's script element.
            guard let data = try? encoder.encode(item) else { continue }
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
            guard used + text.utf8.count + 1 <= budget else { break }
            used += text.utf8.count + 1
            parts.append(text)
        }
        return ("[" + parts.joined(separator: ",") + "]", parts.count)
    }
}
