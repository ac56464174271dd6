import CICU
import FyndCore

/// An ICU break iterator over UTF-8 bytes (sentence or word rules, Swedish locale).
/// Not thread-safe: each worker owns its own.
final class BreakIterator {
    private let handle: OpaquePointer
    /// Whether rule statuses are read (word breaks tell words from punctuation by them).
    private let wantsStatuses: Bool
    /// What one call into ICU fills.
    private var batchOffsets = [Int64](repeating: 0, count: 512)
    private var batchStatuses = [Int32](repeating: 0, count: 512)

    enum Kind { case sentence, word, sentenceOverWholeText }

    init(_ kind: Kind, locale: String = "sv") throws(SegmentError) {
        var status: Int32 = 0
        let code = switch kind {
        case .sentence: FYND_BREAK_SENTENCE
        case .word: FYND_BREAK_WORD
        case .sentenceOverWholeText: FYND_BREAK_SENTENCE_WHOLE_TEXT
        }
        guard let h = fynd_breaker_open(Int32(code), locale, &status), status <= 0 else {
            throw SegmentError(message: "ICU could not open a \(kind) break iterator (status \(status))")
        }
        handle = h
        wantsStatuses = kind == .word
    }

    deinit { fynd_breaker_close(handle) }

    /// Calls `body` with each break position (a byte offset into `bytes`, 0 and the count
    /// included), in order, with ICU's rule status of the segment that ends there (word breaks;
    /// 0 for sentence breaks, whose statuses nobody reads). Read from ICU in batches, so that
    /// memory does not grow with the text.
    func forEachBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ offset: Int, _ status: Int32) -> Void) {
        var status: Int32 = 0
        guard fynd_breaker_set_text(handle, bytes.baseAddress, Int64(bytes.count), &status) == 0 else {
            body(0, 0)
            body(bytes.count, 0)
            return
        }
        var any = false
        batchOffsets.withUnsafeMutableBufferPointer { offsets in
            batchStatuses.withUnsafeMutableBufferPointer { statuses in
                while true {
                    let n = Int(fynd_breaker_next(handle, offsets.baseAddress, wantsStatuses ? statuses.baseAddress : nil, Int32(offsets.count)))
                    for k in 0..<n { body(Int(offsets[k]), wantsStatuses ? statuses[k] : 0) }
                    any = any || n > 0
                    if n < offsets.count { break }
                }
            }
        }
        if !any {
            body(0, 0)
            body(bytes.count, 0)
        }
    }
}

/// ICU failed to set up segmentation (missing data, out of memory).
public struct SegmentError: Error, Sendable {
    public var message: String
}

/// Swedish lower-casing through ICU, on UTF-8 bytes.
enum SwedishCase {
    /// Appends the bytes lower-cased as `lower` has them, without a `String` for the ASCII and
    /// Latin-1 words that most Swedish text is made of.
    static func appendLower(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard Latin1Case.isLatin1(bytes) else { return out.append(contentsOf: lower(bytes).utf8) }
        var previous: UInt8 = 0
        for b in bytes {
            out.append(Latin1Case.lower(b, after: previous))
            previous = b
        }
    }

    static func lower(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // ASCII and Latin-1 letters (å, ä, ö, é …), most Swedish words, need no ICU call: their
        // lower case is the same code point + 32, the same length in UTF-8.
        if Latin1Case.isLatin1(bytes) {
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                _ = out.initialize(from: Latin1Case.lowered(bytes))
                return bytes.count
            }
        }
        var status: Int32 = 0
        var capacity = bytes.count + 8
        while true {
            var result: String?
            let needed = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { out -> Int32 in
                let n = fynd_lower_sv(bytes.baseAddress, Int32(bytes.count), out.baseAddress, Int32(capacity), &status)
                if n >= 0 && Int(n) <= capacity { result = String(decoding: UnsafeBufferPointer(rebasing: out[0..<Int(n)]), as: UTF8.self) }
                return n
            }
            if let result { return result }
            if needed < 0 { return String(decoding: bytes, as: UTF8.self) }
            capacity = Int(needed)
        }
    }
}
