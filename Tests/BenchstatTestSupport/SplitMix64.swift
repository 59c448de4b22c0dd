/// SplitMix64 (Steele, Lea and Flood 2014): a small seeded generator, so that a test's random
/// values, shuffles and permutations are reproducible from its seed. The sequence for a seed is
/// fixed: tests that pin values depend on it bit for bit.
public struct SplitMix64: RandomNumberGenerator {
    /// The generator's state, advanced by the golden-ratio increment on every draw.
    public var state: UInt64

    /// A generator whose first draw mixes `seed + 0x9E3779B97F4A7C15`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
