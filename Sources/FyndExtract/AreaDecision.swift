/// The areas of a document, decided for the whole document from what its sentences say: the
/// area rules' values, and the people the case concerns.
///
/// - Children named as the subject of the case ("barnen", "barnärendet", "placerade ungdomar")
///   and no cue of adults, older people or disability: children and families.
/// - Older people by age ("en 87-årig kvinna", "91 år gammal") and no child named: elderly care.
/// - Children living in an LSS home ("bostad med särskild service för barn", "LSS-bostäder"),
///   a home instead of the family's, with no cue of the social services' child welfare (LVU,
///   orosanmälan, familjehem, HVB, placering, "barn- och ungdomsområdet"): LSS alone. Support
///   beside the family's home (a short stay, "korttidsboende för barn") concerns both.
import FyndCore

public enum AreaDecision {
    /// The areas and why (for `fynd explain`).
    public struct Decision: Sendable, Equatable {
        public var areas: [String]
        public var why: String
    }

    static func decide(found: [String], sentences: [[Word]]) -> Decision {
        if found.isEmpty {
            let (children, otherPeople, aged) = people(sentences)
            if children, !otherPeople {
                return Decision(areas: ["barn_unga"], why: "no area rule fired; a child is the subject of the case, with no cue of adults, older people or disability")
            }
            if aged, !children { return Decision(areas: ["aldre"], why: "no area rule fired; an age of 65 or more, and no child") }
            return Decision(areas: found, why: "no area rule fired, and no people the case concerns tell it")
        }
        if found.contains("lss"), found.contains("barn_unga"), isLSSHomeOnly(sentences) {
            return Decision(areas: found.filter { $0 != "barn_unga" }, why: "children living in an LSS home, with no cue of child welfare: LSS alone")
        }
        return Decision(areas: found, why: "the area rules")
    }

    /// Whether the sentences name a child, people other than children, and an age of 65 or more.
    private static func people(_ sentences: [[Word]]) -> (children: Bool, otherPeople: Bool, aged: Bool) {
        var children = false, otherPeople = false, aged = false
        for words in sentences {
            let lowered = words.map(\.lowered)
            aged = aged || lowered.indices.contains { isOld(lowered, $0) }
            children = children || lowered.contains(where: isChild)
            // Byte searches: String.contains(String) is Foundation's, which is slow.
            otherPeople = otherPeople || lowered.contains { w in otherStems.contains { w.utf8.starts(with: $0) } }
                || ByteSearch.containsAny(joined(lowered), otherPhrases + [funktionsnedsatt])
        }
        return (children, otherPeople, aged)
    }

    /// Whether children live in an LSS home and no sentence has a cue of child welfare.
    private static func isLSSHomeOnly(_ sentences: [[Word]]) -> Bool {
        var lssHome = false
        for words in sentences {
            let lowered = words.map(\.lowered)
            let text = joined(lowered)
            // No stem holds a space, so a stem found in the sentence's text lies inside a word.
            if ByteSearch.containsAny(text, childWelfareStems + childWelfarePhrases) { return false }
            lssHome = lssHome || ByteSearch.contains(text, särskildService) || lowered.contains { $0.hasPrefix("lss-bostad") || $0.hasPrefix("lss-boende") }
        }
        return lssHome
    }

    private static func joined(_ words: [String]) -> [UInt8] { Array(words.joined(separator: " ").utf8) }

    /// An age of 65 or more at word `i`: "87-årig", "87-åriga", "87 år gammal".
    static func isOld(_ words: [String], _ i: Int) -> Bool {
        let w = words[i]
        if let dash = w.firstIndex(of: "-"), w[w.index(after: dash)...].hasPrefix("årig"), let age = Int(w[..<dash]) { return age >= 65 && age < 120 }
        guard i + 2 < words.count, words[i + 1] == "år", words[i + 2].hasPrefix("gam"), let age = Int(w) else { return false }
        return age >= 65 && age < 120
    }

    /// A child or young person: "barn", "barnen", "barnärendet", "ungdomar", "pojken", "flickan",
    /// "ensamkommande", and compounds ending so ("skolbarn", "placeringsbarnen").
    static func isChild(_ word: String) -> Bool {
        childStems.contains { word.utf8.starts(with: $0) } || (word.hasSuffix("barn") || word.hasSuffix("barnen")) && word.count > 6
    }

    static let childStems = ["barn", "ungdom", "pojk", "flick", "ensamkommande", "tonåring", "spädbarn"].map { Array($0.utf8) }
    /// Adults (addiction, LVM, financial aid), older people (elderly care, home help) and
    /// disability support.
    static let otherStems = [
        "vuxen", "vuxna", "missbruk", "lvm", "äldre", "hemtjänst", "demens", "brukare", "pensionär", "försörjningsstöd",
        "lss", "gruppbostad", "korttidsvistelse", "korttidsboende", "assistans", "ledsagar", "funktionshind",
    ].map { Array($0.utf8) }
    static let otherPhrases = ["särskilt boende", "särskild service", "daglig verksamhet", "ekonomiskt bistånd"].map { Array($0.utf8) }
    static let funktionsnedsatt = Array("funktionsnedsätt".utf8)
    static let särskildService = Array("särskild service".utf8)
    /// The social services' work with children at risk, found inside compounds too ("lvu-vård", "hvb-hemmet").
    static let childWelfareStems = ["lvu", "orosanmäl", "familjehem", "hvb", "placera", "barnavård", "förhandsbedöm", "jourhem"].map { Array($0.utf8) }
    /// The child welfare services named as such: "barn- och ungdomsområdet", "barn- och familjeenheten".
    static let childWelfarePhrases = ["barn- och ungdoms", "barn- och familj", "barn och familj"].map { Array($0.utf8) }
}
