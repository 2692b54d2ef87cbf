/// How well one feature separates classes, measured on their kernel density estimates.
///
/// The measure is the mean, over every pair of classes, of the overlap coefficient
/// `∫ min(p, q) dx` of the two class densities (0 = disjoint, 1 = identical), integrated by the
/// trapezoidal rule on a shared grid. A feature whose classes all look alike scores near 1.
public enum ClassSeparability {
    /// The overlap coefficient of two densities sampled on the same evenly spaced grid.
    public static func overlap(_ p: [Double], _ q: [Double], grid: [Double]) -> Double {
        precondition(p.count == grid.count && q.count == grid.count, "densities and grid differ in length")
        guard grid.count >= 2 else { return 0 }
        var area = 0.0
        for index in 1..<grid.count {
            let left = min(p[index - 1], q[index - 1])
            let right = min(p[index], q[index])
            area += (left + right) / 2 * (grid[index] - grid[index - 1])
        }
        return min(max(area, 0), 1)
    }

    /// Mean pairwise overlap of class densities on one grid (nil with fewer than two classes).
    public static func meanPairwiseOverlap(_ densities: [[Double]], grid: [Double]) -> Double? {
        guard densities.count >= 2 else { return nil }
        var total = 0.0
        var pairs = 0
        for i in 0..<densities.count {
            for j in (i + 1)..<densities.count {
                total += overlap(densities[i], densities[j], grid: grid)
                pairs += 1
            }
        }
        return total / Double(pairs)
    }
}
