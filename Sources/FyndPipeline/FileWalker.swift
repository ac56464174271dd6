import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Lists files below a directory: recursive, sorted by name, deterministic; follows symbolic
/// links but visits each directory once, so a link loop ends. Names listed in a `.fyndignore`
/// file (one per line) are skipped in that directory, as are hidden files.
///
/// A walk never fails as a whole: a directory that cannot be listed is an entry of its own
/// (the reader turns it into an error record), and what is not a regular file or directory
/// (a FIFO, a socket, a device, whose `open` could block forever) is skipped and said so.
public enum FileWalker {
    public enum Entry: Equatable, Sendable {
        /// A regular file (or a dangling link or loop, which the reader reports).
        case file(String)
        /// A directory that could not be listed, and why.
        case unreadable(String, reason: String)
        /// Left out, and why (not a regular file, or one of `excluded`).
        case skipped(String, reason: String)
    }

    /// Every entry below `root`, in sorted order. Files that are the same as one of `excluded`
    /// (same device and inode, such as the run's own output) are skipped with `excludedReason`.
    public static func entries(in root: String, excluding excluded: [FileID] = [], excludedReason: String = "") -> [Entry] {
        var out: [Entry] = []
        var visited = Set<String>()
        walk(root, &out, &visited, excluded, excludedReason)
        return out
    }

    private static func walk(_ dir: String, _ out: inout [Entry], _ visited: inout Set<String>, _ excluded: [FileID], _ excludedReason: String) {
        guard let real = realPath(dir), visited.insert(real).inserted else { return }
        let names: [String]
        switch list(dir) {
        case .success(let n): names = n
        case .failure(let reason):
            out.append(.unreadable(dir, reason: reason.description))
            return
        }
        let ignored = Set((try? String(contentsOfFile: dir + "/.fyndignore", encoding: .utf8))?
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") } ?? [])
        for name in names.sorted() where !name.hasPrefix(".") && !ignored.contains(name) {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var st = stat()
            guard stat(path, &st) == 0 else {
                out.append(.file(path))  // a dangling link or a loop: the reader says which
                continue
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR: walk(path, &out, &visited, excluded, excludedReason)
            case S_IFREG: out.append(excluded.contains(FileID(st)) ? .skipped(path, reason: excludedReason) : .file(path))
            default: out.append(.skipped(path, reason: "not a regular file"))
            }
        }
    }

    /// The names in a directory, or why it cannot be listed.
    static func list(_ dir: String) -> Result<[String], ListError> {
        guard let handle = opendir(dir) else { return .failure(ListError(String(cString: strerror(errno)))) }
        defer { closedir(handle) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(handle) else {
                if errno != 0 { return .failure(ListError(String(cString: strerror(errno)))) }
                return .success(names)
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    struct ListError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// True for a directory or a link to one; false for anything else, a dangling link or a loop
    /// included (the reader then reports why it cannot read it).
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}

/// A file's identity (device and inode), whatever path names it.
public struct FileID: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }

    /// The identity of the file at `path` (links followed), or nil when there is none.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.init(st)
    }
}
