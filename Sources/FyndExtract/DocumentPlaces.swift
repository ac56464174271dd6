import FyndCore

/// What names the municipality outside the sentences' words: a dateline opening the article and
/// the document's address; and the folding that compares a name with a web address.
extension MunicipalityFinder {
    /// The place a dateline names beside its date (`Document.datelinePlace`: "Ystad • Publicerad
    /// …"), and a dateline opening one of the first paragraphs: a municipality or place in capitals
    /// ("HUDIKSVALL", "UPPLANDS VÄSBY", not "KALMAR LÄN") or before a colon ("Bålsta: Boendet
    /// …"), or a municipality or district written as a name before the capitalised first word of
    /// a sentence ("Farsta En person med …").
    /// The paragraph up to its 64th space (all of it when shorter): the words a dateline is read
    /// from. The spaces are counted sixteen bytes at a time (`ByteScan`), the last block's byte by byte.
    static func opening(_ paragraph: Range<Int>, of text: [UInt8]) -> Range<Int> {
        text.withUnsafeBufferPointer { t in
            var spaces = 0, i = paragraph.lowerBound
            if let base = t.baseAddress {
                let raw = UnsafeRawPointer(base), space = ByteScan.splat(0x20)
                while i + 16 <= paragraph.upperBound {
                    // Each space lane is eight set bits of the mask.
                    let lanes = unsafeBitCast(raw.loadUnaligned(fromByteOffset: i, as: ByteScan.Lanes.self) .== space, to: SIMD2<UInt64>.self)
                    let count = (lanes[0].nonzeroBitCount + lanes[1].nonzeroBitCount) / 8
                    if spaces + count >= 64 { break }
                    spaces += count
                    i += 16
                }
            }
            while i < paragraph.upperBound {
                if t[i] == 0x20 {
                    spaces += 1
                    if spaces == 64 { return paragraph.lowerBound..<i }
                }
                i += 1
            }
            return paragraph
        }
    }

    func datelines(_ document: Document) -> [Mention] {
        var found: [Mention] = []
        // The place a dateline names beside its date, the whole of it ("Ystad", "Upplands Väsby",
        // also a name that is a word elsewhere: "Mark") or after "Nyheter"; not a byline's name
        // ("Eva Lund").
        if let place = document.datelinePlace {
            let words = SentenceWords(Substring(place))
            let k = words.count > 1 && words.isLowered(0, "nyheter") ? 1 : 0
            if let (c, _) = form(words, at: k).first(where: { $0.length == words.count - k && !$0.form.inhabitant && !$0.form.genitive }) {
                switch c.target {
                case .municipality(let index):
                    found.append(Mention(municipalities: [index], form: "dateline \(place)", strength: .bare, position: 0))
                case .place(let index):
                    found.append(Mention(municipalities: gazetteer.places[index].municipalities, form: "dateline \(place)", strength: .bare, position: 0))
                }
            }
        }
        for paragraph in document.paragraphs.prefix(3) {
            if let section = sectionLabel(document.utf8[paragraph]) {
                found.append(section)
                continue
            }
            // The opening words are enough (a name, the word after it, and whether there are eight):
            // `datelineWords`.
            let words = SentenceWords(text: document.utf8, range: Self.opening(paragraph, of: document.utf8), limit: datelineWords)
            guard !words.isEmpty, let hit = form(words, at: 0).first(where: { !$0.form.inhabitant && !$0.form.genitive }) else { continue }
            let (c, length) = hit
            let end = words.end(length - 1)
            // Set off as a dateline: in capitals, or by a colon.
            let marked = words.characterCount(0) >= 3 && words.lettersAreCapitals(0)
                || end < paragraph.upperBound && document.utf8[end] == UInt8(ascii: ":")
            // The place alone in capitals is a dateline too ("SKÖVDE" above the first paragraph).
            guard words.count > length || marked else { continue }
            let opensSentence = !marked && words.count > length && words.startsUppercase(length) && words.count >= 8
            guard marked || opensSentence, !(words.count > length && words.isIn(Self.blockedAfter, length)) else { continue }
            let municipalities: [Int]
            switch c.target {
            case .municipality(let index):
                if gazetteer.municipalities[index].ambiguous { continue }
                municipalities = [index]
            case .place(let index):
                // Written as a name, only a district opens a local paper's article so; a
                // locality may be a first name ("Åsa Lind är …").
                if !marked && gazetteer.places[index].kind != .district { continue }
                municipalities = gazetteer.places[index].municipalities
            }
            found.append(Mention(municipalities: municipalities, form: "dateline \(words.joined(0..<length))",
                                 strength: .bare, position: 0))
        }
        return found
    }

