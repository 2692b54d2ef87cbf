import Foundation
import ReportData

/// k-means clustering as scikit-learn's `KMeans` (Lloyd's algorithm): greedy k-means++
/// seeding with `2 + ⌊ln k⌋` local trials, iterations until the centres move less than
/// `tolerance × mean feature variance` (squared), `restarts` runs with independent seeds
/// (`SeedDerivation.derive(seed, "init-i")`), the lowest inertia kept.
///
/// Restarts run in parallel; each restart's assignment step uses fixed row chunks
/// (`RowChunks`) reduced in order, so the result never depends on the thread count.
public struct KMeans: Sendable {
    public var clusters: Int
    public var restarts: Int
    public var maxIterations: Int
    public var tolerance: Double

    public init(clusters: Int, restarts: Int = 10, maxIterations: Int = 300, tolerance: Double = 1e-4) {
        self.clusters = clusters
        self.restarts = restarts
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }

    /// Rows per chunk of the assignment step.
    static let chunkSize = 4096

    /// Fits on `x`; throws `MLError` for invalid parameters or data.
    public func fit(_ x: FeatureMatrix, context: FitContext) throws -> KMeansModel {
        guard clusters >= 1 else { throw MLError("k must be at least 1, found \(clusters)") }
        guard restarts >= 1 else { throw MLError("n-init must be at least 1, found \(restarts)") }
        guard maxIterations >= 1 else { throw MLError("max-iter must be at least 1, found \(maxIterations)") }
        guard x.rows > 0, x.columns > 0 else { throw MLError("there are no rows or no features to cluster") }
        guard clusters <= x.rows else {
            throw MLError("k = \(clusters) is larger than the number of rows (\(x.rows))")
        }
        if let (row, column) = x.firstNonFinite {
            throw MLError("feature \(column + 1) of row \(row + 1) is missing or not finite (NaN); clean or impute the data first")
        }
        let threshold = tolerance * Self.meanVariance(x)
        let seeds = (0..<restarts).map { SeedDerivation.derive(context.seed, "init-\($0)") }
        // Parallel over restarts (one chunk each); inner loops single-threaded when restarts
        // already fill the workers, otherwise chunked rows use the remaining threads.
        let outer = max(1, min(context.threads, restarts))
        let inner = max(1, context.threads / outer)
        let done = ProgressCounter(total: restarts, progress: context.progress)
        let runs = RowChunks.map(count: restarts, chunkSize: 1, threads: outer) { range in
            let run = Self.single(x, k: clusters, seed: seeds[range.lowerBound], maxIterations: maxIterations,
                                  threshold: threshold, threads: inner)
            done.tick()
            return run
        }
        var best = runs[0]
        for run in runs.dropFirst() where run.inertia < best.inertia { best = run }
        return KMeansModel(centroids: FeatureMatrix(rows: clusters, columns: x.columns, values: best.centers),
                           labels: best.labels, inertia: best.inertia, iterations: best.iterations,
                           restartInertias: runs.map(\.inertia))
    }

    struct Run: Sendable {
        var centers: [Double]
        var labels: [Int]
        var inertia: Double
        var iterations: Int
    }

    /// Mean over features of the (population) variance, as sklearn's `_tolerance`.
    static func meanVariance(_ x: FeatureMatrix) -> Double {
        var total = 0.0
        for column in 0..<x.columns {
            var mean = 0.0
            for row in 0..<x.rows { mean += x[row, column] }
            mean /= Double(x.rows)
            var sum = 0.0
            for row in 0..<x.rows {
                let d = x[row, column] - mean
                sum += d * d
            }
            total += sum / Double(x.rows)
        }
        return total / Double(x.columns)
    }

    @inline(__always)
    static func squaredDistance(_ a: UnsafeBufferPointer<Double>, _ aStart: Int,
                                _ b: UnsafeBufferPointer<Double>, _ bStart: Int, _ d: Int) -> Double {
        var sum = 0.0
        for j in 0..<d {
            let diff = a[aStart + j] - b[bStart + j]
            sum += diff * diff
        }
        return sum
    }

