import FyndCore

/// Finds the municipalities a text is about, by every form a page names one in: its name
/// ("Österåkers kommun", "Norrköpings socialnämnd", "i Gnesta"), a place in it (a postal
/// locality, a city district or district board, a former municipality: "i Mölnlycke",
/// "stadsdelsförvaltningen i Hässelby-Vällingby"), its inhabitants ("Trosabon"), its web or
/// e-mail domain ("hoganas.se"), and the document's opening dateline and address
/// (`DocumentPlaces.swift`). Ambiguous names count only in a municipal context, a place that
/// lies in several municipalities only for one the document names otherwise; courts, counties
/// and universities named after a town do not count.
public struct MunicipalityFinder: Sendable {
    let gazetteer: Gazetteer
    /// First word of a form → what it names, all words of the form, how.
    private let forms: [Substring: [Form]]
    /// By byte: whether some form starts with it.
    private let firstBytes: [Bool]
    /// For a word that starts with a Latin-1 letter (C3 xx): whether some form starts with its
    /// second byte. "är", "även", "öppna" start no name.
    private let latin1Seconds: [Bool]
    /// Names folded for addresses ("hoganas", "upplandsvasby") → municipality; places of one
    /// municipality (not ambiguous ones) → place.
    let foldedMunicipalities: [String: Int], foldedPlaces: [String: Int]

    /// A municipality the document is about, and the forms it was found by, in text order:
    /// "Halmstads kommun", "stadsdel Hässelby-Vällingby", "dateline HUDIKSVALL", "domän hoganas.se".
    public struct Found: Sendable, Equatable {
        public var name: String
        public var forms: [String]
    }

    struct Form {
        enum Target { case municipality(Int), place(Int) }
        var target: Target
        var words: [Substring]
        var genitive: Bool
        /// "Trosabon", "Mölnlyckeborna": the inhabitants, as good as the name.
        var inhabitant: Bool
    }

    /// How much a mention says: a municipality named as one, a town named bare, or only the place
    /// of something ("ett familjehem i Laholm").
    enum Strength: Int, Comparable {
        case place, bare, strong
        static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    struct Mention {
        var municipalities: [Int]
        var form: String
        var strength: Strength
        var position: Int
    }

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        var forms: [Substring: [Form]] = [:]
        forms.reserveCapacity(4 * (gazetteer.municipalities.count + gazetteer.places.count))
        func add(_ target: Form.Target, _ form: String, genitive: Bool, inhabitant: Bool = false) {
            // Split by bytes: a space is one byte, and names carry no combining marks.
            let words = form.utf8.split(separator: 0x20).map(Substring.init)
            forms[words[0], default: []].append(Form(target: target, words: words, genitive: genitive, inhabitant: inhabitant))
        }
        var foldedMunicipalities: [String: Int] = [:], foldedPlaces: [String: Int] = [:]
        for (i, m) in gazetteer.municipalities.enumerated() {
            let variants = m.genitive == m.name ? [(m.name, true)] : [(m.name, false), (m.genitive, true)]
            for (form, genitive) in variants { add(.municipality(i), form, genitive: genitive) }
            if !m.ambiguous, !m.name.utf8.contains(0x20) {
                for stem in Set([m.name, m.genitive]) {
                    for suffix in Self.inhabitantSuffixes { add(.municipality(i), stem + suffix, genitive: false, inhabitant: true) }
                }
            }
            foldedMunicipalities[Self.fold(m.name)] = i
        }
        for (p, place) in gazetteer.places.enumerated() {
            add(.place(p), place.name, genitive: false)
            if let last = place.name.last, !"sxz".contains(last) { add(.place(p), place.name + "s", genitive: true) }
            if place.municipalities.count == 1, !place.name.utf8.contains(0x20) {
                for suffix in Self.inhabitantSuffixes { add(.place(p), place.name + suffix, genitive: false, inhabitant: true) }
                foldedPlaces[Self.fold(place.name)] = p
            }
        }
        self.forms = forms
        self.foldedMunicipalities = foldedMunicipalities
        self.foldedPlaces = foldedPlaces
        var firstBytes = [Bool](repeating: false, count: 256)
        // Non-ASCII first bytes are always looked up (canonically equivalent spellings differ in
        // bytes); an ASCII first character is the same in every spelling of NFC text.
        for b in 0x80...0xFF { firstBytes[b] = true }
        for key in forms.keys { if let b = key.utf8.first { firstBytes[Int(b)] = true } }
        self.firstBytes = firstBytes
        var latin1Seconds = [Bool](repeating: false, count: 256)
        for key in forms.keys where key.utf8.first == 0xC3 { if let b = key.utf8.dropFirst().first { latin1Seconds[Int(b)] = true } }
        self.latin1Seconds = latin1Seconds
    }

