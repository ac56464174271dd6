import CICU
import FyndCore

/// Pure clean-up steps from raw lines to article paragraphs. Each step is a function of its
/// input alone, so each can be tested on its own.
public enum TextCleanup {
    /// Unifies the characters that vary between sources without a reader seeing it: zero-width
    /// and bidi marks and other invisible format characters go, exotic spaces become spaces, the
    /// hyphens U+2010 and U+2011 become "-". Quotation marks, dashes and soft hyphens stay as the
    /// page writes them (`Typography` folds them where text is read for meaning). Works on UTF-8
    /// bytes; text without any of these characters comes back as it is.
    public static func unifyCharacters(_ s: String) -> String {
        var s = s
        return s.withUTF8(unified).map { String(decoding: $0, as: UTF8.self) } ?? s
    }

    /// As `unifyCharacters(_:)`, on bytes: nil when nothing changes. The copy is begun at the
    /// first character that changes: text whose only candidates stay (dashes and quotation marks
    /// begin with E2, "§" and "«" with C2) is not copied.
    static func unified(_ u: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let first = firstChange(in: u) else { return nil }
        return [UInt8](unsafeUninitializedCapacity: u.count) { out, count in count = unify(u, from: first, to: out.baseAddress!) }
    }

    /// As `unified(_:)`, written over the bytes themselves (what replaces a character is never
    /// longer than it); the bytes that are left.
    static func unifyInPlace(_ bytes: inout [UInt8]) {
        let count = bytes.withUnsafeMutableBufferPointer { b in
            let u = UnsafeBufferPointer(b)
            guard let first = firstChange(in: u) else { return b.count }
            return unify(u, from: first, to: b.baseAddress!)
        }
        bytes.removeSubrange(count...)
    }

    // Most text has none of them: UTF-8 lead bytes C2 (NBSP, next line), E2 (spaces, hyphens,
    // format characters), E3 (ideographic space), EF (BOM), and tab, VT, FF, CR.
    private static func isSpecial(_ b: UInt8) -> Bool {
        b >= 0xC2 ? b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF : b >= 0x09 && b <= 0x0D && b != 0x0A
    }

    private static func specialLanes(_ v: ByteScan.Lanes) -> Bool {
        let control = (v &- ByteScan.splat(0x09)) .< ByteScan.splat(5) .& (v .!= ByteScan.splat(0x0A))
        return any((v .== ByteScan.splat(0xC2)) .| (v .== ByteScan.splat(0xE2)) .| (v .== ByteScan.splat(0xE3)) .| (v .== ByteScan.splat(0xEF)) .| control)
    }

    /// Where the first character that `unified` changes begins; nil when none does.
    private static func firstChange(in u: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while let at = ByteScan.firstIndex(in: u, from: i, lanes: specialLanes, matches: isSpecial) {
            if change(at: at, in: u) != nil { return at }
            i = at + 1
        }
        return nil
    }

    /// Writes `u` with its characters unified to `out`, which may be `u`'s own first byte (each
    /// byte is written at or before where it is read), from the first change at `first`; the
    /// number of bytes written.
    private static func unify(_ u: UnsafeBufferPointer<UInt8>, from first: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        var run = 0  // start of the bytes not yet copied
        func copyRun(to end: Int) {
            // The regions may overlap when unifying in place; a run already in its place stays.
            if out + written != u.baseAddress! + run {
                UnsafeMutableRawPointer(out + written).copyMemory(from: u.baseAddress! + run, byteCount: end - run)
            }
            written += end - run
        }
        var at: Int? = first
        while let i = at {
            if let (width, replacement) = change(at: i, in: u) {
                copyRun(to: i)
                if let replacement {
                    out[written] = replacement
                    written += 1
                }
                run = i + width
                at = ByteScan.firstIndex(in: u, from: run, lanes: specialLanes, matches: isSpecial)
            } else {
                at = ByteScan.firstIndex(in: u, from: i + 1, lanes: specialLanes, matches: isSpecial)
            }
        }
        copyRun(to: u.count)
        return written
    }

    /// How `unified` changes the character that begins with the candidate byte at `i`: its width
    /// in bytes and the byte that replaces it (none when it goes); nil when it stays.
    private static func change(at i: Int, in u: UnsafeBufferPointer<UInt8>) -> (width: Int, replacement: UInt8?)? {
        let b1: UInt8 = i + 1 < u.count ? u[i + 1] : 0, b2: UInt8 = i + 2 < u.count ? u[i + 2] : 0
        switch u[i] {
        case 0x0D: return (1, nil)
        case 0x09, 0x0B, 0x0C: return (1, 0x20)
        case 0xC2:
            switch b1 {
            case 0xA0: return (2, 0x20)                               // no-break space
            case 0x85: return (2, 0x0A)                               // next line
            default: return nil                                       // other Latin-1 characters stay
            }
        case 0xE2 where b1 == 0x80:
            switch b2 {
            case 0x8B, 0x8C, 0x8D: return (3, nil)                    // zero-width space, non-joiner, joiner
            case 0x8E, 0x8F, 0xAA...0xAE: return (3, nil)             // bidi marks, embeddings and overrides
            case 0x80...0x8A, 0xAF: return (3, 0x20)                  // typographic spaces, narrow no-break space
            case 0x90, 0x91: return (3, UInt8(ascii: "-"))            // hyphens
            case 0xA8, 0xA9: return (3, 0x0A)                         // line and paragraph separators
            default: return nil
            }
        case 0xE2 where b1 == 0x81 && (b2 == 0x9F || (0xA0...0xAF).contains(b2) && b2 != 0xA5):
            // Medium mathematical space; the word joiner, invisible operators, bidi isolates
            // and other format characters go (they would split a word for the matcher).
            return (3, b2 == 0x9F ? 0x20 : nil)
        case 0xE3 where b1 == 0x80 && b2 == 0x80: return (3, 0x20)   // ideographic space
        case 0xEF where b1 == 0xBB && b2 == 0xBF: return (3, nil)    // byte-order mark
        default: return nil
        }
    }

    /// Splits plain text into paragraph candidates: one per line, except that a line that ends
    /// mid-sentence is joined with a following line that starts in lower case (hard-wrapped text),
    /// unless that line is a dateline of its own ("14 maj 2019 10:15" under a headline or a byline),
    /// and across an empty line where the sentence plainly goes on (`goesOnAfterBlankLine`).
    public static func lines(_ text: String) -> [String] {
        var text = text
        var blocks: [String] = []
        text.withUTF8 { bytes in forEachBlock(bytes) { block, _ in blocks.append(String(decoding: block, as: UTF8.self)) } }
        return blocks
    }

