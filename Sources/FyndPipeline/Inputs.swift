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

    /// What identifies this input's content for `--state`: its file, its id and a fast 64-bit
    /// hash (FNV-1a) of the bytes with their length. Cheap enough to compute for every document
    /// of a nightly run; a JSONL line's id is read without decoding its text.
    public var stateKey: StateStore.Key? {
        switch payload {
        case .bytes(let b, _): StateStore.Key(path: origin, id: id, fingerprint: Fingerprint.of(b[...]))
        case .jsonLine(let b, _):
            StateStore.Key(path: origin, id: (try? JSON.stringMember(b[...], key: "id")).flatMap { $0 } ?? prepared().id, fingerprint: Fingerprint.of(b))
        case .text(let t, _, _, _): StateStore.Key(path: origin, id: id, fingerprint: Fingerprint.of(t[...]))
        case .failure: nil
        }
    }

    /// For a file that could not be read: the key its document is stored under, so that a
    /// `--state` run keeps the stored row (the file is still there) instead of counting it removed.
    public var unreadFileKey: StateStore.Key? {
        guard case .failure = payload else { return nil }
        return StateStore.Key(path: origin, id: id, fingerprint: "")
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

    /// The payload, the item given up for it (so that the payload's bytes have no other owner).
    consuming func takePayload() -> Payload { payload }

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

    /// Paths still to read, last first; an unreadable directory carries the reason.
    private var pending: [(path: String, unreadable: String?)]
    /// Sum of the input files' sizes; nil when reading standard input.
    public let totalBytes: Int?
    /// Bytes of input consumed so far (files and JSONL lines), for progress and ETA.
    public private(set) var bytesRead = 0
    /// Files of the directories that were left out, and why (a FIFO, the run's own output).
    public let skipped: [(path: String, reason: String)]
    /// Directories that could not be listed: a `--state` run keeps what it stored below them.
    public let unreadableDirectories: [String]
    private var jsonl: (reader: LineReader, path: String, stem: String)?
    private let maxDocBytes: Int
    private let interrupted: @Sendable () -> Bool

    /// `excluding` names files to leave out of directory listings (the gold file of `eval`, the
    /// output of `run`), with the reason given in `skipped`. `interrupted` is asked while JSONL input is awaited:
    /// when it says yes, the input ends there (a stalled pipe does not hold up a stop).
    public init(paths: [String], maxDocBytes: Int, excluding: [String] = [], excludedReason: String = "excluded",
                interrupted: @escaping @Sendable () -> Bool = { false }) {
        self.maxDocBytes = maxDocBytes
        self.interrupted = interrupted
        let excluded = excluding.compactMap { FileID(path: $0) }
        var expanded: [(path: String, unreadable: String?)] = []
        var skipped: [(path: String, reason: String)] = []
        for p in paths {
            guard p != "-", FileWalker.isDirectory(p) else {
                expanded.append((p, nil))
                continue
            }
            for entry in FileWalker.entries(in: p, excluding: excluded, excludedReason: excludedReason) {
                switch entry {
                case .file(let f) where Self.extensions.contains { f.lowercased().hasSuffix($0) }: expanded.append((f, nil))
                case .file: break
                case .unreadable(let dir, let reason): expanded.append((dir, reason))
                case .skipped(let f, let reason) where Self.extensions.contains { f.lowercased().hasSuffix($0) }: skipped.append((f, reason))
                case .skipped: break
                }
            }
        }
        pending = expanded.reversed()
        self.skipped = skipped
        unreadableDirectories = expanded.compactMap { $0.unreadable == nil ? nil : $0.path }
        totalBytes = expanded.contains { $0.path == "-" } ? nil : expanded.reduce(0) { total, entry in
            var st = stat()
            return total + (stat(entry.path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : 0)
        }
    }

    public func next() -> InputItem? {
        while true {
            if let j = jsonl {
                if let item = nextLine(j.reader, path: j.path, stem: j.stem) { return item }
                jsonl = nil
            }
            guard let (path, unreadable) = pending.popLast() else { return nil }
            if let unreadable {
                return Self.failure(stem(path), path, "unreadable", "cannot list the directory: \(unreadable)")
            }
            if path == "-" {
                jsonl = (LineReader(fd: 0, closeOnDeinit: false, interrupted: interrupted), "-", "stdin")
                continue
            }
            if path.lowercased().hasSuffix(".jsonl") {
                let fd = open(path, O_RDONLY | O_CLOEXEC)
                if fd < 0 {
                    if errno == EINTR && interrupted() { return nil }
                    return Self.failure(path, path, "unreadable", "cannot open the file: \(String(cString: strerror(errno)))")
                }
                jsonl = (LineReader(fd: fd, closeOnDeinit: true, interrupted: interrupted), path, stem(path))
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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
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
            case .line(var bytes):
                bytesRead += bytes.count + 1
                // A byte order mark (as Windows tools write) is not part of the first line's JSON.
                if reader.lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                return .line(bytes, number: reader.lineNumber, path: path, stem: stem)
            }
        }
        return nil
    }

    static func parseLine(_ bytes: ArraySlice<UInt8>, source: String, fallbackID: String, lineNumber: Int) -> InputItem {
        let object: JSON.Object
        do {
            // Checked as UTF-8 while parsed: a line that parses so is well-formed UTF-8.
            object = try JSON.parseObject(bytes, checkingUTF8: true)
        } catch {
            // Ill-formed UTF-8 anywhere in the line is told before what is wrong with its JSON.
            guard !error.isInvalidUTF8, bytes.withUnsafeBufferPointer(UTF8Check.isValid) else {
                return Self.failure(fallbackID, source, "invalid_utf8", "line \(lineNumber) is not valid UTF-8 (JSONL must be UTF-8)")
            }
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
