/// The binary form of a compiled rule pack: flat records of integers and strings, written by
/// `fynd check-rules --compile` into `rules/compiled.pack`, embedded by the `EmbedRules` plugin
/// while it is the digest of the files it was compiled from, and read at start-up instead of
/// parsing YAML.
///
/// Layout: the magic `fynd-pack`, the format version, the digest of the source files (length
/// and bytes), the string table (count, then each string's UTF-8 length and bytes), then the
/// sections (count, then each section's length and bytes). A record refers to a string by its
/// index in the table, so that each distinct string is stored and created once.
///
/// An integer is written in 5-bit digits, lowest first: `P`…`o` (0x50 + digit) for a digit
/// that more follow, `0`…`O` (0x30 + digit) for the last. Every byte of the form is therefore
/// either such a digit or part of a UTF-8 string, so the whole is valid UTF-8 and mostly
/// printable: it is embedded in the binary as one string literal, which compiles fast and is
/// read without decoding. Tables of integers (`uint32s`, `int32s`, `lists`) are numbers one
/// after another, read in one loop.
public enum PackFormat {
    public static let magic = Array("fynd-pack".utf8)
    /// Raise with every change of what a record holds.
    public static let version = 3

    /// SHA-256 (hex) over files given as (name, text), in name order: what a compiled form was
    /// made from, and the pack's version when given its YAML files.
    public static func digest(files: [(name: String, text: String)]) -> String {
        var input: [UInt8] = []
        for file in files.sorted(by: { $0.name < $1.name }) { input += Array(file.name.utf8) + [0] + Array(file.text.utf8) + [0] }
        return SHA256.hex(input)
    }
}

/// Writes records into sections that share one string table.
public struct PackWriter {
    private var stringIndex: [String: Int] = [:]
    private var strings: [String] = []
    private var sections: [[UInt8]] = []
    /// The section being written.
    private var bytes: [UInt8] = []

    public init() {}

    public mutating func uint(_ value: UInt) {
        var v = value
        while v >= 32 {
            bytes.append(0x50 + UInt8(v & 31))
            v >>= 5
        }
        bytes.append(0x30 + UInt8(v))
    }

    /// Zigzag, so that small negative numbers stay short.
    public mutating func int(_ value: Int) { uint(UInt(bitPattern: (value << 1) ^ (value >> (Int.bitWidth - 1)))) }
    public mutating func bool(_ value: Bool) { uint(value ? 1 : 0) }
    public mutating func double(_ value: Double) { uint(UInt(value.bitPattern)) }

    /// The string's index in the table.
    public mutating func string(_ value: String) { uint(UInt(index(of: value))) }

    /// The index of a string in the table, added when new: for tables of strings (`uint32s`,
    /// read back with `PackReader.string(at:)`).
    public mutating func index(of value: String) -> Int32 {
        if let i = stringIndex[value] { return Int32(i) }
        stringIndex[value] = strings.count
        strings.append(value)
        return Int32(strings.count - 1)
    }

