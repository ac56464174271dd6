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
        var out = "# fynd – tillsyn av socialtjänsten\n\n\(s.documents) dokument, \(s.relevant) om tillsyn, \(s.failed) kunde inte läsas.\n"
        for (heading, data) in [("Fynd per kategori", s.findingsPerCategory), ("Dokument per år", s.documentsPerYear),
                                ("Kommuner", s.municipalities), ("Utfall", s.outcomes), ("Brister och förbättringar", s.polarity)] {
            out += "\n## \(heading)\n\n| | antal |\n|---|---:|\n"
            for (label, value) in data { out += "| \(cell(label)) | \(value) |\n" }
        }
        out += "\n## Dokument\n\n| dokument | publicerad | kommun | utfall | kategorier |\n|---|---|---|---|---|\n"
        for d in docs where d.relevant {
            out += "| \(cell(d.title ?? d.id)) | \(d.published ?? "") | \(cell(d.municipality.joined(separator: ", "))) | \(d.outcome.joined(separator: ", ")) | \(d.categories.joined(separator: ", ")) |\n"
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
