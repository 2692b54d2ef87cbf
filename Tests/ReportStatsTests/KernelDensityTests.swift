import Foundation
import Testing
import TestSupport
@testable import ReportStats

/// `KernelDensity` against `scipy.stats.gaussian_kde` (fixtures from
/// `Tests/reference/kde_reference.py`).
@Suite struct KernelDensityTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            let name: String
            let method: String
            let factor: Double
            let data: [Double]
            let grid: [Double]
            let density: [Double]
            let kernel_width: Double
        }
        struct Overlap: Decodable {
            let a: [Double]
            let b: [Double]
            let grid: [Double]
            let value: Double
        }
        let cases: [Case]
        let overlap: Overlap
    }

    let fixture: Fixture

    init() throws {
        fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: Fixtures.url("stats/kde.json")))
    }

    func bandwidth(_ testCase: Fixture.Case) -> Bandwidth {
        switch testCase.method {
        case "scott": .scott
        case "silverman": .silverman
        default: .factor(testCase.factor)
        }
    }

    /// Exact evaluation: 1e-9 relative to scipy (the tolerance), with the density's
    /// peak as the scale for points far in the tails.
    @Test func exactEvaluationMatchesSciPy() throws {
        #expect(fixture.cases.count == 12)
        for testCase in fixture.cases {
            let kde = try #require(KernelDensity(testCase.data, bandwidth: bandwidth(testCase)))
            #expect(abs(kde.factor - testCase.factor) <= 1e-12 * testCase.factor, "\(testCase.name) \(testCase.method)")
            #expect(abs(kde.kernelWidth - testCase.kernel_width) <= 1e-12 * testCase.kernel_width)
            let density = kde.evaluate(at: testCase.grid)
            let peak = testCase.density.max() ?? 1
            for (ours, theirs) in zip(density, testCase.density) {
                #expect(abs(ours - theirs) <= 1e-9 * max(abs(theirs), peak * 1e-3),
                        "\(testCase.name) \(testCase.method): \(ours) vs \(theirs)")
            }
        }
    }

    /// Binned evaluation stays within 1e-3 of the peak density of the exact one.
    @Test func binnedEvaluationIsCloseToExact() throws {
        for testCase in fixture.cases {
            let kde = try #require(KernelDensity(testCase.data, bandwidth: bandwidth(testCase)))
            let exact = kde.evaluate(at: testCase.grid)
            let binned = kde.evaluateBinned(on: testCase.grid)
            let peak = exact.max() ?? 1
            let worst = zip(exact, binned).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= 1e-3 * peak, "\(testCase.name) \(testCase.method): worst \(worst / peak) of peak")
        }
    }

    @Test func overlapMatchesNumPyTrapezoid() throws {
        let a = try #require(KernelDensity(fixture.overlap.a)).evaluate(at: fixture.overlap.grid)
        let b = try #require(KernelDensity(fixture.overlap.b)).evaluate(at: fixture.overlap.grid)
        let overlap = ClassSeparability.overlap(a, b, grid: fixture.overlap.grid)
        #expect(abs(overlap - fixture.overlap.value) <= 1e-9)
        #expect(ClassSeparability.overlap(a, a, grid: fixture.overlap.grid) > 0.99)
    }

    @Test func degenerateInputs() {
        #expect(KernelDensity([1]) == nil)
        #expect(KernelDensity([2, 2, 2]) == nil)
        #expect(KernelDensity([1, .nan, 3])?.samples == [1, 3])
        #expect(ClassSeparability.meanPairwiseOverlap([[1, 1]], grid: [0, 1]) == nil)
    }
}
