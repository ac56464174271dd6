import CCrypto

/// SHA-256 of a byte sequence, as lower-case hex, by the system's libcrypto. Used for input
/// hashes (every input byte passes through it) and the rule-pack version.
public enum SHA256 {
    /// The hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes(hex) }

    /// The hex digest of `bytes`.
    public static func hex(_ bytes: ArraySlice<UInt8>) -> String { bytes.withUnsafeBytes(hex) }

    /// The hex digest of the bytes in `message`.
    private static func hex(_ message: UnsafeRawBufferPointer) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
            let empty: UInt8 = 0
            let ok = withUnsafePointer(to: empty) { fallback in
                fynd_sha256(message.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? fallback, message.count, digest.baseAddress)
            }
            precondition(ok == 1, "libcrypto could not compute SHA-256")
            return String(unsafeUninitializedCapacity: 64) { out in
                let hexDigits: StaticString = "0123456789abcdef"
                for (i, b) in digest.enumerated() {
                    out[2 * i] = hexDigits.utf8Start[Int(b >> 4)]
                    out[2 * i + 1] = hexDigits.utf8Start[Int(b & 0x0F)]
                }
                return 64
            }
        }
    }
}
