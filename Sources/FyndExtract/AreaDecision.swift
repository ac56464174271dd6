/// The areas of a document, decided for the whole document from what its sentences say: the
/// area rules' values, and the people the case concerns.
///
/// - A finding that concerns one area gives it: a care order of a young person (`lvu`), the
///   child's perspective found lacking (`barnperspektiv`, a deficit) — children and families.
/// - Children named as the subject of the case ("barnen", "barnärendet", "placerade ungdomar",
///   "15-åringen", a son or daughter under 18 or in a child-welfare measure) and no cue of
///   adults, older people or disability: children and families.
/// - Older people by age ("en 87-årig kvinna", "91 år gammal") and no child named: elderly care.
/// - An adult client: a woman, a man or a couple who applied for aid ("en kvinna som sökt
///   bistånd") or was placed or treated ("omplacerade en kvinna på ett HVB-hem"), with no older
///   people or disability named: adults, also when the household's children are named.
/// - A sentence naming the social services act beside the LSS act states the law and names no
///   people the case concerns.
/// - Children living in an LSS home ("bostad med särskild service för barn", "LSS-bostäder"),
///   a home instead of the family's, with no cue of the social services' child welfare (LVU,
///   orosanmälan, familjehem, HVB, placering, "barn- och ungdomsområdet"): LSS alone. Support
///   beside the family's home (a short stay, "korttidsboende för barn") concerns both.
/// - An area named in passing (one sentence, with no finding) beside an area the document is
///   about (three sentences or more) is not the document's: "as in elderly care" in a report
///   on LSS homes. A sentence that lists three areas or more lists the groups a supervisor
///   covers: a deficit in it is no finding about any one of them.
import FyndCore

public enum AreaDecision {
    /// The four areas, in the taxonomy's order.
    static let areas = ["barn_unga", "vuxen", "lss", "aldre"]

    /// The area of a finding that concerns one: a care order of a young person (any finding of
    /// it), the child's perspective found lacking.
    static func findingArea(_ category: String, _ polarity: Polarity) -> String? {
        switch category {
        case "lvu": "barn_unga"
        case "barnperspektiv" where polarity == .deficit: "barn_unga"
        default: nil
        }
    }

    /// The areas and why (for `fynd explain`).
    public struct Decision: Sendable, Equatable {
        public var areas: [String]
        public var why: String
    }

    /// How an area rule's value is backed in a document: in how many sentences, and whether one
    /// of them reports a finding (a deficit).
    struct Support: Sendable, Equatable {
        var sentences = 0
        var inFinding = false
    }

    /// The areas from the area rules' values (in order), their support, and the sentences.
    static func decide(found: [String], support: [String: Support] = [:], sentences: DocumentWords) -> Decision {
        let passing = inPassing(found, support)
        if !passing.isEmpty {
            return Decision(areas: found.filter { !passing.contains($0) }, why: "the area rules; named once in passing beside the document's area: \(passing.joined(separator: ", "))")
        }
        if found.isEmpty {
            let named = people(sentences)
            if named.client, !named.aged, !named.otherPeople {
                return Decision(areas: ["vuxen"], why: "no area rule fired; an adult applied for aid or was placed or treated, with no cue of older people or disability")
            }
            if named.children, !named.otherPeople {
                return Decision(areas: ["barn_unga"], why: "no area rule fired; a child is the subject of the case, with no cue of adults, older people or disability")
            }
            if named.aged, !named.children { return Decision(areas: ["aldre"], why: "no area rule fired; an age of 65 or more, and no child") }
            return Decision(areas: found, why: "no area rule fired, and no people the case concerns tell it")
        }
        if found.contains("lss"), found.contains("barn_unga"), isLSSHomeOnly(sentences) {
            return Decision(areas: found.filter { $0 != "barn_unga" }, why: "children living in an LSS home, with no cue of child welfare: LSS alone")
        }
        return Decision(areas: found, why: "the area rules")
    }

    /// Whether a sentence names the social services act beside the LSS act: a statement of the law.
    static func statesTheLaws(_ words: SentenceWords) -> Bool {
        ByteSearch.contains(words.lower, socialtjänstlagen) && (ByteSearch.contains(words.lower, lagenOmStöd)
            || words.indices.contains { words.isLowered($0, "lss") })
    }

    /// The areas named in one sentence without a finding while another area has three sentences or more.
    private static func inPassing(_ found: [String], _ support: [String: Support]) -> [String] {
        guard found.contains(where: { (support[$0]?.sentences ?? 0) >= 3 }) else { return [] }
        return found.filter { support[$0].map { $0.sentences == 1 && !$0.inFinding } ?? false }
    }

