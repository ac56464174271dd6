import FyndCore
import FyndRules

/// The outcome of a document: the latest state of its supervision case.
///
/// Reads: the outcome rules' hits (`outcome=…`, not negated) per sentence and in the headline,
/// the time rules' hits (`time=earlier`: "tidigare", "i fjol", "förra året", …) and the years the
/// sentences name. Produces: each outcome event with its time, and the document's outcomes.
///
/// An event is `earlier` when its sentence has a time cue within a few words of it, or names only
/// years before the document's (its publication year, else the latest year the text names);
/// else `now`. When the text reports any outcome now, earlier ones are set aside: criticism
/// given in 2019 is background to a case closed today. When it reports only earlier outcomes,
/// they stand. An outcome in a relative clause told as the past ("kommuner som tidigare fått
/// kritik", `time=background`) describes who was reviewed, not a case: it never stands. A case
/// closed now ends the injunction, fine, report-back and review that led to it. A threat of a
/// fine that lapsed is negated by the rules ("slipper vite"); a special fee called "vite" is no fine.
/// A teaser, a short subheading inside the body ("Hård kritik"), sums up the paragraph under it:
/// its outcome stands only where the next sentence reports the same, and takes that one's time.
public enum Outcomes {
    public enum Time: String, Sendable { case background, earlier, now }

    public struct Event: Sendable, Equatable {
        public var value: String
        /// The sentence, or nil for the headline.
        public var sentence: Int?
        public var time: Time
    }

    /// Words between a time cue and the outcome it dates.
    static let cueReach = 8
    /// Words from a background cue ("som tidigare") to the outcome after it.
    static let backgroundReach = 4

    /// The events of a document, in text order (the headline first).
    /// `years`: per sentence, the four-digit years (1990–2099) it names; `teasers`: the sentences
    /// that are subheadings inside the body (`teasers(_:)`).
    public static func events(rules: [Rule], hits: [[RuleHit]], headline: [RuleHit]?, years: [[Int]], teasers: Set<Int> = [], published: String?) -> [Event] {
        let reference = published.flatMap { Int($0.prefix(4)) } ?? years.joined().max()
        func value(_ h: RuleHit, _ field: String) -> String? {
            guard !h.negated, case .attribute(let f, let v) = rules[h.rule].target, f == field else { return nil }
            return v
        }
        var out = (headline ?? []).compactMap { h in value(h, "outcome").map { Event(value: $0, sentence: nil, time: .now) } }
        for (i, sentence) in hits.enumerated() {
            let cues = sentence.filter { value($0, "time") == "earlier" }
            let background = sentence.filter { value($0, "time") == "background" }
            let olderYears = reference.map { ref in !years[i].isEmpty && years[i].allSatisfy { $0 < ref } } ?? false
            for h in sentence {
                guard let v = value(h, "outcome") else { continue }
                let cued = cues.contains { c in max(c.firstWord - h.lastWord, h.firstWord - c.lastWord, 0) <= cueReach }
                let described = background.contains { c in c.firstWord <= h.firstWord && h.firstWord - c.lastWord <= backgroundReach }
                out.append(Event(value: v, sentence: i, time: described ? .background : cued || olderYears ? .earlier : .now))
            }
        }
        guard !teasers.isEmpty else { return out }
        return out.compactMap { e in
            guard let i = e.sentence, teasers.contains(i) else { return e }
            return out.first { $0.sentence == i + 1 && $0.value == e.value }.map { Event(value: e.value, sentence: i, time: $0.time) }
        }
    }

    /// The sentences that are teasers: label lines (`LineShape.isLabel`: at most four words and
    /// no closing punctuation) after a sentence that closes with one (so not the title and the
    /// lines above the text).
    public static func teasers(_ sentences: [Substring]) -> Set<Int> {
        teasers(sentences.map { Array($0.utf8)[...] })
    }

    /// As `teasers(_:)`, on each sentence's UTF-8 bytes.
    static func teasers(_ sentences: some Sequence<ArraySlice<UInt8>>) -> Set<Int> {
        var out: Set<Int> = [], bodyBegun = false
        for (i, s) in sentences.enumerated() {
            if LineShape.closes(s) { bodyBegun = true } else if bodyBegun, LineShape.isLabel(s) { out.insert(i) }
        }
        return out
    }

    /// Marks a special fee (`särskild avgift`), never an outcome of its own: a document that
    /// names it calls the fee "vite" too, and a special fee is no fine.
    static let specialFee = "sarskild_avgift"

    /// Outcomes a case closed now leaves behind.
    static let endedByClosing: Set<String> = ["forelaggande", "vite", "redovisning", "pagaende"]

    /// The document's outcomes from its events, in order of first appearance: those of now when
    /// there are any, else the earlier ones, never background ones; with `avslutat`, none it ends;
    /// no `vite` where the document names a special fee.
    public static func resolve(_ events: [Event]) -> [String] {
        let told = events.filter { $0.time != .background }
        var current = told.contains { $0.time == .now } ? told.filter { $0.time == .now } : told
        if current.contains(where: { $0.value == "avslutat" }) { current.removeAll { endedByClosing.contains($0.value) } }
        let fee = events.contains { $0.value == specialFee }
        var out: [String] = []
        for e in current where !out.contains(e.value) && e.value != specialFee && !(fee && e.value == "vite") { out.append(e.value) }
        return out
    }

    /// The four-digit years (1990–2099) a text names, not those inside a word or a code, nor a
    /// statute's number ("lagen (1990:52)", "socialtjänstlagen (2001:453)"), which dates no event.
    public static func years(in text: Substring) -> [Int] {
        years(in: Array(text.utf8)[...])
    }

    /// As `years(in:)`, on the text's UTF-8 bytes.
    static func years(in text: ArraySlice<UInt8>) -> [Int] {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b >= 0x80 }
        var out: [Int] = []
        // Read in place, sixteen bytes at a time (`ByteScan.firstDigit`): most blocks hold no digit.
        text.withUnsafeBufferPointer { bytes in
            var i = 0
            while let digit = ByteScan.firstDigit(in: bytes, from: i) {
                i = digit
                var j = i
                while j < bytes.count, isDigit(bytes[j]) { j += 1 }
                let before = i > 0 ? bytes[i - 1] : 0x20, after = j < bytes.count ? bytes[j] : 0x20
                let statute = after == UInt8(ascii: ":") && j + 1 < bytes.count && isDigit(bytes[j + 1])
                if j - i == 4, !isLetter(before), before != UInt8(ascii: ":"), !isLetter(after), !statute,
                   let year = Int(String(decoding: bytes[i..<j], as: UTF8.self)), (1990...2099).contains(year) {
                    out.append(year)
                }
                i = j
            }
        }
        return out
    }
}
