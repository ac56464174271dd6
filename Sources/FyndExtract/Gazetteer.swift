/// One of Sweden's 290 municipalities.
public struct Municipality: Sendable, Equatable {
    /// The four-digit municipality code (kommunkod), e.g. "0581".
    public var code: String
    /// The nominative base form: "Norrköping", "Upplands Väsby".
    public var name: String
    public var county: String
    /// The name is also a common word or personal name ("Mark", "Vara", "Ale"): it counts only in a
    /// municipal context ("Marks kommun", "socialnämnden i Mark").
    public var ambiguous: Bool
    /// A genitive that is not the name with an s: "Falu" (Falu kommun) for Falun.
    public var irregularGenitive: String?

    /// The genitive: "Norrköpings", "Borås" (names in -s, -x, -z take no extra s), "Falu".
    public var genitive: String {
        if let irregularGenitive { return irregularGenitive }
        if let last = name.last, "sxz".contains(last) { return name }
        return name + "s"
    }
}

/// The municipality list, read from the rule pack's `gazetteer/municipalities.tsv`.
public struct Gazetteer: Sendable {
    public let municipalities: [Municipality]

    /// Parses tab-separated lines: code, name, county, ambiguous (0/1), and optionally an
    /// irregular genitive. `#` starts a comment line.
    public init(tsv: String) throws(GazetteerError) {
        var list: [Municipality] = []
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 || fields.count == 5 && !fields[4].isEmpty, fields[0].count == 4, fields[0].allSatisfy(\.isNumber),
                  fields[3] == "0" || fields[3] == "1" else {
                throw GazetteerError(line: number + 1, message: "expected 4 or 5 tab-separated fields: code (4 digits), name, county, ambiguous (0 or 1), and an irregular genitive if any")
            }
            list.append(Municipality(code: String(fields[0]), name: String(fields[1]), county: String(fields[2]), ambiguous: fields[3] == "1",
                                     irregularGenitive: fields.count == 5 ? String(fields[4]) : nil))
        }
        municipalities = list
    }
}

public struct GazetteerError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "gazetteer/municipalities.tsv:\(line): \(message)" }
}
