import FoundationEssentials
import FyndCore
import FyndNormalize
#if canImport(Glibc)
import Glibc
#endif

/// One document to process, as read from its source, or the reason it could not be read.
public struct InputItem: Sendable {
    public enum Payload: Sendable {
        case bytes([UInt8], InputFormat)
        /// Text or HTML as valid UTF-8 (the decoded field of a JSONL line).
        case text([UInt8], InputFormat, sha256: String, metadata: [(key: String, json: String)])
        case failure(DocumentError)
        /// A JSONL line not parsed yet (parsing is left to the workers); `prepared()` parses it.
        case jsonLine(ArraySlice<UInt8>, lineNumber: Int)
    }
    public var payload: Payload
    /// The id, or for a JSONL line not parsed yet the file's stem, to which the line number is
    /// added when asked for (on a worker thread, not the reading one).
    private var name: String
    /// The source, or for a JSONL line not parsed yet the file's path.
    private var origin: String

    public init(id: String, source: String, payload: Payload) {
        name = id
        origin = source
        self.payload = payload
    }

    /// A JSONL line of the file at `path` (whose stem is `stem`), not parsed yet.
    static func line(_ bytes: ArraySlice<UInt8>, number: Int, path: String, stem: String) -> InputItem {
        InputItem(id: stem, source: path, payload: .jsonLine(bytes, lineNumber: number))
    }

    /// The id: a file's stem, a JSONL line's id member, or `stem:line` for a line without one.
    public var id: String {
        if case .jsonLine(_, let number) = payload { return name + ":" + String(number) }
        return name
    }

    /// Where the document came from: a path, or `path:line` for a JSONL line.
    public var source: String {
        if case .jsonLine(_, let number) = payload { return origin + ":" + String(number) }
        return origin
    }

    /// What identifies this input's content for `--state`: the id and a fast 64-bit hash
    /// (FNV-1a) of the bytes with their length. Cheap enough to compute for every document of
    /// a nightly run; a JSONL line's id is read without decoding its text.
    public var stateKey: (id: String, fingerprint: String)? {
        switch payload {
        case .bytes(let b, _): (id, Fingerprint.of(b[...]))
        case .jsonLine(let b, _): ((try? JSON.stringMember(b[...], key: "id")).flatMap { $0 } ?? prepared().id, Fingerprint.of(b))
        case .text(let t, _, _, _): (id, Fingerprint.of(t[...]))
        case .failure: nil
        }
    }

    /// Size of the input in bytes.
    public var byteCount: Int {
        switch payload {
        case .bytes(let b, _): b.count
        case .text(let t, _, _, _): t.count
        case .jsonLine(let b, _): b.count
        case .failure: 0
        }
    }

    /// The item with a JSONL line parsed: id, text or HTML, metadata and hash, or a failure.
    public func prepared() -> InputItem {
        guard case .jsonLine(let bytes, let lineNumber) = payload else { return self }
        return Inputs.parseLine(bytes, source: source, fallbackID: id, lineNumber: lineNumber)
    }
}

/// Streams the documents of the given paths in a fixed order: files as given, directories
/// recursively and sorted, JSONL files line by line, and "-" for JSONL on standard input.
/// Every document becomes exactly one item, readable or not.
public final class Inputs: IteratorProtocol {
    /// File endings taken from a directory; a file named explicitly is taken whatever its ending.
    public static let extensions = [".txt", ".html", ".htm", ".xhtml", ".jsonl"]

    private var pending: [String]
    /// Sum of the input files' sizes; nil when reading standard input.
    public let totalBytes: Int?
    /// Bytes of input consumed so far (files and JSONL lines), for progress and ETA.
    public private(set) var bytesRead = 0
    private var jsonl: (reader: LineReader, path: String, stem: String)?
    private let maxDocBytes: Int

    /// `excluding` names files to leave out of directory listings (e.g. the gold file of `eval`).
    public init(paths: [String], maxDocBytes: Int, excluding: [String] = []) {
        self.maxDocBytes = maxDocBytes
        let excluded = Set(excluding.compactMap(FileWalker.realPath))
        var expanded: [String] = []
        for p in paths {
            if p != "-", FileWalker.isDirectory(p) {
                let files = (try? FileWalker.files(in: p)) ?? []
                expanded += files.filter { f in
                    Self.extensions.contains { f.lowercased().hasSuffix($0) } && !excluded.contains(FileWalker.realPath(f) ?? f)
                }
            } else {
                expanded.append(p)
            }
        }
        pending = expanded.reversed()
        totalBytes = expanded.contains("-") ? nil : expanded.reduce(0) { total, path in
            var st = stat()
            return total + (stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : 0)
        }
    }

