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
        for text in doc.text {
            for scalars in text.unicodeScalars.split(whereSeparator: { !$0.properties.isAlphabetic }) {
                guard let first = scalars.first, "IiJjRrSs".unicodeScalars.contains(first) else { continue }
                let w = String(String.UnicodeScalarView(scalars)), lower = w.lowercased()
                if w == "IVO" || lower.hasPrefix("inspektionen") { counts[.ivo, default: 0] += 1 }
                else if w == "JO" || lower.hasPrefix("justitieombudsm") { counts[.jo, default: 0] += 1 }
                else if lower.hasPrefix("revisor") || lower.hasPrefix("revisionen") { counts[.revision, default: 0] += 1 }
                else if lower == "sarah" { sarah = true }
            }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? (sarah ? .lexSarah : .unknown)
    }
}

/// The home or unit a document names ("HVB-hemmet Solgläntan", "äldreboendet Björkbacken"):
/// two documents that name different homes are about different cases.
enum NamedUnits {
    static func of(_ doc: CaseDocument) -> Set<String> {
        var units = Set<String>()
        for text in doc.text where mentionsAHome(text) {
            for match in text.matches(of: pattern) { units.insert(String(match.output.1).lowercased()) }
        }
        return units
    }

    /// Whether the text has a word that every named home comes after ("hemmet", "boendet",
    /// "bostaden", in any case): a sentence without one is passed over.
    static func mentionsAHome(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return cues.contains { cue in
            bytes.count >= cue.count && (0...(bytes.count - cue.count)).contains { i in
                cue.indices.allSatisfy { bytes[i + $0] | 0x20 == cue[$0] }
            }
        }
    }

    private static let cues = ["hemmet", "boendet", "bostaden"].map { Array($0.utf8) }

    nonisolated(unsafe) private static let pattern =
        #/(?i:hvb-hemmet|äldreboendet|gruppbostaden|korttidsboendet|boendet|stödboendet|servicebostaden|behandlingshemmet)\s+(\p{Lu}[\p{L}-]+)/#
}
