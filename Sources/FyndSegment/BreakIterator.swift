import CICU
import FyndCore

/// An ICU break iterator over UTF-8 bytes (sentence or word rules, Swedish locale).
/// Not thread-safe: each worker owns its own.
final class BreakIterator {
    private let handle: OpaquePointer
    /// Whether rule statuses are read (word breaks tell words from punctuation by them).
    private let wantsStatuses: Bool
    private var offsets: [Int64] = []
    private var statuses: [Int32] = []
    /// What one call into ICU fills.
    private var batchOffsets = [Int64](repeating: 0, count: 512)
    private var batchStatuses = [Int32](repeating: 0, count: 512)

    /// `sentenceOverWholeText`: sentence breaks with ICU reading every character (the
    /// reference for the shortcuts that `sentence` takes).
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

    /// Break positions (byte offsets relative to `bytes.startIndex`, 0 and count included),
    /// with ICU's rule status of the segment that ends at each position (word breaks; 0 for
    /// sentence breaks, whose statuses nobody reads). Read from ICU in
    /// batches, so memory grows with the number of breaks, not with the text.
    func breaks(_ bytes: UnsafeBufferPointer<UInt8>) -> (offsets: ArraySlice<Int64>, statuses: ArraySlice<Int32>) {
        offsets.removeAll(keepingCapacity: true)
        statuses.removeAll(keepingCapacity: true)
        var status: Int32 = 0
        guard fynd_breaker_set_text(handle, bytes.baseAddress, Int64(bytes.count), &status) == 0 else {
            return ([0, Int64(bytes.count)], [0, 0])
        }
        while true {
            let n = batchOffsets.withUnsafeMutableBufferPointer { o in
                batchStatuses.withUnsafeMutableBufferPointer { s in
                    fynd_breaker_next(handle, o.baseAddress, wantsStatuses ? s.baseAddress : nil, Int32(o.count))
                }
            }
            offsets.append(contentsOf: batchOffsets[0..<Int(n)])
            statuses.append(contentsOf: batchStatuses[0..<Int(n)])
            if Int(n) < batchOffsets.count { break }
        }
        guard !offsets.isEmpty else { return ([0, Int64(bytes.count)], [0, 0]) }
        return (offsets[...], statuses[...])
    }
}

/// ICU failed to set up segmentation (missing data, out of memory).
public struct SegmentError: Error, Sendable {
    public var message: String
}

/// Swedish lower-casing through ICU, on UTF-8 bytes.
enum SwedishCase {
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
