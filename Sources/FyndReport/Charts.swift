/// Horizontal bar charts as inline SVG.
enum BarChart {
    static let rowHeight = 22, labelWidth = 170, barWidth = 240

    static func svg(_ data: [(String, Int)], colour: String) -> String {
        stacked(data.map { ($0.0, [("", $0.1)]) }, colours: ["": colour])
    }

    /// One bar per row, its parts in the order given, coloured by key; a row's total at its end.
    static func stacked(_ rows: [(String, [(String, Int)])], colours: [String: String], labels: (String) -> String = { $0 }) -> String {
        let totals = rows.map { $0.1.reduce(0) { $0 + $1.1 } }
        guard let top = totals.max(), top > 0 else { return "<p><em>Inga uppgifter.</em></p>" }
        let width = labelWidth + barWidth + 50, height = rows.count * rowHeight + 4
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" style=\"max-width:100%;height:auto\" font-family=\"system-ui,sans-serif\" font-size=\"12\">"
        for (i, (label, parts)) in rows.enumerated() {
            let y = i * rowHeight + 2
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTMLReport.escape(label))</text>"
            var x = labelWidth
            for (key, value) in parts where value > 0 {
                let w = max(2, barWidth * value / top)
                let name = key.isEmpty ? label : "\(label), \(labels(key))"
                out += "<rect x=\"\(x)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" fill=\"\(colours[key] ?? "#888")\"><title>\(HTMLReport.escape(name)): \(value)</title></rect>"
                x += w
            }
            out += "<text x=\"\(x + 5)\" y=\"\(y + 15)\">\(totals[i])</text>"
        }
        return out + "</svg>"
    }

    /// The colours' meanings, under a chart.
    static func legend(_ items: [(String, String)]) -> String {
        "<p class=\"legend\">" + items.map { "<span><i style=\"background:\($0.1)\"></i>\(HTMLReport.escape($0.0))</span>" }.joined() + "</p>"
    }
}
