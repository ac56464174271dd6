import FyndCore

/// Groups the documents that report the same supervision case.
///
/// Within one municipality, documents are taken in date order and each joins the case it
/// fits: one that shares a diary number at once; otherwise the latest case with no
/// contradiction (another diary number of the same kind, another supervisor, another named
/// home, another area of social services, a closed case, more than `window` days since its
/// last document), and with something in common when the document names no supervisor; an
/// undated document needs a named home in common or half its findings' categories. A
/// document that names more than `maxMunicipalities` municipalities is a survey, not a case.
public struct CaseGrouping: Sendable {
    public var window = 456
    /// Days after a case was closed in which a document still reports that closure.
    public var afterClosing = 90
    public var maxMunicipalities = 3

    public init() {}

    /// The cases, sorted by municipality, first date and id; deterministic for any input order.
    public func cases(_ docs: [CaseDocument]) -> [SupervisionCase] {
        // Compared as bytes (ISO dates, then ids): the order is the same for any input order.
        let keys = docs.map { Array(($0.published ?? "9999").utf8) + [0] + Array($0.id.utf8) }
        let sorted = docs.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }.map { docs[$0] }
        var byMunicipality: [String: [Builder]] = [:]
        for doc in sorted where !doc.municipalities.isEmpty && doc.municipalities.count <= maxMunicipalities {
            let clues = Clues(doc)
            for m in Set(doc.municipalities) {
                // Taken out of the dictionary while it changes, so that no case is copied.
                var builders = byMunicipality.removeValue(forKey: m) ?? []
                if let i = home(for: clues, among: builders) {
                    builders[i].add(clues, reasons: builders[i].reasons(joining: clues))
                } else {
                    builders.append(Builder(municipality: m, first: clues))
                }
                byMunicipality[m] = builders
            }
        }
        var cases = byMunicipality.values.flatMap { $0.map { $0.build() } }
            .sorted { ($0.municipality, $0.first ?? "9999", $0.documents[0].id) < ($1.municipality, $1.first ?? "9999", $1.documents[0].id) }
        var seen: [String: Int] = [:]
        for i in cases.indices {
            let n = seen[cases[i].id, default: 0] + 1
            seen[cases[i].id] = n
            if n > 1 { cases[i].id += "-\(n)" }
        }
        return cases
    }

    /// The case a document joins: one sharing a diary number, else the latest that fits; an
    /// undated document only when exactly one fits.
    private func home(for doc: Clues, among builders: [Builder]) -> Int? {
        if let i = builders.firstIndex(where: { !$0.numbers.isDisjoint(with: doc.numbers) }) { return i }
        let fitting = builders.indices.filter { fits(doc, builders[$0]) }
        if doc.day == nil { return fitting.count == 1 ? fitting[0] : nil }
        return fitting.last
    }

    private func fits(_ doc: Clues, _ c: Builder) -> Bool {
        let kinds = Set(doc.numbers.map(\.kind)).intersection(c.numbers.map(\.kind))
        if !kinds.isEmpty { return false }  // both numbered by one authority, differently
        if doc.supervisor != .unknown && c.supervisor != .unknown && doc.supervisor != c.supervisor { return false }
        if !doc.units.isEmpty && !c.units.isEmpty && doc.units.isDisjoint(with: c.units) { return false }
        if !doc.area.isEmpty && !c.area.isEmpty && doc.area.isDisjoint(with: c.area) { return false }
        if let day = doc.day {
            if let closed = c.closed, day - closed > afterClosing { return false }
            if let last = c.lastDay, day - last > window { return false }
        }
        if doc.day == nil && doc.units.isDisjoint(with: c.units) {
            let shared = doc.categories.intersection(c.categories).count
            return shared > 0 && 2 * shared >= min(doc.categories.count, c.categories.count)
        }
        if doc.supervisor == .unknown || c.supervisor == .unknown {
            return !doc.categories.isDisjoint(with: c.categories) || !doc.units.isDisjoint(with: c.units)
        }
        return true
    }
}

