import FyndCore

/// Named people of the story with role, organisation and party, from how Swedish news quotes
/// and presents them: "…, säger Yvonne Thilander, socialdirektör", "säger individ- och
/// omsorgschefen, IFO, Sandra Säljö", "Socialnämndens ordförande Ingrid Jerneborg Glimne (M)".
public enum People {
    public static func find(in sentence: Substring) -> [Person] {
        find(in: Words.split(sentence))
    }

    /// As `find(in:)`, from the sentence's words.
    static func find(in words: SentenceWords) -> [Person] {
        var found: [Person] = []
        var i = 0
        while i < words.count {
            guard mayStartName(words.firstByte(i)), let nameLength = nameLength(words, at: i) else { i += 1; continue }
            // A party or a role after the name opens with "(" or "," after spaces: only then is the
            // rest of the sentence read as a `String`.
            let after = words.end(i + nameLength - 1)
            let opens = words.text[after..<words.range.upperBound].first { $0 != 0x20 }
            let rest = opens == UInt8(ascii: "(") || opens == UInt8(ascii: ",")
                ? Substring(String(decoding: words.text[after..<words.range.upperBound], as: UTF8.self)) : ""
            var person = Person(name: words.joined(i..<(i + nameLength)))
            person.party = party(rest)
            let roleBefore = roleBefore(words, nameStart: i)
            if let r = roleBefore {
                person.role = r.role
                person.organisation = r.organisation
            }
            if person.role == nil, let r = roleAfter(rest) {
                person.role = r.role
                person.organisation = r.organisation
            }
            let saidNearby = (max(0, i - 6)..<i).contains { words.isIn(speechVerbs, $0) }
                || ((i + nameLength)..<min(words.count, i + nameLength + 3)).contains { words.isIn(speechVerbs, $0) }
            if person.role != nil || person.party != nil || saidNearby { found.append(person) }
            i += nameLength
        }
        return found
    }

    static let speechVerbs: WordSet = ["säger", "sa", "sade", "berättar", "menar", "förklarar", "skriver", "uppger", "betonar", "påpekar", "tycker", "anser"]

    /// Two to four capitalised words that are not known words of the trade, a role ("Socialchef
    /// Johan Lindqvist") or the start of a sentence; not the name of a law ("lex Maria").
    static func nameLength(_ words: SentenceWords, at i: Int) -> Int? {
        guard isNamePart(words, i), i == 0 || words.bytes(i - 1).count != 3 || !words.isLowered(i - 1, "lex") else { return nil }
        var n = 1
        while i + n < words.count, n < 4, isNamePart(words, i + n) { n += 1 }
        guard n >= 2 else { return nil }
        if i == 0 && words.isIn(notNames, i, lowered: false) { return nil }
        return n
    }

    /// Whether a word that starts with byte `b` may be part of a name: most words start with an
    /// ASCII character other than a capital, and need no other test.
    static func mayStartName(_ b: UInt8) -> Bool { b >= 0x80 || (0x41...0x5A).contains(b) }

    static func isNamePart(_ words: SentenceWords, _ i: Int) -> Bool {
        if !mayStartName(words.firstByte(i)) { return false }
        let w = words.bytes(i)
        let shape = latin1Shape(w) ?? unicodeShape(Substring(words.string(i)))
        guard shape.capitalised, shape.letters, shape.length >= 2 else { return false }
        if shape.innerCapital && !shape.hyphen { return false }  // IVO, IFO
        return !words.isIn(notNames, i, lowered: false) && !isRoleWord(w)
    }

    /// What `isNamePart` asks of a word: whether it starts with a capital, has a capital after
    /// the first letter, a hyphen, only letters and hyphens, and how many characters.
    private typealias Shape = (capitalised: Bool, innerCapital: Bool, hyphen: Bool, letters: Bool, length: Int)

    /// The shape from the bytes of a word of ASCII and Latin-1 letters (À–Þ capitals but ×,
    /// ß–ÿ small letters but ÷); nil for other words.
    private static func latin1Shape(_ w: ArraySlice<UInt8>) -> Shape? {
        var shape: Shape = (false, false, false, true, 0)
        var bytes = w.makeIterator()
        while let b = bytes.next() {
            var upper = false
            if b < 0x80 {
                upper = (0x41...0x5A).contains(b)
                if b == UInt8(ascii: "-") { shape.hyphen = true } else if !upper && !(0x61...0x7A).contains(b) { shape.letters = false }
            } else {
                guard b == 0xC3, let c = bytes.next(), (0x80...0xBF).contains(c) else { return nil }
                upper = Latin1Case.isCapital(second: c)
                if !Latin1Case.isLetter(second: c) { shape.letters = false }
            }
            if shape.length == 0 { shape.capitalised = upper } else if upper { shape.innerCapital = true }
            shape.length += 1
        }
        return shape
    }

    private static func unicodeShape(_ w: Substring) -> Shape {
        (w.first?.isUppercase ?? false, w.dropFirst().contains { $0.isUppercase && $0 != "-" }, w.utf8.contains(UInt8(ascii: "-")),
         w.allSatisfy { $0.isLetter || $0 == "-" }, w.count)
    }

