/// Finds the municipalities a text is about: "Österåkers kommun" → Österåker, "Norrköpings
/// socialnämnd" → Norrköping, "i Gnesta" → Gnesta. Ambiguous names count only in a municipal
/// context; courts, counties and universities named after a town do not count.
public struct MunicipalityFinder: Sendable {
    private let gazetteer: Gazetteer
    /// First word of a form → (municipality index, all words of the form, is genitive).
    private let forms: [Substring: [(index: Int, words: [Substring], genitive: Bool)]]
    /// By byte: whether some form starts with it.
    private let firstBytes: [Bool]

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        var forms: [Substring: [(index: Int, words: [Substring], genitive: Bool)]] = [:]
        for (i, m) in gazetteer.municipalities.enumerated() {
            let variants = m.genitive == m.name ? [(m.name, true)] : [(m.name, false), (m.genitive, true)]
            for (form, genitive) in variants {
                let words = form.split(separator: " ")
                forms[words[0], default: []].append((i, words, genitive))
            }
        }
        self.forms = forms
        var firstBytes = [Bool](repeating: false, count: 256)
        // Non-ASCII first bytes are always looked up (canonically equivalent spellings differ in
        // bytes); an ASCII first character is the same in every spelling of NFC text.
        for b in 0x80...0xFF { firstBytes[b] = true }
        for key in forms.keys { if let b = key.utf8.first { firstBytes[Int(b)] = true } }
        self.firstBytes = firstBytes
    }

    /// Names in base form, the most mentioned first (ties: the first mentioned first). When some
    /// municipality is named as one ("Halmstads kommun", "socialnämnden i Halmstad"), towns only
    /// named as the place of something ("ett familjehem i Laholm", "flyttade från Umeå") are left
    /// out: the story is about the board, not every town it names. A town named bare ("IVO
    /// granskade Malmö") stays.
    public func find(in sentences: [Substring]) -> [String] {
        find(words: sentences.map(Words.split))
    }

    /// As `find(in:)`, from the sentences' words.
    func find(words sentences: [[Word]]) -> [String] {
        var counts: [Int: (count: Int, first: Int, kept: Bool)] = [:]
        var anyStrong = false
        var position = 0
        for words in sentences {
            for i in words.indices {
                // A word whose first byte starts no form (most: names are capitalised) is none.
                if let b = words[i].text.utf8.first, !firstBytes[Int(b)] { continue }
                guard let candidates = forms[words[i].text] else { continue }
                for c in candidates {
                    guard i + c.words.count <= words.count,
                          zip(c.words, words[i..<(i + c.words.count)]).allSatisfy({ $0 == $1.text }) else { continue }
                    let m = gazetteer.municipalities[c.index]
                    let after = i + c.words.count < words.count ? words[i + c.words.count].text.lowercased() : ""
                    let before1 = i > 0 ? words[i - 1].text.lowercased() : ""
                    let before2 = i > 1 ? words[i - 2].text.lowercased() : ""
                    // A postal address ("104 30 Stockholm") names the post town, not the municipality.
                    let isPostTown = i > 1 && words[i - 1].text.count == 2 && words[i - 2].text.count == 3
                        && (words[i - 1].text + words[i - 2].text).allSatisfy(\.isNumber)
                    if isPostTown { continue }
                    if Self.blockedAfter.contains(after) || Self.blockedBefore.contains(before1) && m.name != "Gotland"
                        || before1 == "i" && Self.courts.contains(where: { before2.hasPrefix($0) }) { continue }
                    let strong = Self.municipalAfter.contains(after)
                        || c.genitive && Self.municipalPrefixes.contains(where: { after.hasPrefix($0) })
                        || before1 == "i" && Self.municipalPrefixes.contains(where: { before2.hasPrefix($0) })
                        || before1 == "region" && m.name == "Gotland"
                    if m.ambiguous && !strong { continue }
                    let place = Self.placePrepositions.contains(before1)
                    let old = counts[c.index] ?? (0, position, false)
                    counts[c.index] = (old.count + 1, old.first, old.kept || strong || !place)
                    if strong { anyStrong = true }
                }
                position += 1
            }
        }
        return counts.filter { !anyStrong || $0.value.kept }
            .sorted { ($1.value.count, $0.value.first) < ($0.value.count, $1.value.first) }
            .map { gazetteer.municipalities[$0.key].name }
    }

    /// Words before a town named as the place of something: "i Laholm", "från Umeå".
    static let placePrepositions: Set<String> = ["i", "från", "till", "på", "vid", "utanför", "nära", "genom"]
    /// "X kommun", "X stad": always a municipality.
    static let municipalAfter: Set<String> = ["kommun", "kommuns", "kommunen", "stad", "stads"]
    /// Words of the municipality's own bodies: "Norrköpings socialnämnd", "socialnämnden i Gnesta".
    static let municipalPrefixes = [
        "social", "nämnd", "individ", "familjeomsorg", "äldreomsorg", "omsorg", "kommun", "ifo", "barn- och", "vuxen",
        "myndighetsnämnd", "välfärd", "vård- och omsorg", "arbetsmarknad", "funktionsstöd",
    ]
    /// Not the municipality but the county, a university, a court or a diocese of the same name.
    static let blockedAfter: Set<String> = [
        "län", "läns", "universitet", "universitets", "tingsrätt", "tingsrätts", "stift", "hovrätt", "kammarrätt",
        "förvaltningsrätt", "högskola", "flygplats", "central", "centralstation", "fc", "ff", "if", "bk", "hockey",
    ]
    static let blockedBefore: Set<String> = ["region", "landstinget", "länsstyrelsen", "universitetet"]
    static let courts = ["förvaltningsrätten", "kammarrätten", "tingsrätten", "hovrätten", "migrationsdomstolen"]
}
