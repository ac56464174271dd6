/// A self-contained HTML page (no network, no CDN): charts as inline SVG, and a table of the
/// documents with their findings and evidence, filtered by a search box without a server.
public enum HTMLReport {
    public static func render(_ docs: [ReportDocument], title: String = "fynd – tillsyn av socialtjänsten") -> String {
        let s = ReportSummary(docs)
        var html = """
            <!DOCTYPE html>
            <html lang="sv"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body{font-family:system-ui,sans-serif;margin:2em;color:#1d2733;background:#fafbfc}
            h1{font-size:1.6em}h2{font-size:1.15em;margin:0 0 .5em}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1.2em}
            .card{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:1em}
            .stats span{display:inline-block;margin-right:1.5em;font-size:1.1em}
            table{border-collapse:collapse;width:100%;background:#fff;font-size:.92em}
            th,td{border-bottom:1px solid #e4e8ee;padding:.4em .5em;text-align:left;vertical-align:top}
            th{background:#eef2f6;position:sticky;top:0}
            .tag{display:inline-block;background:#e7eefb;border-radius:4px;padding:0 .35em;margin:.1em;font-size:.85em}
            .deficit{background:#fde8e8}.improvement{background:#e6f6ea}.mention{background:#eef0f3}
            .irrelevant{color:#8a96a3}details summary{cursor:pointer}
            #search{width:100%;padding:.5em;font-size:1em;margin:1em 0;border:1px solid #c7d0da;border-radius:6px}
            </style></head><body>
            <h1>\(escape(title))</h1>
            <p class="stats"><span><b>\(s.documents)</b> dokument</span><span><b>\(s.relevant)</b> om tillsyn</span><span><b>\(s.failed)</b> kunde inte läsas</span></p>
            <div class="grid">
            """
        html += card("Fynd per kategori", BarChart.svg(s.findingsPerCategory, colour: "#2f6fb5"))
        html += card("Dokument per år", BarChart.svg(s.documentsPerYear, colour: "#6b5bb5"))
        html += card("Kommuner (30 största)", BarChart.svg(s.municipalities, colour: "#2f8f6f"))
        html += card("Utfall", BarChart.svg(s.outcomes, colour: "#b5762f"))
        html += card("Brister och förbättringar", BarChart.svg(s.polarity, colour: "#b53f3f"))
        html += """
            </div>
            <h2 style="margin-top:1.5em">Dokument</h2>
            <input id="search" type="search" placeholder="Sök kommun, kategori, ord i beviset …" aria-label="Sök">
            <table id="documents"><thead><tr><th>Dokument</th><th>Publicerad</th><th>Kommun</th><th>Utfall</th><th>Kategorier</th><th>Fynd och bevis</th></tr></thead><tbody>

            """
        for d in docs.sorted(by: { ($0.relevant ? 0 : 1, $0.id) < ($1.relevant ? 0 : 1, $1.id) }) {
            html += row(d)
        }
        html += """
            </tbody></table>
            <script>
            document.getElementById('search').addEventListener('input', function (e) {
              var q = e.target.value.toLowerCase();
              document.querySelectorAll('#documents tbody tr').forEach(function (tr) {
                tr.style.display = tr.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
              });
            });
            </script>
            </body></html>

            """
        return html
    }

    private static func card(_ heading: String, _ body: String) -> String {
        "<section class=\"card\"><h2>\(escape(heading))</h2>\(body)</section>\n"
    }

    private static func row(_ d: ReportDocument) -> String {
        let tags = { (xs: [String]) in xs.map { "<span class=\"tag\">\(escape($0))</span>" }.joined() }
        let findings = d.countedFindings.map {
            "<li><span class=\"tag \($0.polarity)\">\(escape($0.category))</span> \(escape($0.evidence)) <small>(\(escape($0.rule)))</small></li>"
        }.joined()
        let detail = d.error.map { "<em>\(escape($0))</em>" }
            ?? (findings.isEmpty ? "" : "<details><summary>\(d.countedFindings.count) fynd</summary><ul>\(findings)</ul></details>")
        let name = d.title.map { "\(escape($0))<br><small>\(escape(d.id))</small>" } ?? escape(d.id)
        return "<tr class=\"\(d.relevant ? "" : "irrelevant")\"><td>\(name)</td><td>\(escape(d.published ?? ""))</td><td>\(tags(d.municipality))</td>"
            + "<td>\(tags(d.outcome))</td><td>\(tags(d.categories))</td><td>\(detail)</td></tr>\n"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// A horizontal bar chart as inline SVG.
enum BarChart {
    static func svg(_ data: [(String, Int)], colour: String) -> String {
        guard let top = data.map(\.1).max(), top > 0 else { return "<p><em>Inga uppgifter.</em></p>" }
        let rowHeight = 22, labelWidth = 150, barWidth = 240
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(labelWidth + barWidth + 50)\" height=\"\(data.count * rowHeight + 4)\" font-family=\"system-ui,sans-serif\" font-size=\"12\">"
        for (i, (label, value)) in data.enumerated() {
            let y = i * rowHeight + 2
            let w = max(2, barWidth * value / top)
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTMLReport.escape(label))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" fill=\"\(colour)\" rx=\"2\"><title>\(HTMLReport.escape(label)): \(value)</title></rect>"
            out += "<text x=\"\(labelWidth + w + 5)\" y=\"\(y + 15)\">\(value)</text>"
        }
        return out + "</svg>"
    }
}