    /// Names in base form, the most mentioned first (ties: the first mentioned first). When some
    /// municipality is named as one ("Halmstads kommun", "socialnämnden i Halmstad") or a town is
    /// named bare ("IVO granskade Malmö"), towns only named as the place of something ("ett
    /// familjehem i Laholm", "flyttade från Umeå") are left out: the story is about the board,
    /// not every town it names.
    public func find(in sentences: [Substring]) -> [String] {
        resolve(words: sentences.map(Words.split), document: nil).map(\.name)
    }

    /// As `find(in:)` with the forms each municipality was found by, the document's opening
    /// dateline and address included.
    public func resolve(_ document: Document, sentences: [Substring]) -> [Found] {
        resolve(words: sentences.map(Words.split), document: document)
    }

    /// As `resolve(_:sentences:)`, from the sentences' words.
    func resolve(words sentences: [[Word]], document: Document?) -> [Found] {
        var mentions: [Mention] = []
        if let document { mentions += datelines(document) }
        // Municipalities whose name the text gives to a county ("Kalmar län").
        var counties = Set<Int>()
        var position = 0
        for words in sentences {
            // The word after which the last mention ended, and its strength: in "i Kalmar,
            // Västervik och Mörbylånga" the preposition places all three.
            var last: (end: Int, strength: Strength)?
            let sentenceStart = mentions.count
            var starts: [Int] = [], ends: [Int] = []
            // Ambiguous names outside a municipal context, kept for a list they may stand in.
            var ambiguous: [(start: Int, length: Int, municipality: Int, position: Int)] = []
            for i in words.indices {
                position += 1
                if words[i].text.utf8.count > 4, words[i].text.utf8.contains(UInt8(ascii: ".")), let label = Self.domainLabel(words[i].text),
                   let m = municipality(ofDomain: label) {
                    mentions.append(Mention(municipalities: [m], form: "domän \(label).se", strength: .strong, position: position))
                    starts.append(i)
                    ends.append(i)
                    continue
                }
                if i + 1 < words.count, (4...5).contains(words[i + 1].text.utf8.count), ["län", "läns"].contains(words[i + 1].lowered) {
                    for (c, _) in form(words, at: i) { if case .municipality(let index) = c.target { counties.insert(index) } }
                }
                if var mention = mention(words, at: i) {
                    if mention.strength == .bare, let last, last.strength == .place,
                       last.end == i - 1 && words[i].offset > words[i - 1].offset + words[i - 1].text.utf8.count + 1
                        || last.end == i - 2 && ["och", "eller", "samt"].contains(words[i - 1].text) {
                        mention.strength = .place
                    }
                    mentions.append(Mention(municipalities: mention.municipalities, form: mention.form, strength: mention.strength, position: position))
                    starts.append(i)
                    ends.append(i + mention.length - 1)
                    last = (i + mention.length - 1, mention.strength)
                } else if let (index, length) = ambiguousName(words, at: i) {
                    ambiguous.append((i, length, index, position))
                }
            }
            // An ambiguous name in a list with a municipality named otherwise counts as that one
            // does: "Flen, Katrineholm och Gnesta", "i Katrineholm eller Flen".
            let named = starts.indices
            for a in ambiguous {
                guard let k = named.first(where: { Self.listed(words, a.start, a.start + a.length - 1, starts[$0], ends[$0]) }) else { continue }
                let written = words[a.start..<(a.start + a.length)].map(\.text).joined(separator: " ")
                mentions.append(Mention(municipalities: [a.municipality], form: written, strength: mentions[sentenceStart + k].strength, position: a.position))
                starts.append(a.start)
                ends.append(a.start + a.length - 1)
            }
            // A list of counties ends in "län": "i Uppsala, Gävleborgs och Örebro län" names no town.
            let listed = Self.countyLists(words)
            if !listed.isEmpty {
                for (k, i) in starts.enumerated().reversed() where listed.contains(i) {
                    counties.formUnion(mentions[sentenceStart + k].municipalities)
                    mentions.remove(at: sentenceStart + k)
                }
            }
        }
        // The address's section counts when the text names no municipality; a county board's
        // address names the county: "/kalmar/" beside "Kalmar län".
        guard let address = document?.address.map(self.address) else { return ranked(mentions) }
        let found = ranked(mentions + address.host)
        return found.isEmpty ? ranked(address.sections.filter { counties.isDisjoint(with: $0.municipalities) }) : found
    }