    public func next() -> InputItem? {
        while true {
            if let j = jsonl {
                if let item = nextLine(j.reader, path: j.path, stem: j.stem) { return item }
                jsonl = nil
            }
            guard let path = pending.popLast() else { return nil }
            if path == "-" {
                jsonl = (LineReader(fd: 0, closeOnDeinit: false), "-", "stdin")
                continue
            }
            if path.lowercased().hasSuffix(".jsonl") {
                let fd = open(path, O_RDONLY)
                if fd < 0 { return Self.failure(path, path, "unreadable", "cannot open the file: \(String(cString: strerror(errno)))") }
                jsonl = (LineReader(fd: fd, closeOnDeinit: true), path, stem(path))
                continue
            }
            return readFile(path)
        }
    }

    private func readFile(_ path: String) -> InputItem {
        let id = stem(path)
        var st = stat()
        if stat(path, &st) != 0 {
            let reason = errno == ELOOP ? "symbolic link loop" : String(cString: strerror(errno))
            return Self.failure(id, path, "unreadable", "cannot read the file: \(reason)")
        }
        if (st.st_mode & S_IFMT) != S_IFREG { return Self.failure(id, path, "unreadable", "not a regular file") }
        bytesRead += Int(st.st_size)
        if Int(st.st_size) > maxDocBytes {
            return Self.failure(id, path, "too_large", "the file has \(st.st_size) bytes, more than --max-doc-bytes \(maxDocBytes)")
        }
        let fd = open(path, O_RDONLY)
        if fd < 0 { return Self.failure(id, path, "unreadable", "cannot open the file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var got = 0
        while got < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, $0.count - got) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return Self.failure(id, path, "unreadable", "read failed: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            got += n
        }
        bytes.removeSubrange(got...)
        return InputItem(id: id, source: path, payload: .bytes(bytes, InputFormat.of(path: path, bytes: bytes)))
    }

    private func nextLine(_ reader: LineReader, path: String, stem: String) -> InputItem? {
        while let line = reader.next(limit: maxDocBytes) {
            switch line {
            case .tooLong(let n):
                bytesRead += n + 1
                return Self.failure("\(stem):\(reader.lineNumber)", "\(path):\(reader.lineNumber)", "too_large",
                                    "line \(reader.lineNumber) has \(n) bytes, more than --max-doc-bytes \(maxDocBytes)")
            case .line(let bytes):
                bytesRead += bytes.count + 1
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                return .line(bytes, number: reader.lineNumber, path: path, stem: stem)
            }
        }
        return nil
    }

    static func parseLine(_ bytes: ArraySlice<UInt8>, source: String, fallbackID: String, lineNumber: Int) -> InputItem {
        guard bytes.withUnsafeBufferPointer(UTF8Check.isValid) else {
            return Self.failure(fallbackID, source, "invalid_utf8", "line \(lineNumber) is not valid UTF-8 (JSONL must be UTF-8)")
        }
        let object: JSON.Object
        do {
            object = try JSON.parseObject(bytes)
        } catch {
            return Self.failure(fallbackID, source, "bad_json", "line \(lineNumber): \(error)")
        }
        let id = object[Self.idKey].map { $0.string ?? $0.raw } ?? fallbackID
        let metadata = object.members.filter { m in !Self.ownKeys.contains(where: m.hasKey) }.map { (key: $0.key, json: $0.raw) }
        let sha = SHA256.hex(bytes)
        func field(_ key: [UInt8]) -> [UInt8]? { object[key]?.stringBytes.map(Array.init) }
        if let html = field(Self.htmlKey) {
            return InputItem(id: id, source: source, payload: .text(html, .html, sha256: sha, metadata: metadata))
        }
        if let text = field(Self.textKey) {
            return InputItem(id: id, source: source, payload: .text(text, .text, sha256: sha, metadata: metadata))
        }
        return Self.failure(id, source, "bad_json", "line \(lineNumber) has no \"text\" or \"html\" string field")
    }

    /// Keys of a JSONL line that are not metadata.
    private static let idKey = Array("id".utf8), textKey = Array("text".utf8), htmlKey = Array("html".utf8)
    private static let ownKeys = [idKey, textKey, htmlKey]

    static func failure(_ id: String, _ source: String, _ code: String, _ message: String) -> InputItem {
        InputItem(id: id, source: source, payload: .failure(DocumentError(code: code, message: message)))
    }

    private func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// A content fingerprint for change detection: FNV-1a 64 and the length, as hex.
enum Fingerprint {
    static func of(_ bytes: ArraySlice<UInt8>) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buf in
            for b in buf { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        return String(h, radix: 16) + "-" + String(bytes.count, radix: 16)
    }
}
