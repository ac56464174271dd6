import FyndCore

/// Swedish abbreviations that end in a full stop, and when a break after them is false.
///
/// ICU has no Swedish suppression data: it splits "kap. | 1 §" and "t.ex. | Stockholm".
/// fynd keeps ICU's breaks and then joins two pieces when the first ends in one of these.
enum Abbreviations {
    enum Policy { case always, beforeLowerOrDigit }

    /// The policy for a lower-cased word that ends with ".", or nil when it is no abbreviation.
    static func policy(_ word: String) -> Policy? {
        if always.contains(word) { return .always }
        if beforeLowerOrDigit.contains(word) { return .beforeLowerOrDigit }
        return nil
    }

    /// The policy for a word that ends with ".", as UTF-8 bytes in any case. A word of ASCII and
    /// Latin-1 letters (nearly every one) is lower-cased into a number and looked up, no String.
    static func policy(of word: UnsafeBufferPointer<UInt8>) -> Policy? {
        guard Latin1Case.isLatin1(word) else { return policy(SwedishCase.lower(word)) }
        // Latin-1 lower case keeps the length, and no abbreviation is longer than 8 bytes.
        return PackedWord.key(Latin1Case.lowered(word)).flatMap { packed[$0] }
    }

    /// Both lists, each word packed little-endian into a number.
    private static let packed: [UInt64: Policy] = {
        var table: [UInt64: Policy] = [:]
        for (words, policy) in [(always, Policy.always), (beforeLowerOrDigit, .beforeLowerOrDigit)] {
            for w in words {
                guard let key = PackedWord.key(w.utf8) else { preconditionFailure("abbreviations have at most eight bytes") }
                table[key] = policy
            }
        }
        return table
    }()

    /// Units written after a number ("10 kr."): before another number they end the sentence
    /// ("… 10 kr. 60 procent av …"), unlike a month ("3 jan. 2022") or a page ("s. 12").
    static func isUnit(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        units.contains(SwedishCase.lower(word))
    }

    static let units: Set<String> = ["kr.", "mkr.", "tkr.", "mdkr.", "milj.", "km.", "min.", "tim.", "st.", "proc."]

    /// Hardly ever the last word of a sentence: a break after them is always wrong.
    static let always: Set<String> = [
        "bl.a.", "t.ex.", "s.k.", "fr.o.m.", "t.o.m.", "p.g.a.", "pga.", "kap.", "kl.", "nr.", "ca.", "cirka.",
        "jfr.", "enl.", "resp.", "ang.", "dr.", "prof.", "doc.", "f.d.", "t.f.", "tf.", "tillf.", "fr.", "inkl.",
        "exkl.", "bl. a.", "t. ex.", "o.s.v.", "dvs.", "d.v.s.", "mha.", "m.h.a.", "vs.", "mom.",
        "a.", "b.", "c.", "ff.", "ev.", "prop.", "sou.", "ds.", "dnr.", "dnr", "tfn.", "tel.", "avd.", "ordf.", "adj.",
    ]

    /// Often the last word too ("… m.m."): joined only when the next piece starts in lower case,
    /// with a digit or with "§".
    static let beforeLowerOrDigit: Set<String> = [
        "m.m.", "m.fl.", "osv.", "etc.", "o.d.", "s.", "sid.", "kr.", "milj.", "mdkr.", "mkr.", "tkr.", "jan.", "feb.",
        "febr.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "okt.", "nov.", "dec.", "mån.", "tis.",
        "ons.", "tors.", "fre.", "lör.", "sön.", "forts.", "uppl.", "st.", "proc.", "kv.", "km.", "min.", "tim.",
        "p.", "pkt.", "art.", "bil.", "fig.", "tab.", "avsn.", "vol.", "f.", "ex.", "f.n.", "f.ö.", "i.o.m.", "m.a.o.",
        "s.a.s.", "o.dyl.", "o.likn.", "e.d.", "ung.", "omkr.", "f.kr.", "e.kr.",
    ]
}
