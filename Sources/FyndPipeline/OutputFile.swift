import FyndCore
#if canImport(Glibc)
import Glibc
#endif

/// Where results go: standard output, or a file that is written as `FILE.partial` and renamed
/// to `FILE` only when the run has finished. An interrupted run leaves `FILE` as it was and
/// `FILE.partial` with the lines written so far, which `resume` continues.
public final class OutputFile {
    public struct Error: Swift.Error, CustomStringConvertible {
        public var description: String
    }

    public let path: String?
    /// Ids of the documents already in the partial file (when resuming), in order.
    public private(set) var resumedIDs: [String] = []
    private let fd: Int32
    private var buffer: [UInt8] = []

    public var partialPath: String? { path.map { $0 + ".partial" } }

    /// Opens the output; with `resume`, keeps the complete lines of an earlier partial file.
    public init(path: String?, resume: Bool) throws(Error) {
        self.path = path
        guard let partial = path.map({ $0 + ".partial" }) else {
            if resume { throw Error(description: "--resume needs --out FILE") }
            fd = 1
            return
        }
        if resume {
            resumedIDs = try Self.completeLines(of: partial)
            fd = open(partial, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        } else {
            fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        if fd < 0 { throw Error(description: "cannot write \(partial): \(String(cString: strerror(errno)))") }
    }

    deinit { if fd > 2 { close(fd) } }

    /// Reads the ids of a partial file's complete lines and cuts off a half-written last line.
    static func completeLines(of partial: String) throws(Error) -> [String] {
        let fd = open(partial, O_RDWR)
        if fd < 0 { return [] }  // nothing to resume: start from the beginning
        defer { close(fd) }
        let reader = LineReader(fd: dup(fd), closeOnDeinit: true)
        var ids: [String] = []
        var complete = 0
        var total = 0
        while let line = reader.next(limit: Int.max) {
            guard case .line(let bytes) = line else { break }
            total += bytes.count + 1
            guard let object = try? JSON.parseObject(bytes[...]), let id = object["id"] else { break }
            ids.append(id)
            complete = total
        }
        if ftruncate(fd, off_t(complete)) != 0 { throw Error(description: "cannot truncate \(partial): \(String(cString: strerror(errno)))") }
        return ids
    }

    /// Buffers a line; call `flush` after each batch so that a pipe sees results as they are done.
    public func write(_ line: [UInt8]) throws(Error) {
        buffer += line
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes what is buffered (whole lines only).
    public func flush() throws(Error) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Error(description: "write failed: \(String(cString: strerror(errno)))") }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and moves the partial file into place.
    public func commit() throws(Error) {
        try flush()
        guard let path, let partial = partialPath else { return }
        fsync(fd)
        guard rename(partial, path) == 0 else { throw Error(description: "cannot move \(partial) to \(path): \(String(cString: strerror(errno)))") }
    }
}

/// Checks that a resumed run reads the same documents as the interrupted one, and skips them.
public enum Resume {
    /// Takes `ids.count` items from `inputs`; throws when one has another id than was written.
    public static func skip(_ ids: [String], in inputs: Inputs) throws(OutputFile.Error) {
        for (n, id) in ids.enumerated() {
            guard let item = inputs.next()?.prepared() else {
                throw OutputFile.Error(description: "the partial output has \(ids.count) documents but the inputs only \(n)")
            }
            guard item.id == id else {
                throw OutputFile.Error(description: "document \(n + 1) of the inputs is \(item.id) but the partial output has \(id): not the same inputs")
            }
        }
    }
}
