/// The areas of a document, decided for the whole document from what its sentences say: the
/// area rules' values, and the people the case concerns.
///
/// - Children named as the subject of the case ("barnen", "barnärendet", "placerade ungdomar")
///   and no cue of adults, older people or disability: children and families.
/// - Older people by age ("en 87-årig kvinna", "91 år gammal") and no child named: elderly care.
/// - An adult who applied for aid ("en kvinna som sökt bistånd"), with no older people or
///   disability named: adults, also when the household's children are named.
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
            if named.applicant, !named.aged, !named.otherPeople {
                return Decision(areas: ["vuxen"], why: "no area rule fired; an adult applied for aid, with no cue of older people or disability")
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
    /// an adult who applied for aid (a woman, a man or a couple in a sentence about "bistånd").
    /// A sentence that states the laws names no one.
    private static func people(_ sentences: DocumentWords) -> (children: Bool, otherPeople: Bool, aged: Bool, applicant: Bool) {
        var children = false, otherPeople = false, aged = false, applicant = false
        for words in sentences where !statesTheLaws(words) {
            aged = aged || words.indices.contains { isOld(words, $0) }
            children = children || words.indices.contains { isChild(words, $0) }
            otherPeople = otherPeople || words.indices.contains { i in otherStems.contains { words.lowered(i).starts(with: $0) } }
                || ByteSearch.containsAny(words.lower, otherPhrases + [funktionsnedsatt])
            applicant = applicant || (ByteSearch.contains(words.lower, bistånd) && words.indices.contains { isAdult(words, $0) })
        }
        return (children, otherPeople, aged, applicant)
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

    /// An age of 65 or more at word `i`: "87-årig", "87-åriga", "87 år gammal". Only a word that
    /// starts with a digit or a sign can be read as a number.
    static func isOld(_ words: SentenceWords, _ i: Int) -> Bool {
        guard let b = words.lowered(i).first, b &- 0x30 < 10 || b == UInt8(ascii: "+") else { return false }
        let w = String(decoding: words.lowered(i), as: UTF8.self)
        if let dash = w.firstIndex(of: "-"), w[w.index(after: dash)...].hasPrefix("årig"), let age = Int(w[..<dash]) { return age >= 65 && age < 120 }
        guard i + 2 < words.count, words.isLowered(i + 1, "år"), words.lowered(i + 2, hasPrefixIn: gammal), let age = Int(w) else { return false }
        return age >= 65 && age < 120
    }

    /// A child or young person: "barn", "barnen", "barnärendet", "ungdomar", "pojken", "flickan",
    /// "ensamkommande", twins ("tvillingarna": in a social services case, a family's children), and
    /// compounds ending so ("skolbarn", "placeringsbarnen").
    static func isChild(_ words: SentenceWords, _ i: Int) -> Bool {
        let w = words.lowered(i)
        if childStems.contains(where: { w.starts(with: $0) }) { return true }
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
    static let bistånd = Array("bistånd".utf8)
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
