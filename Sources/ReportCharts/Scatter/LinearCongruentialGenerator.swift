/// A 64-bit linear congruential generator (Knuth's MMIX constants): tiny, fast and the same
/// on every platform, for the charts' reproducible down-sampling. Not for statistics — the
/// models get their randomness from ReportData, which ReportCharts does not import.
struct LinearCongruentialGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    init(seed: UInt64) {
        // Scramble the seed so that neighbouring seeds start far apart.
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        state = z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        // The low bits of an LCG are weak; fold the high half down.
        return state ^ (state >> 29)
    }

    /// A uniform double in `0..<1` from the top 53 bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