    /// One seeding and Lloyd run. Assignments use Hamerly's bounds (an upper bound on the
    /// distance to the assigned centre, a lower bound on the distance to any other) to skip
    /// rows whose centre cannot have changed; the centres and stopping rule are Lloyd's.
    static func single(_ x: FeatureMatrix, k: Int, seed: UInt64, maxIterations: Int, threshold: Double,
                       threads: Int) -> Run {
        var rng = Xoshiro256StarStar(seed: seed)
        var centers = plusPlus(x, k: k, rng: &rng)
        let n = x.rows, d = x.columns
        let state = BoundState(rows: n)
        defer { state.release() }
        var full = true
        var halfGap = [Double](repeating: 0, count: k)
        var iterations = 0
        for iteration in 1...maxIterations {
            iterations = iteration
            // Assignment with the current centres.
            if k > 1 {
                for c in 0..<k {
                    var nearest = Double.infinity
                    for other in 0..<k where other != c {
                        var sum = 0.0
                        for j in 0..<d {
                            let diff = centers[c * d + j] - centers[other * d + j]
                            sum += diff * diff
                        }
                        nearest = min(nearest, sum)
                    }
                    halfGap[c] = 0.5 * nearest.squareRoot()
                }
            }
            let gaps = halfGap
            let currentCenters = centers
            let fullPass = full
            _ = RowChunks.map(count: n, chunkSize: chunkSize, threads: threads) { rows in
                boundedAssign(x, centers: currentCenters, k: k, halfGap: gaps, full: fullPass, rows: rows, state: state)
                return 0
            }
            full = false
            // New centres: per-chunk sums reduced in chunk order.
            let parts = RowChunks.map(count: n, chunkSize: chunkSize, threads: threads) { rows in
                clusterSums(x, k: k, rows: rows, state: state)
            }
            var sums = [Double](repeating: 0, count: k * d)
            var counts = [Int](repeating: 0, count: k)
            for part in parts {
                for i in 0..<sums.count { sums[i] += part.sums[i] }
                for c in 0..<k { counts[c] += part.counts[c] }
            }
            if counts.contains(0) {
                relocateEmpty(x, centers: centers, k: k, sums: &sums, counts: &counts, state: state)
                full = true
            }
            var newCenters = centers
            for c in 0..<k where counts[c] > 0 {
                for j in 0..<d { newCenters[c * d + j] = sums[c * d + j] / Double(counts[c]) }
            }
            var shift = 0.0
            var moved = [Double](repeating: 0, count: k)
            for c in 0..<k {
                var sum = 0.0
                for j in 0..<d {
                    let diff = newCenters[c * d + j] - centers[c * d + j]
                    sum += diff * diff
                }
                shift += sum
                moved[c] = sum.squareRoot()
            }
            centers = newCenters
            if shift <= threshold { break }
            // Move the bounds by how far the centres moved.
            var largest = 0, largestMove = -1.0, secondMove = 0.0
            for c in 0..<k {
                if moved[c] > largestMove {
                    secondMove = max(secondMove, largestMove)
                    largestMove = moved[c]
                    largest = c
                } else {
                    secondMove = max(secondMove, moved[c])
                }
            }
            let movedNow = moved
            let top = largest, topMove = largestMove, nextMove = secondMove
            _ = RowChunks.map(count: n, chunkSize: chunkSize, threads: threads) { rows in
                for row in rows {
                    let label = state.labels[row]
                    state.upper[row] += movedNow[label]
                    state.lower[row] -= label == top ? nextMove : topMove
                }
                return 0
            }
        }
        // Final E-step so labels and inertia match the returned centres (as sklearn does).
        let final = assign(x, centers: centers, k: k, threads: threads)
        return Run(centers: centers, labels: final.labels, inertia: final.inertia, iterations: iterations)
    }

    /// Labels and Hamerly bounds of every row, written by chunks of disjoint rows.
    final class BoundState: @unchecked Sendable {
        let labels: UnsafeMutableBufferPointer<Int>
        let upper: UnsafeMutableBufferPointer<Double>
        let lower: UnsafeMutableBufferPointer<Double>

