import FyndCore

/// Document-level gold labels (`corpus/seeds/gold.jsonl`): categories that must be found
/// (`required`), may be found (`allowed`), and attributes to compare.
public struct GoldLabel: Sendable {
    public var id: String
    public var relevant: Bool?
    public var required: Set<String>
    public var allowed: Set<String>
    public var municipality: [String]?
    public var area: [String]?
    public var outcome: [String]?
    /// Dates a reader could take as the publication date (`published` or `published_any`).
    public var published: [String]?
    /// "MM-DD" of a deadline the text sets.
    public var deadline: String?

    /// Reads one gold line.
    public static func parse(_ line: [UInt8]) throws -> GoldLabel {
        let o = try JSON.parseObject(line[...])
        func list(_ key: String) -> [String]? {
            guard let raw = o.members.first(where: { $0.key == key })?.raw else { return nil }
            return JSON.stringArray(raw)
        }
        guard let id = o["id"] else { throw JSON.ParseError(offset: 0, message: "a gold line needs an \"id\"") }
        let relevantRaw = o.members.first { $0.key == "relevant" }?.raw
        return GoldLabel(
            id: id, relevant: relevantRaw.map { $0 == "true" },
            required: Set(list("required") ?? []), allowed: Set(list("allowed") ?? []),
            municipality: list("municipality"), area: list("area"), outcome: list("outcome"),
            published: o["published"].map { [$0] } ?? list("published_any"), deadline: o["deadline"])
    }
}

/// Scores of a run against gold labels.
public struct Evaluation: Sendable {
    public struct Counts: Sendable { public var tp = 0, fp = 0, fn = 0
        public var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        public var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }
    /// A category found wrongly or missed, with the evidence of a wrong one.
    public struct Error: Sendable {
        public var document: String
        public var kind: String
        public var detail: String
        public var evidence: [String]
        public init(document: String, kind: String, detail: String, evidence: [String]) {
            self.document = document
            self.kind = kind
            self.detail = detail
            self.evidence = evidence
        }
    }

    public var perCategory: [String: Counts] = [:]
    public var overall = Counts()
    /// Attribute name → (right, checked).
    public var attributes: [String: (right: Int, total: Int)] = [:]
    public var errors: [Error] = []
    /// Gold documents that could not be processed.
    public var failed: [Error] = []
    public var documents = 0
    public var missingDocuments: [String] = []

    public init() {}

    /// Adds one document's result against its gold label.
    public mutating func add(_ result: DocumentResult, gold: GoldLabel) {
        documents += 1
        let found = result.categoriesFound
        let id = gold.id
        for c in found.union(gold.required) {
            var counts = perCategory[c] ?? Counts()
            if found.contains(c) && gold.required.contains(c) {
                counts.tp += 1
            } else if found.contains(c) && !gold.allowed.contains(c) {
                counts.fp += 1
                let evidence = result.findings.filter { $0.category == c && !$0.negated }.map { "[\($0.rule)] \($0.evidence)" }
                errors.append(Error(document: id, kind: "false positive", detail: c, evidence: evidence))
            } else if !found.contains(c) {
                counts.fn += 1
                errors.append(Error(document: id, kind: "missed", detail: c, evidence: []))
            }
            perCategory[c] = counts
        }
        overall = perCategory.values.reduce(into: Counts()) { $0.tp += $1.tp; $0.fp += $1.fp; $0.fn += $1.fn }
        let a = result.attributes
        check("relevant", gold.relevant.map { $0 == a.relevant }, id, "\(a.relevant)")
        check("municipality", gold.municipality.map { Set($0) == Set(a.municipality) }, id, a.municipality.joined(separator: ", "))
        check("area", gold.area.map { Set($0) == Set(a.area) }, id, a.area.joined(separator: ", "))
        check("outcome", gold.outcome.map { Set($0) == Set(a.outcome) }, id, a.outcome.joined(separator: ", "))
        check("published", gold.published.map { $0.contains(result.document.published ?? "") }, id, result.document.published ?? "none")
        check("deadline", gold.deadline.map { d in a.deadlines.contains { $0.date?.hasSuffix(d) ?? false } }, id,
              a.deadlines.map { $0.date ?? $0.text }.joined(separator: ", "))
    }

    private mutating func check(_ name: String, _ right: Bool?, _ id: String, _ got: String) {
        guard let right else { return }
        var v = attributes[name] ?? (0, 0)
        v.total += 1
        if right { v.right += 1 } else { errors.append(Error(document: id, kind: "wrong \(name)", detail: "got [\(got)]", evidence: [])) }
        attributes[name] = v
    }

    /// True when every category and attribute is right.
    public var isPerfect: Bool {
        overall.fp == 0 && overall.fn == 0 && attributes.values.allSatisfy { $0.right == $0.total } && missingDocuments.isEmpty && failed.isEmpty
    }
}
