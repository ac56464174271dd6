#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed map from byte strings to integers, looked up by the bytes of a word in place: no
/// `String` is made, hashed or compared. Open addressing (FNV-1a hash, linear probing) in a
/// table at most half full; the keys lie one after another in one array.
///
/// Building costs one pass over the keys; a lookup hashes the word once and compares its bytes
/// with the one or two keys in its probe sequence.
public struct ByteTable: Sendable, Equatable {
    /// Per slot: the index of its entry plus one, 0 for an empty slot.
    private var slots: [Int32]
    /// Every key's bytes, one after another.
    public private(set) var keyBytes: [UInt8] = []
    private var keyEnds: [Int] = []
    private var values: [Int] = []
    private let mask: Int

    /// `entries`: keys (their UTF-8) and their values; a key given twice keeps its first value.
    public init(_ entries: some Collection<(key: String, value: Int)>) {
        var size = 16
        while size < 2 * entries.count { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (key, value) in entries {
            let start = keyBytes.count
            var key = key
            key.withUTF8 { keyBytes.append(contentsOf: $0) }
            let (slot, found) = find(keyBytes[start...])
            guard found == nil else {
                keyBytes.removeSubrange(start...)
                continue
            }
            keyEnds.append(keyBytes.count)
            values.append(value)
            slots[slot] = Int32(values.count)
        }
    }

    /// The value of the key with exactly these bytes.
    public func value(_ key: ArraySlice<UInt8>) -> Int? { find(key).value }

    /// The slot where `key` is or would go, and its value when it is there.
    private func find(_ key: ArraySlice<UInt8>) -> (slot: Int, value: Int?) {
        key.withUnsafeBufferPointer { key in
            keyBytes.withUnsafeBufferPointer { keys in
                var slot = Self.hash(key) & mask
                while slots[slot] != 0 {
                    let entry = Int(slots[slot]) - 1
                    let start = entry == 0 ? 0 : keyEnds[entry - 1]
                    if keyEnds[entry] - start == key.count, key.isEmpty || memcmp(keys.baseAddress! + start, key.baseAddress!, key.count) == 0 {
                        return (slot, values[entry])
                    }
                    slot = (slot + 1) & mask
                }
                return (slot, nil)
            }
        }
    }

    /// Whether some key has exactly these bytes.
    public func contains(_ key: ArraySlice<UInt8>) -> Bool { value(key) != nil }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}

/// The table in a compiled pack (`PackFormat`): its slots, keys and values as they are, so that
/// reading it hashes nothing.
extension ByteTable {
    public func encode(into w: inout PackWriter) {
        w.uint32s(slots)
        w.string(String(decoding: keyBytes, as: UTF8.self))
        w.starts([0] + keyEnds.map(Int32.init))
        w.uint32s(values.map(Int32.init))
    }

    /// The table `encode(into:)` wrote, its values checked to lie below `valuesBelow`.
    public init(decoding r: inout PackReader, valuesBelow: Int) throws(PackFormatError) {
        slots = try r.uint32s()
        keyBytes = Array(try r.string().utf8)
        keyEnds = try r.starts().dropFirst().map(Int.init)
        values = try r.uint32s(below: Int32(valuesBelow)).map(Int.init)
        mask = slots.count - 1
        guard slots.count >= 16, slots.count & mask == 0, 2 * values.count <= slots.count, keyEnds.count == values.count, keyEnds.last ?? 0 == keyBytes.count, slots.allSatisfy({ Int($0) <= values.count }) else {
            throw r.failure("a byte table of \(slots.count) slots and \(values.count) keys that do not fit")
        }
    }
}

