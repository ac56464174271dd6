import FyndCore
import Foundation

/// One supervision case: the documents of one municipality and supervisor that report it.
public struct SupervisionCase: Sendable, Equatable, Codable {
    /// A step of the case: an outcome of the taxonomy that a document reports.
    public struct Event: Sendable, Equatable, Codable {
        public var date: String?
        public var document: String
        /// An outcome value: pagaende, kritik, redovisning, forelaggande, vite, avslutat.
        public var event: String
    }

    public struct Document: Sendable, Equatable, Codable {
        public var id: String
        public var title: String?
        public var published: String?
        public var events: [String]
        /// Why the document joined the case (empty for the first).
        public var grouping: [String]
    }

    /// Municipality, supervisor and the year of the first dated document, e.g. `ljusdal-ivo-2023`.
    public var id: String
    public var municipality: String
    public var supervisor: Supervisor
    public var caseNumbers: [CaseNumber]
    public var units: [String]
    public var area: [String]
    public var categories: [String]
    public var first: String?
    public var last: String?
    /// The latest event: the outcome of the latest document, the furthest step when it has several.
    public var state: String?
    /// Documents in date order, undated ones last.
    public var documents: [Document]
    public var events: [Event]

    enum CodingKeys: String, CodingKey {
        case id = "case", municipality, supervisor, caseNumbers = "case_numbers", units, area, categories, first, last, state, documents, events
    }

    /// The outcomes in the order a case goes through them.
    public static let stages = ["pagaende", "kritik", "redovisning", "forelaggande", "vite", "avslutat"]

    static func stage(_ outcome: String) -> Int { stages.firstIndex(of: outcome) ?? -1 }
}

extension SupervisionCase {
    /// One JSON object per case and line, keys sorted: the same input gives the same bytes.
    public static func jsonLines(_ cases: [SupervisionCase]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try cases.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }
}