    /// As `lines(_:)`, on bytes: calls `body` with each paragraph candidate (a copy, valid only
    /// during the call) and how far `bytes` are read (no candidate still to come holds a byte before).
    static func forEachBlock(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ block: UnsafeBufferPointer<UInt8>, _ read: Int) -> Void) {
        var block: [UInt8] = []  // the paragraph being built
        block.reserveCapacity(min(bytes.count, 4096))
        var pendingJoin = false
        var afterBlank = false  // an empty line since the last line read
        var lastLine = 0        // where the last line read begins in `block`
        var emitted = false     // whether a paragraph candidate was handed out
        var start = 0
        func emit(read: Int) { block.withUnsafeBufferPointer { body($0, read) } }
        while start <= bytes.count {
            let end = ByteScan.firstIndex(of: 0x0A, in: bytes, from: start) ?? bytes.count
            // The line without the spaces and tabs at its ends; runs inside are collapsed below.
            var lo = start, hi = end
            while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
            start = end + 1
            if lo == hi { afterBlank = true; continue }
            let line = UnsafeBufferPointer(rebasing: bytes[lo..<hi])
            let joins = pendingJoin && !block.isEmpty && (afterBlank
                ? emitted && goesOnAfterBlankLine(line, lastLine: block[lastLine...], block: block)
                : startsLowerOrDigit(line) && !standsApart(line, from: block) || endsInFunctionWord(block))
            if joins {
                block.append(0x20)
            } else if !block.isEmpty {
                emit(read: lo)
                emitted = true
                block.removeAll(keepingCapacity: true)
            }
            lastLine = block.count
            collapse(line, into: &block)
            pendingJoin = !endsSentence(line) && !isListItem(line)
            afterBlank = false
        }
        if !block.isEmpty { emit(read: bytes.count) }
    }

    /// Whether a line after an empty line goes on with the sentence the line above left open: text
    /// copied from a PDF or a decision with an empty line at every line end ("… betydande brister
    /// i" / "" / "nämndernas handläggning …"). It starts with a lower-case letter (not a digit: a
    /// page number, a table cell, a date), is no dateline ("den 27 april 2012 kl. 07:00"), and the
    /// line above ends in a function word, in a hyphen ("barn-" / "och ungdomsvården"), or is a
    /// line of prose: six words or more ending in a letter or a comma. A short line above is a
    /// heading, a name, a case number or a label ("JO dnr 1142-2017" / "om ett familjehem", "Anna
    /// Lind" / "anna.lind@…"); the text's first paragraph is its headline, which a caption may
    /// follow (the caller asks only after it).
    static func goesOnAfterBlankLine(_ line: UnsafeBufferPointer<UInt8>, lastLine: ArraySlice<UInt8>, block: [UInt8]) -> Bool {
        guard let first = line.first, first &- 0x30 >= 10, startsLowerOrDigit(line), let last = lastLine.last,
              !isDateline(line) else { return false }
        if endsInFunctionWord(block) { return true }
        if last == UInt8(ascii: "-"), lastLine.count > 1, lastLine[lastLine.endIndex - 2] != 0x20 { return true }
        guard last == UInt8(ascii: ",") || last | 0x20 &- 0x61 < 26 || last &- 0x80 < 0x40 && lastLine.count > 1 && lastLine[lastLine.endIndex - 2] == 0xC3
        else { return false }
        var words = 1
        for b in lastLine where b == 0x20 {
            words += 1
            if words >= 6 { return true }
        }
        return false
    }

    /// Whether a line that starts in lower case or with a digit is a dateline set apart from the
    /// line above ("12 March 2019", "mån 14 maj 2019", "2019-05-14 10:15" under a headline or a
    /// byline), not the rest of a wrapped sentence: that goes on with a word ("… i Stockholm" / "den
    /// 30 juli 1923") or ends with a stop ("… som inkom" / "2019-03-02."), a dateline opens with the
    /// date or the day's name and ends without one. A label above the date makes one dateline with
    /// it ("Sidan uppdaterades" / "2019-05-14"). A line broken after a preposition ("… den" / "14
    /// maj 2019") is joined before this is asked.
    static func standsApart(_ line: UnsafeBufferPointer<UInt8>, from block: [UInt8]) -> Bool {
        guard let first = line.first, let last = line.last, last != UInt8(ascii: "."), last != UInt8(ascii: ","),
              first &- 0x30 < 10 || isWeekday(UnsafeBufferPointer(rebasing: line.prefix { $0 != 0x20 })), isDateline(line)
        else { return false }
        let joined = block + [0x20] + line
        return !joined.withUnsafeBufferPointer(isDateline)
    }

    /// Whether a whole line is a dateline (`dateline(_:)`).
    private static func isDateline(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        mayBeDateline(line) && date(ofDateline: String(decoding: line, as: UTF8.self)) != nil
    }

    /// A line that ends in a preposition, conjunction or article ("… mot socialnämnden i") goes
    /// on in the next line, even when that starts with a name ("Växjö kommun …"): PDF text.
    static func endsInFunctionWord(_ block: [UInt8]) -> Bool {
        guard let space = block.lastIndex(of: 0x20), let key = PackedWord.key(block[(space + 1)...]) else { return false }
        return continuationKeys.contains(key)
    }

    /// `continuationWords` packed into numbers (each has at most eight bytes).
    private static let continuationKeys = Set(continuationWords.map { PackedWord.key($0.utf8)! })

    static let continuationWords: Set<String> = [
        "i", "av", "för", "och", "att", "som", "mot", "med", "till", "på", "om", "från", "vid", "den", "det", "en", "ett",
        "de", "eller", "men", "hos", "under", "efter", "inom", "enligt", "samt", "än", "när", "där", "har", "är", "ska",
    ]

    /// Runs of spaces as one space, ends trimmed.
    static func collapse(_ line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // Most lines have single spaces between words and none at the ends: copied as they are.
        if let first = line.first, first != 0x20, first != 0x09, line.last != 0x20, !ByteScan.hasDoubleSpaceOrTab(line) {
            out.append(contentsOf: line)
            return
        }
        var space = false
        for b in line {
            if b == 0x20 || b == 0x09 {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20); space = false }
                out.append(b)
            }
        }
    }

    private static func firstScalar(_ line: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var decoder = UTF8()
        var iterator = line.makeIterator()
        if case .scalarValue(let s) = decoder.decode(&iterator) { return s }
        return nil
    }

    private static func startsLowerOrDigit(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if let b = line.first, b < 0x80 { return (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) }
        guard let s = firstScalar(line) else { return false }
        return s.properties.isLowercase || ("0"..."9").contains(s)
    }

    /// Ends with . ! ? : ; or a closing quote.
    private static func endsSentence(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = line.last else { return false }
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"): return true
        default: return Typography.closingQuote(line, endingAt: line.count - 1, from: 0) > 0
        }
    }

    /// Bullet markers that start a list item.
    static let bullets: Set<Character> = ["•", "●", "▪", "◦", "·", "*", "■", "‣", "○", "►"]

    static func isListItem(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if let b = line.first, b < 0x80 { return b == UInt8(ascii: "*") }
        guard let first = firstScalar(line) else { return false }
        return bullets.contains(Character(first))
    }

    /// Whether a line that starts with this byte may start with a bullet: bullets start with "*"
    /// or the lead bytes C2 and E2; letters (also "Å", "Ä", "Ö") never.
    static func mayNeedTidying(firstByte b: UInt8) -> Bool {
        b == UInt8(ascii: "*") || b == 0xC2 || b == 0xE2
    }

    /// Removes a leading bullet. A dialogue line keeps its dash or hyphen as written.
    public static func tidyLine(_ line: String) -> String {
        var line = line
        return line.withUTF8(tidied).map { String(decoding: $0, as: UTF8.self) } ?? line
    }

    /// As `tidyLine(_:)`, on bytes: nil when the line stays as it is.
    static func tidied(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        // Most lines start with a letter or digit: nothing to tidy.
        guard let first = line.first, mayNeedTidying(firstByte: first),
              let bullet = bulletBytes.first(where: { line.starts(with: $0) }) else { return nil }
        return Array(line.dropFirst(bullet.count).drop { $0 == 0x20 })
    }

    /// The bullets as UTF-8.
    private static let bulletBytes = bullets.map { Array(String($0).utf8) }

    /// True for lines that news sites add around every article ("ANNONS", "Dela", "Läs mer här!").
    public static func isBoilerplate(_ line: String) -> Bool {
        var line = line
        return line.withUTF8(isBoilerplate)
    }

    static func isBoilerplate(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count <= 40 else { return false }
        // Trimmed of " :.!>»›" and lower-cased (ASCII and Latin-1 letters), on bytes.
        func trimmable(_ i: Int) -> Int {  // length of a trimmable character starting at i, or 0
            switch line[i] {
            case 0x20, 0x3A, 0x2E, 0x21, 0x3E: 1
            case 0xC2 where i + 1 < line.count && line[i + 1] == 0xBB: 2
            case 0xE2 where i + 2 < line.count && line[i + 1] == 0x80 && line[i + 2] == 0xBA: 3
            default: 0
            }
        }
        var lo = 0
        while lo < line.count, case let n = trimmable(lo), n > 0 { lo += n }
        var hi = line.count
        while hi > lo {
            if trimmable(hi - 1) == 1 { hi -= 1 } else if hi - 2 >= lo, trimmable(hi - 2) == 2 { hi -= 2 } else if hi - 3 >= lo, trimmable(hi - 3) == 3 { hi -= 3 } else { break }
        }
        let trimmed = UnsafeBufferPointer(rebasing: line[lo..<hi])
        // A number of the lower-cased bytes first: most short lines are no boilerplate, and need
        // no String.
        var key: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in trimmed.indices { key = fnv1a(key, Latin1Case.lower(trimmed[i], after: i > 0 ? trimmed[i - 1] : 0)) }
        return boilerplateKeys.contains(key) && boilerplateLines.contains(String(decoding: Latin1Case.lowered(trimmed), as: UTF8.self))
    }

    /// Whether a line is the label of an update's or a review's date alone, its date on the next
    /// line ("Uppdaterad:", "Senast granskad").
    static func isUpdateLabel(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count <= 24 else { return false }
        // Latin-1 (`Latin1Case`: a byte class is a character's) is trimmed and lower-cased on its bytes.
        if Latin1Case.isLatin1(line), !line.contains(0x0D) {
            var lo = 0, hi = line.count
            while lo < hi, line[lo] == 0x20 || line[lo] == 0x3A { lo += 1 }
            while hi > lo, line[hi - 1] == 0x20 || line[hi - 1] == 0x3A { hi -= 1 }
            return updateOpenings.contains(String(decoding: Latin1Case.lowered(UnsafeBufferPointer(rebasing: line[lo..<hi])), as: UTF8.self))
        }
        let label = String(decoding: line, as: UTF8.self).lowercased().drop { $0 == " " || $0 == ":" }
        return updateOpenings.contains(String(label.reversed().drop { $0 == " " || $0 == ":" }.reversed()))
    }

    /// What a boilerplate line says of the lines around it about other articles: "Läs mer"
    /// closes an item that links to one, "Läs också" or "Relaterade artiklar" heads a list of them.
    enum TeaserMark { case closesItem, headsList }

    /// The `TeaserMark` of a boilerplate line, if it is one.
    static func teaserMark(_ line: UnsafeBufferPointer<UInt8>) -> TeaserMark? {
        var trimmed = Substring(String(decoding: line, as: UTF8.self).lowercased())
        while let c = trimmed.first, teaserEdges.contains(c) { trimmed.removeFirst() }
        while let c = trimmed.last, teaserEdges.contains(c) { trimmed.removeLast() }
        if teaserClosings.contains(String(trimmed)) { return .closesItem }
        return teaserHeadings.contains(String(trimmed)) ? .headsList : nil
    }

    /// What a boilerplate line may be trimmed of, as `isBoilerplate` trims it.
    private static let teaserEdges: Set<Character> = [" ", ":", ".", "!", ">", "»", "›"]

    private static let teaserClosings: Set<String> = ["läs mer", "läs mer här", "läs hela artikeln"]
    private static let teaserHeadings: Set<String> = ["läs också", "läs även", "relaterade artiklar", "relaterat", "mer om ämnet"]

    /// Whether a line heads a document site's list of other documents ("Relevanta dokument" on
    /// docplayer): the titles below it are other authors' and municipalities' papers.
    static func opensRelatedDocuments(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.count == relatedDocumentsHeading.count && Latin1Case.lowered(line).elementsEqual(relatedDocumentsHeading)
    }

    private static let relatedDocumentsHeading = Array("relevanta dokument".utf8)

    /// The longest paragraph taken for a title in such a list; a longer one is the document's text again.
    static let relatedTitleLimit = 250

    /// One step of FNV-1a, for a first check of short lines against a list.
    private static func fnv1a(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }

    private static let boilerplateKeys = Set(boilerplateLines.map { $0.utf8.reduce(0xCBF2_9CE4_8422_2325, fnv1a) })

    private static let boilerplateLines: Set<String> = [
        "annons", "annonser", "facebook", "twitter", "linkedin", "instagram", "x", "messenger", "whatsapp", "e-post", "mejla",
        "dela", "dela artikeln", "dela sidan", "dela på facebook", "dela på twitter", "dela på linkedin", "skriv ut",
        "kopiera länk", "läs mer", "läs mer här", "läs också", "läs även", "läs hela artikeln", "publicerad",
        "publicerat", "publicerades", "skapad", "senast uppdaterad", "senast uppdaterat", "uppdaterad", "uppdaterat", "senast ändrad",
        "senast ändrat", "senast granskad", "senast granskades", "sidan granskades", "sidan senast uppdaterad", "tipsa oss", "tipsa", "prenumerera", "logga in", "till startsidan",
        "relaterade artiklar", "relaterat", "mer om ämnet", "följ ämnet", "sidan är uppdaterad", "dela artikel",
        "visa mer", "stäng", "meny", "sök", "toppnyheter", "senaste nytt", "nyheter", "gilla", "kommentera", "kommentarer",
    ]

    /// A dateline: "Publicerad 12 februari 2018 08:32", "10 jul 2014 16:11", "Uppdaterad: 2019-03-18",
    /// "Publicerad 14:10, 3 feb 2020", "2019 maj 12", "Ystad • Publicerad 2 mars 2023 • Uppdaterad 4 mars 2023".
    /// Returns the ISO date when the whole line is a dateline.
    public static func dateline(_ line: String) -> String? {
        var copy = line
        return copy.withUTF8(mayBeDateline) ? date(ofDateline: line)?.iso : nil
    }

    /// A dateline's date (`--MM-DD` when it gives no year), and whether the line gave only the
    /// date of an update.
    struct DatelineDate: Equatable {
        var iso: String
        var updateOnly: Bool
        /// The place or section the line names beside the date ("Ystad • Publicerad …", "Flen2010-03-09").
        var place: String? = nil

        /// Whether this date is to be taken instead of `other`: a date with its year before one
        /// without, then the publication before an update.
        func beats(_ other: DatelineDate?) -> Bool {
            guard let other else { return true }
            let (year, otherYear) = (!iso.hasPrefix("--"), !other.iso.hasPrefix("--"))
            return year != otherYear ? year : other.updateOnly && !updateOnly
        }
    }

    /// As `dateline(_:)`, for a line that `mayBeDateline` has let through. The line may be cut by
    /// bullets or bars into a place or label and dated parts, and a publication's or an update's
    /// label inside the line opens a part of its own, also when glued to the year before it
    /// ("Uppdaterad: 09 apr. 2024Publicerad: 27 nov. 2020"); the publication's part wins over an
    /// update's.
    static func date(ofDateline line: String) -> DatelineDate? {
        var found: DatelineDate?
        var place: String?
        // Most lines hold no bullet or bar (no byte of one): one piece, not cut into characters.
        let pieces = line.utf8.contains { $0 == UInt8(ascii: "|") || $0 == 0xE2 || $0 == 0xC2 }
            ? line.split(whereSeparator: { $0 == "•" || $0 == "|" || $0 == "·" }) : line.isEmpty ? [] : [line[...]]
        // A date with dots needs a label, or a bar or bullet that sets it apart ("12.03.2021 | Nyheter").
        let setApart = pieces.count > 1
        for part in pieces.flatMap(partsAtLabels) {
            let start = part.drop { $0.isWhitespace }
            let text = String(start[..<(start.lastIndex { !$0.isWhitespace }.map(start.index(after:)) ?? start.startIndex)])
            if text.isEmpty { continue }
            if let date = date(ofDatedPart: text, dotsAlone: setApart) {
                if date.beats(found) { found = date }
                place = place ?? date.place
            } else if isPlaceOrLabel(text) {
                place = place ?? text
            } else if !isTime(text) && !isRelativeOrReadingTime(text) {
                return nil
            }
        }
        found?.place = place
        return found
    }

    /// A date written day, month and year with dots ("3.2.2024", "03.02.2024") opening `text`: its
    /// ISO form and its length in characters.
    static func dottedDate(_ text: Substring) -> (String, Int)? {
        let word = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), (1...31).contains(d), (1...12).contains(m), (1900...2100).contains(y)
        else { return nil }
        return ("\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)", word.count)
    }

    /// Whether a part of a dateline is a time of day alone: "07:00", "kl. 7.45" (before a bar:
    /// "07:00 | 3 feb 2024").
    static func isTime(_ part: String) -> Bool {
        // "kl" (the Kelvin sign lower-cases to a "k") and at most five characters besides points
        // and spaces: a longer part is told on its bytes.
        guard part.utf8.count(where: { $0 != UInt8(ascii: ".") && $0 != 0x20 }) <= 9 else { return false }
        var rest = Substring(part.lowercased())
        if rest.hasPrefix("kl") { rest = rest.dropFirst(2).drop { $0 == "." || $0 == " " } }
        return (3...5).contains(rest.count) && rest.contains(where: { $0 == ":" || $0 == "." })
            && rest.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ":" || $0 == ".") } && rest.first?.isNumber ?? false
    }

    /// Whether a part of a dateline is a relative day or a reading time beside the date: "Igår
    /// 14:32", "I dag kl 09.15", "3 timmar sedan", "3 min läsning", "Lästid 4 minuter" (as in
    /// "Igår 14:32 · Publicerad 11 mars 2021", "Nyheter · 12 mars 2021 · 3 min läsning").
    static func isRelativeOrReadingTime(_ part: String) -> Bool {
        guard part.utf8.count <= 32 else { return false }
        func known(_ words: [String]) -> Bool {
            words.contains { relativeAnchors.contains($0) } && words.allSatisfy { relativeAnchors.contains($0) || relativeFillers.contains($0) }
        }
        // Latin-1 (`Latin1Case`: a byte class is a character's) is lower-cased and cut on its bytes.
        var part = part
        let onBytes: Bool? = part.withUTF8 { b in
            guard Latin1Case.isLatin1(b), !b.contains(0x0D) else { return nil }
            return known(Array(Latin1Case.lowered(b)).split(whereSeparator: isDatelineWordBreak).map { String(decoding: $0, as: UTF8.self) })
        }
        return onBytes ?? known(part.lowercased().split { partsDatelineWords($0) }.map(String.init))
    }

    /// Whether a character parts the words of a dateline: a space, ":", ".", ",", a digit, and with
    /// `orDash` "-" and "–". Told from its ASCII value: searching a String of them for each
    /// character compares it with every character of that String.
    private static func partsDatelineWords(_ c: Character, orDash: Bool = false) -> Bool {
        guard let a = c.asciiValue else { return orDash && c == "–" }
        return isDatelineWordBreak(a) || orDash && a == 0x2D
    }

    /// The words that make a part a relative day or a reading time ("igår", "sedan", "läsning").
    private static let relativeAnchors: Set<String> = [
        "idag", "igår", "förrgår", "dag", "går", "sedan", "läsning", "lästid", "today", "yesterday", "ago", "read",
    ]
    /// The words that may stand beside them ("i", "kl", "för", "min", "timmar", and an update's
    /// label: "Uppdaterad för 3 timmar sedan"; a publication's, "Publicerad i går", leaves the
    /// line's date an update's, and the line no dateline).
    private static let relativeFillers: Set<String> = [
        "i", "kl", "klockan", "för", "min", "minut", "minuter", "minuters", "timme", "timmar", "dagar", "mins", "minutes", "hour",
        "hours", "days", "uppdaterad", "uppdaterat", "updated",
    ]

    /// A piece of a dateline cut before each "Publicerad", "Publicerat", "Uppdaterad" or
    /// "Uppdaterat" that does not open it.
    private static func partsAtLabels(_ piece: Substring) -> [Substring] {
        let utf8 = piece.utf8
        var parts: [Substring] = []
        var start = piece.startIndex
        // Most pieces hold no second "P" or "U": one look at each byte.
        var i = utf8.isEmpty ? utf8.endIndex : utf8.index(after: utf8.startIndex)
        while let at = utf8[i...].firstIndex(where: { $0 == 0x50 || $0 == 0x55 }) {
            let rest = utf8[utf8.index(after: at)...]
            if rest.starts(with: ublicera) || rest.starts(with: ppdatera) {
                parts.append(piece[start..<at])
                start = at
            }
            i = utf8.index(after: at)
        }
        parts.append(piece[start...])
        return parts
    }

    private static let ublicera = Array("ublicera".utf8), ppdatera = Array("ppdatera".utf8)

    /// Words a dateline may open with, longest first.
    private static let datelinePrefixes = [
        "sidan senast uppdaterad", "inlägget publicerades", "sidan senast granskad", "nyheten publicerades", "artikeln publicerades",
        "inlägg publicerat", "posted on",
        "artikeln publicerad", "sidan publicerades", "artikel publicerad", "senast uppdaterades", "senast uppdaterad", "senast uppdaterat",
        "sidan uppdaterades", "sammanträdesprotokoll", "granskningsrapport", "publiceringsdatum", "sidan uppdaterad", "sammanträdesdatum",
        "datum för beslut", "senast granskades", "sidan granskades", "revisionsrapport", "pressmeddelande", "senast granskad",
        "sidan granskad", "senast ändrad", "senast ändrat", "uppdaterades", "upprättad", "upprättat", "fastställd", "fastställt",
        "publicerades", "beslutsdatum", "sammanträde", "beslutades", "publicerad", "publicerat", "pubicerad", "uppdaterad", "uppdaterat",
        "published", "beslutad", "granskad", "protokoll", "updated", "postat", "posted", "ändrad", "ändrat", "beslut", "datum", "skapad", "skapat", "nyhet",
        "publ.", "publ",
        "date", "den",
    ]

    /// Opening words that date an update or a review, not the publication: "Uppdaterad", "Senast
    /// ändrat", "Senast granskad", "Sidan granskades", "Updated".
    private static let updateOpenings: Set<String> = [
        "senast uppdaterades", "senast uppdaterad", "senast uppdaterat", "sidan uppdaterades", "sidan uppdaterad", "uppdaterades",
        "uppdaterad", "uppdaterat", "senast ändrad", "senast ändrat", "senast granskad", "granskad", "updated",
        "sidan senast uppdaterad", "sidan senast granskad", "senast granskades", "sidan granskades", "sidan granskad", "ändrad", "ändrat",
    ]

    /// One dated part of a dateline: an opening word, a time, the date, then only times, an
    /// update with its own date, and at most three capitalised words (a byline or a label). A
    /// date without a year needs the opening word ("Publicerad 12 mars").
    private static func date(ofDatedPart line: String, dotsAlone: Bool) -> DatelineDate? {
        var rest = Substring(line)
        let lower = loweredOpening(rest, reach: openingReach, initials: openingInitials)
        var opening = ""
        // Only the words that begin with the line's first letter (all begin with an ASCII one).
        let initial = lower.utf8.first
        for prefix in datelinePrefixes where prefix.utf8.first == initial && lower.hasPrefix(prefix)
            && !(lower.dropFirst(prefix.count).first?.isLetter ?? false) {
            rest = rest.dropFirst(prefix.count).drop { $0 == ":" || $0 == " " }
            opening = prefix
            break
        }
        // A byline before the date, after a comma, "den" or nothing: "Av Eva Lund, 3 februari 2024",
        // "Text: Eva Lund, 2024-02-03", "Publicerad av Eva Lund 3 februari 2024", "Skrivet av Eva
        // Lund den 3 februari 2024".
        let restLower = loweredOpening(rest, reach: bylineReach, initials: bylineInitials)
        if let byline = bylineLabels.first(where: restLower.hasPrefix) {
            let after = rest.dropFirst(byline.count)
            let name = after.prefix { !$0.isNumber && $0 != "," }
            var words = name.split(separator: " ")
            if words.last == "den" { words.removeLast() }
            // After a decision's label "av" names the body that decided, in any case: "Beslutad av
            // revisorskollegiet 2020-12-16".
            let body = decisionOpenings.contains(opening) && byline == "av "
            if (1...3).contains(words.count), words.allSatisfy({ ($0.first?.isUppercase ?? false || body) && $0.allSatisfy { $0.isLetter || $0 == "-" } }) {
                rest = after.dropFirst(name.count).drop { $0 == "," || $0 == " " }
                if opening.isEmpty { opening = "av" }
            }
        }
        // A label glued to the date: "Krönika2024-02-16 05:15".
        var gluedLabel: Substring?
        if opening.isEmpty, rest.first?.isUppercase ?? false, let digit = rest.firstIndex(where: \.isNumber), rest[..<digit].allSatisfy(\.isLetter) {
            gluedLabel = rest[..<digit]
            rest = rest[digit...]
        }
        // A date with dots after a label, or alone in a part: "Publicerad 3.2.2024", "12.03.2021 | Nyheter".
        if !opening.isEmpty || dotsAlone, let (iso, length) = dottedDate(rest) { rest = Substring(iso) + rest.dropFirst(length) }
        if opensWithOtherWord(rest, kickerMayOpen: opening.isEmpty) { return nil }
        let dates = SwedishDate.find(in: rest)
        guard let first = dates.first, first.hasYear || !opening.isEmpty && opening != "den" && opening != "av" else { return nil }
        // Before the date only a time and the day of the week, "den" after it: "Publicerad 13:58, 24
        // apr 2019", "Publicerad tisdag 5 mars 2019", "Publicerat fredag den 2 februari 2024".
        let written = String(decoding: rest.utf8.prefix(first.range.lowerBound), as: UTF8.self)
        let before = written.lowercased()
        guard before.split(whereSeparator: { partsDatelineWords($0) }).allSatisfy({ $0 == "kl" || $0 == "den" || weekdays.contains(String($0)) })
                || opening.isEmpty && isSectionKicker(written),
              before.count <= 20 else { return nil }
        // After the date only times, separators and an update with its own date may follow:
        // "7 februari 2024 kl 06.00 Uppdaterad 7 februari 2024 kl 09.12".
        var tail = String(decoding: rest.utf8.dropFirst(first.range.upperBound), as: UTF8.self)
        for update in dates.dropFirst().reversed() where update.range.lowerBound >= first.range.upperBound {
            let lo = update.range.lowerBound - first.range.upperBound, hi = update.range.upperBound - first.range.upperBound
            let bytes = Array(tail.utf8)
            tail = String(decoding: bytes[..<lo] + bytes[hi...], as: UTF8.self)
        }
        let words = tail.split { partsDatelineWords($0, orDash: true) }
        // After "by" the writer's name or handle in any case ("… by admin"); after "av" only a
        // name ("… av Eva Lund", not "… av misstag").
        let writer = words.firstIndex { $0.lowercased() == "by" } ?? words.endIndex
        let others = words[..<writer].filter { !datelineTailWords.contains($0.lowercased()) }
        guard others.count <= 3, others.allSatisfy({ $0.first?.isUppercase ?? false && $0.allSatisfy(\.isLetter) }),
              words.endIndex - writer <= 4, words[writer...].dropFirst().allSatisfy({ $0.allSatisfy(\.isLetter) }) else { return nil }
        return DatelineDate(iso: first.iso, updateOnly: updateOpenings.contains(opening), place: gluedLabel.map(String.init))
    }

    /// Whether a dated part's rest (after its opening word and byline) opens with a word that
    /// leaves it no dateline: a letter's word that is neither "kl", "den", a weekday nor may be
    /// a month ("Ändringen träder i kraft den 1 juli 2024", "Eva Lund 08-123 45 67"). Only a
    /// month's name begins a date with a letter, so any date comes after that word, and the word
    /// stands before it where only a time and a weekday may: told without seeking the dates.
    /// Where `kickerMayOpen`, a word in capitals may be a section's label (`isSectionKicker`) and
    /// leaves it its dateline. Read on the bytes when the word, the byte after it and the character
    /// after that are simple (`SimpleCharacters`: a byte class is then a character's), else by
    /// characters.
    private static func opensWithOtherWord(_ rest: Substring, kickerMayOpen: Bool) -> Bool {
        guard let c = rest.first, c.isLetter else { return false }
        let onBytes: Bool?? = rest.utf8.withContiguousStorageIfAvailable { b in
            var end = 0
            while end < b.count, !isDatelineWordBreak(b[end]) { end += 1 }
            let seen = UnsafeBufferPointer(rebasing: b[..<min(b.count, end + 4)])
            guard SimpleCharacters.isSimple(seen), !seen.contains(0x0D) else { return nil }
            let word = UnsafeBufferPointer(rebasing: b[..<end])
            let lower = Latin1Case.lowered(word)
            if kickerMayOpen, end >= 2, isCapitals(word) { return false }
            return !lower.elementsEqual("kl".utf8) && !lower.elementsEqual("den".utf8) && !isWeekday(word) && !SwedishDate.mayBeIn(word)
        }
        if let known = onBytes ?? nil { return known }
        var word = String(rest.prefix { !partsDatelineWords($0) })
        if kickerMayOpen, word.count >= 2, word.allSatisfy({ $0.isLetter && $0.isUppercase }) { return false }
        let lower = word.lowercased()
        return lower != "kl" && lower != "den" && !weekdays.contains(lower) && !word.withUTF8(SwedishDate.mayBeIn)
    }

    /// Whether simple bytes hold no lower-case letter: no "a"–"z" and no Latin-1 "à"–"ÿ" (C3 A0–BF).
    private static func isCapitals(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        for (i, b) in word.enumerated() where b &- 0x61 < 26 || b == 0xC3 && i + 1 < word.count && word[i + 1] >= 0xA0 { return false }
        return true
    }

    /// The bytes of `partsDatelineWords` without dashes: space, ":", ".", "," and the digits.
    private static func isDatelineWordBreak(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x3A || b == 0x2E || b == 0x2C || b &- 0x30 < 10
    }

    /// Opening words of a decision's or adoption's date, after which "av" names the body that
    /// decided, in any case: "Beslutad av revisorskollegiet 2020-12-16".
    private static let decisionOpenings: Set<String> = ["beslutad", "beslutades", "fastställd", "fastställt", "upprättad", "upprättat"]

    /// Whether the words before a dateline's date are a section's or a document's label in
    /// capitals, one to three words: "NYHETER 2019-01-06 KL. 15:00", "KULTUR & NÖJE 2024-02-12",
    /// "SAMMANSTÄLLNING 2015-02-26" (a label in running case is a sentence's start).
    static func isSectionKicker(_ written: String) -> Bool {
        let words = written.split(separator: " ")
        return (1...3).contains(words.count) && words.first != "&"
            && words.allSatisfy { $0 == "&" || $0.count >= 2 && $0.allSatisfy { $0.isLetter && $0.isUppercase } }
    }

    /// The labels of a byline before a dateline's date: "Av Eva Lund, …", "Skrivet av Eva Lund den …".
    private static let bylineLabels = ["skrivet av ", "postat av ", "text: ", "av: ", "av "]

    /// Characters of a line that decide its opening word or byline label: the longest and the
    /// character after it (whether a letter goes on), and one more so that character is whole.
    private static let openingReach = datelinePrefixes.map(\.count).max()! + 2,
                       bylineReach = bylineLabels.map(\.count).max()! + 2
    /// The first bytes of the opening words and of the byline labels.
    private static let openingInitials = Set(datelinePrefixes.compactMap(\.utf8.first)),
                       bylineInitials = Set(bylineLabels.compactMap(\.utf8.first))

    /// The first `reach` characters of `text` lower-cased, to be compared with words that begin
    /// with one of `initials`: read from the text's first characters only (lower-casing maps
    /// scalar by scalar, so the prefix's lower case is the lower case's prefix), and not at all
    /// (empty) when the text opens with an ASCII byte whose lower case begins none of them (an
    /// ASCII character lower-cases to ASCII): a date or a number, most often. When the opening
    /// and the character after it are simple (`SimpleCharacters`, most lines), each is a character
    /// of its own: they are counted and lower-cased on the bytes.
    private static func loweredOpening(_ text: Substring, reach: Int, initials: Set<UInt8>) -> String {
        guard let first = text.utf8.first else { return "" }
        if first < 0x80, !initials.contains((0x41...0x5A).contains(first) ? first + 0x20 : first) { return "" }
        let onBytes: String?? = text.utf8.withContiguousStorageIfAvailable { b in
            var end = 0, count = 0
            while end < b.count, count < reach { end += SimpleCharacters.length(b[end]); count += 1 }
            // The character after the reach too: one that joined the last would change it.
            let look = end < b.count ? end + SimpleCharacters.length(b[end]) : end
            guard look <= b.count, case let seen = UnsafeBufferPointer(rebasing: b[..<look]),
                  SimpleCharacters.isSimple(seen), !seen.contains(0x0D) else { return nil }
            return Latin1Case.lowercased(Substring(decoding: UnsafeBufferPointer(rebasing: b[..<end]), as: UTF8.self))
        }
        return (onBytes ?? nil) ?? String(text.prefix(reach)).lowercased()
    }

    /// Words a dateline's date may be followed by besides times and names: "kl 07.00", "klockan
    /// 07.00", "Uppdaterat …", "av Eva Lund".
    private static let datelineTailWords: Set<String> = [
        "kl", "klockan", "av", "uppdaterad", "uppdaterat", "senast", "publicerad", "publicerat", "ändrad", "ändrat",
    ]

    static let weekdays: Set<String> = [
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "mån", "tis", "ons", "tors", "tor", "fre", "lör", "sön",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ]

    /// Whether a word is one of `weekdays`, in any case: compared on its bytes lower-cased
    /// (every weekday is Latin-1).
    static func isWeekday(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= 9, Latin1Case.isLatin1(word) else { return false }
        return weekdayBytes.contains { $0.count == word.count && $0.elementsEqual(Latin1Case.lowered(word)) }
    }

    private static let weekdayBytes = weekdays.map { Array($0.utf8) }

    /// A part of a dateline that names the place or the section: "Hässleholm", "Nyheter Ystad".
    private static func isPlaceOrLabel(_ part: String) -> Bool {
        // More than three words are told on the bytes, without cutting them out (a space that
        // does not part two words carries a mark, and the word it is in is no name).
        var runs = 0, inRun = false
        for b in part.utf8 {
            if b == 0x20 { inRun = false } else if !inRun { (inRun, runs) = (true, runs + 1) }
        }
        guard runs <= 3 else { return false }
        // Latin-1 (`Latin1Case`: a byte class is a character's) is read on its bytes.
        var part = part
        let onBytes: Bool? = part.withUTF8 { b in
            guard Latin1Case.isLatin1(b), !b.contains(0x0D) else { return nil }
            return b.split(separator: 0x20).allSatisfy { w in
                guard w[w.startIndex] &- 0x41 < 26 || w[w.startIndex] == 0xC3 && Latin1Case.isCapital(second: w[w.startIndex + 1]) else { return false }
                var i = w.startIndex
                let end = w.last == 0x3A ? w.endIndex - 1 : w.endIndex
                while i < end {
                    if w[i] == 0x2D || (w[i] | 0x20) &- 0x61 < 26 { i += 1 } else if w[i] == 0xC3, Latin1Case.isLetter(second: w[i + 1]) { i += 2 } else { return false }
                }
                return true
            }
        }
        if let onBytes { return onBytes }
        let words = part.split(separator: " ")
        // A label's colon may end a word: "Kategori: Nyheter", "Av: Eva Lund".
        return words.count <= 3 && words.allSatisfy { word in
            word.first?.isUppercase ?? false && word.dropLast(word.last == ":" ? 1 : 0).allSatisfy { $0.isLetter || $0 == "-" }
        }
    }

    /// First bytes of the words a dateline may start with, in either case: those of
    /// `datelinePrefixes` ("Publicerad", "Sidan", "Fastställd", … and "Ändrad", whose "Ä" starts
    /// with 0xC3 in UTF-8), their ASCII letters also in upper case.
    private static let datelineInitials = openingInitials.union(openingInitials.filter { (0x61...0x7A).contains($0) }.map { $0 - 0x20 })

    /// What every dateline is, cheaply checked on bytes: short, starting with a digit or one
    /// of the words that `dateline` knows, or holding a bullet or bar after a place, with four
    /// digits in a row (the year), or very short after "Publicerad" or "Uppdaterad"; and with
    /// a date's month or digits (`SwedishDate.mayBeIn`).
    static func mayBeDateline(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        mayBeDatelineByShape(line) && SwedishDate.mayBeIn(line)
    }

    /// `mayBeDateline` without the date test.
    private static func mayBeDatelineByShape(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count <= 100, let first = line.first,
              let firstDigit = line.firstIndex(where: { $0 &- 0x30 < 10 }) else { return false }
        // A word in capitals may be a section's label ("KULTUR & NÖJE 2024-02-12", `isSectionKicker`).
        let capitals = line.count > 1 && (0x41...0x5A).contains(first) && (0x41...0x5A).contains(line[1])
        let opensRight = (0x30...0x39).contains(first) || datelineInitials.contains(first) || capitals || opensWithDayOrLabel(line)
        // The date comes first, or after a word such as "Senast uppdaterad:" (a time, a weekday), or
        // after a place and a bullet ("Ystad • Publicerad 2 mars 2023") or a byline and the label
        // ("Eva Lund Publicerad: 3 feb, 2024").
        guard opensRight && (firstDigit <= 4 || firstDigit <= 32 && first > 0x39)
            || firstDigit <= 48 && (hasSeparator(line) || hasLabel(UnsafeBufferPointer(rebasing: line[..<firstDigit]))) else { return false }
        var run = 0
        for b in line[firstDigit...] {
            run = b &- 0x30 < 10 ? run + 1 : 0
            if run == 4 { return true }
        }
        // No year: "Publicerad 12 mars", "Uppdaterad 3 feb 14.10".
        return line.count <= 48 && (first | 0x20 == UInt8(ascii: "p") || first | 0x20 == UInt8(ascii: "u"))
    }

    /// Whether a line opens with the day's name ("Måndag 26 feb 2018", "Mon 26 Feb 2018, 16:12"),
    /// with the month's name before the day ("Mar 12, 2021") or with a label glued to an ISO date
    /// ("Krönika2024-02-16 05:15").
    private static func opensWithDayOrLabel(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = 0
        while end < min(line.count, 24), line[end] >= 0x80 || (line[end] | 0x20) &- 0x61 < 26 { end += 1 }
        guard end > 0, end < line.count else { return false }
        guard line[end] &- 0x30 < 10 else {
            let word = UnsafeBufferPointer(rebasing: line[..<end])
            let monthBeforeDay = line[end] == 0x20 && end + 1 < line.count && line[end + 1] &- 0x30 < 10
                && SwedishDate.month(Substring(String(decoding: word, as: UTF8.self))) != nil
            return monthBeforeDay || isWeekday(word)
        }
        let word = String(decoding: line[..<end], as: UTF8.self)
        return word.first?.isUppercase ?? false && SwedishDate.isoDate(Substring(String(decoding: line[end...].prefix(10), as: UTF8.self))) != nil
    }

    /// Whether "Publicera…" or "Uppdatera…" stands in the bytes, capitalised.
    private static func hasLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for (label, initial) in [(ublicera, UInt8(ascii: "P")), (ppdatera, UInt8(ascii: "U"))] {
            if let k = ByteSearch.firstIndex(of: label, in: bytes, from: 1), bytes[k - 1] == initial { return true }
        }
        return false
    }

    /// Whether a line holds "•", "·" or "|".
    private static func hasSeparator(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.indices.contains { i in
            line[i] == UInt8(ascii: "|") || line[i] == 0xC2 && i + 1 < line.count && line[i + 1] == 0xB7
                || line[i] == 0xE2 && i + 2 < line.count && line[i + 1] == 0x80 && line[i + 2] == 0xA2
        }
    }

    /// A crawler's date glued before the first words of a paragraph: "date 2025-12-20 Håller …"
    /// or "date 2023-04 …". The date (nil when it gives no day) and where the paragraph's own text
    /// starts.
    static func crawlerDate(_ line: UnsafeBufferPointer<UInt8>) -> (iso: String?, textStart: Int)? {
        let prefix = crawlerPrefix
        guard line.count > prefix.count + 7, line.prefix(prefix.count).elementsEqual(prefix) else { return nil }
        var end = prefix.count
        while end < line.count, line[end] &- 0x30 < 10 || line[end] == UInt8(ascii: "-") { end += 1 }
        let token = String(decoding: line[prefix.count..<end], as: UTF8.self)
        guard token.count == 7 || token.count == 10, token.utf8.dropFirst(4).first == UInt8(ascii: "-") else { return nil }
        var textStart = end
        while textStart < line.count, line[textStart] == 0x20 { textStart += 1 }
        return (token.count == 10 ? SwedishDate.isoDate(Substring(token)) : nil, textStart)
    }

    private static let crawlerPrefix = Array("date ".utf8)

    /// A date set before a lead's first words: "2016-02-26 Lysekils kommun har …" (an ISO date, a
    /// space, a capital). The date and where the paragraph's own text starts.
    static func leadDate(_ line: UnsafeBufferPointer<UInt8>) -> (iso: String, textStart: Int)? {
        guard line.count > 13, line[10] == 0x20, let iso = SwedishDate.isoDate(Substring(String(decoding: line[..<10], as: UTF8.self)))
        else { return nil }
        // A capital opens the sentence; Å, Ä and Ö are 0xC3 0x85, 0x84, 0x96 in UTF-8.
        let capital = (0x41...0x5A).contains(line[11]) || line[11] == 0xC3 && [0x84, 0x85, 0x96].contains(line[12])
        return capital ? (iso, 11) : nil
    }

    /// The date of a lead opened by a place and a date before a dash or a colon, as agencies and
    /// papers set the dateline in the text: "Vallby, 3 februari 2024 – Nämnden …", "Norra Vallby,
    /// 2024-02-03: …". The place stays in the text.
    static func placeDateLead(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        guard line.count > 16, let first = line.first, (0x41...0x5A).contains(first) || first == 0xC3,
              let comma = ByteSearch.firstIndex(of: commaSpace, in: UnsafeBufferPointer(rebasing: line.prefix(40)), from: 1) else { return nil }
        let place = String(decoding: line[..<comma], as: UTF8.self).split(separator: " ")
        guard place.count <= 3, place.allSatisfy({ $0.first?.isUppercase ?? false && $0.allSatisfy { $0.isLetter || $0 == "-" } }) else { return nil }
        let rest = String(decoding: line[(comma + 2)...].prefix(48), as: UTF8.self)
        guard let date = SwedishDate.find(in: Substring(rest)).first, date.hasYear, date.range.lowerBound == 0 else { return nil }
        var after = rest.utf8.dropFirst(date.range.upperBound).drop { $0 == 0x20 }
        // A time may follow the date: "3 februari 2024 kl. 07.00 –".
        if after.starts(with: Array("kl".utf8)) {
            after = after.dropFirst(2).drop { $0 == 0x20 || $0 == UInt8(ascii: ".") }.drop { $0 &- 0x30 < 10 }
            if let mark = after.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ":"), after.dropFirst().first.map({ $0 &- 0x30 < 10 }) ?? false {
                after = after.dropFirst().drop { $0 &- 0x30 < 10 }
            }
            after = after.drop { $0 == 0x20 }
        }
        return after.starts(with: [0xE2, 0x80, 0x93]) || after.first == UInt8(ascii: "-") || after.first == UInt8(ascii: ":") ? date.iso : nil
    }

    private static let commaSpace = Array(", ".utf8)

    /// Drops any run of paragraphs that repeats an earlier run exactly (pages pasted twice):
    /// runs of two or more paragraphs, or a single paragraph of 60 characters or more.
    public static func dropRepeats(_ paragraphs: [String]) -> [String] {
        var bytes: [UInt8] = [], ranges: [Range<Int>] = []
        for p in paragraphs {
            ranges.append(bytes.count..<(bytes.count + p.utf8.count))
            bytes += p.utf8
        }
        return keptAfterRepeats(bytes, ranges).map { $0.map { paragraphs[$0] } } ?? paragraphs
    }

    /// As `dropRepeats(_:)`, on paragraphs given as ranges of `bytes`: the indices of those
    /// kept, in order, or nil when every one is (most documents repeat nothing).
    static func keptAfterRepeats(_ bytes: [UInt8], _ ranges: [Range<Int>]) -> [Int]? {
        // Keyed by a 64-bit signature of the bytes, checked byte for byte on a hit: [UInt8]
        // hashing feeds the hasher byte by byte, which is slow.
        let hashes = bytes.withUnsafeBufferPointer { b in ranges.map { signature(UnsafeBufferPointer(rebasing: b[$0])) } }
        if !hasDuplicate(hashes) { return nil }
        func paragraph(_ i: Int) -> ArraySlice<UInt8> { bytes[ranges[i]] }
        var firstSeen: [UInt64: [Int]] = [:]
        func earlier(_ i: Int) -> Int? {
            firstSeen[hashes[i]]?.first { paragraph($0) == paragraph(i) }
        }
        var kept: [Int] = []
        var i = 0
        while i < ranges.count {
            if let j = earlier(i) {
                var length = 1
                while i + length < ranges.count, j + length < i, paragraph(i + length) == paragraph(j + length) { length += 1 }
                if length >= 2 || String(decoding: paragraph(i), as: UTF8.self).count >= 60 {
                    i += length
                    continue
                }
            } else {
                firstSeen[hashes[i], default: []].append(i)
            }
            kept.append(i)
            i += 1
        }
        return kept
    }

    /// Whether two of the numbers are equal: pairwise for the few paragraphs of most documents
    /// (no sorted copy), sorted for many.
    private static func hasDuplicate(_ values: [UInt64]) -> Bool {
        if values.count <= 48 {
            for i in values.indices { for j in 0..<i where values[j] == values[i] { return true } }
            return false
        }
        let sorted = values.sorted()
        return zip(sorted, sorted.dropFirst()).contains { $0 == $1 }
    }

    /// A 64-bit signature of the bytes from their length and their first and last eight bytes:
    /// equal paragraphs have equal signatures, and equal signatures are checked byte for byte,
    /// so a paragraph costs the same whatever its length.
    static func signature(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        var head: UInt64 = 0, tail: UInt64 = 0
        if raw.count >= 8 {
            head = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            tail = raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)
        } else {
            for b in raw { head = head << 8 | UInt64(b) }
        }
        var h = (0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ head) &* 0x94D0_49BB_1331_11EB
        h = (h ^ tail ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 29)
    }

    /// A byline: two to four capitalised words and nothing else ("Ewa Renverth"), optionally
    /// after "Text:" or "Av".
    public static func byline(_ line: String) -> String? { byline(Array(line.utf8)[...]) }

    /// `byline(_:)` of a line's UTF-8 bytes, checked cheaply (`mayBeByline`) before it is decoded.
    static func byline(_ line: ArraySlice<UInt8>) -> String? {
        guard mayBeByline(line) else { return nil }
        var s = Substring(decoding: line, as: UTF8.self)
        for prefix in ["Text:", "Text och foto:", "Av ", "Av:"] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count) }
        let words = s.split(separator: " ")
        guard (2...4).contains(words.count) else { return nil }
        let isName = words.allSatisfy { w in
            guard let f = w.first, f.isUppercase else { return false }
            return w.allSatisfy { $0.isLetter || $0 == "-" }
        }
        return isName ? words.joined(separator: " ") : nil
    }

    /// What every byline is, cheaply checked on bytes: short, starting with a capital (A–Z, or
    /// a Latin-1 or other non-ASCII letter), with at most six spaces ("Text och foto: A B C D").
    /// Where the line is ASCII and Latin-1 (so that a space is a word break), also the name
    /// after an optional "Text:" or "Av": two to four words that start with a capital and
    /// hold letters and hyphens.
    private static func mayBeByline(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count <= 80, let first = line.first, (0x41...0x5A).contains(first) || first >= 0xC3,
              line.count(where: { $0 == 0x20 }) <= 6 else { return false }
        guard line.withUnsafeBufferPointer(Latin1Case.isLatin1) else { return true }
        var name = line
        for prefix in bylinePrefixes where name.starts(with: prefix) { name = name.dropFirst(prefix.count) }
        var words = 0, atStart = true
        for b in name {
            if b == 0x20 { atStart = true; continue }
            if atStart {
                guard (0x41...0x5A).contains(b) || b == 0xC3 else { return false }
                words += 1
                atStart = false
            } else if !(b >= 0x80 || b == 0x2D || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)) {
                return false
            }
        }
        return (2...4).contains(words)
    }

    private static let bylinePrefixes = ["Text:", "Text och foto:", "Av ", "Av:"].map { Array($0.utf8) }

    /// Unicode NFC through ICU; ASCII and already-normalised text come back unchanged.
    public static func nfc(_ s: String) -> String {
        var copy = s
        return copy.withUTF8(composed).map { String(decoding: $0, as: UTF8.self) } ?? s
    }

    /// Whether NFC may change the bytes, told without ICU: every character below U+0300 (lead
    /// bytes up to 0xCB) is NFC by itself, and so is the punctuation of U+2002–U+203F (dashes,
    /// quotation marks, bullets: E2 80 82–BF), which has no canonical decomposition and
    /// combines with nothing.
    static func mayNeedComposing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let i = ByteScan.firstIndex(in: bytes, from: from, lanes: { any($0 .>= ByteScan.splat(0xCC)) }, matches: { $0 >= 0xCC }) {
            guard bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] >= 0x82 else { return true }
            from = i + 3
        }
        return false
    }

    /// As `nfc(_:)`, on bytes: nil when they are NFC already.
    static func composed(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        if !mayNeedComposing(bytes) || fynd_is_nfc(bytes.baseAddress, Int32(bytes.count)) == 1 { return nil }
        var status: Int32 = 0
        var out = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        let n = fynd_nfc(bytes.baseAddress, Int32(bytes.count), &out, Int32(out.count), &status)
        guard n >= 0, n <= out.count else { return nil }
        out.removeSubrange(Int(n)...)
        return out
    }
}