    /// The words that open a name in a list ending in "län"/"läns" ("Uppsala, Gävleborgs,
    /// Örebro och Södermanlands län"): names joined by commas, "och", "samt" or "eller".
    static func countyLists(_ words: [Word]) -> Set<Int> {
        var listed = Set<Int>()
        func isName(_ w: Word) -> Bool { w.text.first?.isUppercase ?? false }
        for k in words.indices.dropFirst() where ["län", "läns"].contains(words[k].lowered) && isName(words[k - 1]) {
            var j = k - 1
            listed.insert(j)
            while j > 0 {
                let gap = words[j].offset - (words[j - 1].offset + words[j - 1].text.utf8.count)
                if isName(words[j - 1]) && gap > 1 {
                    j -= 1
                } else if j > 1, ["och", "samt", "eller"].contains(words[j - 1].text), isName(words[j - 2]) {
                    j -= 2
                } else {
                    break
                }
                listed.insert(j)
            }
        }
        return listed
    }

    /// The municipalities mentioned, most first; places in several municipalities count for the
    /// one the document names otherwise, or not at all.
    private func ranked(_ mentions: [Mention]) -> [Found] {
        let named = Set(mentions.filter { $0.municipalities.count == 1 }.map { $0.municipalities[0] })
        var counts: [Int: (count: Int, first: Int, strength: Strength, forms: [String])] = [:]
        for m in mentions {
            let held = m.municipalities.count == 1 ? m.municipalities : m.municipalities.filter(named.contains)
            guard held.count == 1, let index = held.first else { continue }
            var entry = counts[index] ?? (0, m.position, .place, [])
            entry.count += 1
            entry.first = min(entry.first, m.position)
            entry.strength = max(entry.strength, m.strength)
            if !entry.forms.contains(m.form) { entry.forms.append(m.form) }
            counts[index] = entry
        }
        let anyKept = counts.values.contains { $0.strength > .place }
        return counts.filter { !anyKept || $0.value.strength > .place }
            .sorted { ($1.value.count, $0.value.first) < ($0.value.count, $1.value.first) }
            .map { Found(name: gazetteer.municipalities[$0.key].name, forms: $0.value.forms) }
    }

