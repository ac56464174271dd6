import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Lists files below a directory: recursive, sorted by name, deterministic; follows symbolic
/// links but visits each directory once, so a link loop ends. Names listed in a `.fyndignore`
/// file (one per line) are skipped in that directory, as are hidden files.
public enum FileWalker {
    /// Every regular file below `root`, in sorted order.
    public static func files(in root: String) throws -> [String] {
        var out: [String] = []
        var visited = Set<String>()
        try walk(root, &out, &visited)
        return out
    }

    private static func walk(_ dir: String, _ out: inout [String], _ visited: inout Set<String>) throws {
        guard let real = realPath(dir), visited.insert(real).inserted else { return }
        let ignored = Set((try? String(contentsOfFile: dir + "/.fyndignore", encoding: .utf8))?
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") } ?? [])
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where !name.hasPrefix(".") && !ignored.contains(name) {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            if isDirectory(path) { try walk(path, &out, &visited) } else { out.append(path) }
        }
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
