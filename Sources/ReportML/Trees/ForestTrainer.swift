import Foundation
import ReportData

/// Grows the trees of a forest in parallel, one seed per tree:
/// tree `i` draws everything from `SeedDerivation.derive(seed, "tree-i")`, so the forest is
/// the same for any number of threads.
enum ForestTrainer {
    /// Grows `treeCount` trees from `recipe`; with `bootstrapDraws` each tree weights every
    /// row by how often it was drawn (with replacement) among that many draws.
    static func grow(recipe: TreeRecipe, treeCount: Int, bootstrapDraws: Int?, context: FitContext) -> [FlatTree] {
        let progress = ForestProgress(total: treeCount, report: context.progress)
        return RowChunks.map(count: treeCount, chunkSize: 1, threads: context.threads) { range in
            let index = range.lowerBound
            var rng = Xoshiro256StarStar(seed: SeedDerivation.derive(context.seed, "tree-\(index)"))
            var weights = recipe.data.weights
            if let draws = bootstrapDraws {
                var counts = [Double](repeating: 0, count: recipe.data.rowCount)
                for _ in 0..<draws { counts[rng.nextInt(below: counts.count)] += 1 }
                for row in 0..<weights.count { weights[row] *= counts[row] }
            }
            var tree = recipe.grow(weights: weights, rng: &rng)
            tree.discardNodeStatistics()
            progress.treeDone()
            return tree
        }
    }

    /// Counts finished trees and reports the fraction done.
    private final class ForestProgress: @unchecked Sendable {
        private let lock = NSLock()
        private var done = 0
        private let total: Int
        private let report: @Sendable (Double) -> Void

        init(total: Int, report: @escaping @Sendable (Double) -> Void) {
            self.total = total
            self.report = report
        }

        func treeDone() {
            lock.lock()
            done += 1
            let fraction = Double(done) / Double(total)
            lock.unlock()
            report(fraction)
        }
    }
}
