import CICU

/// An ICU break iterator over UTF-8 bytes (sentence or word rules, Swedish locale).
/// Not thread-safe: each worker owns its own.
final class BreakIterator {
    private let handle: OpaquePointer
    private var offsets: [Int64] = []
    private var statuses: [Int32] = []

    enum Kind { case sentence, word }

    init(_ kind: Kind, locale: String = "sv") throws(SegmentError) {
        var status: Int32 = 0
        guard let h = fynd_breaker_open(kind == .word ? Int32(FYND_BREAK_WORD) : Int32(FYND_BREAK_SENTENCE), locale, &status), status <= 0 else {
            throw SegmentError(message: "ICU could not open a \(kind) break iterator (status \(status))")
        }
        handle = h
    }

    deinit { fynd_breaker_close(handle) }

    /// Break positions (byte offsets relative to `bytes.startIndex`, 0 and count included),
    /// with ICU's rule status of the segment that ends at each position.
    func breaks(_ bytes: UnsafeBufferPointer<UInt8>) -> (offsets: ArraySlice<Int64>, statuses: ArraySlice<Int32>) {
        let capacity = bytes.count + 1
        if offsets.count < capacity {
            offsets = [Int64](repeating: 0, count: capacity)
            statuses = [Int32](repeating: 0, count: capacity)
        }
        var status: Int32 = 0
        let n = offsets.withUnsafeMutableBufferPointer { o in
            statuses.withUnsafeMutableBufferPointer { s in
                fynd_breaker_breaks(handle, bytes.baseAddress, Int64(bytes.count), o.baseAddress, s.baseAddress, Int32(capacity), &status)
            }
        }
        guard n > 0 else { return ([0, Int64(bytes.count)], [0, 0]) }
        return (offsets[0..<Int(n)], statuses[0..<Int(n)])
    }
}

/// ICU failed to set up segmentation (missing data, out of memory).
public struct SegmentError: Error, Sendable {
    public var message: String
}

/// Swedish lower-casing through ICU, on UTF-8 bytes.
enum SwedishCase {
    static func lower(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (i, b) in bytes.enumerated() { out[i] = (b >= 65 && b <= 90) ? b + 32 : b }
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
