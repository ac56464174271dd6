import FyndCore

/// Numbers that matter to the story, with their unit: "från 3,75 till 7 tjänster" gives 3.75 and
/// 7 tjänster; "tio förhandsbedömningar och sex utredningar" gives 10 and 6. Only units of the
/// trade count (staff, cases, reports, children, money, time), so years and page numbers do not.
public enum Figures {
    public static func find(in sentence: Substring) -> [Figure] {
        find(in: sentence, words: Words.split(sentence))
    }

    /// As `find(in:)`, given the sentence's words.
    static func find(in sentence: Substring, words: [Word]) -> [Figure] {
        var out: [Figure] = []
        var i = 0
        while i < words.count {
            guard let (value, end) = number(words, i) else { i += 1; continue }
            let start = words[i].offset
            // "från 3,75 till 7 tjänster": the first number takes the unit of the second.
            var unitIndex = end
            if unitIndex + 1 < words.count, ["till", "och", "eller", "à", "av"].contains(words[unitIndex].text),
               let (_, secondEnd) = number(words, unitIndex + 1), secondEnd < words.count, isUnit(words[secondEnd].text) {
                unitIndex = secondEnd
            }
            // "30 granskade ärenden", "tre vakanta tjänster": one adjective between number and unit.
            if unitIndex == end, unitIndex + 1 < words.count, !isUnit(words[unitIndex].text), isAdjective(words[unitIndex].text),
               isUnit(words[unitIndex + 1].text) {
                unitIndex += 1
            }
            guard unitIndex < words.count, isUnit(words[unitIndex].text) else { i = end; continue }
            let unitWord = words[unitIndex].text
            // The text runs to the unit when it follows the number, else to the number alone.
            let last = unitIndex <= end + 1 ? words[unitIndex] : words[end - 1]
            let textEnd = last.offset + last.text.utf8.count
            out.append(Figure(value: value, unit: Latin1Case.lowercased(unitWord), text: String(decoding: Array(sentence.utf8)[start..<textEnd], as: UTF8.self)))
            i = end
        }
        return out
    }

    /// A number starting at word `i` and the index after it: "3,75", "500 000", "tio". "en"/"ett" do not count.
    static func number(_ words: [Word], _ i: Int) -> (Double, Int)? {
        let w = words[i].text
        // An ASCII first byte is a digit or not; only other characters need Unicode's answer.
        let first = w.utf8.first ?? 0
        if first < 0x80 ? (0x30...0x39).contains(first) : w.first?.isNumber == true {
            var digits = w.replacingComma()
            var end = i + 1
            while end < words.count, words[end].text.count == 3, words[end].text.allSatisfy(\.isNumber), !digits.contains(".") {
                digits += words[end].text
                end += 1
            }
            guard let v = Double(digits) else { return nil }
            return (v, end)
        }
        // Number words start with one of these letters; most words need no lower-casing to tell.
        if let b = w.utf8.first, b < 0x80, !Numbers.firstLetters.contains(b | 0x20) { return nil }
        let lower = words[i].lowered
        guard lower != "en", lower != "ett", let v = Numbers.words[lower] else { return nil }
        return (v, i + 1)
    }

    static func isUnit(_ word: Substring) -> Bool {
        let l = Latin1Case.lowercased(word)
        return units.contains { l.hasPrefix($0) } || exactUnits.contains(l)
    }

    /// A plural adjective or participle in lower case ("granskade", "vakanta", "nya"), not one of
    /// the words in -a or -e that cannot stand between a number and its noun.
    static func isAdjective(_ word: Substring) -> Bool {
        guard let last = word.last, last == "a" || last == "e", word.count >= 3, word.first?.isLowercase == true else { return false }
        return !notAdjectives.contains(String(word))
    }

    static let notAdjectives: Set<String> = [
        "inte", "sedan", "mellan", "under", "efter", "före", "ute", "hade", "skulle", "kunde", "måste", "utan", "vara", "bara",
        "också", "där", "här", "sina", "dina", "mina", "dessa", "vilka", "några", "gånger", "gånge", "inne", "kvar", "alltid",
    ]

    static let units = [
        "tjänst", "ärende", "socialsekreterar", "handläggar", "socionom", "orosanmäl", "anmälning", "utredning",
        "förhandsbedömning", "placering", "barn", "familjehem", "procent", "kronor", "miljon", "miljard", "dagar",
        "veck", "månad", "akt", "kommun", "person", "brukare", "medarbetar", "anställd", "konsult", "beslut",
        "ungdom", "klient", "platser", "timm", "inspektör", "chefer", "enhet", "verksamhet", "fall", "klagomål",
    ]
    static let exactUnits: Set<String> = ["år", "kr", "dag", "procent", "st"]
}
