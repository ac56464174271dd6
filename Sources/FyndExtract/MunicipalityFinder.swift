import FyndCore

/// Finds the municipalities a text is about, by every form a page names one in: its name
/// ("Österåkers kommun", "Norrköpings socialnämnd", "i Gnesta"), a place in it (a postal
/// locality, a city district or district board, a former municipality: "i Mölnlycke",
/// "stadsdelsförvaltningen i Hässelby-Vällingby"), its inhabitants ("Trosabon"), its web or
/// e-mail domain ("hoganas.se"), and the document's opening dateline and address
/// (`DocumentPlaces.swift`), and its name spelt without Swedish letters before "kommun" ("Pitea
/// kommun"). Ambiguous names count only in a municipal context, a place that lies in several
/// municipalities only for one the document names otherwise; courts, counties, regions,
/// universities and supervisors named after a town, a signing line's or post box's town and the
/// towns of other documents a page lists do not count.
public struct MunicipalityFinder: Sendable {
    let gazetteer: Gazetteer
    /// Every form of every name, by first word (`MunicipalityIndex`).
    private let index: MunicipalityIndex
    /// The words a dateline is read from: the longest form and the word after it, and at least
    /// eight (`datelines`).
    var datelineWords: Int { index.datelineWords }
    /// Names folded for addresses ("hoganas", "upplandsvasby") → municipality; places of one
    /// municipality (not ambiguous ones) → place.
    var foldedMunicipalities: [String: Int] { index.foldedMunicipalities }
    var foldedPlaces: [String: Int] { index.foldedPlaces }
    /// The counties' short names that are no municipality's ("Blekinge", "Värmland", "Västra
    /// Götaland"), and the municipalities whose name a county shares ("Jönköping", "Kalmar").
    private let countyOnlyNames: Set<String>
    private let countyTowns: Set<Int>

    /// A municipality the document is about, and the forms it was found by, in text order:
    /// "Halmstads kommun", "stadsdel Hässelby-Vällingby", "dateline HUDIKSVALL", "domän hoganas.se".
    public struct Found: Sendable, Equatable {
        public var name: String
        public var forms: [String]
    }

    struct Form: Sendable, Equatable {
        enum Target: Sendable, Equatable { case municipality(Int), place(Int) }
        var target: Target
        /// The bytes of each word after the first.
        var rest: [[UInt8]]
        /// The words are an ambiguous municipality's name in its base form.
        var isName: Bool
        var genitive: Bool
        /// "Trosabon", "Mölnlyckeborna": the inhabitants, as good as the name.
        var inhabitant: Bool
        var length: Int { rest.count + 1 }
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
        /// Named in a sentence that sets its towns aside from the story (`setsAside`).
        var aside = false
    }

    /// Indexes the names of `gazetteer` (`MunicipalityIndex`).
    public init(gazetteer: Gazetteer) {
        self.init(gazetteer: gazetteer, index: MunicipalityIndex(gazetteer: gazetteer))
    }