        init(rows: Int) {
            labels = .allocate(capacity: rows)
            labels.initialize(repeating: 0)
            upper = .allocate(capacity: rows)
            upper.initialize(repeating: .infinity)
            lower = .allocate(capacity: rows)
            lower.initialize(repeating: 0)
        }

        func release() {
            labels.deallocate()
            upper.deallocate()
            lower.deallocate()
        }
    }

    struct Sums: Sendable {
        var sums: [Double]
        var counts: [Int]
    }

    static func clusterSums(_ x: FeatureMatrix, k: Int, rows: Range<Int>, state: BoundState) -> Sums {
        let d = x.columns
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        x.values.withUnsafeBufferPointer { xv in
            sums.withUnsafeMutableBufferPointer { sp in
                for row in rows {
                    let label = state.labels[row]
                    counts[label] += 1
                    for j in 0..<d { sp[label * d + j] += xv[row * d + j] }
                }
            }
        }
        return Sums(sums: sums, counts: counts)
    }

    /// Hamerly's assignment of `rows`: rows whose bounds prove the centre unchanged are skipped.
    static func boundedAssign(_ x: FeatureMatrix, centers: [Double], k: Int, halfGap: [Double], full: Bool,
                              rows: Range<Int>, state: BoundState) {
        let d = x.columns
        let blocks = (k + 3) / 4
        let transposed = transposedCenters(centers, k: k, d: d)
        var distances = [SIMD4<Double>](repeating: SIMD4(repeating: 0), count: blocks)
        x.values.withUnsafeBufferPointer { xv in
          centers.withUnsafeBufferPointer { cv in
            transposed.withUnsafeBufferPointer { ct in
              distances.withUnsafeMutableBufferPointer { dist in
                for row in rows {
                    let label = state.labels[row]
                    if !full {
                        let bound = max(halfGap[label], state.lower[row])
                        if state.upper[row] <= bound { continue }
                        let exact = squaredDistance(xv, row * d, cv, label * d, d).squareRoot()
                        state.upper[row] = exact
                        if exact <= bound { continue }
                    }
                    rowDistances(xv, base: row * d, d: d, ct: ct, blocks: blocks, into: dist)
                    var best = 0, bestDistance = dist[0][0], second = Double.infinity
                    for c in 1..<max(1, k) {
                        let value = dist[c / 4][c % 4]
                        if value < bestDistance {
                            second = bestDistance
                            bestDistance = value
                            best = c
                        } else if value < second {
                            second = value
                        }
                    }
                    state.labels[row] = best
                    state.upper[row] = bestDistance.squareRoot()
                    state.lower[row] = second.squareRoot()
                }
              }
            }
          }
        }
    }

    /// Gives each empty cluster the row farthest from its centre (as sklearn's relocation).
    static func relocateEmpty(_ x: FeatureMatrix, centers: [Double], k: Int, sums: inout [Double],
                              counts: inout [Int], state: BoundState) {
        let d = x.columns
        var distances = [Double](repeating: 0, count: x.rows)
        x.values.withUnsafeBufferPointer { xv in
            centers.withUnsafeBufferPointer { cv in
                for row in 0..<x.rows { distances[row] = squaredDistance(xv, row * d, cv, state.labels[row] * d, d) }
            }
        }
        let far = distances.indices.sorted { distances[$0] > distances[$1] || (distances[$0] == distances[$1] && $0 < $1) }
        let empty = (0..<k).filter { counts[$0] == 0 }
        for (index, cluster) in empty.enumerated() where index < far.count {
            let row = far[index]
            let old = state.labels[row]
            guard counts[old] > 1 else { continue }
            for j in 0..<d {
                sums[old * d + j] -= x[row, j]
                sums[cluster * d + j] = x[row, j]
            }
            counts[old] -= 1
            counts[cluster] = 1
            state.labels[row] = cluster
        }
    }