/// What a document says that places it in a case.
struct Clues {
    let doc: CaseDocument
    let day: Day?
    let numbers: Set<CaseNumber>
    let supervisor: Supervisor
    let units: Set<String>
    let area: Set<String>
    let categories: Set<String>

    init(_ doc: CaseDocument) {
        self.doc = doc
        day = doc.day
        numbers = Set(doc.text.flatMap(CaseNumber.all(in:)) + doc.caseNumbers.compactMap(CaseNumber.init))
        supervisor = Supervisor.of(doc)
        units = NamedUnits.of(doc)
        area = Set(doc.area)
        categories = Set(doc.categories)
    }

    /// The outcomes it reports, in the order of a case.
    var events: [String] { doc.outcome.filter { SupervisionCase.stage($0) >= 0 }.sorted { SupervisionCase.stage($0) < SupervisionCase.stage($1) } }
}

/// A case while its documents are being added.
private struct Builder {
    let municipality: String
    var docs: [(Clues, [String])] = []
    var numbers = Set<CaseNumber>()
    var supervisor = Supervisor.unknown
    var units = Set<String>()
    var area = Set<String>()
    var categories = Set<String>()
    var lastDay: Day?
    var closed: Day?

    init(municipality: String, first: Clues) {
        self.municipality = municipality
        add(first, reasons: [])
    }

    mutating func add(_ doc: Clues, reasons: [String]) {
        docs.append((doc, reasons))
        numbers.formUnion(doc.numbers)
        if supervisor == .unknown { supervisor = doc.supervisor }
        units.formUnion(doc.units)
        area.formUnion(doc.area)
        categories.formUnion(doc.categories)
        if let day = doc.day {
            lastDay = max(lastDay ?? day, day)
            if doc.events.contains("avslutat") { closed = max(closed ?? day, day) }
        }
    }

    /// The evidence for putting a document in this case, in words.
    func reasons(joining doc: Clues) -> [String] {
        var out = ["samma kommun: \(municipality)"]
        let shared = numbers.intersection(doc.numbers).sorted()
        if !shared.isEmpty { out.append("samma diarienummer: " + shared.map(\.number).joined(separator: ", ")) }
        if doc.supervisor != .unknown && doc.supervisor == supervisor { out.append("samma tillsyn: \(doc.supervisor.rawValue)") }
        let unitsShared = units.intersection(doc.units).sorted()
        if !unitsShared.isEmpty { out.append("samma enhet: " + unitsShared.joined(separator: ", ")) }
        let common = categories.intersection(doc.categories).sorted()
        if !common.isEmpty { out.append("gemensamma fynd: " + common.joined(separator: ", ")) }
        if let day = doc.day, let last = lastDay { out.append("\(day - last) dagar efter föregående dokument") }
        return out
    }

    func build() -> SupervisionCase {
        let first = docs.compactMap(\.0.doc.published).min()
        let events = docs.flatMap { d, _ in d.events.map { SupervisionCase.Event(date: d.doc.published, document: d.doc.id, event: $0) } }
        let latest = events.max { ($0.date ?? "", SupervisionCase.stage($0.event)) < ($1.date ?? "", SupervisionCase.stage($1.event)) }
        return SupervisionCase(
            id: [slug(municipality), supervisor.rawValue, first.map { String($0.prefix(4)) } ?? "odaterat"].joined(separator: "-"),
            municipality: municipality, supervisor: supervisor, caseNumbers: numbers.sorted(), units: units.sorted(),
            area: area.sorted(), categories: categories.sorted(), first: first, last: docs.compactMap(\.0.doc.published).max(),
            state: latest?.event,
            documents: docs.map { d, reasons in .init(id: d.doc.id, title: d.doc.title, published: d.doc.published, events: d.events, grouping: reasons) },
            events: events)
    }
}

/// `Upplands Väsby` → `upplands-vasby`: ASCII for case ids.
func slug(_ name: String) -> String {
    let folded = name.lowercased().map { c -> String in
        switch c {
        case "å", "ä": "a"
        case "ö": "o"
        case "é": "e"
        case _ where c.isLetter || c.isNumber: String(c)
        default: "-"
        }
    }
    return folded.joined()
}
