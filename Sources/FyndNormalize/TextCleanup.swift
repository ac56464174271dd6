import CICU
import FyndCore

/// Pure clean-up steps from raw lines to article paragraphs. Each step is a function of its
/// input alone, so each can be tested on its own.
public enum TextCleanup {
    /// Unifies the characters that vary between sources: soft hyphens and zero-width marks go,
    /// exotic spaces become spaces, dashes and typographic quotes take one form each.
    public static func unifyCharacters(_ s: String) -> String {
        // Most text has none of these: UTF-8 lead bytes C2 (NBSP, soft hyphen, «»), E2 (dashes,
        // quotes, spaces), EF (BOM), and tab, CR, VT, FF.
        if !s.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF || (0x09...0x0D).contains($0) && $0 != 0x0A }) { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x000D: continue
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x0009, 0x000B, 0x000C: out.append(" ")
            case 0x2010, 0x2011: out.append("-")
            case 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: out.append("–")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033: out.append("\u{201D}")
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: out.append("'")
            case 0x2028, 0x2029, 0x0085: out.append("\n")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Splits plain text into paragraph candidates: one per line, except that a line that ends
    /// mid-sentence is joined with a following line that starts in lower case (hard-wrapped text).
    public static func lines(_ text: String) -> [String] {
        var blocks: [String] = []
        var pendingJoin = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = collapse(raw)
            if line.isEmpty { pendingJoin = false; blocks.append(""); continue }
            if pendingJoin, let first = line.first, first.isLowercase || first.isNumber, var last = blocks.popLast() {
                last += " " + line
                blocks.append(last)
            } else {
                blocks.append(line)
            }
            let end = line.last!
            pendingJoin = !(".!?:;\u{201D}".contains(end)) && !isListItem(line)
        }
        return blocks.filter { !$0.isEmpty }
    }

    /// Collapses runs of white space to one space and trims the ends.
    public static func collapse<S: StringProtocol>(_ s: S) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Bullet markers that start a list item.
    static let bullets: Set<Character> = ["•", "●", "▪", "◦", "·", "*", "■", "‣", "○", "►"]

    static func isListItem(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        return bullets.contains(first)
    }

    /// Removes a leading bullet; turns a leading hyphen of a dialogue line ("- Det …") into a dash.
    public static func tidyLine(_ line: String) -> String {
        var s = Substring(line)
        if let first = s.first, bullets.contains(first) {
            s = s.dropFirst().drop { $0 == " " }
        }
        if s.hasPrefix("- ") || s.hasPrefix("– ") { return "– " + s.dropFirst(2) }
        return String(s)
    }

    /// True for lines that news sites add around every article ("ANNONS", "Dela", "Läs mer här!").
    public static func isBoilerplate(_ line: String) -> Bool {
        guard line.utf8.count <= 40 else { return false }
        let key = line.lowercased().trimmingCharacters(of: " :.!»›>")
        return boilerplateLines.contains(key)
    }

    private static let boilerplateLines: Set<String> = [
        "annons", "annonser", "facebook", "twitter", "linkedin", "instagram", "x", "messenger", "whatsapp", "e-post", "mejla",
        "dela", "dela artikeln", "dela sidan", "dela på facebook", "dela på twitter", "dela på linkedin", "skriv ut",
        "kopiera länk", "läs mer", "läs mer här", "läs också", "läs även", "läs hela artikeln", "publicerad",
        "senast uppdaterad", "uppdaterad", "tipsa oss", "tipsa", "prenumerera", "logga in", "till startsidan",
        "relaterade artiklar", "relaterat", "mer om ämnet", "följ ämnet", "sidan är uppdaterad", "dela artikel",
        "visa mer", "stäng", "meny", "sök", "toppnyheter", "senaste nytt", "nyheter", "gilla", "kommentera", "kommentarer",
    ]

    /// A dateline: "Publicerad 12 februari 2018 08:32", "10 jul 2014 16:11", "Uppdaterad: 2019-03-18".
    /// Returns the ISO date when the whole line is a dateline.
    public static func dateline(_ line: String) -> String? {
        // A dateline is short and starts with a digit or one of the words below.
        guard line.utf8.count <= 80, let first = line.first, first.isNumber || "PpUuSsDd".contains(first) else { return nil }
        var rest = Substring(line)
        for prefix in ["publicerad", "publ.", "publ", "uppdaterad", "senast uppdaterad", "datum"] where rest.lowercased().hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count).drop { $0 == ":" || $0 == " " }
            break
        }
        let dates = SwedishDate.find(in: rest)
        guard let first = dates.first, first.hasYear, first.range.lowerBound <= 4 else { return nil }
        let tail = rest.utf8.dropFirst(first.range.upperBound)
        let leftover = String(decoding: tail, as: UTF8.self).filter { !" :.,0123456789|–-kl".contains($0) }
        return leftover.isEmpty ? first.iso : nil
    }

    /// Drops any run of paragraphs that repeats an earlier run exactly (pages pasted twice):
    /// runs of two or more paragraphs, or a single paragraph of 60 characters or more.
    public static func dropRepeats(_ paragraphs: [String]) -> [String] {
        var firstSeen: [String: Int] = [:]
        var kept: [String] = []
        var i = 0
        while i < paragraphs.count {
            if let j = firstSeen[paragraphs[i]] {
                var length = 1
                while i + length < paragraphs.count, j + length < i, paragraphs[i + length] == paragraphs[j + length] { length += 1 }
                if length >= 2 || paragraphs[i].count >= 60 {
                    i += length
                    continue
                }
            }
            firstSeen[paragraphs[i]] = firstSeen[paragraphs[i]] ?? i
            kept.append(paragraphs[i])
            i += 1
        }
        return kept
    }

    /// A byline: two to four capitalised words and nothing else ("Ewa Renverth"), optionally
    /// after "Text:" or "Av".
    public static func byline(_ line: String) -> String? {
        var s = Substring(line)
        for prefix in ["Text:", "Text och foto:", "Av ", "Av:"] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count) }
        let words = s.split(separator: " ")
        guard (2...4).contains(words.count) else { return nil }
        let isName = words.allSatisfy { w in
            guard let f = w.first, f.isUppercase else { return false }
            return w.allSatisfy { $0.isLetter || $0 == "-" }
        }
        return isName ? words.joined(separator: " ") : nil
    }

    /// Unicode NFC through ICU; ASCII and already-normalised text come back unchanged.
    public static func nfc(_ s: String) -> String {
        var bytes = Array(s.utf8)
        // Every character below U+0300 is NFC by itself (lead bytes up to 0xCB): no ICU call needed.
        if bytes.allSatisfy({ $0 < 0xCC }) || fynd_is_nfc(bytes, Int32(bytes.count)) == 1 { return s }
        var status: Int32 = 0
        var out = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        let n = fynd_nfc(&bytes, Int32(bytes.count), &out, Int32(out.count), &status)
        guard n >= 0, n <= out.count else { return s }
        return String(decoding: out[0..<Int(n)], as: UTF8.self)
    }
}

extension String {
    func trimmingCharacters(of set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