    struct Assignment: Sendable {
        var labels: [Int]
        var inertia: Double
    }

    /// Per-chunk partial sums of one Lloyd iteration.
    struct Partial: Sendable {
        var labels: [Int]
        var sums: [Double]
        var counts: [Int]
        var inertia: Double
    }

    /// Squared distances of the row at `base` to every centre (`ct`: centres transposed in
    /// blocks of four, see `transposedCenters`), summed over the features in order.
    @inline(__always)
    static func rowDistances(_ xv: UnsafeBufferPointer<Double>, base: Int, d: Int, ct: UnsafeBufferPointer<SIMD4<Double>>,
                             blocks: Int, into dist: UnsafeMutableBufferPointer<SIMD4<Double>>) {
        if blocks <= 4 {
            // Up to 16 centres: accumulate in registers.
            var d0 = SIMD4<Double>(repeating: 0), d1 = d0, d2 = d0, d3 = d0
            for j in 0..<d {
                let value = SIMD4<Double>(repeating: xv[base + j])
                let offset = j * blocks
                let e0 = value - ct[offset]
                d0 += e0 * e0
                if blocks > 1 {
                    let e1 = value - ct[offset + 1]
                    d1 += e1 * e1
                }
                if blocks > 2 {
                    let e2 = value - ct[offset + 2]
                    d2 += e2 * e2
                }
                if blocks > 3 {
                    let e3 = value - ct[offset + 3]
                    d3 += e3 * e3
                }
            }
            dist[0] = d0
            if blocks > 1 { dist[1] = d1 }
            if blocks > 2 { dist[2] = d2 }
            if blocks > 3 { dist[3] = d3 }
        } else {
            for b in 0..<blocks { dist[b] = SIMD4(repeating: 0) }
            for j in 0..<d {
                let value = SIMD4<Double>(repeating: xv[base + j])
                let offset = j * blocks
                for b in 0..<blocks {
                    let diff = value - ct[offset + b]
                    dist[b] += diff * diff
                }
            }
        }
    }

    /// Centres transposed (feature-major) in blocks of four centres.
    static func transposedCenters(_ centers: [Double], k: Int, d: Int) -> [SIMD4<Double>] {
        let blocks = (k + 3) / 4
        var transposed = [SIMD4<Double>](repeating: SIMD4(repeating: 0), count: blocks * d)
        for c in 0..<k {
            for j in 0..<d { transposed[j * blocks + c / 4][c % 4] = centers[c * d + j] }
        }
        return transposed
    }

    static func partial(_ x: FeatureMatrix, centers: [Double], k: Int, rows: Range<Int>) -> Partial {
        let d = x.columns
        var labels = [Int](repeating: 0, count: rows.count)
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        var inertia = 0.0
        // Centres transposed (feature-major) in blocks of four, so each row's distances to four
        // centres are computed at once with SIMD; every distance is still summed over the
        // features in order, so results do not depend on the machine.
        let blocks = (k + 3) / 4
        let transposed = transposedCenters(centers, k: k, d: d)
        var distances = [SIMD4<Double>](repeating: SIMD4(repeating: 0), count: blocks)
        x.values.withUnsafeBufferPointer { xv in
            transposed.withUnsafeBufferPointer { ct in
                distances.withUnsafeMutableBufferPointer { dist in
                    sums.withUnsafeMutableBufferPointer { sumsPointer in
                        for row in rows {
                            let base = row * d
                            rowDistances(xv, base: base, d: d, ct: ct, blocks: blocks, into: dist)
                            var best = 0
                            var bestDistance = dist[0][0]
                            for c in 1..<max(1, k) {
                                let value = dist[c / 4][c % 4]
                                if value < bestDistance {
                                    bestDistance = value
                                    best = c
                                }
                            }
                            labels[row - rows.lowerBound] = best
                            counts[best] += 1
                            inertia += bestDistance
                            for j in 0..<d { sumsPointer[best * d + j] += xv[base + j] }
                        }
                    }
                }
            }
        }
        return Partial(labels: labels, sums: sums, counts: counts, inertia: inertia)
    }