    static let notNames: WordSet = [
        "Inspektionen", "Socialnämnden", "Socialtjänsten", "Socialstyrelsen", "Kommunen", "Nämnden", "Det", "Den", "Vi", "Jag", "Hon",
        "Han", "De", "Dessa", "Enligt", "Tillsynen", "Beslut", "Vård", "Omsorg", "Socialdepartementet", "Regeringen", "Justitieombudsmannen",
        "Stockholm", "Göteborg", "Malmö", "Sverige", "Sveriges", "Kommuner", "Regioner", "Region", "Lex", "IVO", "Sedan",
        "Efter", "Under", "Trots", "Men", "Och", "Nu", "När", "Om", "Till", "Av", "Med", "För", "Från",
    ]

    /// "(M)", "(S)", "(KD)" right after the name.
    static func party(_ rest: Substring) -> String? {
        let t = rest.drop { $0 == " " }
        guard t.first == "(", let close = t.firstIndex(of: ")") else { return nil }
        let inner = t[t.index(after: t.startIndex)..<close]
        return (1...3).contains(inner.count) && inner.allSatisfy(\.isUppercase) ? String(inner) : nil
    }

    /// ", socialdirektör i Österåkers kommun" or ", utredare på IVO" after the name.
    static func roleAfter(_ rest: Substring) -> (role: String, organisation: String?)? {
        guard var words = clauseWords(rest)?[...] else { return nil }
        // ", som är socialchef i Eslöv": the role without "som är".
        if words.count > 2, words.first == "som", ["är", "var", "blir"].contains(words[words.startIndex + 1]) { words = words.dropFirst(2) }
        // The role is one of the first three words.
        guard let roleEnd = words.prefix(3).firstIndex(where: { isRoleWord(Array($0.utf8)[...]) }) else { return nil }
        let role = words[...roleEnd].joined(separator: " ")
        var org: String?
        if roleEnd + 2 < words.endIndex, ["i", "på", "vid", "inom", "för"].contains(words[roleEnd + 1]) {
            org = words[(roleEnd + 2)...].joined(separator: " ")
        }
        return (baseForm(role), org)
    }

    /// The words of the clause that a comma opens after a name (after spaces and a "(…)"), up to
    /// ". , ; : ! ?": split at spaces. Nil when no comma opens one. In simple text
    /// (`SimpleCharacters`) each of these characters is its byte, and the text is cut on its bytes;
    /// other text by characters.
    static func clauseWords(_ rest: Substring) -> [Substring]? {
        guard SimpleCharacters.isSimple(rest.utf8) else {
            var t = rest.drop { $0 == " " }
            if t.first == "(", let close = t.firstIndex(of: ")") { t = t[t.index(after: close)...].drop { $0 == " " } }
            guard t.first == "," else { return nil }
            var clause = t.dropFirst().drop { $0 == " " }
            if let end = clause.firstIndex(where: isClauseEnd) { clause = clause[..<end] }
            return clause.split(separator: " ")
        }
        var t = rest.utf8.drop { $0 == 0x20 }
        if t.first == UInt8(ascii: "("), let close = t.firstIndex(of: UInt8(ascii: ")")) { t = t[t.index(after: close)...].drop { $0 == 0x20 } }
        guard t.first == UInt8(ascii: ",") else { return nil }
        var clause = t.dropFirst().drop { $0 == 0x20 }
        if let end = clause.firstIndex(where: { clauseEnds.contains($0) }) { clause = clause[..<end] }
        return clause.split(separator: 0x20).map { Substring($0) }
    }

    /// Whether `c` is one of ". , ; : ! ?": an ASCII character by its byte, another as strings compare.
    private static func isClauseEnd(_ c: Character) -> Bool {
        c.utf8.count == 1 ? clauseEnds.contains(c.utf8.first!) : ".,;:!?".contains(c)
    }
    private static let clauseEnds = Array(".,;:!?".utf8)

    /// "Socialnämndens ordförande", "socialdirektör", "säger individ- och omsorgschefen, IFO," before the name.
    static func roleBefore(_ words: SentenceWords, nameStart i: Int) -> (role: String, organisation: String?)? {
        guard i > 0 else { return nil }
        // "…chefen, IFO, Sandra Säljö": a role, an organisation in commas, the name.
        if i >= 2, isRoleWord(words.bytes(i - 2)), words.isUppercase(i - 1) {
            return (baseForm(roleWithLead(words, end: i - 2)), words.string(i - 1))
        }
        guard isRoleWord(words.bytes(i - 1)) else { return nil }
        return (baseForm(roleWithLead(words, end: i - 1)), i >= 2 ? organisation(genitive: Substring(words.string(i - 2))) : nil)
    }

