#if canImport(Glibc)
import Glibc
#endif
import FyndCore

/// Reads lines from a file descriptor a megabyte at a time, so a JSONL archive of any size
/// streams in bounded memory. A line is a view of the chunk it was read with (no copy; the
/// chunk lives as long as a line of it does); a line across two chunks is copied. A line
/// longer than the limit is skipped and reported by length.
final class LineReader {
    enum Line {
        case line(ArraySlice<UInt8>)
        case tooLong(bytes: Int)
    }

    private let fd: Int32
    private let closeOnDeinit: Bool
    /// The current chunk; a new one is read each time (lines handed out keep the old alive).
    private var buffer: [UInt8] = []
    private var start = 0
    private var end = 0
    private var eof = false
    /// True once a signal has ended the input.
    private var stopped = false
    /// 1-based number of the line last returned.
    private(set) var lineNumber = 0
    /// Bytes of the line last returned as they were read, its "\r\n" or "\n" included.
    private(set) var lastLineBytes = 0
    /// False when the line last returned ended at the end of the input without a "\n".
    private(set) var lastLineEnded = true

    /// Asked before each read: yes ends the input there (a line begun is dropped).
    private let interrupted: () -> Bool

    init(fd: Int32, closeOnDeinit: Bool, interrupted: @escaping () -> Bool = { false }) {
        self.fd = fd
        self.closeOnDeinit = closeOnDeinit
        self.interrupted = interrupted
    }

    deinit { if closeOnDeinit { close(fd) } }

    /// The next line without its "\n" (and "\r"), or nil at the end.
    func next(limit: Int) -> Line? {
        var line: ArraySlice<UInt8> = []
        var length = 0
        var spansChunks = false
        var ended = false
        while true {
            if start == end {
                if eof || !fill() {
                    if length == 0 || stopped { return nil }
                    break
                }
            }
            if let nl = newline() {
                length += nl - start
                if length <= limit { spansChunks ? line.append(contentsOf: buffer[start..<nl]) : (line = buffer[start..<nl]) }
                start = nl + 1
                ended = true
                break
            }
            length += end - start
            if length <= limit {
                // The line goes on in the next chunk: from here on it is a copy.
                line = spansChunks ? line + buffer[start..<end] : ArraySlice(Array(buffer[start..<end]))
                spansChunks = true
            }
            start = end
        }
        lineNumber += 1
        lastLineBytes = length + (ended ? 1 : 0)
        lastLineEnded = ended
        if length > limit { return .tooLong(bytes: length) }
        if line.last == 0x0D { line = line.dropLast() }
        return .line(line)
    }

    /// The index of the next "\n" in the buffered bytes.
    private func newline() -> Int? {
        buffer.withUnsafeBufferPointer { ByteScan.firstIndex(of: 0x0A, in: $0, from: start, to: end) }
    }

    /// Reads the next chunk; false at the end of the input or when a signal has asked to stop.
    /// It waits for input in steps of a fifth of a second and asks `interrupted` between them,
    /// so a signal that came just before the wait is not missed (a read the signal breaks ends
    /// too: the handlers are installed without `SA_RESTART`).
    private func fill() -> Bool {
        start = 0
        end = 0
        while true {
            if interrupted() {
                stopped = true
                eof = true
                return false
            }
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&ready, 1, 200) <= 0 { continue }  // nothing yet, or a signal: ask again
            var n = 0
            // A new chunk each time (lines handed out are views of the old one), not zeroed first.
            let chunk = [UInt8](unsafeUninitializedCapacity: 1 << 20) { buffer, count in
                n = read(fd, buffer.baseAddress, buffer.count)
                count = max(n, 0)
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { eof = true; return false }
            buffer = chunk
            end = n
            return true
        }
    }
}
