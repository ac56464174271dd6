/// A deadline the text sets, e.g. "senast den 1 september" → `--09-01`.
public struct Deadline: Sendable, Equatable {
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is not known; nil for "inom två veckor".
    public var date: String?
    public var text: String
    public init(date: String?, text: String) { self.date = date; self.text = text }
}

/// A person named in the story, with role and organisation where the text gives them.
public struct Person: Sendable, Equatable {
    public var name: String
    public var role: String?
    public var organisation: String?
    public var party: String?
    public init(name: String, role: String? = nil, organisation: String? = nil, party: String? = nil) {
        self.name = name
        self.role = role
        self.organisation = organisation
        self.party = party
    }
}

/// A number that matters to the story, with its unit: "7 tjänster".
public struct Figure: Sendable, Equatable {
    public var value: Double
    public var unit: String
    public var text: String
    public init(value: Double, unit: String, text: String) { self.value = value; self.unit = unit; self.text = text }
}

/// The document-level fields that Extract fills from the text.
public struct Attributes: Sendable, Equatable {
    public var relevant = false
    public var municipality: [String] = []
    public var area: [String] = []
    public var outcome: [String] = []
    public var tillsynstyp: [String] = []
    public var deadlines: [Deadline] = []
    public var people: [Person] = []
    public var figures: [Figure] = []
    /// Diary numbers printed anywhere in the document ("8.5-12345/2023"), for following a case.
    public var caseNumbers: [String] = []
    public init() {}
}

/// Everything fynd says about one document: one JSONL line of OUTPUT.md.
public struct DocumentResult: Sendable, Equatable {
    public var document: Document
    public var attributes: Attributes
    public var findings: [Finding]
    public var sentenceCount: Int
    public var rulesVersion: String
    /// ISO 639-1 code of the text's language ("sv").
    public var language: String

    public init(document: Document, attributes: Attributes, findings: [Finding], sentenceCount: Int, rulesVersion: String, language: String = "sv") {
        self.document = document
        self.language = language
        self.attributes = attributes
        self.findings = findings
        self.sentenceCount = sentenceCount
        self.rulesVersion = rulesVersion
    }

    /// Categories found: those with at least one finding that is not negated, in a relevant document.
    public var categoriesFound: Set<String> {
        guard attributes.relevant else { return [] }
        return Set(findings.filter { !$0.negated }.map(\.category))
    }

    /// `categoriesFound` sorted: sorted and deduplicated in an array (a document has a few
    /// findings; no set is hashed).
    public var categoriesSorted: [String] {
        guard attributes.relevant else { return [] }
        var found: [String] = []
        found.reserveCapacity(findings.count)
        for f in findings where !f.negated { found.append(f.category) }
        found.sort()
        var kept = 0
        for c in found where kept == 0 || found[kept - 1] != c {
            found[kept] = c
            kept += 1
        }
        found.removeSubrange(kept...)
        return found
    }
}

/// Why a document could not be processed (OUTPUT.md error record).
public struct DocumentError: Error, Sendable, Equatable {
    /// A stable code: invalid_utf8, unreadable, too_large, empty, binary, html_parse, bad_json, …
    public var code: String
    /// A message a person can act on.
    public var message: String
    public init(code: String, message: String) { self.code = code; self.message = message }
}

/// One line of output: a result, or an error for that input.
public enum Outcome: Sendable {
    case result(DocumentResult)
    case failure(id: String, source: String, error: DocumentError)
}
