import Testing
import TestSupport
@testable import ReportStats

/// Reference values from `Tests/reference/stats_reference.py` (NumPy 2 `mean`, `std(ddof=1)`,
/// `percentile`/`quantile` linear; SciPy `rankdata`).
@Suite struct DescriptiveTests {
    /// Tolerance 1e-12, absolute for |value| <= 1 and relative above (a 2e5 mean has an ulp of
    /// 3e-11, so an absolute 1e-12 would demand more than double precision holds).
    static let tolerance = 1e-12

    @Test("summary matches np.mean/np.std(ddof=1)/np.percentile within 1e-12 (relative above 1)")
    func summaryMatchesNumPy() throws {
        let fixture = try StatsFixture.load(StatsFixture.Synthetic.self, "synthetic.json")
        for dataset in fixture.datasets {
            for (c, column) in dataset.values.enumerated() {
                let s = Descriptive.summary(column)
                let e = dataset.describe[c]
                let label = "\(dataset.name).\(dataset.columns[c])"
                #expect(s.count == e.count, "\(label) count")
                #expect(s.missing == e.missing, "\(label) missing")
                for (name, a, b) in [
                    ("mean", s.mean, e.mean), ("std", s.std, e.std), ("min", s.min, e.min),
                    ("q25", s.q25, e.q25), ("median", s.median, e.median), ("q75", s.q75, e.q75),
                    ("max", s.max, e.max),
                ] {
                    #expect(isClose(a, b, tolerance: Self.tolerance), "\(label).\(name): \(a) vs \(String(describing: b))")
                }
            }
        }
    }

    @Test("quantile at p in {0, .1, .25, 1/3, .5, .9, .99, 1} matches np.quantile within 1e-12")
    func quantilesMatchNumPy() throws {
        let fixture = try StatsFixture.load(StatsFixture.Synthetic.self, "synthetic.json")
        for dataset in fixture.datasets {
            for (c, column) in dataset.values.enumerated() {
                let sorted = column.filter { !$0.isNaN }.sorted()
                for (p, expected) in zip(fixture.probabilities, dataset.quantiles[c]) {
                    let q = Descriptive.quantile(sorted, p)
                    #expect(isClose(q, expected, tolerance: Self.tolerance), "\(dataset.name).\(dataset.columns[c]) p=\(p): \(q)")
                }
            }
        }
    }

    @Test("means and variances replay NumPy's pairwise summation bit for bit (tolerance 0)")
    func bitIdenticalToNumPy() throws {
        let fixture = try StatsFixture.load(StatsFixture.Synthetic.self, "synthetic.json")
        let mixed = try #require(fixture.datasets.first { $0.name == "mixed" })
        for (c, column) in mixed.values.enumerated() {
            #expect(Descriptive.mean(column) == mixed.describe[c].mean, "\(mixed.columns[c])")
            #expect(Descriptive.standardDeviation(column) == mixed.describe[c].std, "\(mixed.columns[c])")
        }
    }

    @Test("the real data's describe (duration_ms ~ 2e5, loudness ~ -7) matches NumPy within 1e-12 relative")
    func realDataSummary() throws {
        guard let url = Fixtures.sharedData("spotify_songs.csv") else {
            print("skipped: ../shared/data/spotify_songs.csv is absent")
            return
        }
        let reference = try StatsFixture.load(StatsFixture.RealData.self, "spotify.json")
        let columns = try MinimalCSV.columns(reference.columns, of: url)
        #expect(columns[0].count == reference.rows)
        for (c, column) in columns.enumerated() {
            let s = Descriptive.summary(column)
            let e = reference.describe[c]
            #expect(s.count == e.count && s.missing == e.missing)
            for (name, a, b) in [
                ("mean", s.mean, e.mean), ("std", s.std, e.std), ("min", s.min, e.min),
                ("q25", s.q25, e.q25), ("median", s.median, e.median), ("q75", s.q75, e.q75),
                ("max", s.max, e.max),
            ] {
                #expect(isClose(a, b, tolerance: Self.tolerance), "\(reference.columns[c]).\(name): \(a) vs \(String(describing: b))")
            }
        }
    }

    @Test("two-pass variance survives a 1e9 offset exactly (naive sum of squares would not)")
    func largeOffsetVariance() {
        let x = [4.0, 7, 13, 16].map { $0 + 1e9 }
        #expect(Descriptive.variance(x) == 30)
        #expect(Descriptive.variance(x, ddof: 0) == 22.5)
        #expect(Descriptive.mean(x) == 1e9 + 10)
    }

    @Test("missing values are skipped; empty input gives NaN statistics")
    func missingAndEmpty() {
        let s = Descriptive.summary([.nan, 2, .nan, 4])
        #expect(s == Summary(count: 2, missing: 2, mean: 3, std: 2.0.squareRoot(), min: 2, q25: 2.5, median: 3, q75: 3.5, max: 4))
        let empty = Descriptive.summary([])
        #expect(empty.count == 0 && empty.missing == 0 && empty.mean.isNaN && empty.max.isNaN)
        let one = Descriptive.summary([.nan, 5])
        #expect(one.count == 1 && one.mean == 5 && one.std.isNaN && one.median == 5)
        #expect(Descriptive.mean([.nan]).isNaN)
        #expect(Descriptive.variance([1, 2], ddof: 2).isNaN)
        #expect(Descriptive.quantile([], 0.5).isNaN)
    }
}
