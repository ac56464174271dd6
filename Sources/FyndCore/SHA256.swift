import CCrypto

/// SHA-256 of a byte sequence, as lower-case hex, by the system's libcrypto. Used for input
/// hashes (every input byte passes through it) and the rule-pack version.
public enum SHA256 {
    /// The hex digest of `bytes`.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ digestHex(UnsafeRawBufferPointer($0)) }) { return digest }
        return Array(bytes).withUnsafeBytes { digestHex($0) }
    }

    private static func digestHex(_ message: UnsafeRawBufferPointer) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
            _ = CCrypto.SHA256(message.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count, digest.baseAddress)
            let hexDigits = Array("0123456789abcdef".utf8)
            return String(unsafeUninitializedCapacity: 64) { out in
                for (i, b) in digest.enumerated() {
                    out[2 * i] = hexDigits[Int(b >> 4)]
                    out[2 * i + 1] = hexDigits[Int(b & 0x0F)]
                }
                return 64
            }
        }
    }
}
