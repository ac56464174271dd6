import FyndCases
import FyndCore

/// The words a reader sees for the output's ids (TAXONOMY.md): categories, outcomes,
/// tillsynstyp, areas, polarity and supervisors. An id with no word is shown as it is.
public enum SwedishLabels {
    public static func category(_ id: String) -> String { categories[id] ?? id }
    public static func outcome(_ id: String) -> String { outcomes[id] ?? id }
    public static func tillsynstyp(_ id: String) -> String { tillsynstyper[id] ?? id }
    public static func area(_ id: String) -> String { areas[id] ?? id }
    public static func polarity(_ id: String) -> String { polarities[id] ?? id }

    public static func supervisor(_ s: Supervisor) -> String {
        switch s {
        case .ivo: "IVO"
        case .jo: "JO"
        case .revision: "revisorerna"
        case .lexSarah: "lex Sarah"
        case .unknown: "okänd tillsyn"
        }
    }

    static let categories = [
        "orosanmalan": "orosanmälan", "forhandsbedomning": "förhandsbedömning", "barnperspektiv": "barnperspektiv",
        "dokumentation": "dokumentation", "utredning": "utredning", "placering": "placering", "familjehem": "familjehem",
        "vald": "våld", "personal": "personal", "handlaggning": "handläggning", "egenkontroll": "egenkontroll",
        "kompetens": "kompetens", "lvu": "LVU", "lss": "LSS",
    ]
    static let outcomes = [
        "pagaende": "tillsyn pågår", "kritik": "kritik", "redovisning": "ska redovisa åtgärder", "forelaggande": "föreläggande",
        "vite": "vite", "avslutat": "avslutat",
    ]
    static let tillsynstyper = ["klagomal": "efter klagomål", "egeninitierad": "på IVO:s eget initiativ", "lex_sarah": "lex Sarah", "anmalan": "efter anmälan"]
    static let areas = ["barn_unga": "barn och unga", "vuxen": "vuxna", "lss": "funktionsnedsättning (LSS)", "aldre": "äldreomsorg"]
    static let polarities = ["deficit": "brist", "improvement": "förbättring", "mention": "omnämnd"]

    /// Colours of the outcomes, in the order of a case, for charts, timelines and legends.
    static let outcomeColours = [
        ("pagaende", "#7a8a9a"), ("kritik", "#d08a2c"), ("redovisning", "#c2b33a"), ("forelaggande", "#b5452f"),
        ("vite", "#7d1d3f"), ("avslutat", "#3a8a5a"),
    ]
    static let polarityColours = [("deficit", "#c94a4a"), ("improvement", "#3a9a5a"), ("mention", "#9aa5b1")]
}
