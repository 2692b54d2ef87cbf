import ReportData

extension ClassificationMetrics {
    /// A percentile bootstrap confidence interval for a statistic of the test rows.
    ///
    /// Each of `resamples` resamples draws `rowCount` row indices uniformly with replacement
    /// from a `Xoshiro256StarStar` seeded with `SeedDerivation.derive(seed,
    /// "bootstrap-<i>")`, so resample i is the same whatever the thread count or the number
    /// of resamples. `statistic` receives the indices; resamples where it is NaN (say, AUC
    /// on a resample missing a class) are left out. The interval runs between the
    /// (1 − confidence)/2 and (1 + confidence)/2 percentiles of the remaining values, with
    /// numpy's linear interpolation. Defaults: 1000 resamples, 95%.
    ///
    /// Returns (NaN, NaN) when no resample gives a number.
    public static func bootstrapInterval(
        rowCount: Int, resamples: Int = 1000, confidence: Double = 0.95, seed: UInt64,
        threads: Int = 2, statistic: @Sendable ([Int]) -> Double
    ) -> (low: Double, high: Double) {
        precondition(resamples > 0 && (0...1).contains(confidence), "bootstrapInterval: resamples > 0, confidence in 0…1")
        guard rowCount > 0 else { return (.nan, .nan) }
        let chunks = RowChunks.map(count: resamples, chunkSize: 16, threads: threads) { range in
            range.map { i -> Double in
                var generator = Xoshiro256StarStar(seed: SeedDerivation.derive(seed, "bootstrap-\(i)"))
                let rows = (0..<rowCount).map { _ in generator.nextInt(below: rowCount) }
                return statistic(rows)
            }
        }
        let values = chunks.flatMap { $0 }.filter { !$0.isNaN }.sorted()
        guard !values.isEmpty else { return (.nan, .nan) }
        let tail = (1 - confidence) / 2 * 100
        return (percentile(sorted: values, tail), percentile(sorted: values, 100 - tail))
    }

    /// The bootstrap interval of `metric(yTrue, yPred)` over resampled rows (see
    /// `bootstrapInterval(rowCount:resamples:confidence:seed:threads:statistic:)`), e.g.
    /// `bootstrapInterval(yTrue: y, yPred: p, seed: 1, metric: ClassificationMetrics.accuracy)`.
    public static func bootstrapInterval(
        yTrue: [Int], yPred: [Int], resamples: Int = 1000, confidence: Double = 0.95,
        seed: UInt64, threads: Int = 2, metric: @escaping @Sendable ([Int], [Int]) -> Double
    ) -> (low: Double, high: Double) {
        precondition(yTrue.count == yPred.count, "bootstrapInterval: \(yTrue.count) true labels, \(yPred.count) predictions")
        return bootstrapInterval(
            rowCount: yTrue.count, resamples: resamples, confidence: confidence, seed: seed,
            threads: threads
        ) { rows in
            metric(rows.map { yTrue[$0] }, rows.map { yPred[$0] })
        }
    }
}
