/// Deterministic down-sampling for scatter plots, so 100 000 points draw in milliseconds and
/// the same data always shows the same points.
public enum PointSampling {
    /// `keep` distinct indices of `0..<count`, ascending, chosen uniformly at random by
    /// selection sampling (Knuth's Algorithm S) driven by a generator seeded with `seed`.
    /// All indices when `keep >= count`.
    public static func indices(count: Int, keep: Int, seed: UInt64) -> [Int] {
        guard keep < count else { return Array(0..<max(0, count)) }
        guard keep > 0 else { return [] }
        var generator = LinearCongruentialGenerator(seed: seed)
        var chosen = [Int]()
        chosen.reserveCapacity(keep)
        for i in 0..<count where chosen.count < keep {
            // Take item i with probability (still needed) / (still available).
            if Double(count - i) * generator.nextUnit() < Double(keep - chosen.count) { chosen.append(i) }
        }
        return chosen
    }

    /// How many of each group's `sizes` to keep so that at most `total` are kept in all and
    /// every group keeps its share (largest remainders; a non-empty group keeps at least one
    /// point while the budget allows).
    public static func quotas(sizes: [Int], total: Int) -> [Int] {
        let n = sizes.reduce(0, +)
        guard n > total, total > 0 else { return total <= 0 ? sizes.map { _ in 0 } : sizes }
        let exact = sizes.map { Double($0) * Double(total) / Double(n) }
        var quotas = exact.map { Int($0) }
        for i in sizes.indices where quotas[i] == 0 && sizes[i] > 0 && quotas.reduce(0, +) < total { quotas[i] = 1 }
        let order = sizes.indices.sorted { (exact[$0] - exact[$0].rounded(.down), -$0) > (exact[$1] - exact[$1].rounded(.down), -$1) }
        var left = total - quotas.reduce(0, +)
        for i in order where left > 0 && quotas[i] < sizes[i] {
            quotas[i] += 1
            left -= 1
        }
        return quotas
    }
}