    /// The form of a municipality or place that starts at word `i` (a word in capitals read as a
    /// name), and the words it takes.
    func form(_ words: [Word], at i: Int) -> [(form: Form, length: Int)] {
        let text = Self.capitalised(words[i].text)
        // A word whose first byte starts no form (most: names are capitalised) is none.
        guard let b = text.utf8.first, firstBytes[Int(b)] else { return [] }
        if b == 0xC3, let second = text.utf8.dropFirst().first, !latin1Seconds[Int(second)] { return [] }
        var found = forms[text]
        // "Askim-frölunda-högsbo": a compound district name as some papers set it.
        if found == nil, text.utf8.contains(UInt8(ascii: "-")), text.first?.isUppercase ?? false {
            found = forms[Substring(text.split(separator: "-", omittingEmptySubsequences: false).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-"))]
        }
        guard let candidates = found else { return [] }
        return candidates.filter { c in
            i + c.words.count <= words.count
                && zip(c.words.dropFirst(), words[(i + 1)..<(i + c.words.count)]).allSatisfy { $0 == Self.capitalised($1.text) }
        }.map { ($0, $0.words.count) }
    }

    /// The municipality or place that starts at word `i`, with how strongly the context names it.
    private func mention(_ words: [Word], at i: Int) -> (municipalities: [Int], form: String, strength: Strength, length: Int)? {
        for (c, length) in form(words, at: i) {
            let written = words[i..<(i + length)].map(\.text).joined(separator: " ")
            let after = i + length < words.count ? words[i + length].lowered : ""
            let before1 = i > 0 ? words[i - 1].lowered : ""
            let before2 = i > 1 ? words[i - 2].lowered : ""
            // A postal address ("104 30 Stockholm", "Box 476, Sundsvall") names the post town, not
            // the municipality.
            let isPostTown = i > 1 && (words[i - 1].text.count == 2 && words[i - 2].text.count == 3
                && (words[i - 1].text + words[i - 2].text).allSatisfy(\.isNumber)
                || before2 == "box" && words[i - 1].text.allSatisfy(\.isNumber))
            if isPostTown || Self.blockedAfter.contains(after) || before1 == "i" && Self.seatedAuthorities.contains(where: { before2.hasPrefix($0) }) { continue }
            let municipalContext = Self.municipalAfter.contains(after)
                || before1 == "i" && Self.municipalPrefixes.contains(where: { before2.hasPrefix($0) })
            switch c.target {
            case .municipality(let index):
                let m = gazetteer.municipalities[index]
                if Self.blockedBefore.contains(before1) && m.name != "Gotland" { continue }
                if c.inhabitant { return ([index], written, .bare, length) }
                let strong = municipalContext || c.genitive && Self.municipalPrefixes.contains(where: { after.hasPrefix($0) })
                    || before1 == "region" && m.name == "Gotland"
                if m.ambiguous && !strong { continue }
                return ([index], written, strong ? .strong : Self.placePrepositions.contains(before1) ? .place : .bare, length)
            case .place(let index):
                let p = gazetteer.places[index]
                let form = "\(p.kind.rawValue) \(written)"
                if c.inhabitant { return (p.municipalities, form, .bare, length) }
                // "Farsta stadsdelsförvaltning", "Farstas stadsdelsnämnd", "socialtjänsten i Farsta",
                // "stadsdelsförvaltningen Nordost".
                if municipalContext || Self.municipalPrefixes.contains(where: { after.hasPrefix($0) }) || Self.boards.contains(where: { before1.hasPrefix($0) }) {
                    return (p.municipalities, form, .strong, length)
                }
                if c.genitive { continue }
                // A place needs a preposition of place ("i Bålsta", "från Åkersberga", a district
                // "på Hisingen"): many are also words or names. A district board's compound name stands alone.
                if Self.localityPrepositions.contains(before1) || p.kind == .district && before1 == "på" { return (p.municipalities, form, .place, length) }
                if p.kind == .district && p.name.utf8.contains(UInt8(ascii: "-")) { return (p.municipalities, form, .bare, length) }
            }
        }
        return nil
    }

    /// The ambiguous municipality named in its base form at word `i` (not a county, court or
    /// club of the name), and the words it takes.
    private func ambiguousName(_ words: [Word], at i: Int) -> (Int, Int)? {
        for (c, length) in form(words, at: i) {
            guard case .municipality(let index) = c.target, gazetteer.municipalities[index].ambiguous,
                  c.words.joined(separator: " ") == gazetteer.municipalities[index].name else { continue }
            let after = i + length < words.count ? words[i + length].lowered : ""
            if Self.blockedAfter.contains(after) || i > 0 && Self.blockedBefore.contains(words[i - 1].lowered) { continue }
            return (index, length)
        }
        return nil
    }

    /// Whether the names at words `a`…`aEnd` and `b`…`bEnd` stand next to each other in a list:
    /// parted by a comma, or by "och", "eller" or "samt".
    static func listed(_ words: [Word], _ a: Int, _ aEnd: Int, _ b: Int, _ bEnd: Int) -> Bool {
        let (firstEnd, second) = a < b ? (aEnd, b) : (bEnd, a)
        if second == firstEnd + 1 {
            return words[second].offset > words[firstEnd].offset + words[firstEnd].text.utf8.count + 1
        }
        return second == firstEnd + 2 && ["och", "eller", "samt"].contains(words[firstEnd + 1].text)
    }

    /// A word in capitals as a name is written: "HUDIKSVALL" → "Hudiksvall"; other words as they are.
    static func capitalised(_ word: Substring) -> Substring {
        // Most words start with a lower-case ASCII letter: as they are, without decoding.
        guard let b = word.utf8.first, !(0x61...0x7A).contains(b), word.utf8.count >= 2, let first = word.first, first.isUppercase,
              word.dropFirst().allSatisfy({ !$0.isLetter || $0.isUppercase }), word.dropFirst().contains(where: \.isLetter) else { return word }
        return Substring(String(first) + word.dropFirst().lowercased())
    }

    /// Endings of the word for a place's inhabitants: "Trosabo", "Trosabon", "Trosaborna".
    static let inhabitantSuffixes = ["bo", "bon", "bor", "borna"]
    /// Words before a town named as the place of something: "i Laholm", "från Umeå".
    static let placePrepositions: Set<String> = ["i", "från", "till", "på", "vid", "utanför", "nära", "genom"]
    /// Words before a locality, district or former municipality that make it one: "i Bålsta",
    /// "från Åkersberga" (not "till Åsa", "på Holm": many places are also names and words).
    static let localityPrepositions: Set<String> = ["i", "från", "utanför", "nära"]
    /// "X kommun", "X stad": always a municipality.
    static let municipalAfter: Set<String> = ["kommun", "kommuns", "kommunen", "stad", "stads"]
    /// Words of the municipality's own bodies: "Norrköpings socialnämnd", "socialnämnden i Gnesta".
    static let municipalPrefixes = [
        "social", "nämnd", "individ", "familjeomsorg", "äldreomsorg", "omsorg", "kommun", "ifo", "barn- och", "vuxen",
        "myndighetsnämnd", "välfärd", "vård- och omsorg", "arbetsmarknad", "funktionsstöd", "stadsdel", "stadsområde",
    ]
    /// A board or administration named before its district: "stadsdelsförvaltningen Nordost"
    /// (not "socialsekreteraren Ulrika": many places are also names).
    static let boards = ["stadsdelsförvaltning", "stadsdelsnämnd", "stadsdelsområde", "stadsområde", "socialförvaltning", "socialnämnd"]
    /// Not the municipality but the county, a university, a court or a diocese of the same name.
    static let blockedAfter: Set<String> = [
        "län", "läns", "universitet", "universitets", "tingsrätt", "tingsrätts", "stift", "hovrätt", "kammarrätt",
        "förvaltningsrätt", "högskola", "flygplats", "central", "centralstation", "fc", "ff", "if", "bk", "hockey",
    ]
    static let blockedBefore: Set<String> = ["region", "landstinget", "länsstyrelsen", "länstyrelsen", "universitetet"]
    /// Courts and county boards named after their seat: "Förvaltningsrätten i Göteborg",
    /// "Länsstyrelsen i Kalmar" (also misspelt "Länstyrelsen").
    static let seatedAuthorities = ["förvaltningsrätten", "kammarrätten", "tingsrätten", "hovrätten", "migrationsdomstolen", "länsstyrelse", "länstyrelse"]
}
