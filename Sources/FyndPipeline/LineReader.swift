#if canImport(Glibc)
import Glibc
#endif

/// Reads lines from a file descriptor through a fixed buffer, so a JSONL archive of any size
/// streams in bounded memory. A line longer than the limit is skipped and reported by length.
final class LineReader {
    enum Line {
        case line([UInt8])
        case tooLong(bytes: Int)
    }

    private let fd: Int32
    private let closeOnDeinit: Bool
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    private var start = 0
    private var end = 0
    private var eof = false
    /// 1-based number of the line last returned.
    private(set) var lineNumber = 0

    init(fd: Int32, closeOnDeinit: Bool) {
        self.fd = fd
        self.closeOnDeinit = closeOnDeinit
    }

    deinit { if closeOnDeinit { close(fd) } }

    /// The next line without its "\n" (and "\r"), or nil at the end.
    func next(limit: Int) -> Line? {
        var line: [UInt8] = []
        var length = 0
        while true {
            if start == end {
                if eof || !fill() {
                    if length == 0 { return nil }
                    break
                }
            }
            if let nl = newline() {
                length += nl - start
                if length <= limit { line += buffer[start..<nl] }
                start = nl + 1
                break
            }
            length += end - start
            if length <= limit { line += buffer[start..<end] }
            start = end
        }
        lineNumber += 1
        if length > limit { return .tooLong(bytes: length) }
        if line.last == 0x0D { line.removeLast() }
        return .line(line)
    }

    /// The index of the next "\n" in the buffered bytes.
    private func newline() -> Int? {
        buffer.withUnsafeBufferPointer { b in
            memchr(b.baseAddress! + start, 0x0A, end - start).map { b.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        }
    }

    private func fill() -> Bool {
        start = 0
        end = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { eof = true; return false }
            end = n
            return true
        }
    }
}