    static func assign(_ x: FeatureMatrix, centers: [Double], k: Int, threads: Int) -> Assignment {
        let parts = RowChunks.map(count: x.rows, chunkSize: chunkSize, threads: threads) { rows in
            partial(x, centers: centers, k: k, rows: rows)
        }
        var labels: [Int] = []
        labels.reserveCapacity(x.rows)
        var inertia = 0.0
        for part in parts {
            labels.append(contentsOf: part.labels)
            inertia += part.inertia
        }
        return Assignment(labels: labels, inertia: inertia)
    }

    /// Greedy k-means++ (sklearn's `_kmeans_plusplus`): each new centre is the best of
    /// `2 + ⌊ln k⌋` candidates drawn in proportion to the squared distance to the nearest
    /// centre so far, the one giving the lowest potential.
    static func plusPlus(_ x: FeatureMatrix, k: Int, rng: inout Xoshiro256StarStar) -> [Double] {
        let n = x.rows, d = x.columns
        let trials = 2 + Int(DeterministicMath.log(Double(k)))
        var centers = [Double](repeating: 0, count: k * d)
        let first = rng.nextInt(below: n)
        for j in 0..<d { centers[j] = x[first, j] }
        var closest = [Double](repeating: 0, count: n)
        x.values.withUnsafeBufferPointer { xv in
            for row in 0..<n { closest[row] = squaredDistance(xv, row * d, xv, first * d, d) }
        }
        // Cumulative sums for sampling (recomputed after each centre).
        var cumulative = [Double](repeating: 0, count: n)
        for c in 1..<max(1, k) {
            var running = 0.0
            for row in 0..<n {
                running += closest[row]
                cumulative[row] = running
            }
            var candidates: [Int] = []
            for _ in 0..<trials {
                let target = rng.nextDouble() * running
                // First index with cumulative > target (numpy searchsorted 'right' semantics on cumsum).
                var lo = 0, hi = n - 1
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if cumulative[mid] <= target { lo = mid + 1 } else { hi = mid }
                }
                candidates.append(lo)
            }
            var bestCandidate = candidates[0]
            var bestPotential = Double.infinity
            var bestClosest = closest
            x.values.withUnsafeBufferPointer { xv in
                var trial = [Double](repeating: 0, count: n)
                for candidate in candidates {
                    var sum = 0.0
                    for row in 0..<n {
                        let dist = min(closest[row], squaredDistance(xv, row * d, xv, candidate * d, d))
                        trial[row] = dist
                        sum += dist
                    }
                    if sum < bestPotential {
                        bestPotential = sum
                        bestCandidate = candidate
                        bestClosest = trial
                    }
                }
            }
            closest = bestClosest
            for j in 0..<d { centers[c * d + j] = x[bestCandidate, j] }
        }
        return centers
    }
}

/// A fitted k-means model.
public struct KMeansModel: Sendable, Equatable {
    /// Cluster centres, `k × features`.
    public let centroids: FeatureMatrix
    /// Cluster of every training row.
    public let labels: [Int]
    /// Sum of squared distances of the rows to their centres.
    public let inertia: Double
    /// Lloyd iterations of the kept restart.
    public let iterations: Int
    /// Inertia of every restart, in restart order.
    public let restartInertias: [Double]

    public var clusterCount: Int { centroids.rows }

    /// Rows per cluster.
    public var sizes: [Int] {
        var counts = [Int](repeating: 0, count: clusterCount)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// The nearest centre of each row of `x`.
    public func predict(_ x: FeatureMatrix) -> [Int] {
        KMeans.assign(x, centers: centroids.values, k: clusterCount, threads: 1).labels
    }
}

/// Counts finished restarts for the progress callback.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let progress: @Sendable (Double) -> Void

    init(total: Int, progress: @escaping @Sendable (Double) -> Void) {
        self.total = total
        self.progress = progress
    }

    func tick() {
        lock.lock()
        done += 1
        let fraction = Double(done) / Double(total)
        lock.unlock()
        progress(fraction)
    }
}
