/// Reproducible numbers for generated test inputs: SplitMix64 from a fixed seed, so a failing
/// generated line is the same line on every run.
struct SeededNumbers {
    private var state: UInt64

    init(seed: UInt64 = 0x5EED) {
        state = seed
    }

    /// A number in `0..<n`.
    mutating func next(_ n: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(n))
    }
}
