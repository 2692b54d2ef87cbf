import Testing
import TestSupport
@testable import ReportStats

/// Reference matrices from `Tests/reference/stats_reference.py`: `np.corrcoef` and
/// `scipy.stats.spearmanr` per pair on pairwise-complete rows (pandas `DataFrame.corr` semantics).
@Suite struct CorrelationTests {
    /// Coefficients lie in [-1, 1], so 1e-12 is an absolute tolerance here.
    static let tolerance = 1e-12

    @Test("Pearson and Spearman matrices match NumPy/SciPy within 1e-12 (NaN where SciPy gives NaN)")
    func syntheticMatrices() throws {
        let fixture = try StatsFixture.load(StatsFixture.Synthetic.self, "synthetic.json")
        for dataset in fixture.datasets {
            let pearson = Correlation.matrix(dataset.values, method: .pearson)
            let spearman = Correlation.matrix(dataset.values, method: .spearman)
            #expect(maxDifference(pearson, dataset.pearson) <= Self.tolerance, "\(dataset.name) pearson")
            #expect(maxDifference(spearman, dataset.spearman) <= Self.tolerance, "\(dataset.name) spearman")
        }
    }

    @Test("ranks equal scipy.stats.rankdata(method='average', nan_policy='omit') exactly")
    func ranksMatchSciPy() throws {
        let fixture = try StatsFixture.load(StatsFixture.Synthetic.self, "synthetic.json")
        for dataset in fixture.datasets {
            for (c, column) in dataset.values.enumerated() {
                #expect(maxDifference([Correlation.ranks(column)], [dataset.ranks[c]]) == 0, "\(dataset.name).\(dataset.columns[c])")
            }
        }
        #expect(Correlation.ranks([3, 1, 3, .nan, 2]).map { $0.isNaN ? -1 : $0 } == [3.5, 1, 3.5, -1, 2])
    }

    @Test("matrix entries equal pearson/spearman of the pair bit for bit (parallel = sequential)")
    func matrixAgreesWithPairs() throws {
        let fixture = try StatsFixture.load(StatsFixture.Synthetic.self, "synthetic.json")
        // Repeat the mixed data set so the matrix takes the parallel path (>= 200k pair-rows).
        let mixed = try #require(fixture.datasets.first { $0.name == "mixed" }).values
        let big = mixed.map { column in Array((0..<250).map { _ in column }.joined()) }
        for method in CorrelationMethod.allCases {
            let m = Correlation.matrix(big, method: method)
            for i in big.indices {
                for j in big.indices where i != j {
                    let r = method == .pearson ? Correlation.pearson(big[i], big[j]) : Correlation.spearman(big[i], big[j])
                    #expect(m[i][j].bitPattern == r.bitPattern || (m[i][j].isNaN && r.isNaN), "\(method) \(i),\(j)")
                }
            }
        }
    }

    @Test("Spotify audio features: Pearson and Spearman matrices match NumPy/SciPy within 1e-12")
    func realData() throws {
        guard let url = Fixtures.sharedData("spotify_songs.csv") else {
            print("skipped: ../shared/data/spotify_songs.csv is absent")
            return
        }
        let reference = try StatsFixture.load(StatsFixture.RealData.self, "spotify.json")
        let columns = try MinimalCSV.columns(reference.columns, of: url)
        #expect(columns.allSatisfy { $0.count == reference.rows })
        let pearson = Correlation.matrix(columns, method: .pearson)
        let spearman = Correlation.matrix(columns, method: .spearman)
        #expect(maxDifference(pearson, reference.pearson) <= Self.tolerance)
        #expect(maxDifference(spearman, reference.spearman) <= Self.tolerance)

        // The write-up's finding: loudness and energy are the most correlated audio features.
        let strongest = try #require(Correlation.pairs(above: 0.5, in: pearson).first)
        let names = [reference.columns[strongest.i], reference.columns[strongest.j]]
        #expect(names == ["energy", "loudness"])
        #expect(strongest.value > 0.6)
    }

    @Test("constant columns and fewer than two complete rows give NaN")
    func degenerateInputs() {
        #expect(Correlation.pearson([1, 1, 1], [1, 2, 3]).isNaN)
        #expect(Correlation.spearman([0.1, 0.1, 0.1], [1, 2, 3]).isNaN)
        #expect(Correlation.pearson([1, .nan, 3], [2, 5, .nan]).isNaN)
        #expect(Correlation.pearson([1, 2, .nan, 4], [2, 4, 100, 8]) == 1)
        #expect(Correlation.spearman([1, 2, 3, 4], [10, 9, 1, -5]) == -1)
        let m = Correlation.matrix([[1, 2, 3], [5, 5, 5]], method: .pearson)
        #expect(m[0][0] == 1 && m[1][1].isNaN && m[0][1].isNaN && m[1][0].isNaN)
        #expect(Correlation.matrix([], method: .spearman).isEmpty)
    }

    @Test("pairs(above:) keeps |r| > threshold with i < j, strongest first, ties by (i, j)")
    func pairsOrdering() {
        let m: [[Double]] = [
            [1, -0.9, 0.5, 0.9],
            [-0.9, 1, .nan, 0.95],
            [0.5, .nan, 1, 0.8],
            [0.9, 0.95, 0.8, 1],
        ]
        let found = Correlation.pairs(above: 0.8, in: m)
        #expect(found == [
            Correlation.Pair(i: 1, j: 3, value: 0.95),
            Correlation.Pair(i: 0, j: 1, value: -0.9),
            Correlation.Pair(i: 0, j: 3, value: 0.9),
        ])
    }
}
