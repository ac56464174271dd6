import FyndCore
#if canImport(Glibc)
import Glibc
#endif

/// Where results go: standard output, or a file that is written as `FILE.partial` and renamed
/// to `FILE` only when the run has finished. An interrupted run leaves `FILE` as it was and
/// `FILE.partial` with the lines written so far, which `resume` continues.
///
/// One run at a time per output: the partial file is opened without truncation and locked
/// exclusively (`flock`) before a byte of it changes, so a second run refuses and leaves the
/// first one's lines alone. A device or pipe named as the output (`--out /dev/null`, a FIFO) is
/// written straight: renaming a file over it would replace it.
public final class OutputFile {
    public struct Error: Swift.Error, CustomStringConvertible {
        public var description: String
    }

    public let path: String?
    /// Ids of the documents already in the partial file (when resuming), in order.
    public private(set) var resumedIDs: [String] = []
    private let fd: Int32
    private var buffer: [UInt8] = []

    /// The file written until the run has finished; nil for standard output, a device or a pipe.
    public let partialPath: String?

    /// Opens the output; with `resume`, keeps the complete lines of an earlier partial file.
    /// `settings` names what shapes a line (rule pack, options); it is kept beside the partial
    /// file (`FILE.partial.settings`), and a resumed run with other settings is refused, so
    /// that the output never mixes lines of two kinds.
    public init(path: String?, resume: Bool, settings: String = "") throws(Error) {
        self.path = path
        guard let path else {
            if resume { throw Error(description: "--resume needs --out FILE") }
            fd = 1
            partialPath = nil
            return
        }
        if FileWalker.isDirectory(path) { throw Error(description: "--out \(path) is a directory; give a file name") }
        var existing = stat()
        if stat(path, &existing) == 0, existing.st_mode & S_IFMT != S_IFREG {
            if resume { throw Error(description: "--resume needs a file as --out; \(path) is a device or a pipe") }
            fd = open(path, O_WRONLY | O_CLOEXEC)
            if fd < 0 { throw Error(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
            partialPath = nil
            return
        }
        let partial = path + ".partial"
        partialPath = partial
        fd = try Self.openLocked(partial)
        do throws(Error) {
            let kept = resume ? try Self.completeLines(fd: fd, partial: partial) : (ids: [], bytes: 0)
            if !kept.ids.isEmpty, let earlier = Self.read(partial + ".settings"), earlier != settings {
                throw Error(description: "\(partial) was written with other settings (\(earlier)) than this run's (\(settings)); "
                                + "resume with the same rules and options, or run without --resume to start again")
            }
            try Self.write(settings, to: partial + ".settings")
            resumedIDs = kept.ids
            guard ftruncate(fd, off_t(kept.bytes)) == 0, lseek(fd, off_t(kept.bytes), SEEK_SET) >= 0 else {
                throw Error(description: "cannot truncate \(partial): \(String(cString: strerror(errno)))")
            }
        } catch {
            close(fd)
            throw error
        }
    }

    deinit { if fd > 2 { close(fd) } }

    /// Opens `partial` for writing without truncating it and locks it exclusively. A lock taken
    /// on a file that another run has meanwhile renamed into place is let go and taken again on
    /// a new file, so a finished run's output is never written over.
    static func openLocked(_ partial: String) throws(Error) -> Int32 {
        while true {
            let fd = open(partial, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            if fd < 0 { throw Error(description: "cannot write \(partial): \(String(cString: strerror(errno)))") }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let busy = errno == EWOULDBLOCK
                let reason = String(cString: strerror(errno))
                close(fd)
                if busy {
                    throw Error(description: "another fynd run is writing \(partial); wait for it to finish or use another --out file")
                }
                throw Error(description: "cannot lock \(partial): \(reason)")
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(partial, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                return fd
            }
            close(fd)  // renamed away by the run that held it: take the new file
        }
    }

    /// The text of a small file, or nil when there is none.
    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += chunk[..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func write(_ text: String, to path: String) throws(Error) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw Error(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard writeAll(fd, Array(text.utf8)) else { throw Error(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
    }

    /// Writes every byte, again after an interrupted call; false (with `errno` set) on failure.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    /// The ids of a partial file's complete lines and their length in bytes: a half-written or
    /// unreadable last line is not kept.
    static func completeLines(fd: Int32, partial: String) throws(Error) -> (ids: [String], bytes: Int) {
        let reader = LineReader(fd: dup(fd), closeOnDeinit: true)
        var ids: [String] = []
        var complete = 0
        var total = 0
        while let line = reader.next(limit: Int.max) {
            // A last line without its newline was cut off by the interruption: it is redone.
            guard case .line(let bytes) = line, reader.lastLineEnded else { break }
            total += reader.lastLineBytes
            guard let object = try? JSON.parseObject(bytes[...]), let id = object["id"] else { break }
            ids.append(id)
            complete = total
        }
        return (ids, complete)
    }

    /// Buffers a line; call `flush` after each batch so that a pipe sees results as they are done.
    public func write(_ line: [UInt8]) throws(Error) {
        buffer += line
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes what is buffered (whole lines only).
    public func flush() throws(Error) {
        guard Self.writeAll(fd, buffer) else { throw Error(description: "write failed: \(String(cString: strerror(errno)))") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and moves the partial file into place (still holding its lock), keeping
    /// the old file's permissions, and syncs the directory so the rename survives a crash.
    public func commit() throws(Error) {
        try flush()
        guard let path, let partial = partialPath else { return }
        var old = stat()
        if stat(path, &old) == 0 { fchmod(fd, old.st_mode & 0o7777) }
        fsync(fd)
        guard rename(partial, path) == 0 else { throw Error(description: "cannot move \(partial) to \(path): \(String(cString: strerror(errno)))") }
        unlink(partial + ".settings")
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let dirFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }
}

/// Checks that a resumed run reads the same documents as the interrupted one, and skips them.
public enum Resume {
    /// Takes `ids.count` items from `inputs`; throws when one has another id than was written.
    /// Returns the state keys of the items taken, so that a `--state` run counts them as seen.
    public static func skip(_ ids: [String], in inputs: Inputs) throws(OutputFile.Error) -> [StateStore.Key] {
        var keys: [StateStore.Key] = []
        for (n, id) in ids.enumerated() {
            guard let item = inputs.next() else {
                throw OutputFile.Error(description: "the partial output has \(ids.count) documents but the inputs only \(n)")
            }
            let prepared = item.prepared()
            guard prepared.id == id else {
                throw OutputFile.Error(description: "document \(n + 1) of the inputs is \(prepared.id) but the partial output has \(id): not the same inputs")
            }
            if let key = item.stateKey { keys.append(key) }
        }
        return keys
    }
}
