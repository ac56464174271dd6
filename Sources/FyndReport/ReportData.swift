import Foundation
import FyndCases
import FyndCore

/// The part of a result line that a report shows.
public struct ReportDocument: Sendable {
    public struct Finding: Sendable {
        public var category: String
        public var rule: String
        public var polarity: String
        public var negated: Bool
        public var evidence: String
        /// The sentence's number and the match's offsets in the document's text (OUTPUT.md).
        public var sentence: Int
        public var start: Int
        public var end: Int
    }
    public var id: String
    public var title: String?
    public var published: String?
    public var relevant: Bool
    public var municipality: [String]
    public var area: [String]
    public var outcome: [String]
    public var tillsynstyp: [String]
    public var categories: [String]
    public var findings: [Finding]
    public var error: String?
    /// The string values of the input line's other keys (`metadata`), such as a diary number.
    public var metadata: [String]
    /// The diary numbers found in the document's text (`case_numbers`).
    public var caseNumbers: [String] = []

    /// Reads one JSONL line of `fynd run`'s output (OUTPUT.md): a result or an error record.
    public static func parse(_ line: Data) throws(NotAResult) -> ReportDocument {
        guard let o = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { throw NotAResult("not a JSON object") }
        guard let id = o["id"] as? String else { throw NotAResult("no \"id\"") }
        let error = (o["error"] as? [String: Any]).map { "\($0["code"] as? String ?? ""): \($0["message"] as? String ?? "")" }
        guard error != nil || (o["rules_version"] is String && o["relevant"] is Bool) else { throw NotAResult.missingResultKeys(o) }
        let strings = { (key: String) in (o[key] as? [String]) ?? [] }
        let findings = ((o["findings"] as? [[String: Any]]) ?? []).map { f in
            Finding(category: f["category"] as? String ?? "", rule: f["rule"] as? String ?? "", polarity: f["polarity"] as? String ?? "",
                    negated: f["negated"] as? Bool ?? false, evidence: f["evidence"] as? String ?? "",
                    sentence: f["sentence"] as? Int ?? 0, start: f["start"] as? Int ?? 0, end: f["end"] as? Int ?? 0)
        }
        let metadata = ((o["metadata"] as? [String: Any]) ?? [:]).sorted { $0.key < $1.key }.compactMap { $0.value as? String }
        return ReportDocument(id: id, title: o["title"] as? String, published: o["published"] as? String,
                              relevant: o["relevant"] as? Bool ?? false, municipality: strings("municipality"), area: strings("area"),
                              outcome: strings("outcome"), tillsynstyp: strings("tillsynstyp"), categories: strings("categories"),
                              findings: findings, error: error, metadata: metadata, caseNumbers: strings("case_numbers"))
    }

    /// The year it was published; nil when unknown or given without a year.
    public var year: String? { published.flatMap { $0.hasPrefix("--") ? nil : String($0.prefix(4)) } }

    /// The title without the Markdown heading marks some archives keep ("# Rubrik").
    public var cleanTitle: String? {
        title.map { String($0.drop { $0 == "#" || $0 == " " }) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The evidence of the counted findings: each sentence once, matched words marked.
    public var evidence: [EvidenceSentence] { EvidenceSentences.of(countedFindings) }

    /// Findings that count: not negated, in a relevant document.
    public var countedFindings: [Finding] { relevant ? findings.filter { !$0.negated } : [] }

    /// What case grouping reads of a relevant document: its attributes, title, evidence sentences
    /// and metadata; nil for one that is not about supervision or could not be read.
    public var caseDocument: CaseDocument? {
        guard relevant, error == nil else { return nil }
        var evidence: [String] = []
        for f in findings where !evidence.contains(f.evidence) { evidence.append(f.evidence) }
        return CaseDocument(id: id, title: title, published: published, municipalities: municipality, area: area, outcome: outcome,
                            tillsynstyp: tillsynstyp, categories: categories, text: evidence + metadata, caseNumbers: caseNumbers)
    }
}

/// Why a line is not a line of `fynd run`'s output.
public struct NotAResult: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }

