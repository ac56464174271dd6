import FyndCore

/// What case grouping needs of one document: a result line of `fynd run`, reduced to the
/// attributes that place it in a supervision case.
public struct CaseDocument: Sendable, Equatable {
    public var id: String
    public var title: String?
    /// `YYYY-MM-DD`, or nil when the document states no full date.
    public var published: String?
    public var municipalities: [String]
    public var area: [String]
    public var outcome: [String]
    public var tillsynstyp: [String]
    public var categories: [String]
    /// The text the result line carries (title, evidence sentences, metadata values): where
    /// case numbers, the supervisor and named homes are read.
    public var text: [String]
    /// The diary numbers `fynd run` found anywhere in the document (`case_numbers`).
    public var caseNumbers: [String]

    public init(id: String, title: String? = nil, published: String? = nil, municipalities: [String], area: [String] = [],
                outcome: [String] = [], tillsynstyp: [String] = [], categories: [String] = [], text: [String] = [], caseNumbers: [String] = []) {
        self.id = id
        self.title = title
        self.published = published.flatMap { Day($0) == nil ? nil : $0 }
        self.municipalities = municipalities
        self.area = area
        self.outcome = outcome
        self.tillsynstyp = tillsynstyp
        self.categories = categories
        self.text = (title.map { [$0] } ?? []) + text
        self.caseNumbers = caseNumbers
    }

    var day: Day? { published.flatMap(Day.init) }
}

/// A calendar date as a day number, for the distance between two documents.
struct Day: Comparable, Sendable {
    let number: Int

    /// Parses `YYYY-MM-DD`; nil for anything else (a date without a year included).
    init?(_ iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        // Days since 0000-03-01 in the proleptic Gregorian calendar.
        let yy = m <= 2 ? y - 1 : y, mm = m <= 2 ? m + 9 : m - 3
        number = 365 * yy + yy / 4 - yy / 100 + yy / 400 + (153 * mm + 2) / 5 + d - 1
    }

    static func < (a: Day, b: Day) -> Bool { a.number < b.number }
    static func - (a: Day, b: Day) -> Int { a.number - b.number }
}