    /// The place a line of page furniture names as its section, a part of its own between
    /// separators: "Mälarö Tidning - - Mälaröarna -", "Nyheter · Farsta", "Hem | Lokalt | Kungsbacka"
    /// (the paper's or site's name and its edition's town).
    func sectionLabel(_ line: ArraySlice<UInt8>) -> Mention? {
        guard line.count <= Self.sectionLineLimit, Self.mayHaveSeparatorWord(line) else { return nil }
        // Words that are separators alone part the line; a hyphen inside a name does not.
        var parts: [String] = [], current: [Substring] = [], separated = false
        let text = String(decoding: line, as: UTF8.self)
        // Cut at spaces as characters are; in simple characters (nearly every line) a space byte
        // is a space character, and cutting on bytes costs a tenth of walking the characters.
        let words = SimpleCharacters.isSimple(text.utf8) ? text.utf8.split(separator: 0x20).map { Substring($0) } : text.split(separator: " ")
        for word in words {
            if word.allSatisfy(Self.separators.contains) {
                separated = true
                if !current.isEmpty { parts.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(word)
            }
        }
        if !current.isEmpty { parts.append(current.joined(separator: " ")) }
        guard separated, parts.count >= 2 else { return nil }
        for part in parts {
            let words = SentenceWords(Substring(part))
            guard let (c, _) = form(words, at: 0).first(where: { $0.length == words.count && !$0.form.inhabitant && !$0.form.genitive }) else { continue }
            switch c.target {
            case .municipality(let index):
                if gazetteer.municipalities[index].ambiguous { continue }
                return Mention(municipalities: [index], form: "sektion \(part)", strength: .bare, position: 0)
            case .place(let index):
                return Mention(municipalities: gazetteer.places[index].municipalities, form: "sektion \(part)", strength: .bare, position: 0)
            }
        }
        return nil
    }

    /// The longest line read as page furniture naming a section.
    static let sectionLineLimit = 80
    /// What parts a line of page furniture, standing alone between spaces: a dash, a middle dot,
    /// a bar, a bullet, an arrow of a breadcrumb trail.
    static let separators: Set<Character> = ["-", "–", "·", "|", "•", ">"]

    /// Whether a piece of `line` between spaces is made only of the bytes of `separators` ("-",
    /// "|", ">" and the UTF-8 bytes of "–", "·", "•"): so is any word that is separators alone, so
    /// that a line without one parts nothing. One pass over the bytes, no hash: most short lines
    /// (a headline with a hyphenated word, a byline) stop here before being cut into words.
    static func mayHaveSeparatorWord(_ line: ArraySlice<UInt8>) -> Bool {
        var onlySeparators = true, empty = true
        for b in line {
            if b == 0x20 {
                if onlySeparators && !empty { return true }
                onlySeparators = true
                empty = true
                continue
            }
            empty = false
            switch b {
            case UInt8(ascii: "-"), UInt8(ascii: "|"), UInt8(ascii: ">"), 0xE2, 0x80, 0x93, 0xA2, 0xC2, 0xB7: break
            default: onlySeparators = false
            }
        }
        return onlySeparators && !empty
    }

    /// The document's address: its host ("www.hoganas.se", the municipality's own page) names the
    /// municipality as one (`host`); a path section ("/karlsborg/", "/g%C3%B6teborg/", also a name
    /// that is a word elsewhere: "/flen/", "/mark/") names the town of a local paper's page or
    /// edition, and a headline's slug the municipality before "kommun" or "stad"
    /// ("jo-kritiserar-sigtuna-kommun-for-…"), a local paper's host named after its town
    /// ("sundsvallstidning.se") and a town's site on a service's host ("hultsfred.wlsn.se")
    /// (`sections`), which may cover more than the town: the slug's, the path's and the host's,
    /// apart, most specific first.
    func address(_ address: String) -> (host: [Mention], sections: AddressSections) {
        var host: [Mention] = [], sections = AddressSections()
        let path = address.split(separator: "?", maxSplits: 1).first ?? ""
        let parts = path.split(separator: "/")
        let hostIndex = parts.first?.hasSuffix(":") ?? false ? 1 : 0
        if hostIndex < parts.count, let label = Self.domainLabel(parts[hostIndex]) {
            if let m = municipality(ofDomain: label) {
                host.append(Mention(municipalities: [m], form: "adress \(parts[hostIndex])", strength: .strong, position: Int.max))
            } else if let m = municipality(ofPaper: label) ?? Self.subdomainLabel(parts[hostIndex]).flatMap(municipality(ofDomain:)) {
                sections.host.append(Mention(municipalities: [m], form: "adress \(parts[hostIndex])", strength: .place, position: Int.max))
            }
        }
        for segment in parts.dropFirst(hostIndex + 1) {
            let name = Self.percentDecoded(segment)
            let key = Self.fold(name)
            if let m = foldedMunicipalities[key] {
                sections.path.append(Mention(municipalities: [m], form: "adress /\(name)/", strength: .place, position: Int.max))
            } else if let p = foldedPlaces[key] {
                sections.path.append(Mention(municipalities: gazetteer.places[p].municipalities, form: "adress /\(name)/", strength: .place, position: Int.max))
            } else if let (m, words) = municipality(inSlug: name) {
                sections.slug.append(Mention(municipalities: [m], form: "adress …\(words)…", strength: .place, position: Int.max))
            }
        }
        return (host, sections)
    }

    /// The towns an address's parts name beside its host's own municipality: a headline's slug
    /// ("astorps-kommun-anmaler-…"), the path's sections ("/motala/", "/helsingborg/") and the
    /// host's paper or service ("vimmerbytidning.se").
    struct AddressSections {
        var slug: [Mention] = [], path: [Mention] = [], host: [Mention] = []

        /// The most specific part's towns that `keep` lets through: a slug names the story's
        /// municipality where a section names a newsroom's town ("/helsingborg/astorps-kommun-…"),
        /// and a section the edition's town where the host names the paper's ("vimmerbytidning.se/nyheter/motala/").
        func mostSpecific(_ keep: (Mention) -> Bool) -> [Mention] {
            for part in [slug, path, host] {
                let kept = part.filter(keep)
                if !kept.isEmpty { return kept }
            }
            return []
        }
    }

    /// The town a local paper is named after, in its host: the town's name or genitive and a
    /// paper's word ("sundsvallstidning", "ystadsallehanda", "falukuriren", "goteborgdirekt"). Like
    /// a section, it places the story where the text names no municipality (a paper covers
    /// its neighbours too).
    func municipality(ofPaper label: String) -> Int? {
        for word in Self.paperWords where label.hasSuffix(word) && label.count > word.count {
            let key = String(label.dropLast(word.count))
            if let m = foldedMunicipalities[key] ?? municipality(ofFoldedGenitive: key) { return m }
        }
        return nil
    }

    /// The words a local paper's name ends in after its town's.
    static let paperWords = ["tidningen", "tidningar", "tidning", "kuriren", "posten", "allehanda", "bladet", "dagblad", "direkt", "nyheter"]

    /// Words of a slug after a municipality's name: "sigtuna-kommun", "kristianstads-kommun", "goteborgs-stad".
    static let slugMunicipal: Set<Substring> = ["kommun", "kommuns", "kommunen", "stad", "stads"]
    /// The longest name a slug may spell in words: "upplands-vasby-kommun".
    static let slugNameWords = 3

    /// The municipality a slug names before "kommun" or "stad", in its base form or genitive, and
    /// the words that name it: "jo-kritiserar-sigtuna-kommun-for-…" → Sigtuna, "sigtuna-kommun";
    /// "falu-kommun" → Falun (the gazetteer's genitives, irregular ones included).
    func municipality(inSlug slug: String) -> (Int, String)? {
        let words = slug.lowercased().split(separator: "-")
        for (i, word) in words.enumerated() where i > 0 && Self.slugMunicipal.contains(word) {
            for n in 1...min(Self.slugNameWords, i) {
                let key = Self.fold(words[(i - n)..<i].joined())
                if let m = foldedMunicipalities[key] ?? municipality(ofFoldedGenitive: key) {
                    return (m, words[(i - n)...i].joined(separator: "-"))
                }
            }
        }
        return nil
    }

    /// The municipality whose genitive, folded as `fold`, is `key`: "kristianstads" → Kristianstad,
    /// "falu" → Falun. Read from the gazetteer where a slug's word names no municipality (rare).
    func municipality(ofFoldedGenitive key: String) -> Int? {
        gazetteer.municipalities.firstIndex { Self.fold($0.genitive) == key }
    }

    /// "g%C3%B6teborg" → "göteborg".
    static func percentDecoded(_ segment: Substring) -> String {
        guard segment.contains("%") else { return String(segment) }
        var bytes: [UInt8] = [], utf8 = Array(segment.utf8), i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let b = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(b)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func municipality(ofDomain label: String) -> Int? {
        foldedMunicipalities[label] ?? (label.hasSuffix("kommun") ? foldedMunicipalities[String(label.dropLast(6))] : nil)
    }

    /// The label before ".se" of a web address or e-mail address: "info@hoganas.se",
    /// "www.upplands-bro.se/omsorg" → "hoganas", "upplandsbro" (folded as `fold`).
    static func domainLabel(_ word: Substring) -> String? {
        var host = word.lowercased()[...]
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let scheme = host.range(of: "://") { host = host[scheme.upperBound...] }
        host = host.prefix { $0 != "/" && $0 != ":" }
        guard host.hasSuffix(".se") else { return nil }
        let labels = host.dropLast(3).split(separator: ".")
        guard let label = labels.last, !label.isEmpty else { return nil }
        return fold(String(label))
    }

    /// The first label of a host with more than two ("hultsfred.wlsn.se" → "hultsfred", not
    /// "www"): a municipality's site on a publishing service's host, folded as `fold`.
    static func subdomainLabel(_ host: Substring) -> String? {
        let labels = host.lowercased().split(separator: ".")
        guard labels.count > 2, labels.last == "se", let first = labels.first, first != "www" else { return nil }
        return fold(String(first))
    }

    /// Lower case, Swedish letters as in addresses (å ä → a, ö → o, é → e), no spaces or hyphens.
    static func fold(_ name: String) -> String {
        name.unicodeScalars.allSatisfy { $0.value < 0x100 } ? foldLatin1(name) : foldCharacters(name)
    }

    /// `fold` of text in ASCII and Latin-1, scalar by scalar: each of those scalars is a character
    /// of its own (none combines), and its lower case is one scalar. Indexing the place names
    /// folds some 1 700 of them at start-up; `lowercased()` costs thousands of instructions each.
    static func foldLatin1(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            var v = scalar.value
            if (0x41...0x5A).contains(v) || (0xC0...0xDE).contains(v) && v != 0xD7 { v += 0x20 }
            switch v {
            case 0xE5, 0xE4: out.append("a")
            case 0xF6: out.append("o")
            case 0xE9: out.append("e")
            case 0xFC: out.append("u")
            case 0x20, 0x2D: break
            default: out.append(Unicode.Scalar(UInt8(v)))
            }
        }
        return String(out)
    }

    /// `fold` character by character, for any text.
    static func foldCharacters(_ name: String) -> String {
        String(name.lowercased().compactMap { c -> Character? in
            switch c {
            case "å", "ä": "a"
            case "ö": "o"
            case "é": "e"
            case "ü": "u"
            case " ", "-": nil
            default: c
            }
        })
    }
}
