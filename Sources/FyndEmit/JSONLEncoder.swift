import FyndCore

/// The Emit stage: one result or error as one JSONL line (OUTPUT.md), byte-for-byte deterministic.
///
/// Keys come in a fixed order; optional keys (`title`, `published`, `author`, `case_numbers`, `warnings`,
/// `metadata`, `text`) are left out when empty.
public struct JSONLEncoder: Sendable {
    /// Add the normalised text as `"text"` (`--emit-text`).
    public var emitText: Bool

    public init(emitText: Bool = false) { self.emitText = emitText }

    /// The line for `outcome`, ending in "\n".
    public func encode(_ outcome: Outcome) -> [UInt8] {
        var o = ObjectWriter(capacity: 1024)
        switch outcome {
        case .failure(let id, let source, let error):
            o.string("id", id)
            o.string("source", source)
            o.object("error") { e in
                e.string("code", error.code)
                e.string("message", error.message)
            }
        case .result(let r):
            encode(r, into: &o)
        }
        return o.finish(line: true)
    }

    private func encode(_ r: DocumentResult, into o: inout ObjectWriter) {
        let d = r.document, a = r.attributes
        o.string("id", d.id)
        o.string("source", d.source)
        o.string("sha256", d.sha256)
        if let t = d.title { o.string("title", t) }
        o.string("language", r.language)
        if let p = d.published { o.string("published", p) }
        if let au = d.author { o.string("author", au) }
        if a == Attributes(), r.findings.isEmpty {
            // Most documents of an archive: nothing found, the same members every time.
            o.members(Self.nothingFound)
        } else {
            Self.encodeFound(a, r.findings, categories: r.categoriesSorted, into: &o)
        }
        o.int("sentences", r.sentenceCount)
        o.string("rules_version", r.rulesVersion)
        if !d.warnings.isEmpty { o.strings("warnings", d.warnings) }
        if !d.metadata.isEmpty {
            o.object("metadata") { m in
                for (k, json) in d.metadata { m.key(quoting: k); m.raw(json) }
            }
        }
        if emitText { o.string("text", d.utf8) }
    }

    /// The members `encodeFound` writes when nothing was found, written once.
    private static let nothingFound: [UInt8] = {
        var o = ObjectWriter()
        encodeFound(Attributes(), [], categories: [], into: &o)
        return Array(o.finish().dropFirst().dropLast())
    }()

    /// Relevance, attributes, categories and findings.
    private static func encodeFound(_ a: Attributes, _ findings: [Finding], categories: [String], into o: inout ObjectWriter) {
        o.bool("relevant", a.relevant)
        o.strings("municipality", a.municipality)
        o.strings("area", a.area)
        o.strings("outcome", a.outcome)
        o.strings("tillsynstyp", a.tillsynstyp)
        if !a.caseNumbers.isEmpty { o.strings("case_numbers", a.caseNumbers) }
        o.array("deadlines", a.deadlines) { w, x in
            if let date = x.date { w.string("date", date) } else { w.null("date") }
            w.string("text", x.text)
        }
        o.array("people", a.people) { w, p in
            w.string("name", p.name)
            if let v = p.role { w.string("role", v) }
            if let v = p.organisation { w.string("organisation", v) }
            if let v = p.party { w.string("party", v) }
        }
        o.array("figures", a.figures) { w, f in
            w.number("value", f.value)
            w.string("unit", f.unit)
            w.string("text", f.text)
        }
        o.strings("categories", categories)
        o.array("findings", findings) { w, f in
            w.string("category", f.category)
            w.string("rule", f.rule)
            w.string("polarity", f.polarity.rawValue)
            w.bool("negated", f.negated)
            w.int("sentence", f.sentence)
            w.int("start", f.start)
            w.int("end", f.end)
            w.string("evidence", f.evidence)
        }
    }
}

/// Writes one JSON object, key by key, in the order called, into one buffer: nested objects
/// (`object`, `array`) are written in place and numbers as digits, so that a line costs one
/// growing array and no `String` but those the result holds.
struct ObjectWriter {
    private var out: [UInt8]
    private var first = true

    init(capacity: Int = 64) {
        out = []
        out.reserveCapacity(capacity)
        out.append(0x7B)
    }