    /// A JSON object with neither an error nor `rules_version` and `relevant`: an input
    /// document when it has a text.
    static func missingResultKeys(_ o: [String: Any]) -> NotAResult {
        let text = ["text", "html"].filter { o[$0] is String }.map { "\"\($0)\"" }
        let what = text.isEmpty ? "a JSON object" : "an input document (it has \(text.joined(separator: " and ")))"
        return NotAResult("\(what) without \"rules_version\", \"relevant\" or \"error\"")
    }
}

/// The documents of a JSONL file that `fynd run` wrote.
public struct ResultsFile: Sendable {
    public var documents: [ReportDocument] = []
    /// Lines that are not results (1-based line number and why), left out.
    public var skipped: [(line: Int, reason: NotAResult)] = []

    /// Refuses a file with lines but no result among them, naming the first line's problem.
    public init(_ data: Data) throws(NotAResult) {
        for (n, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
            do { documents.append(try ReportDocument.parse(Data(line))) } catch { skipped.append((n + 1, error)) }
        }
        if documents.isEmpty, let first = skipped.first {
            throw NotAResult("not the output of `fynd run`: line \(first.line): \(first.reason)")
        }
    }
}

/// Counts for the report's charts, of the documents about supervision; the others are only
/// counted.
public struct ReportSummary: Sendable {
    public var documents = 0
    public var relevant = 0
    public var failed = 0
    public var findingsPerCategory: [(String, Int)] = []
    /// Per category (most findings first), its findings by polarity: deficit, improvement, mention.
    public var categoriesByPolarity: [(String, [(String, Int)])] = []
    public var documentsPerYear: [(String, Int)] = []
    /// Per year, the documents that report each outcome (in a case's order) and those with none
    /// (`""`); dated documents only.
    public var yearsByOutcome: [(String, [(String, Int)])] = []
    /// Documents about supervision with no date or a date without a year.
    public var undated = 0
    public var municipalities: [(String, Int)] = []
    public var outcomes: [(String, Int)] = []
    public var tillsynstyp: [(String, Int)] = []
    public var polarity: [(String, Int)] = []

    public init(_ docs: [ReportDocument]) {
        documents = docs.count
        let stories = docs.filter(\.relevant)
        relevant = stories.count
        failed = docs.filter { $0.error != nil }.count
        let counted = docs.flatMap(\.countedFindings)
        findingsPerCategory = Self.ranked(counted.map(\.category))
        categoriesByPolarity = findingsPerCategory.map { category, _ in
            (category, ["deficit", "improvement", "mention"].map { p in (p, counted.count { $0.category == category && $0.polarity == p }) })
        }
        documentsPerYear = Self.ranked(stories.map { $0.year ?? "okänt" }).sorted { $0.0 < $1.0 }
        undated = stories.count { $0.year == nil }
        let stages = SupervisionCase.stages + [""]
        yearsByOutcome = Dictionary(grouping: stories.filter { $0.year != nil }, by: { $0.year! }).sorted { $0.key < $1.key }.map { year, ds in
            (year, stages.map { o in (o, ds.count { o.isEmpty ? $0.outcome.isEmpty : $0.outcome.contains(o) }) })
        }
        municipalities = Array(Self.ranked(stories.flatMap(\.municipality)).prefix(30))
        outcomes = Self.ranked(stories.flatMap(\.outcome))
        tillsynstyp = Self.ranked(stories.flatMap(\.tillsynstyp))
        polarity = Self.ranked(counted.map(\.polarity))
    }

    /// Values and how often each occurs, most frequent first, then by name.
    static func ranked(_ values: [String]) -> [(String, Int)] {
        Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +).sorted { ($1.1, $0.0) < ($0.1, $1.0) }
    }
}
