import Foundation

/// The impurity a tree minimises when it chooses a split (scikit-learn's `criterion`).
public enum SplitCriterion: String, Sendable, Equatable, CaseIterable {
    /// Gini impurity `1 − Σ pₖ²` (the default).
    case gini
    /// Shannon entropy `−Σ pₖ log₂ pₖ`.
    case entropy

    /// The impurity of weighted class counts `counts[0..<classCount]` that sum to `total`.
    func impurity(_ counts: UnsafePointer<Double>, classCount: Int, total: Double) -> Double {
        switch self {
        case .gini:
            var squares = 0.0
            var k = 0
            while k < classCount {
                squares += counts[k] * counts[k]
                k &+= 1
            }
            return 1.0 - squares / (total * total)
        case .entropy:
            var entropy = 0.0
            for k in 0..<classCount {
                let p = counts[k] / total
                if p > 0 { entropy -= p * Self.log2(p) }
            }
            return entropy
        }
    }

    /// scikit-learn's `proxy_impurity_improvement`: `−w_right·impurity_right − w_left·impurity_left`,
    /// with the right counts taken as `totals − left`. Larger is better; it ranks the splits of
    /// one node exactly as the impurity decrease does.
    @inline(__always)
    func proxyImprovement(
        left: UnsafePointer<Double>, totals: UnsafePointer<Double>, classCount: Int,
        weightLeft: Double, weightRight: Double
    ) -> Double {
        switch self {
        case .gini:
            // `while`, not `for … in`: the class loop runs per candidate split, and range
            // iterators are slow in unoptimised (test) builds.
            var squaresLeft = 0.0
            var squaresRight = 0.0
            var k = 0
            while k < classCount {
                squaresLeft += left[k] * left[k]
                squaresRight += (totals[k] - left[k]) * (totals[k] - left[k])
                k &+= 1
            }
            let giniLeft = 1.0 - squaresLeft / (weightLeft * weightLeft)
            let giniRight = 1.0 - squaresRight / (weightRight * weightRight)
            return -weightRight * giniRight - weightLeft * giniLeft
        case .entropy:
            var entropyLeft = 0.0
            var entropyRight = 0.0
            for k in 0..<classCount {
                let l = left[k]
                let r = totals[k] - l
                let pLeft = l / weightLeft
                if pLeft > 0 { entropyLeft -= pLeft * Self.log2(pLeft) }
                let pRight = r / weightRight
                if pRight > 0 { entropyRight -= pRight * Self.log2(pRight) }
            }
            return -weightRight * entropyRight - weightLeft * entropyLeft
        }
    }

    /// `ln x / ln 2`, computed as scikit-learn's `_utils.log` does.
    @inline(__always)
    private static func log2(_ x: Double) -> Double {
        Foundation.log(x) / 0.693_147_180_559_945_3
    }
}