    /// Whether the sentences name a child, people other than children, an age of 65 or more, and
    /// an adult client (a woman, a man or a couple in a sentence about "bistånd", a placement or
    /// treatment). A sentence that states the laws names no one.
    private static func people(_ sentences: DocumentWords) -> (children: Bool, otherPeople: Bool, aged: Bool, client: Bool) {
        var children = false, otherPeople = false, aged = false, client = false
        let years = yearsNamed(sentences)
        for words in sentences where !statesTheLaws(words) {
            aged = aged || words.indices.contains { isOld(words, $0) }
            children = children || words.indices.contains { isChild(words, $0) || isMinorOffspring(words, $0, years: years) }
            otherPeople = otherPeople || words.indices.contains { i in otherStems.contains { words.lowered(i).starts(with: $0) } }
                || ByteSearch.containsAny(words.lower, otherPhrases + [funktionsnedsatt])
            client = client || (ByteSearch.containsAny(words.lower, clientCues) && words.indices.contains { isAdult(words, $0) })
        }
        return (children, otherPeople, aged, client)
    }

    /// A son or daughter the case concerns as a child: under 18 by age ("hennes 15-årige son"), by
    /// a birth year that the document's own years show under 18 ("hennes son, BB, född 1986" in an
    /// account of 2001), or named in a sentence about a child-welfare measure ("deras dotter
    /// placerades i ett jourhem"). One said to be grown ("hennes vuxne son", "40-åriga dottern")
    /// or of no told age ("ett ärende som gällde hennes son") is not.
    static func isMinorOffspring(_ words: SentenceWords, _ i: Int, years: Set<Int>) -> Bool {
        guard words.isIn(offspring, i) else { return false }
        if i > 0, words.isIn(grown, i - 1) { return false }
        if i > 0, let age = age(words, i - 1) { return age < 18 }
        for k in (i + 1)..<min(i + 5, words.count) where words.lowered(k, hasPrefixIn: född) {
            if k + 1 < words.count, let born = year(words, k + 1) { return years.contains { $0 > born && $0 - born < 18 } }
        }
        return ByteSearch.containsAny(words.lower, childWelfareStems + [omhänder])
    }

    /// The years the sentences name ("2001", not "2001:453").
    static func yearsNamed(_ sentences: DocumentWords) -> Set<Int> {
        var years: Set<Int> = []
        for words in sentences { for i in words.indices { if let y = year(words, i) { years.insert(y) } } }
        return years
    }

    /// Word `i` as a year from 1900 to 2099: four digits and nothing else.
    static func year(_ words: SentenceWords, _ i: Int) -> Int? {
        let w = words.lowered(i)
        guard w.count == 4, w.allSatisfy({ $0 &- 0x30 < 10 }), let y = Int(String(decoding: w, as: UTF8.self)), y >= 1900, y < 2100 else { return nil }
        return y
    }

    /// An adult named as a person: "kvinnan", "en kvinna", "mannen", "en man", "paret".
    static func isAdult(_ words: SentenceWords, _ i: Int) -> Bool {
        if words.lowered(i, hasPrefixIn: adults) { return true }
        return i > 0 && words.isLowered(i, "man") && words.isLowered(i - 1, "en")
    }

    /// Whether children live in an LSS home and no sentence has a cue of child welfare.
    private static func isLSSHomeOnly(_ sentences: DocumentWords) -> Bool {
        var lssHome = false
        for words in sentences {
            // No stem holds a space, so a stem found in the sentence's words lies inside a word.
            if ByteSearch.containsAny(words.lower, childWelfareStems + childWelfarePhrases) { return false }
            lssHome = lssHome || ByteSearch.contains(words.lower, särskildService)
                || words.indices.contains { words.lowered($0, hasPrefixIn: lssHomes) }
        }
        return lssHome
    }

    /// An age of 65 or more at word `i` (`age`).
    static func isOld(_ words: SentenceWords, _ i: Int) -> Bool {
        age(words, i).map { $0 >= 65 && $0 < 120 } ?? false
    }

    /// The age word `i` states: "87-årig", "15-åriga", "15-åringen", "femtonårige", "87 år gammal",
    /// "sex år gamla".
    static func age(_ words: SentenceWords, _ i: Int) -> Int? {
        let w = words.lowered(i)
        guard let first = w.first else { return nil }
        let digit = first &- 0x30 < 10
        if i + 2 < words.count, words.isLowered(i + 1, "år"), words.lowered(i + 2, hasPrefixIn: gammal) {
            let n = String(decoding: w, as: UTF8.self)
            return digit ? Int(n) : number(n)
        }
        // "-årig…" or "-åring…": the age adjective or noun.
        guard let år = w.firstRange(of: åri), år.lowerBound > w.startIndex, år.upperBound < w.endIndex,
              w[år.upperBound] == UInt8(ascii: "g") || w[år.upperBound] == UInt8(ascii: "n") else { return nil }
        let head = w[..<år.lowerBound]
        guard digit else { return number(String(decoding: head, as: UTF8.self)) }
        return head.last == UInt8(ascii: "-") ? Int(String(decoding: head.dropLast(), as: UTF8.self)) : nil
    }

