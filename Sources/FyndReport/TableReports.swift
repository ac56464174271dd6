/// The report as CSV (one row per document) and as Markdown (the counts and the documents).
public enum TableReports {
    public static func csv(_ docs: [ReportDocument]) -> String {
        var out = "id,title,published,relevant,municipality,area,outcome,categories,findings,error\n"
        for d in docs {
            let fields = [d.id, d.title ?? "", d.published ?? "", d.relevant ? "true" : "false", d.municipality.joined(separator: ";"),
                          d.area.joined(separator: ";"), d.outcome.joined(separator: ";"), d.categories.joined(separator: ";"),
                          String(d.countedFindings.count), d.error ?? ""]
            out += fields.map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    /// RFC 4180 quoting where needed.
    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingQuotes() + "\""
    }

    public static func markdown(_ docs: [ReportDocument]) -> String {
        let s = ReportSummary(docs)
        var out = "# fynd – tillsyn av socialtjänsten\n\n\(s.relevant) dokument om tillsyn, \(s.documents - s.relevant - s.failed) andra, \(s.failed) kunde inte läsas.\n"
        let sections: [(String, [(String, Int)], (String) -> String)] = [
            ("Fynd per kategori", s.findingsPerCategory, SwedishLabels.category), ("Dokument om tillsyn per år", s.documentsPerYear, { $0 }),
            ("Kommuner som nämns i flest dokument om tillsyn", s.municipalities, { $0 }), ("Utfall", s.outcomes, SwedishLabels.outcome),
            ("Tillsynstyp", s.tillsynstyp, SwedishLabels.tillsynstyp), ("Brist, förbättring, omnämnd", s.polarity, SwedishLabels.polarity),
        ]
        for (heading, data, label) in sections {
            out += "\n## \(heading)\n\n| | antal |\n|---|---:|\n"
            for (key, value) in data { out += "| \(cell(label(key))) | \(value) |\n" }
        }
        out += "\n## Dokument om tillsyn\n\n| dokument | publicerad | kommun | utfall | kategorier |\n|---|---|---|---|---|\n"
        for d in docs where d.relevant {
            out += "| \(cell(d.cleanTitle ?? d.id)) | \(d.published ?? "") | \(cell(d.municipality.joined(separator: ", "))) | "
                + "\(d.outcome.map(SwedishLabels.outcome).joined(separator: ", ")) | \(d.categories.map(SwedishLabels.category).joined(separator: ", ")) |\n"
        }
        return out
    }

    private static func cell(_ s: String) -> String { String(s.map { $0 == "|" ? "/" : $0 == "\n" ? " " : $0 }) }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for c in self { out += c == "\"" ? "\"\"" : String(c) }
        return out
    }
}
