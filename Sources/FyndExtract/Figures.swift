import FyndCore

/// Numbers that matter to the story, with their unit: "från 3,75 till 7 tjänster" gives 3.75 and
/// 7 tjänster; "tio förhandsbedömningar och sex utredningar" gives 10 and 6. Only units of the
/// trade count (staff, cases, reports, children, money, time), so years and page numbers do not.
public enum Figures {
    public static func find(in sentence: Substring) -> [Figure] {
        find(in: Words.split(sentence))
    }

    /// As `find(in:)`, from the sentence's words.
    static func find(in words: SentenceWords) -> [Figure] {
        var out: [Figure] = []
        var i = 0
        while i < words.count {
            guard mayStartNumber(words.firstByte(i)), let (value, end) = number(words, i) else { i += 1; continue }
            // "från 3,75 till 7 tjänster": the first number takes the unit of the second.
            var unitIndex = end
            if unitIndex + 1 < words.count, words.isIn(ranges, unitIndex, lowered: false),
               let (_, secondEnd) = number(words, unitIndex + 1), secondEnd < words.count, isUnit(words, secondEnd) {
                unitIndex = secondEnd
            }
            // "30 granskade ärenden", "tre vakanta tjänster": one adjective between number and unit.
            if unitIndex == end, unitIndex + 1 < words.count, !isUnit(words, unitIndex), isAdjective(words, unitIndex),
               isUnit(words, unitIndex + 1) {
                unitIndex += 1
            }
            guard unitIndex < words.count, isUnit(words, unitIndex) else { i = end; continue }
            // The text runs to the unit when it follows the number, else to the number alone.
            let last = unitIndex <= end + 1 ? unitIndex : end - 1
            out.append(Figure(value: value, unit: String(decoding: words.lowered(unitIndex), as: UTF8.self),
                              text: String(decoding: words.text[words.start(i)..<words.end(last)], as: UTF8.self)))
            i = end
        }
        return out
    }

    /// Words between two numbers that share a unit: "från 3,75 till 7 tjänster".
    static let ranges: WordSet = ["till", "och", "eller", "à", "av"]

    /// A number starting at word `i` and the index after it: "3,75", "500 000", "tio". "en"/"ett" do not count.
    static func number(_ words: SentenceWords, _ i: Int) -> (Double, Int)? {
        // An ASCII first byte is a digit or not; only other characters need Unicode's answer.
        let first = words.firstByte(i)
        if first < 0x80 ? (0x30...0x39).contains(first) : !words.isPlain(i) && words.string(i).first?.isNumber == true {
            var digits = Substring(words.string(i)).replacingComma()
            var end = i + 1
            while end < words.count, words.characterCount(end) == 3, words.isNumber(end), !digits.utf8.contains(UInt8(ascii: ".")) {
                digits += words.string(end)
                end += 1
            }
            guard let v = Double(digits) else { return nil }
            return (v, end)
        }
        if !mayStartNumber(first) { return nil }
        guard let v = Numbers.countingValue(words, i) else { return nil }
        return (v, i + 1)
    }

    /// Whether a word that starts with byte `b` may be a number: digits, and number words start
    /// with one of a few letters; most words need no lower-casing to tell.
    static func mayStartNumber(_ b: UInt8) -> Bool { b >= 0x80 || Numbers.firstLetters[Int(b | 0x20)] || (0x30...0x39).contains(b) }

    static func isUnit(_ words: SentenceWords, _ i: Int) -> Bool {
        words.lowered(i, hasPrefixIn: units) || words.isIn(exactUnits, i)
    }

    /// A plural adjective or participle in lower case ("granskade", "vakanta", "nya"), not one of
    /// the words in -a or -e that cannot stand between a number and its noun.
    static func isAdjective(_ words: SentenceWords, _ i: Int) -> Bool {
        guard words.isPlain(i) else {
            let word = words.string(i)
            guard let last = word.last, last == "a" || last == "e", word.count >= 3, word.first?.isLowercase == true else { return false }
            return !words.isIn(notAdjectives, i, lowered: false)
        }
        let w = words.bytes(i)
        guard let last = w.last, last == UInt8(ascii: "a") || last == UInt8(ascii: "e"), words.characterCount(i) >= 3 else { return false }
        let first = w[w.startIndex]
        let lowercase = first < 0x80 ? (0x61...0x7A).contains(first)
            : Latin1Case.isLetter(second: w[w.startIndex + 1]) && !Latin1Case.isCapital(second: w[w.startIndex + 1])
        return lowercase && !words.isIn(notAdjectives, i, lowered: false)
    }

    static let notAdjectives: WordSet = [
        "inte", "sedan", "mellan", "under", "efter", "före", "ute", "hade", "skulle", "kunde", "måste", "utan", "vara", "bara",
        "också", "där", "här", "sina", "dina", "mina", "dessa", "vilka", "några", "gånger", "gånge", "inne", "kvar", "alltid",
    ]

    static let units: WordPrefixes = [
        "tjänst", "ärende", "socialsekreterar", "handläggar", "socionom", "orosanmäl", "anmälning", "utredning",
        "förhandsbedömning", "placering", "barn", "familjehem", "procent", "kronor", "miljon", "miljard", "dagar",
        "veck", "månad", "akt", "kommun", "person", "brukare", "medarbetar", "anställd", "konsult", "beslut",
        "ungdom", "klient", "platser", "timm", "inspektör", "chefer", "enhet", "verksamhet", "fall", "klagomål",
    ]
    static let exactUnits: WordSet = ["år", "kr", "dag", "procent", "st"]
}