    public mutating func optional<T>(_ value: T?, _ write: (inout Self, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    public mutating func array<T>(_ values: [T], _ write: (inout Self, T) -> Void) {
        uint(UInt(values.count))
        for v in values { write(&self, v) }
    }

    public mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// A table of integers that may be negative: its count, then each number (zigzag, as `int`).
    public mutating func int32s(_ values: some Collection<Int32>) {
        uint(UInt(values.count))
        for v in values { int(Int(v)) }
    }

    /// A table of integers none of which is negative: its count, then each number.
    public mutating func uint32s(_ values: some Collection<Int32>) {
        uint(UInt(values.count))
        for v in values {
            precondition(v >= 0, "a negative number in a table of naturals")
            uint(UInt(v))
        }
    }

    /// Offsets that start at 0 and never fall (`FlatLists.start`): the step to each, small
    /// numbers where the offsets are large.
    public mutating func starts(_ start: [Int32]) { uint32s(zip(start.dropFirst(), start).map { $0 - $1 }) }

    /// Lists laid flat (`FlatLists`, `PackReader.lists`): their starts, then their items (none negative).
    public mutating func lists(start: [Int32], items: [Int32]) {
        starts(start)
        uint32s(items)
    }

    public mutating func lists(_ lists: [[Int32]]) { self.lists(FlatLists(lists)) }

    public mutating func lists(_ lists: FlatLists) { self.lists(start: lists.start, items: lists.items) }

    /// Ends the current section; the next record starts a new one.
    public mutating func endSection() {
        sections.append(bytes)
        bytes = []
    }

    /// The whole form: header (with the digest of the files it was made from), string table, sections.
    public func finish(digest: String) -> [UInt8] {
        var out = PackWriter()
        out.bytes = PackFormat.magic
        out.uint(UInt(PackFormat.version))
        out.uint(UInt(digest.utf8.count))
        out.bytes += digest.utf8
        out.uint(UInt(strings.count))
        for s in strings {
            out.uint(UInt(s.utf8.count))
            out.bytes += s.utf8
        }
        out.uint(UInt(sections.count))
        for s in sections {
            out.uint(UInt(s.count))
            out.bytes += s
        }
        return out.bytes
    }
}

/// A compiled form that cannot be read: another format version, or bytes cut short or damaged.
public struct PackFormatError: Error, Sendable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public var description: String { "the compiled rule pack is damaged at byte \(offset): \(message) (rebuild fynd)" }

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// Reads one section of a compiled form.
public struct PackReader: Sendable {
    private let bytes: [UInt8]
    private let table: [String]
    private var position: Int
    private let end: Int

    /// The digest of the files the form was made from (`PackFormat.digest`), read from its header.
    public static func digest(of bytes: [UInt8]) throws(PackFormatError) -> String {
        var header = try header(bytes)
        return try header.raw()
    }

    /// The sections of `bytes`, each a reader over the shared string table.
    /// Without `strings`, the string table is skipped (its strings are the most of reading the
    /// header): for sections of numbers only, read while another thread makes the strings.
    public static func sections(of bytes: [UInt8], strings withStrings: Bool = true) throws(PackFormatError) -> [PackReader] {
        var header = try header(bytes)
        _ = try header.raw()
        var strings: [String] = []
        let count = try header.count()
        if withStrings {
            strings.reserveCapacity(count)
            for _ in 0..<count { strings.append(try header.raw()) }
        } else {
            for _ in 0..<count { try header.skip(try header.count()) }
        }
        var readers: [PackReader] = []
        for _ in 0..<(try header.count()) {
            let length = try header.count()
            let start = header.position
            try header.skip(length)
            readers.append(PackReader(bytes: bytes, table: strings, position: start, end: header.position))
        }
        return readers
    }

    /// A reader after the magic and format version, which it checks.
    private static func header(_ bytes: [UInt8]) throws(PackFormatError) -> PackReader {
        guard bytes.starts(with: PackFormat.magic) else { throw PackFormatError(offset: 0, message: "no compiled rule pack") }
        var header = PackReader(bytes: bytes, table: [], position: PackFormat.magic.count, end: bytes.count)
        let version = try header.uint()
        guard version == PackFormat.version else {
            throw PackFormatError(offset: PackFormat.magic.count, message: "format version \(version), this fynd reads \(PackFormat.version)")
        }
        return header
    }

    /// A string written in place: its UTF-8 length and bytes.
    private mutating func raw() throws(PackFormatError) -> String {
        let length = try count()
        let start = position
        try skip(length)
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private init(bytes: [UInt8], table: [String], position: Int, end: Int) {
        self.bytes = bytes
        self.table = table
        self.position = position
        self.end = end
    }

    /// Where the reader stands in the form.
    public var offset: Int { position }

    /// An error at the current position.
    public func failure(_ message: String) -> PackFormatError { PackFormatError(offset: position, message: message) }

    private mutating func skip(_ length: Int) throws(PackFormatError) {
        guard length <= end - position else { throw failure("\(length) bytes wanted, \(end - position) left") }
        position += length
    }

    public mutating func uint() throws(PackFormatError) -> UInt {
        var value: UInt = 0, shift: UInt = 0
        while position < end {
            let b = bytes[position]
            position += 1
            switch b {
            case 0x30..<0x50:
                return value | UInt(b - 0x30) << shift
            case 0x50..<0x70 where shift < UInt(UInt.bitWidth - 5):
                value |= UInt(b - 0x50) << shift
                shift += 5
            default:
                position -= 1
                throw failure("no number digit")
            }
        }
        throw failure("the section ends inside a number")
    }

    /// A count or index (at most `Int32.max`).
    public mutating func count() throws(PackFormatError) -> Int {
        let v = try uint()
        guard v <= UInt(Int32.max) else { throw failure("count \(v) out of range") }
        return Int(v)
    }

    public mutating func int() throws(PackFormatError) -> Int {
        let v = try uint()
        return Int(bitPattern: v >> 1) ^ -Int(bitPattern: v & 1)
    }

    public mutating func bool() throws(PackFormatError) -> Bool {
        switch try uint() {
        case 0: false
        case 1: true
        case let v: throw failure("\(v) is no truth value")
        }
    }

    public mutating func double() throws(PackFormatError) -> Double { Double(bitPattern: UInt64(try uint())) }

    public mutating func string() throws(PackFormatError) -> String { try string(at: Int32(try count())) }

    /// The string of index `i` in the table.
    public func string(at i: Int32) throws(PackFormatError) -> String {
        guard i >= 0 && Int(i) < table.count else { throw failure("string \(i) of \(table.count)") }
        return table[Int(i)]
    }

    /// One of `cases`, by its index.
    public mutating func choice<T>(_ cases: [T]) throws(PackFormatError) -> T {
        let i = try count()
        guard i < cases.count else { throw failure("choice \(i) of \(cases.count)") }
        return cases[i]
    }

    public mutating func optional<T>(_ read: (inout Self) throws(PackFormatError) -> T) throws(PackFormatError) -> T? {
        try bool() ? try read(&self) : nil
    }

    public mutating func array<T>(_ read: (inout Self) throws(PackFormatError) -> T) throws(PackFormatError) -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(min(n, end - position))
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }

    public mutating func strings() throws(PackFormatError) -> [String] { try array { r throws(PackFormatError) in try r.string() } }

    /// A table `PackWriter.int32s` wrote.
    public mutating func int32s() throws(PackFormatError) -> [Int32] { try table(zigzag: true) }

    /// A table `PackWriter.uint32s` wrote.
    public mutating func uint32s() throws(PackFormatError) -> [Int32] { try table(zigzag: false) }

    /// A table whose numbers all lie in `range` (`PackWriter.int32s`).
    public mutating func int32s(in range: Range<Int32>) throws(PackFormatError) -> [Int32] {
        let at = position
        return try checked(try int32s(), at: at) { range.contains($0) }
    }

    /// A table of naturals below `bound` (`PackWriter.uint32s`).
    public mutating func uint32s(below bound: Int32) throws(PackFormatError) -> [Int32] {
        let at = position
        return try checked(try uint32s(), at: at) { $0 < bound }
    }

    /// Offsets `PackWriter.starts` wrote: from 0, never falling.
    public mutating func starts() throws(PackFormatError) -> [Int32] {
        let at = position
        let steps = try uint32s()
        var start = [Int32](repeating: 0, count: steps.count + 1)
        var sum = 0
        for (k, step) in steps.enumerated() {
            sum += Int(step)
            guard sum <= Int(Int32.max) else { throw PackFormatError(offset: at, message: "offsets past \(Int32.max)") }
            start[k + 1] = Int32(sum)
        }
        return start
    }

    /// Lists `PackWriter.lists` wrote, their starts checked to end with their items.
    public mutating func lists() throws(PackFormatError) -> FlatLists {
        let start = try starts(), items = try uint32s()
        guard Int(start.last!) == items.count else { throw failure("lists of \(start.last!) items, \(items.count) given") }
        return FlatLists(start: start, items: items)
    }

    /// As `lists()`, with items checked to lie below `bound`.
    public mutating func lists(itemsBelow bound: Int32) throws(PackFormatError) -> FlatLists {
        let at = position
        let lists = try lists()
        _ = try checked(lists.items, at: at) { $0 < bound }
        return lists
    }

    private func checked(_ values: [Int32], at offset: Int, _ valid: (Int32) -> Bool) throws(PackFormatError) -> [Int32] {
        if let bad = values.first(where: { !valid($0) }) { throw PackFormatError(offset: offset, message: "\(bad) out of range in a table") }
        return values
    }

    /// A table of numbers, read in one loop over the bytes.
    private mutating func table(zigzag: Bool) throws(PackFormatError) -> [Int32] {
        let n = try count()
        // Each number takes at least one byte.
        guard n <= end - position else { throw failure("\(n) numbers wanted, \(end - position) bytes left") }
        let (values, stop, complete) = bytes.withUnsafeBufferPointer { b in Self.numbers(n, from: b, position, to: end, zigzag: zigzag) }
        guard complete else { throw PackFormatError(offset: stop, message: stop == end ? "the section ends inside a table" : "no number digit in a table") }
        position = stop
        return values
    }

    /// `n` numbers from `bytes[start..<end]`, the offset after them (or where a byte broke
    /// them), and whether all `n` were read. A number wider than 32 bits keeps its low bits.
    private static func numbers(_ n: Int, from bytes: UnsafeBufferPointer<UInt8>, _ start: Int, to end: Int, zigzag: Bool) -> ([Int32], Int, Bool) {
        if n == 0 { return ([], start, true) }
        var stop = start, complete = true
        let values = [Int32](unsafeUninitializedCapacity: n) { out, initialized in
            // Locals only, so that the loop keeps them in registers.
            var p = bytes.baseAddress! + start, o = out.baseAddress!
            let last = bytes.baseAddress! + end, full = o + n
            var value: UInt32 = 0, shift: UInt32 = 0
            let sign: UInt32 = zigzag ? 1 : 0
            while o < full && p < last {
                let digit = p.pointee &- 0x30
                if digit < 0x20 {
                    let v = value | UInt32(digit) &<< shift
                    // Zigzag: the low bit is the sign; without it (`sign` 0) the number as it is.
                    o.initialize(to: Int32(bitPattern: v &>> sign) ^ -Int32(bitPattern: v & sign))
                    o += 1
                    value = 0
                    shift = 0
                } else if digit < 0x40 && shift < 30 {
                    value |= UInt32(digit &- 0x20) &<< shift
                    shift &+= 5
                } else {
                    break
                }
                p += 1
            }
            stop = p - bytes.baseAddress!
            // A table cut short is dropped whole: the rest of its numbers are zeros.
            if o < full {
                complete = false
                o.initialize(repeating: 0, count: full - o)
            }
            initialized = n
        }
        return (values, stop, complete)
    }

    /// Throws unless the section has been read to its end.
    public func finish() throws(PackFormatError) {
        guard position == end else { throw failure("\(end - position) bytes left over") }
    }
}
