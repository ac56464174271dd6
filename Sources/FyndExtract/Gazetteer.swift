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

/// A place that names its municipality without being it: a postal locality ("Mölnlycke"), a big
/// city's district or district board ("Spånga-Tensta"), a former municipality ("Torshälla").
public struct Place: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case locality = "ort", district = "stadsdel", former = "fd kommun"
    }

    public var name: String
    /// Indices into `Gazetteer.municipalities`: more than one when the place lies in several
    /// (then the document must name one of them otherwise).
    public var municipalities: [Int]
    public var kind: Kind
}

/// The municipality list, read from the rule pack's `gazetteer/municipalities.tsv`, and the
/// places that name a municipality (`gazetteer/localities.tsv`, `gazetteer/districts.tsv`).
public struct Gazetteer: Sendable, Equatable {
    public let municipalities: [Municipality]
    public let places: [Place]

    /// `tsv`: tab-separated lines: code, name, county, ambiguous (0/1), and optionally an
    /// irregular genitive. `places`: files of lines name, municipalities (names, comma-separated),
    /// kind (`ort`, `stadsdel`, `fd kommun`); a name in a later file replaces it in an earlier one.
    /// `#` starts a comment line.
    public init(tsv: String, places: [(name: String, text: String)] = []) throws(GazetteerError) {
        var list: [Municipality] = []
        for (number, line) in Self.lines(tsv) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 || fields.count == 5 && !fields[4].isEmpty, fields[0].count == 4, fields[0].allSatisfy(\.isNumber),
                  fields[3] == "0" || fields[3] == "1" else {
                throw GazetteerError(file: "gazetteer/municipalities.tsv", line: number,
                                     message: "expected 4 or 5 tab-separated fields: code (4 digits), name, county, ambiguous (0 or 1), and an irregular genitive if any")
            }
            list.append(Municipality(code: String(fields[0]), name: String(fields[1]), county: String(fields[2]), ambiguous: fields[3] == "1",
                                     irregularGenitive: fields.count == 5 ? String(fields[4]) : nil))
        }
        municipalities = list
        let index = Dictionary(list.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        var byName: [String: Place] = [:], order: [String] = []
        for file in places {
            for (number, line) in Self.lines(file.text) {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                let held = fields.count == 3 ? fields[1].split(separator: ",").map { index[String($0)] } : []
                guard fields.count == 3, !fields[0].isEmpty, !held.isEmpty, let kind = Place.Kind(rawValue: String(fields[2])) else {
                    throw GazetteerError(file: file.name, line: number,
                                         message: "expected 3 tab-separated fields: name, municipalities (comma-separated), kind (ort, stadsdel or fd kommun)")
                }
                guard held.allSatisfy({ $0 != nil }) else {
                    throw GazetteerError(file: file.name, line: number, message: "'\(fields[1])' names a municipality that is not in the list")
                }
                let name = String(fields[0])
                if byName[name] == nil { order.append(name) }
                byName[name] = Place(name: name, municipalities: held.compactMap { $0 }, kind: kind)
            }
        }
        self.places = order.compactMap { byName[$0] }
    }

    /// Numbered lines (from 1) that are neither empty nor a `#` comment.
    private static func lines(_ text: String) -> [(Int, Substring)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { !$0.element.isEmpty && !$0.element.hasPrefix("#") }.map { ($0.offset + 1, $0.element) }
    }
}

public struct GazetteerError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}
