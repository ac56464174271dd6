/// Who supervises a case, read from the document's words.
public enum Supervisor: String, Sendable, Codable, Comparable, CaseIterable {
    case ivo, jo, revision, lexSarah = "lex_sarah", unknown = "okand"

    public static func < (a: Supervisor, b: Supervisor) -> Bool { a.order < b.order }
    private var order: Int { Self.allCases.firstIndex(of: self)! }

    /// The supervisor named most often (a news article about IVO may name JO in passing), ties
    /// going to the first of IVO, JO, the auditors; lex Sarah when none of them is named (a
    /// lex Sarah report that IVO investigated is IVO's case).
    static func of(_ doc: CaseDocument) -> Supervisor {
        var counts: [Supervisor: Int] = [:]
        var sarah = doc.tillsynstyp.contains("lex_sarah")
        for w in doc.text.flatMap({ $0.split(whereSeparator: { !$0.isLetter }) }) {
            let lower = w.lowercased()
            if w == "IVO" || lower.hasPrefix("inspektionen") { counts[.ivo, default: 0] += 1 }
            else if w == "JO" || lower.hasPrefix("justitieombudsm") { counts[.jo, default: 0] += 1 }
            else if lower.hasPrefix("revisor") || lower.hasPrefix("revisionen") { counts[.revision, default: 0] += 1 }
            else if lower == "sarah" { sarah = true }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? (sarah ? .lexSarah : .unknown)
    }
}

/// The home or unit a document names ("HVB-hemmet Solgläntan", "äldreboendet Björkbacken"):
/// two documents that name different homes are about different cases.
enum NamedUnits {
    static func of(_ doc: CaseDocument) -> Set<String> {
        var units = Set<String>()
        for text in doc.text {
            for match in text.matches(of: pattern) { units.insert(String(match.output.1).lowercased()) }
        }
        return units
    }

    nonisolated(unsafe) private static let pattern =
        #/(?i:hvb-hemmet|äldreboendet|gruppbostaden|korttidsboendet|boendet|stödboendet|servicebostaden|behandlingshemmet)\s+(\p{Lu}[\p{L}-]+)/#
}