    /// The finder of `gazetteer` with its index, built or decoded from the compiled pack.
    init(gazetteer: Gazetteer, index: MunicipalityIndex) {
        self.gazetteer = gazetteer
        self.index = index
        // "Blekinge län", "Värmlands län", "Västra Götalands län": the name without "län" and genitive.
        let counties = Set(gazetteer.municipalities.map { m -> String in
            let name = m.county.hasSuffix(" län") ? String(m.county.dropLast(4)) : m.county
            return name.hasSuffix("s") ? String(name.dropLast()) : name
        })
        let towns = Set(gazetteer.municipalities.map(\.name))
        countyOnlyNames = counties.subtracting(towns)
        countyTowns = Set(gazetteer.municipalities.indices.filter { counties.contains(gazetteer.municipalities[$0].name) })
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
    func resolve(words sentences: some Sequence<SentenceWords>, document: Document?) -> [Found] {
        var mentions: [Mention] = []
        if let document { mentions += datelines(document) }
        // Municipalities whose name the text gives to a county ("Kalmar län").
        var counties = Set<Int>()
        var position = 0
        // Where a list of other documents begins ("Relevanta dokument" on a document site).
        var otherDocuments: Int?
        for words in sentences {
            if otherDocuments == nil, words.count >= 2, words.isIn(Self.listHeadings, 0), words.isLowered(1, "dokument") {
                otherDocuments = position + 1
            }
            // The word after which the last mention ended, and its strength: in "i Kalmar,
            // Västervik och Mörbylånga" the preposition places all three.
            var last: (end: Int, strength: Strength)?
            let sentenceStart = mentions.count
            var starts: [Int] = [], ends: [Int] = []
            // Ambiguous names outside a municipal context, kept for a list they may stand in.
            var ambiguous: [(start: Int, length: Int, municipality: Int, position: Int)] = []
            for i in words.indices {
                position += 1
                if words.end(i) - words.start(i) > 4, words.bytes(i).contains(UInt8(ascii: ".")), let label = Self.domainLabel(Substring(words.string(i))),
                   let m = municipality(ofDomain: label) {
                    mentions.append(Mention(municipalities: [m], form: "domän \(label).se", strength: .strong, position: position))
                    starts.append(i)
                    ends.append(i)
                    continue
                }
                // A word whose first byte starts no form (most) is none: no call to `form`.
                guard index.firstBytes[Int(words.firstByte(i))] else { continue }
                let forms = form(words, at: i)
                if forms.isEmpty { continue }
                if i + 1 < words.count, (4...5).contains(words.bytes(i + 1).count), words.isIn(Self.county, i + 1) {
                    for (c, _) in forms { if case .municipality(let index) = c.target { counties.insert(index) } }
                }
                if var mention = mention(words, forms, at: i) {
                    if mention.strength == .bare, let last, last.strength == .place,
                       last.end == i - 1 && words.isSetOff(i) || last.end == i - 2 && words.isIn(Self.conjunctions, i - 1, lowered: false) {
                        mention.strength = .place
                    }
                    mentions.append(Mention(municipalities: mention.municipalities, form: mention.form, strength: mention.strength, position: position))
                    starts.append(i)
                    ends.append(i + mention.length - 1)
                    last = (i + mention.length - 1, mention.strength)
                } else if let (index, length) = ambiguousName(words, forms, at: i) {
                    ambiguous.append((i, length, index, position))
                }
            }
            // An ambiguous name in a list with a municipality named otherwise counts as that one
            // does: "Flen, Katrineholm och Gnesta", "i Katrineholm eller Flen".
            let named = starts.indices
            for a in ambiguous {
                guard let k = named.first(where: { Self.listed(words, a.start, a.start + a.length - 1, starts[$0], ends[$0]) }) else { continue }
                let written = words.joined(a.start..<(a.start + a.length))
                mentions.append(Mention(municipalities: [a.municipality], form: written, strength: mentions[sentenceStart + k].strength, position: a.position))
                starts.append(a.start)
                ends.append(a.start + a.length - 1)
            }
            if mentions.count > sentenceStart, Self.setsAside(words) {
                for k in sentenceStart..<mentions.count { mentions[k].aside = true }
            }
            // A list of counties ends in "län": "i Uppsala, Gävleborgs och Örebro län" names no town;
            // beside a county named bare, a county's town is the county ("i Blekinge, Jönköping och Värmland").
            let listed = Self.countyLists(words)
            let beside = starts.indices.contains { mentions[sentenceStart + $0].municipalities.allSatisfy(countyTowns.contains) }
                ? countyListed(words) : []
            if !listed.isEmpty || !beside.isEmpty {
                for (k, i) in starts.enumerated().reversed()
                where listed.contains(i) || beside.contains(i) && mentions[sentenceStart + k].municipalities.allSatisfy(countyTowns.contains) {
                    counties.formUnion(mentions[sentenceStart + k].municipalities)
                    mentions.remove(at: sentenceStart + k)
                }
            }
        }
        // The towns of the other documents listed are not this one's when it names its own first.
        if let otherDocuments, mentions.contains(where: { $0.position < otherDocuments }) {
            mentions.removeAll { $0.position >= otherDocuments }
        }
        // The address's section counts when the text names no municipality; a county board's
        // address names the county: "/kalmar/" beside "Kalmar län".
        guard let address = document?.address.map(self.address) else { return ranked(mentions) }
        let found = ranked(mentions + address.host)
        let sections = address.sections.mostSpecific { counties.isDisjoint(with: $0.municipalities) }
        if found.isEmpty { return ranked(sections) }
        // Where the text names towns only as the places of things ("ett boende i Tibro", "kom från
        // Skövde"), a local paper's section picks the story's town among them.
        guard address.host.isEmpty, !mentions.contains(where: { $0.strength > .place }) else { return found }
        let sectionTowns = Set(sections.filter { $0.municipalities.count == 1 }.map { gazetteer.municipalities[$0.municipalities[0]].name })
        let picked = found.filter { sectionTowns.contains($0.name) }
        return picked.isEmpty ? found : picked
    }

    /// The words that open a name in a list ending in "län"/"läns" ("Uppsala, Gävleborgs,
    /// Örebro och Södermanlands län"): names joined by commas, "och", "samt" or "eller".
    static func countyLists(_ words: SentenceWords) -> Set<Int> {
        var listed = Set<Int>()
        // "län" in any spelling starts with "l" or "L".
        for k in words.indices.dropFirst() where words.text[words.start(k)] | 0x20 == UInt8(ascii: "l")
            && words.isIn(county, k) && words.startsUppercase(k - 1) {
            var j = k - 1
            listed.insert(j)
            while j > 0 {
                if words.startsUppercase(j - 1) && words.isSetOff(j) {
                    j -= 1
                } else if j > 1, words.isIn(conjunctions, j - 1, lowered: false), words.startsUppercase(j - 2) {
                    j -= 2
                } else {
                    break
                }
                listed.insert(j)
            }
        }
        return listed
    }

    /// The words that open a name in a list with a county named bare, without "län" ("i Blekinge,
    /// Jönköping, Värmland och Stockholm", "Skåne, Blekinge och Kalmar"): names joined by commas,
    /// "och", "samt" or "eller".
    func countyListed(_ words: SentenceWords) -> Set<Int> {
        var listed = Set<Int>()
        for k in words.indices where words.startsUppercase(k) && !(k + 1 < words.count && words.isIn(Self.county, k + 1)) {
            let name = words.string(k)
            let first = countyOnlyNames.contains(name) ? k : k > 0 && countyOnlyNames.contains(words.string(k - 1) + " " + name) ? k - 1 : nil
            guard let first else { continue }
            var j = first
            listed.insert(j)
            while j > 0 {
                if words.startsUppercase(j - 1) && words.isSetOff(j) {
                    j -= 1
                } else if j > 1, words.isIn(Self.conjunctions, j - 1, lowered: false), words.startsUppercase(j - 2) {
                    j -= 2
                } else {
                    break
                }
                listed.insert(j)
            }
            j = k
            while j + 1 < words.count {
                if words.startsUppercase(j + 1) && words.isSetOff(j + 1) {
                    j += 1
                } else if j + 2 < words.count, words.isIn(Self.conjunctions, j + 1, lowered: false), words.startsUppercase(j + 2) {
                    j += 2
                } else {
                    break
                }
                listed.insert(j)
            }
        }
        return listed
    }

    /// The municipalities mentioned, most first; places in several municipalities count for the
    /// one the document names otherwise, or not at all. Towns named only in sentences that set
    /// them aside drop out when another is named as the story's.
    private func ranked(_ mentions: [Mention]) -> [Found] {
        let named = Set(mentions.filter { $0.municipalities.count == 1 }.map { $0.municipalities[0] })
        var counts: [Int: (count: Int, first: Int, strength: Strength, forms: [String], aside: Bool)] = [:]
        for m in mentions {
            let held = m.municipalities.count == 1 ? m.municipalities : m.municipalities.filter(named.contains)
            guard held.count == 1, let index = held.first else { continue }
            var entry = counts[index] ?? (0, m.position, .place, [], true)
            entry.count += 1
            entry.first = min(entry.first, m.position)
            entry.strength = max(entry.strength, m.strength)
            entry.aside = entry.aside && m.aside
            if !entry.forms.contains(m.form) { entry.forms.append(m.form) }
            counts[index] = entry
        }
        let anyKept = counts.values.contains { $0.strength > .place }
        let kept = counts.filter { !anyKept || $0.value.strength > .place }
        let story = kept.contains { !$0.value.aside }
        return kept.filter { !story || !$0.value.aside }
            .sorted { ($1.value.count, $0.value.first) < ($0.value.count, $1.value.first) }
            .map { Found(name: gazetteer.municipalities[$0.key].name, forms: $0.value.forms) }
    }

    /// The form of a municipality or place that starts at word `i` (a word in capitals read as a
    /// name), and the words it takes.
    func form(_ words: SentenceWords, at i: Int) -> [(form: Form, length: Int)] {
        // A word whose first byte starts no form (most: names are capitalised) is none.
        let b = words.firstByte(i)
        guard index.firstBytes[Int(b)] else { return [] }
        if b == 0xC3, !index.latin1Seconds[Int(words.text[words.start(i) + 1])] { return [] }
        let key = words.capitalised(i)
        var found = index.forms(startingWith: key)
        // "Gustavsberg/Ingarö": places of one area, read by the first.
        if found == nil, key.count > 2, let slash = key.firstIndex(of: UInt8(ascii: "/")), slash > key.startIndex {
            found = index.forms(startingWith: key[..<slash])?.filter(\.rest.isEmpty)[...]
        }
        // "Askim-frölunda-högsbo": a compound district name as some papers set it.
        if found == nil, key.contains(UInt8(ascii: "-")), words.startsUppercase(i) {
            let parts = String(decoding: key, as: UTF8.self).split(separator: "-", omittingEmptySubsequences: false)
            found = index.forms(startingWith: Array(parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-").utf8)[...])
        }
        guard let candidates = found ?? foldedForm(words, at: i) else { return [] }
        return candidates.filter { c in
            i + c.length <= words.count && zip(c.rest, (i + 1)..<(i + c.length)).allSatisfy { spells(words, $1, $0) }
        }.map { ($0, $0.length) }
    }

    /// A municipality's name spelt without Swedish letters before "kommun" or "stad", as OCR and
    /// plain-text transcripts give it: "Pitea kommun", "Ostersunds kommun" (its genitive).
    private func foldedForm(_ words: SentenceWords, at i: Int) -> ArraySlice<Form>? {
        // "kommun", "stad" and their forms start with k or s: most next words are no such word.
        guard i + 1 < words.count, [UInt8(ascii: "k"), UInt8(ascii: "s")].contains(words.firstByte(i + 1) | 0x20),
              words.isIn(Self.municipalAfter, i + 1), words.startsUppercase(i) else { return nil }
        let key = Self.fold(words.string(i))
        let genitive = foldedMunicipalities[key] == nil && key.hasSuffix("s")
        guard let m = foldedMunicipalities[genitive ? String(key.dropLast()) : key] else { return nil }
        return [Form(target: .municipality(m), rest: [], isName: false, genitive: genitive, inhabitant: false)][...]
    }

    /// Whether word `j`, capitalised, is the form's word `formWord`.
    private func spells(_ words: SentenceWords, _ j: Int, _ formWord: [UInt8]) -> Bool {
        let key = words.capitalised(j)
        if index.plainForms && words.isPlain(j) { return key.elementsEqual(formWord) }
        return String(decoding: key, as: UTF8.self) == String(decoding: formWord, as: UTF8.self)
    }

    /// The municipality or place that starts at word `i` (one of its `forms`), with how strongly
    /// the context names it.
    private func mention(_ words: SentenceWords, _ forms: [(form: Form, length: Int)], at i: Int)
        -> (municipalities: [Int], form: String, strength: Strength, length: Int)? {
        for (c, length) in forms {
            let next = i + length < words.count ? i + length : nil
            func after(in set: WordSet) -> Bool { next.map { words.isIn(set, $0) } ?? false }
            func afterHasPrefix(in prefixes: WordPrefixes) -> Bool { next.map { words.lowered($0, hasPrefixIn: prefixes) } ?? false }
            func before1(is word: String) -> Bool { i > 0 && words.isLowered(i - 1, word) }
            func before1(in set: WordSet) -> Bool { i > 0 && words.isIn(set, i - 1) }
            func before2(hasPrefixIn prefixes: WordPrefixes) -> Bool { i > 1 && words.lowered(i - 2, hasPrefixIn: prefixes) }
            // A postal address ("104 30 Stockholm", "Box 476, Sundsvall", "Box Umeå" where a
            // transcript dropped the number) names the post town, not the municipality.
            let isPostTown = before1(is: "box") || i > 1 && (words.characterCount(i - 1) == 2 && words.characterCount(i - 2) == 3 && isNumber(words, i - 1, i - 2)
                || words.isLowered(i - 2, "box") && words.isNumber(i - 1))
            // A signing line ("Östersund den 13 november 2013") names where the writer sits; after a
            // preposition the town is where something happened ("i Sundsvall den 4 mars").
            let signs = next.map { $0 + 1 < words.count && words.isLowered($0, "den") && words.isNumber($0 + 1) } ?? false
            if signs && !before1(in: Self.placePrepositions) { continue }
            if isPostTown || after(in: Self.blockedAfter) || before1(is: "i") && before2(hasPrefixIn: Self.seatedAuthorities) { continue }
            let municipalContext = after(in: Self.municipalAfter) || before1(is: "i") && before2(hasPrefixIn: Self.municipalPrefixes)
            switch c.target {
            case .municipality(let index):
                let m = gazetteer.municipalities[index]
                if before1(in: Self.blockedBefore) && m.name != "Gotland" || Self.inRegionList(words, i) { continue }
                // "i Stockholmstrakten", "från Vetlandatrakten": where something is, as a name after a preposition.
                if c.inhabitant { return ([index], words.joined(i..<(i + length)), before1(in: Self.placePrepositions) ? .place : .bare, length) }
                let strong = municipalContext || c.genitive && afterHasPrefix(in: Self.municipalPrefixes)
                    || before1(is: "region") && m.name == "Gotland"
                if m.ambiguous && !strong { continue }
                // Gotland is a county too: named bare beside counties, the county ("vanligast i
                // Jämtlands län, följt av Gotland").
                if m.name == "Gotland" && !strong && words.indices.contains(where: { words.isIn(Self.county, $0) }) { continue }
                // "ett jourhem i Sollefteå kommun", "en kurator i Borlänge kommun": where something
                // is, unless a body of the municipality stands before the preposition ("socialtjänsten
                // i Nybro kommun") or a list goes on ("… och i Emmaboda kommun").
                let located = after(in: Self.municipalAfter) && before1(in: Self.placePrepositions) && i > 1
                    && !words.isSetOff(i - 1) && !words.isIn(Self.conjunctions, i - 2) && !Self.isBody(words, i - 2)
                    // A board outside the social services is the town's, not the story's: "Kritik mot
                    // Gymnasie- och vuxenutbildningsnämnden i Borås stad" in a list of decisions.
                    || before1(in: Self.placePrepositions) && before2(hasPrefixIn: Self.otherBoards)
                let strength: Strength = located ? .place : strong ? .strong : before1(in: Self.placePrepositions) ? .place : .bare
                return ([index], words.joined(i..<(i + length)), strength, length)
            case .place(let index):
                let p = gazetteer.places[index]
                let form = "\(p.kind.rawValue) \(words.joined(i..<(i + length)))"
                if c.inhabitant { return (p.municipalities, form, before1(in: Self.placePrepositions) ? .place : .bare, length) }
                // "Farsta stadsdelsförvaltning", "Farstas stadsdelsnämnd", "socialtjänsten i Farsta",
                // "stadsdelsförvaltningen Nordost".
                if municipalContext || afterHasPrefix(in: Self.municipalPrefixes) || i > 0 && words.lowered(i - 1, hasPrefixIn: Self.boards) {
                    return (p.municipalities, form, .strong, length)
                }
                if c.genitive { continue }
                // A place needs a preposition of place ("i Bålsta", "från Åkersberga", a district
                // "på Hisingen"): many are also words or names. A district board's compound name stands alone.
                if before1(in: Self.localityPrepositions) || p.kind == .district && before1(is: "på") { return (p.municipalities, form, .place, length) }
                if p.kind == .district && p.name.utf8.contains(UInt8(ascii: "-")) { return (p.municipalities, form, .bare, length) }
            }
        }
        return nil
    }

    /// Whether words `a` and `b` written together are all numbers ("104 30").
    private func isNumber(_ words: SentenceWords, _ a: Int, _ b: Int) -> Bool {
        words.isPlain(a) && words.isPlain(b) ? words.isNumber(a) && words.isNumber(b) : (words.string(a) + words.string(b)).allSatisfy(\.isNumber)
    }

    /// The ambiguous municipality named in its base form at word `i` (one of its `forms`; not a
    /// county, court or club of the name), and the words it takes.
    private func ambiguousName(_ words: SentenceWords, _ forms: [(form: Form, length: Int)], at i: Int) -> (Int, Int)? {
        for (c, length) in forms {
            guard case .municipality(let index) = c.target, gazetteer.municipalities[index].ambiguous, c.isName else { continue }
            if i + length < words.count && words.isIn(Self.blockedAfter, i + length) || i > 0 && words.isIn(Self.blockedBefore, i - 1) { continue }
            return (index, length)
        }
        return nil
    }

    /// Whether the name at word `i` ends a list of counties and regions: "i Stockholms län och
    /// Region Gotland", "i Region Stockholm och Gotland" (an area, not the town).
    static func inRegionList(_ words: SentenceWords, _ i: Int) -> Bool {
        let j = i > 0 && words.isLowered(i - 1, "region") ? i - 1 : i
        guard j >= 2, words.isIn(conjunctions, j - 1, lowered: false) else { return false }
        return words.isIn(county, j - 2) || j >= 3 && words.isLowered(j - 3, "region")
    }

    /// Whether a sentence sets the towns it names aside from the story: it names earlier cases
    /// ("De tidigare granskningarna gällde Tierp och Gällivare") or says they escape criticism
    /// ("Oxelösund slipper kritik", "men JO riktar ingen kritik mot nämnden").
    static func setsAside(_ words: SentenceWords) -> Bool {
        words.indices.contains { i in
            words.isIn(asideWords, i) || words.isLowered(i, "ingen") && i + 1 < words.count && words.lowered(i + 1, hasPrefixIn: criticism)
        }
    }

    /// "tidigare", "slipper", "slapp", "grannkommunerna": words that set a sentence's towns aside
    /// (earlier cases, towns spared, the neighbours a regional paper names beside the story's).
    static let asideWords: WordSet = [
        "tidigare", "slipper", "slapp", "undgår", "undgick", "grannkommun", "grannkommunen", "grannkommuner", "grannkommunerna",
    ]
    /// "kritik", "kritiken": after "ingen", no criticism.
    static let criticism: WordPrefixes = ["kritik"]

    /// Whether the names at words `a`…`aEnd` and `b`…`bEnd` stand next to each other in a list:
    /// parted by a comma, or by "och", "eller" or "samt".
    static func listed(_ words: SentenceWords, _ a: Int, _ aEnd: Int, _ b: Int, _ bEnd: Int) -> Bool {
        let (firstEnd, second) = a < b ? (aEnd, b) : (bEnd, a)
        if second == firstEnd + 1 { return words.isSetOff(second) }
        return second == firstEnd + 2 && words.isIn(conjunctions, firstEnd + 1, lowered: false)
    }

    /// A word in capitals as a name is written: "HUDIKSVALL" → "Hudiksvall"; other words as they
    /// are. By characters, for words of other characters than `SentenceWords.capitalised` reads.
    static func capitalised(_ word: Substring) -> Substring {
        // Most words start with a lower-case ASCII letter: as they are, without decoding.
        guard let b = word.utf8.first, !(0x61...0x7A).contains(b), word.utf8.count >= 2, let first = word.first, first.isUppercase,
              word.dropFirst().allSatisfy({ !$0.isLetter || $0.isUppercase }), word.dropFirst().contains(where: \.isLetter) else { return word }
        return Substring(String(first) + word.dropFirst().lowercased())
    }

    /// "Relevanta dokument", "Relaterade dokument": the heading of a list of other documents.
    static let listHeadings: WordSet = ["relevanta", "relaterade", "liknande"]
    /// "län", "läns": after a name, the county.
    static let county: WordSet = ["län", "läns"]
    /// Words that join the names of a list.
    static let conjunctions: WordSet = ["och", "eller", "samt"]

    /// Endings of a compound of a place's name that stands for the place: its inhabitants
    /// ("Trosabo", "Trosabon", "Trosaborna"), its surroundings ("Vetlandatrakten") and a
    /// family from it ("Vetlandafamiljen").
    static let inhabitantSuffixes = ["bo", "bon", "bor", "borna", "trakten", "familjen"]
    /// Words before a town named as the place of something: "i Laholm", "från Umeå".
    static let placePrepositions: WordSet = ["i", "från", "till", "på", "vid", "utanför", "nära", "genom"]
    /// Words before a locality, district or former municipality that make it one: "i Bålsta",
    /// "från Åkersberga" (not "till Åsa", "på Holm": many places are also names and words).
    static let localityPrepositions: WordSet = ["i", "från", "utanför", "nära"]
    /// "X kommun", "X stad": always a municipality.
    static let municipalAfter: WordSet = ["kommun", "kommuns", "kommunen", "stad", "stads"]
    /// Words of the municipality's own bodies: "Norrköpings socialnämnd", "socialnämnden i Gnesta".
    static let municipalPrefixes: WordPrefixes = [
        "social", "nämnd", "individ", "familjeomsorg", "äldreomsorg", "omsorg", "kommun", "ifo", "barn- och", "vuxen",
        "myndighetsnämnd", "välfärd", "vård- och omsorg", "arbetsmarknad", "funktionsstöd", "stadsdel", "stadsområde",
    ]
    /// Boards outside the social services (schools, building, environment, culture, technical
    /// services, guardianship) named before their municipality.
    static let otherBoards: WordPrefixes = [
        "gymnasie", "vuxenutbildning", "utbildning", "bildning", "skol", "förskol", "grundskol", "bygg", "miljö", "kultur",
        "fritid", "teknik", "överförmyndar",
    ]
    /// A board, administration or district named before its district: "stadsdelsförvaltningen
    /// Nordost", "stadsdelen Farsta" (not "socialsekreteraren Ulrika": many places are also names).
    static let boards: WordPrefixes = ["stadsdel", "stadsområde", "socialförvaltning", "socialnämnd"]
    /// Endings of the words that name one of a municipality's bodies: "socialtjänsten",
    /// "vård- och omsorgsnämnden", "kommunstyrelsen", "revisorerna" (not a person or a home).
    static let bodyEndings: [[UInt8]] = [
        "nämnd", "nämnden", "förvaltning", "förvaltningen", "styrelse", "styrelsen", "tjänst", "tjänsten", "omsorg", "omsorgen",
        "kontor", "kontoret", "enhet", "enheten", "revision", "revisionen", "revisorer", "revisorerna", "ifo", "kommun", "kommunen",
    ].map { Array($0.utf8) }

    /// Whether word `j` names one of a municipality's bodies (`bodyEndings`).
    static func isBody(_ words: SentenceWords, _ j: Int) -> Bool {
        let w = words.lowered(j)
        return bodyEndings.contains { w.count >= $0.count && w.suffix($0.count).elementsEqual($0) }
    }
    /// Not the municipality but the county, a university, a court, a hospital ("vid Danderyds
    /// sjukhus": the region's, not the town's) or a diocese of the same name.
    static let blockedAfter: WordSet = [
        "län", "läns", "universitet", "universitets", "tingsrätt", "tingsrätts", "stift", "hovrätt", "kammarrätt",
        "förvaltningsrätt", "högskola", "flygplats", "central", "centralstation", "fc", "ff", "if", "bk", "hockey",
        "sjukhus", "lasarett", "universitetssjukhus",
    ]
    /// Not the municipality but the region, the county board, a university, a company's seat
    /// after its "AB" ("KPMG AB, Stockholm" on an auditors' report for another town), or a
    /// broadcaster's local station named as a source ("enligt P4 Jönköping", "SVT Örebro"), or a
    /// prison named after its town ("Kriminalvården, anstalten Ystad").
    static let blockedBefore: WordSet = ["region", "landstinget", "länsstyrelsen", "länstyrelsen", "universitetet", "ab", "p4", "svt", "radio", "anstalten"]
    /// Courts, county boards and supervisors named after their seat: "Förvaltningsrätten i
    /// Göteborg", "Länsstyrelsen i Kalmar" (also misspelt "Länstyrelsen"), "Socialstyrelsen i
    /// Umeå", "IVO i Örebro".
    static let seatedAuthorities: WordPrefixes = [
        "förvaltningsrätten", "kammarrätten", "tingsrätten", "hovrätten", "migrationsdomstolen", "länsstyrelse", "länstyrelse",
        "socialstyrelsen", "ivo",
    ]
}
