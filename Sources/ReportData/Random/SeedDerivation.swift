/// Derives independent, reproducible seeds from a base seed and a label (a step id, a
/// genre, a tree index…).
public enum SeedDerivation {
    /// The seed for `label` under `seed`: SplitMix64's mix of `seed` xor the mixed 64-bit
    /// FNV-1a hash of the label's UTF-8 bytes.
    ///
    /// Stable across runs, processes and machines (it never uses Swift's randomly seeded
    /// `Hasher`).
    public static func derive(_ seed: UInt64, _ label: String) -> UInt64 {
        SplitMix64.mix(seed ^ SplitMix64.mix(fnv1a(label)))
    }

    /// The 64-bit FNV-1a hash of the UTF-8 bytes of `text`.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
