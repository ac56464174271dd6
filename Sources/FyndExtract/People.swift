import FyndCore

/// Named people of the story with role, organisation and party, from how Swedish news quotes
/// and presents them: "…, säger Yvonne Thilander, socialdirektör", "säger individ- och
/// omsorgschefen, IFO, Sandra Säljö", "Socialnämndens ordförande Ingrid Jerneborg Glimne (M)".
public enum People {
    public static func find(in sentence: Substring) -> [Person] {
        find(in: sentence, words: Words.split(sentence))
    }

    /// As `find(in:)`, given the sentence's words.
    static func find(in sentence: Substring, words: [Word]) -> [Person] {
        var found: [Person] = []
        var i = 0
        while i < words.count {
            guard let nameLength = nameLength(words, at: i) else { i += 1; continue }
            let name = words[i..<(i + nameLength)].map(\.text).joined(separator: " ")
            let afterName = words[i + nameLength - 1].offset + words[i + nameLength - 1].text.utf8.count
            let rest = Substring(sentence.utf8.dropFirst(afterName))
            var person = Person(name: name)
            person.party = party(rest)
            let roleBefore = roleBefore(words, nameStart: i, sentence: sentence)
            if let r = roleBefore {
                person.role = r.role
                person.organisation = r.organisation
            }
            if person.role == nil, let r = roleAfter(rest) {
                person.role = r.role
                person.organisation = r.organisation
            }
            let saidNearby = words[max(0, i - 6)..<i].contains { Self.speechVerbs.contains($0.lowered) }
                || words[(i + nameLength)...].prefix(3).contains { Self.speechVerbs.contains($0.lowered) }
            if person.role != nil || person.party != nil || saidNearby { found.append(person) }
            i += nameLength
        }
        return found
    }

    static let speechVerbs: Set<String> = ["säger", "sa", "sade", "berättar", "menar", "förklarar", "skriver", "uppger", "betonar", "påpekar", "tycker", "anser"]

    /// Two to four capitalised words that are not known words of the trade, a role ("Socialchef
    /// Johan Lindqvist") or the start of a sentence; not the name of a law ("lex Maria").
    static func nameLength(_ words: [Word], at i: Int) -> Int? {
        guard isNamePart(words[i].text), i == 0 || words[i - 1].text.utf8.count != 3 || words[i - 1].lowered != "lex" else { return nil }
        var n = 1
        while i + n < words.count, n < 4, isNamePart(words[i + n].text) { n += 1 }
        guard n >= 2 else { return nil }
        if i == 0 && notNames.contains(String(words[i].text)) { return nil }
        return n
    }

    static func isNamePart(_ w: Substring) -> Bool {
        // Most words start with an ASCII character other than a capital: no Unicode lookups.
        if let b = w.utf8.first, b < 0x80, !(0x41...0x5A).contains(b) { return false }
        let shape = latin1Shape(w) ?? unicodeShape(w)
        guard shape.capitalised, shape.letters, shape.length >= 2 else { return false }
        if shape.innerCapital && !shape.hyphen { return false }  // IVO, IFO
        return !notNames.contains(String(w)) && !isRoleWord(w)
    }

    /// What `isNamePart` asks of a word: whether it starts with a capital, has a capital after
    /// the first letter, a hyphen, only letters and hyphens, and how many characters.
    private typealias Shape = (capitalised: Bool, innerCapital: Bool, hyphen: Bool, letters: Bool, length: Int)

    /// The shape from the bytes of a word of ASCII and Latin-1 letters (À–Þ capitals but ×,
    /// ß–ÿ small letters but ÷); nil for other words.
    private static func latin1Shape(_ w: Substring) -> Shape? {
        var shape: Shape = (false, false, false, true, 0)
        var bytes = w.utf8.makeIterator()
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

    static let notNames: Set<String> = [
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
        var t = rest.drop { $0 == " " }
        if t.first == "(", let close = t.firstIndex(of: ")") { t = t[t.index(after: close)...].drop { $0 == " " } }
        guard t.first == "," else { return nil }
        var clause = t.dropFirst().drop { $0 == " " }
        if let end = clause.firstIndex(where: { ".,;:!?".contains($0) }) { clause = clause[..<end] }
        var words = clause.split(separator: " ")[...]
        // ", som är socialchef i Eslöv": the role without "som är".
        if words.count > 2, words.first == "som", ["är", "var", "blir"].contains(words[words.startIndex + 1]) { words = words.dropFirst(2) }
        guard let roleEnd = words.firstIndex(where: { isRoleWord($0) }), roleEnd - words.startIndex <= 2 else { return nil }
        let role = words[...roleEnd].joined(separator: " ")
        var org: String?
        if roleEnd + 2 < words.endIndex, ["i", "på", "vid", "inom", "för"].contains(words[roleEnd + 1]) {
            org = words[(roleEnd + 2)...].joined(separator: " ")
        }
        return (baseForm(role), org)
    }

    /// "Socialnämndens ordförande", "socialdirektör", "säger individ- och omsorgschefen, IFO," before the name.
    static func roleBefore(_ words: [Word], nameStart i: Int, sentence: Substring) -> (role: String, organisation: String?)? {
        guard i > 0 else { return nil }
        // "…chefen, IFO, Sandra Säljö": a role, an organisation in commas, the name.
        if i >= 2, isRoleWord(words[i - 2].text), words[i - 1].text.allSatisfy(\.isUppercase) {
            return (baseForm(roleWithLead(words, end: i - 2)), String(words[i - 1].text))
        }
        guard isRoleWord(words[i - 1].text) else { return nil }
        return (baseForm(roleWithLead(words, end: i - 1)), i >= 2 ? organisation(genitive: words[i - 2].text) : nil)
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
    static func roleWithLead(_ words: [Word], end: Int) -> String {
        var start = end
        if start >= 2, words[start - 1].text == "och", words[start - 2].text.hasSuffix("-") { start -= 2 }
        if start >= 1, ["tillförordnad", "tf", "biträdande", "t.f", "tillförordnade", "förste", "förre", "tidigare", "ny", "nya", "nye"].contains(words[start - 1].lowered) { start -= 1 }
        return words[start...end].map(\.text).joined(separator: " ")
    }

    /// Whether the word ends in a role ("socialchefen", "Enhetschef"), compared on its UTF-8 bytes:
    /// the endings are lower case, and only a word's first letter may not be.
    static func isRoleWord(_ w: Substring) -> Bool {
        var word = Array(w.utf8)
        if let first = word.first, (0x41...0x5A).contains(first) { word[0] = first | 0x20 }
        if word.count >= 2, word[0] == 0xC3, (0x80...0x9E).contains(word[1]) { word[1] |= 0x20 }  // Å, Ä, Ö, É
        return roleSuffixes.contains { suffix in word.count >= suffix.count && word.suffix(suffix.count).elementsEqual(suffix) }
    }

    /// Every role ending as bytes, with its definite forms ("chef", "chefen"; "ordförande", "ordföranden").
    private static let roleSuffixes: [[UInt8]] = roleEndings.flatMap { [$0, $0 + "en", $0 + "n"] }.map { Array($0.utf8) }

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
        for ending in roleEndings {
            if role.lowercased().hasSuffix(ending + "en") { return String(role.dropLast(2)) }
            if role.lowercased().hasSuffix(ending + "n") && ending.hasSuffix("e") { return String(role.dropLast(1)) }
        }
        return role
    }
}
