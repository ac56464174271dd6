import Foundation
import FyndCore
import FyndPipeline

/// The failed documents of a run as it writes them: the first few named on stderr at once with
/// their reason, and all counted by error code for the summary.
struct FailureLog {
    /// Failures named one by one; the rest are only counted.
    static let named = 20
    /// Clears a progress line before a message (on a terminal).
    let clearLine: Bool
    private var byCode: [String: Int] = [:]
    private var count = 0

    init(clearLine: Bool) { self.clearLine = clearLine }

    /// Looks at one output line and reports it when it is an error record.
    mutating func note(_ line: [UInt8]) {
        guard let e = ErrorRecord(line) else { return }
        byCode[e.code, default: 0] += 1
        count += 1
        let prefix = clearLine ? "\r\u{1B}[K" : ""
        if count <= Self.named {
            printError(prefix + "fynd: \(e.source): \(e.message) (\(e.code))")
        } else if count == Self.named + 1 {
            printError(prefix + "fynd: more documents failed; the summary counts them by code")
        }
    }

    /// "3 failed: 2 unreadable, 1 empty", the most frequent code first.
    func summary(failed: Int) -> String {
        let codes = byCode.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key)" }
        return "\(failed) failed" + (codes.isEmpty ? "" : ": " + codes.joined(separator: ", "))
    }
}

/// The source, code and message of an error record line (OUTPUT.md).
struct ErrorRecord {
    var source: String
    var code: String
    var message: String

    /// Nil for a result line. Every result line has a `"sha256"` key right after its source and
    /// an error record has none (a quote inside a JSON string is escaped), so only error
    /// records are parsed.
    init?(_ line: [UInt8]) {
        guard !ByteSearch.contains(line, Self.shaKey),
              let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              let e = o["error"] as? [String: Any] else { return nil }
        source = o["source"] as? String ?? o["id"] as? String ?? "?"
        code = e["code"] as? String ?? "?"
        message = e["message"] as? String ?? ""
    }

    private static let shaKey = Array(#","sha256":"#.utf8)
}

/// Directories given to a run that hold no file it reads.
enum UnreadDirectories {
    /// Says on stderr, for each directory among `paths` that yields no document, what it
    /// skipped and why; returns how many there are.
    static func report(_ paths: [String]) -> Int {
        let messages = paths.filter { $0 != "-" && FileWalker.isDirectory($0) }.compactMap(explanation)
        for m in messages { printError("fynd: " + m) }
        return messages.count
    }

    /// "docs/: nothing to read: skipped 4 files: 3 .pdf, 1 .md (…)", or nil when the directory
    /// holds a file to read.
    static func explanation(_ directory: String) -> String? {
        let entries = FileWalker.entries(in: directory)
        if entries.count == 1, case .unreadable(_, let reason) = entries[0] {
            return "\(directory): nothing to read: cannot list the directory: \(reason)"
        }
        let files = entries.compactMap { if case .file(let f) = $0 { f } else { nil } }
        if files.isEmpty { return "\(directory): nothing to read: the directory holds no files" }
        if files.contains(where: { f in Inputs.extensions.contains { f.lowercased().hasSuffix($0) } }) { return nil }
        let byExtension = Dictionary(grouping: files.map(Self.extensionName), by: { $0 }).mapValues(\.count)
        let skipped = byExtension.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key)" }
        return "\(directory): nothing to read: skipped \(counted(files.count, "file")): \(skipped.joined(separator: ", ")) "
            + "(a directory run reads only \(listed(Inputs.extensions)) files)"
    }

    /// ".pdf", or "without extension".
    private static func extensionName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "without extension" }
        return name[dot...].lowercased()
    }
}