    /// "Socialnämndens", "kommunens", "IVO:s" before a role: the organisation in its base form. A
    /// word in lower case counts only when it names a body of the municipality.
    static func organisation(genitive w: Substring) -> String? {
        if w.hasSuffix(":s") { return String(w.dropLast(2)) }
        guard w.hasSuffix("s"), w.count > 2 else { return nil }
        if w.first?.isUppercase == true || ["nämndens", "kommunens", "förvaltningens", "socialtjänstens", "styrelsens", "enhetens"].contains(where: { w.hasSuffix($0) }) {
            return String(w.dropLast())
        }
        return nil
    }

    /// The role word with the words that belong to it: "individ- och omsorgschefen", "tillförordnad socialdirektör".
    static func roleWithLead(_ words: SentenceWords, end: Int) -> String {
        var start = end
        if start >= 2, words.isSpelt(start - 1, "och"), words.isPlain(start - 2) ? words.bytes(start - 2).last == UInt8(ascii: "-") : words.string(start - 2).hasSuffix("-") {
            start -= 2
        }
        if start >= 1, words.isIn(leads, start - 1) { start -= 1 }
        return words.joined(start..<(end + 1))
    }

    /// Words that belong to the role after them: "tillförordnad socialdirektör".
    static let leads: WordSet = ["tillförordnad", "tf", "biträdande", "t.f", "tillförordnade", "förste", "förre", "tidigare", "ny", "nya", "nye"]

    /// Whether the word ends in a role ("socialchefen", "Enhetschef"), compared on its UTF-8 bytes:
    /// the endings are lower case, and only a word's first letter may not be. Costs a table read
    /// for most words (no ending ends in their last byte), else a byte comparison with each
    /// ending that ends in it.
    static func isRoleWord(_ w: ArraySlice<UInt8>) -> Bool {
        guard let last = w.last else { return false }
        let candidates = roleSuffixesByLastByte[Int(last)]
        if candidates.isEmpty { return false }
        return w.withUnsafeBufferPointer { w in
            // The word's byte at `k` with its first letter in lower case.
            func byte(_ k: Int) -> UInt8 {
                if k == 0, (0x41...0x5A).contains(w[k]) { return w[k] | 0x20 }
                if k == 1, w[0] == 0xC3, (0x80...0x9E).contains(w[k]) { return w[k] | 0x20 }  // Å, Ä, Ö, É
                return w[k]
            }
            return candidates.contains { suffix in
                guard w.count >= suffix.count else { return false }
                let from = w.count - suffix.count
                // Backwards: the last bytes tell most endings apart.
                var k = suffix.count - 1
                while k >= 0, byte(from + k) == suffix[k] { k -= 1 }
                return k < 0
            }
        }
    }

    /// Every role ending as bytes, with its definite forms ("chef", "chefen"; "ordförande", "ordföranden").
    private static let roleSuffixes: [[UInt8]] = roleEndings.flatMap { [$0, $0 + "en", $0 + "n"] }.map { Array($0.utf8) }
    /// By byte: the role endings that end with it, in `roleSuffixes` order.
    private static let roleSuffixesByLastByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for suffix in roleSuffixes { table[Int(suffix[suffix.count - 1])].append(suffix) }
        return table
    }()

    /// Each role ending's definite forms, in order: "+en", and "+n" for an ending in "e".
    private static let definiteEndings = roleEndings.map { ($0 + "en", $0.hasSuffix("e") ? $0 + "n" : nil) }

    static let roleEndings = [
        "chef", "direktör", "ordförande", "råd", "utredare", "inspektör", "jurist", "handläggare", "socialsekreterare",
        "samordnare", "sekreterare", "talesperson", "rektor", "ledamot", "politiker", "strateg", "ansvarig", "controller",
        "revisor", "ombudsman", "expert", "analytiker", "utvecklare", "föreståndare", "läkare", "sjuksköterska", "kurator",
    ]

    /// "omsorgschefen" → "omsorgschef", "ordföranden" → "ordförande", and a role that opens the
    /// sentence in lower case: "Socialchefen" → "socialchef" (an acronym stays: "IT-chef").
    static func baseForm(_ role: String) -> String {
        var role = role
        if let first = role.first, first.isUppercase, role.dropFirst().first?.isLowercase == true {
            role = first.lowercased() + role.dropFirst()
        }
        let lower = role.lowercased()
        // A plain role (`SentenceWords.isPlain`: each byte or pair a character) is compared on its
        // bytes, and one whose last byte is no "n" has no definite ending; another as strings compare.
        let plain = SentenceWords.isPlain(role.utf8)
        let lowerBytes = plain ? Array(lower.utf8) : []
        if plain && lowerBytes.last != UInt8(ascii: "n") { return role }
        func ends(with ending: String) -> Bool {
            guard plain else { return lower.hasSuffix(ending) }
            return lowerBytes.count >= ending.utf8.count && lowerBytes.suffix(ending.utf8.count).elementsEqual(ending.utf8)
        }
        for (definite, definiteN) in definiteEndings {
            if ends(with: definite) { return String(role.dropLast(2)) }
            if let definiteN, ends(with: definiteN) { return String(role.dropLast(1)) }
        }
        return role
    }
}