    /// A number under 100 written in Swedish words, as ages are: "femton", "tjugotre", "fyrtio"
    /// (the number words of `Numbers.words`).
    static func number(_ word: String) -> Int? {
        if let n = Numbers.words[word], n < 100 { return Int(n) }
        for (tens, value) in tensWords where word.hasPrefix(tens) {
            if let unit = Numbers.words[String(word.dropFirst(tens.count))], unit < 10 { return value + Int(unit) }
        }
        return nil
    }

    /// An age noun under 18, or a person under 18 by years: "15-åringen", "en femtonåring",
    /// "sju år gamla Lisa".
    static func isYoungByAge(_ words: SentenceWords, _ i: Int) -> Bool {
        guard let age = age(words, i), age < 18 else { return false }
        return words.lowered(i).firstRange(of: åring) != nil || (i + 1 < words.count && words.isLowered(i + 1, "år"))
    }

    /// A child or young person: "barn", "barnen", "barnärendet", "ungdomar", "pojken", "flickan",
    /// "ensamkommande", twins ("tvillingarna": in a social services case, a family's children), and
    /// compounds ending so ("skolbarn", "placeringsbarnen").
    static func isChild(_ words: SentenceWords, _ i: Int) -> Bool {
        let w = words.lowered(i)
        if childStems.contains(where: { w.starts(with: $0) }) || isYoungByAge(words, i) { return true }
        guard words.isPlain(i) else {
            let word = String(decoding: w, as: UTF8.self)
            return (word.hasSuffix("barn") || word.hasSuffix("barnen")) && word.count > 6
        }
        return (w.suffix(4).elementsEqual("barn".utf8) || w.suffix(6).elementsEqual("barnen".utf8)) && words.characterCount(i) > 6
    }

    /// The number of areas one sentence names from which on it is a list of client groups.
    static let listOfGroups = 3
    /// "kvinna", "kvinnan", "mannen", "paret" and their genitives.
    static let adults: WordPrefixes = ["kvinna", "mannen", "paret"]
    /// An adult's case: aid applied for, a placement, treatment for addiction.
    static let clientCues = ["bistånd", "placera", "hvb", "behandlingshem"].map { Array($0.utf8) }
    /// A son or a daughter.
    static let offspring = WordSet(["son", "sonen", "sonens", "söner", "sönerna", "dotter", "dottern", "dotterns", "döttrar", "döttrarna"])
    /// Grown: "hennes vuxne son".
    static let grown = WordSet(["vuxen", "vuxne", "vuxna", "myndig", "myndige", "myndiga"])
    /// "född", "födda", "föddes": a birth year follows.
    static let född: WordPrefixes = ["född"]
    static let omhänder = Array("omhänder".utf8)
    static let åri = Array("åri".utf8)
    static let åring = Array("åring".utf8)
    /// The tens that take a unit after them ("tjugotre").
    static let tensWords = Numbers.words.filter { (20...90).contains($0.value) }.map { ($0.key, Int($0.value)) }
    /// "LSS-bostad", "LSS-boende" and their compounds.
    static let lssHomes: WordPrefixes = ["lss-bostad", "lss-boende"]
    /// "gammal", "gamla": after "87 år".
    static let gammal: WordPrefixes = ["gam"]
    static let childStems = ["barn", "ungdom", "pojk", "flick", "ensamkommande", "tonåring", "spädbarn", "tvilling"].map { Array($0.utf8) }
    /// Adults (addiction, LVM, financial aid), older people (elderly care, home help) and
    /// disability support.
    static let otherStems = [
        "vuxen", "vuxna", "missbruk", "lvm", "äldre", "hemtjänst", "demens", "brukare", "pensionär", "försörjningsstöd",
        "lss", "gruppbostad", "korttidsvistelse", "korttidsboende", "assistans", "ledsagar", "funktionshind",
    ].map { Array($0.utf8) }
    static let otherPhrases = ["särskilt boende", "särskild service", "daglig verksamhet", "ekonomiskt bistånd"].map { Array($0.utf8) }
    static let funktionsnedsatt = Array("funktionsnedsätt".utf8)
    static let särskildService = Array("särskild service".utf8)
    static let socialtjänstlagen = Array("socialtjänstlagen".utf8)
    static let lagenOmStöd = Array("lagen om stöd och service".utf8)
    /// The social services' work with children at risk, found inside compounds too ("lvu-vård", "hvb-hemmet").
    static let childWelfareStems = ["lvu", "orosanmäl", "familjehem", "hvb", "placera", "barnavård", "förhandsbedöm", "jourhem"].map { Array($0.utf8) }
    /// The child welfare services named as such: "barn- och ungdomsområdet", "barn- och familjeenheten".
    static let childWelfarePhrases = ["barn- och ungdoms", "barn- och familj", "barn och familj"].map { Array($0.utf8) }
}