    /// A nested object that goes on in `buffer` (taken over until `close(into:)` gives it back).
    private init(continuing buffer: inout [UInt8]) {
        out = []
        swap(&out, &buffer)
        out.append(0x7B)
    }

    /// Closes a nested object and hands its buffer back.
    private mutating func close(into buffer: inout [UInt8]) {
        out.append(0x7D)
        swap(&out, &buffer)
    }

    /// A key of the contract: a literal that needs no escaping, copied as it is, with its comma,
    /// quotes and colon in one append (five appends to an array cost five checks of its
    /// uniqueness and capacity).
    mutating func key(_ k: StaticString) {
        let n = k.utf8CodeUnitCount, comma = first ? 0 : 1
        first = false
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 4) { b in
            b[0] = 0x2C
            b[comma] = 0x22
            b.baseAddress!.advanced(by: comma + 1).initialize(from: k.utf8Start, count: n)
            b[comma + n + 1] = 0x22
            b[comma + n + 2] = 0x3A
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[..<(comma + n + 3)]))
        }
    }

    /// A key from the input (a JSONL line's own member), quoted as JSON.
    mutating func key(quoting k: String) {
        separate()
        JSON.quote(k, into: &out)
        out.append(0x3A)
    }

    /// JSON text copied as it is.
    mutating func raw(_ json: String) { out.append(contentsOf: json.utf8) }

    private mutating func literal(_ s: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// A comma before every member but the first.
    private mutating func separate() {
        if !first { out.append(0x2C) }
        first = false
    }

    /// Members written out in full (`"a":1,"b":[]`), copied as they are.
    mutating func members(_ bytes: [UInt8]) {
        separate()
        out += bytes
    }
    mutating func string(_ k: StaticString, _ v: String) { key(k); JSON.quote(v, into: &out) }
    mutating func string(_ k: StaticString, _ v: [UInt8]) { key(k); v.withUnsafeBufferPointer { JSON.quote($0, into: &out) } }
    mutating func bool(_ k: StaticString, _ v: Bool) { key(k); literal(v ? "true" : "false") }
    mutating func int(_ k: StaticString, _ v: Int) { key(k); digits(v) }
    mutating func null(_ k: StaticString) { key(k); literal("null") }

    /// The decimal digits of `v`, as `String(v)` writes them: written from the last into a
    /// buffer of 20 bytes, then appended at once.
    private mutating func digits(_ v: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { b in
            var m = v.magnitude, k = 20
            repeat {
                k -= 1
                b[k] = 0x30 + UInt8(m % 10)
                m /= 10
            } while m > 0
            if v < 0 { k -= 1; b[k] = 0x2D }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[k...]))
        }
    }

    /// Whole numbers without a fraction ("7"), others in shortest form ("3.75").
    mutating func number(_ k: StaticString, _ v: Double) {
        key(k)
        if v == v.rounded(), abs(v) < 1e15 { digits(Int(v)) } else { out.append(contentsOf: String(v).utf8) }
    }

    mutating func strings(_ k: StaticString, _ vs: [String]) {
        key(k)
        out.append(0x5B)
        for (i, v) in vs.enumerated() {
            if i > 0 { out.append(0x2C) }
            JSON.quote(v, into: &out)
        }
        out.append(0x5D)
    }

    /// An object as a member, its members written by `body`.
    mutating func object(_ k: StaticString, _ body: (inout ObjectWriter) -> Void) {
        key(k)
        var w = ObjectWriter(continuing: &out)
        body(&w)
        w.close(into: &out)
    }

    /// An array of objects, each item's members written by `body`.
    mutating func array<T>(_ k: StaticString, _ items: [T], _ body: (inout ObjectWriter, T) -> Void) {
        key(k)
        out.append(0x5B)
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(0x2C) }
            var w = ObjectWriter(continuing: &out)
            body(&w, item)
            w.close(into: &out)
        }
        out.append(0x5D)
    }

    /// The object's bytes, closed (and ended by a newline for a whole line).
    consuming func finish(line: Bool = false) -> [UInt8] {
        out.append(0x7D)
        if line { out.append(0x0A) }
        return out
    }
}
