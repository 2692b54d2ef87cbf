import Foundation
import Testing
import TestSupport
import ReportData
@testable import ReportCLI
@testable import ReportEngine
@testable import ReportSteps

/// The data directives end to end — `split`, `sample`, `filter`, `clean`, `join`, `normalize` —
/// built from small CSV files written by the tests. Class counts are checked exactly; the
/// stratified split counts are those of scikit-learn's `train_test_split(stratify=y)`.
@Suite struct DataStepsTests {
    /// 100 tracks: techno (rows 0–44), house (45–77), disco (78–99). `energy` is a permutation
    /// of 0.00…0.99, `part` a given train/test/validation split (70/20/10 per ten rows).
    static let tracks: String = {
        var lines = ["id,genre,energy,tempo,mood,part"]
        for i in 0..<100 {
            lines.append("\(i),\(genre(i)),\(energy(i)),\(100 + (i * 13) % 60),\(["happy", "sad", "calm"][i % 3]),"
                         + (i % 10 < 7 ? "train" : i % 10 < 9 ? "test" : "validation"))
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static func genre(_ i: Int) -> String { i < 45 ? "techno" : i < 78 ? "house" : "disco" }
    static func energy(_ i: Int) -> Double { Double((i * 37) % 100) / 100 }

    static let header = "---\ntitle: Data\nseed: 11\n---\n\n```{load} tracks.csv\n:label: genre\n:features: [energy, tempo]\n```\n\n"

    struct Built {
        let results: [String: Any]
        let markdown: String

        func object(_ path: String) -> [String: Any]? {
            var node: Any? = results
            for key in path.split(separator: ".") { node = (node as? [String: Any])?[String(key)] }
            return node as? [String: Any]
        }

        func int(_ path: String) -> Int? {
            let parts = path.split(separator: ".").map(String.init)
            return object(parts.dropLast().joined(separator: "."))?[parts.last ?? ""] as? Int
        }

        func double(_ path: String) -> Double? {
            let parts = path.split(separator: ".").map(String.init)
            return (object(parts.dropLast().joined(separator: "."))?[parts.last ?? ""] as? NSNumber)?.doubleValue
        }

        func counts(_ path: String) -> [String: Int] {
            (object(path) ?? [:]).compactMapValues { $0 as? Int }
        }
    }

    func build(_ body: String, files: [String: String] = [:], fixture: ReportFixture? = nil) throws -> Built {
        let fixture = try fixture ?? ReportFixture()
        try fixture.write("tracks.csv", Self.tracks)
        for (name, text) in files { try fixture.write(name, text) }
        let path = try fixture.write("data.md", Self.header + body)
        let folder = try BuildPipeline.build(path, settings: BuildSettings(outDirectory: fixture.path("out")),
                                             progress: SilentProgress())
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("results.json")))
        let markdown = try String(contentsOf: folder.appendingPathComponent("data.md"), encoding: .utf8)
        return Built(results: json as? [String: Any] ?? [:], markdown: markdown)
    }

    /// Builds a report that must fail with a `FILE:LINE: error:` at `line` (counted in the whole
    /// file: the header takes lines 1–10, so the body starts at line 11).
    func expectFailure(_ body: String, files: [String: String] = [:], line: Int, contains fragments: [String],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            _ = try build(body, files: files)
            Issue.record("expected the build to fail", sourceLocation: sourceLocation)
        } catch let error as ReportError {
            #expect(error.location?.line == line, "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.contains("data.md:\(line): error: "), "\(error)", sourceLocation: sourceLocation)
            for fragment in fragments {
                #expect(error.description.contains(fragment), "\(error)", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - split

    @Test func stratifiedSplitCountsMatchScikitLearn() throws {
        let built = try build("```{split}\n:test: 0.2\n```\n")
        #expect(built.int("split.train") == 80)
        #expect(built.int("split.test") == 20)
        #expect(built.int("split.validation") == 0)
        #expect(built.results["split"].flatMap { ($0 as? [String: Any])?["stratified"] as? Bool } == true)
        // sklearn: train_test_split(X, test_size=0.2, stratify=y) on 45/33/22 rows.
        #expect(built.counts("split.per_class.techno") == ["train": 36, "validation": 0, "test": 9])
        #expect(built.counts("split.per_class.house") == ["train": 26, "validation": 0, "test": 7])
        #expect(built.counts("split.per_class.disco") == ["train": 18, "validation": 0, "test": 4])
        #expect(built.markdown.contains("| genre | train | test | total |"))
        #expect(built.markdown.contains("| disco | 18 | 4 | 22 |"))
        #expect(built.markdown.contains("| all | 80 | 20 | 100 |"))
    }

    @Test func stratifiedSplitWithValidation() throws {
        let built = try build("```{split}\n:test: 0.2\n:validation: 0.1\n```\n")
        #expect(built.int("split.train") == 70)
        #expect(built.int("split.validation") == 10)
        #expect(built.int("split.test") == 20)
        // sklearn: test_size=20 off the whole, then test_size=10 off the rest, both stratified.
        #expect(built.counts("split.per_class.techno") == ["train": 31, "validation": 5, "test": 9])
        #expect(built.counts("split.per_class.house") == ["train": 23, "validation": 3, "test": 7])
        #expect(built.counts("split.per_class.disco") == ["train": 16, "validation": 2, "test": 4])
        #expect(built.markdown.contains("| genre | train | validation | test | total |"))
    }

    @Test func unstratifiedSplitSizes() throws {
        let built = try build("```{split}\n:test: 0.25\n:stratify: false\n```\n")
        #expect(built.int("split.train") == 75)
        #expect(built.int("split.test") == 25)
        #expect(built.results["split"].flatMap { ($0 as? [String: Any])?["stratified"] as? Bool } == false)
        let perClass = ["techno", "house", "disco"].map { built.counts("split.per_class.\($0)") }
        #expect(perClass.map { $0["train", default: 0] + $0["test", default: 0] } == [45, 33, 22])
    }

    /// scikit-learn's allocation on the class counts of the Spotify songs.
    @Test(arguments: [(0.2, [1209, 1031, 1101, 1086, 1149, 990]), (0.25, [1511, 1288, 1377, 1358, 1436, 1237]),
                      (0.33, [1994, 1701, 1818, 1792, 1895, 1634])])
    func approximateModeMatchesScikitLearn(test: Double, expected: [Int]) {
        let counts = [6043, 5153, 5507, 5431, 5743, 4951]
        let n = counts.reduce(0, +)
        let nTest = Int((test * Double(n)).rounded(.up))
        var rng = Xoshiro256StarStar(seed: 1)
        let train = SplitStep.approximateMode(counts, draws: n - nTest, rng: &rng)
        #expect(zip(counts, train).map { $0 - $1 } == expected)
    }

    @Test func splitFromAColumn() throws {
        let built = try build("```{split}\n:column: part\n```\n")
        #expect(built.int("split.train") == 70)
        #expect(built.int("split.test") == 20)
        #expect(built.int("split.validation") == 10)
        // Rows 0–44 are techno: 0–39 give 28/8/4, 40–44 are all train.
        #expect(built.counts("split.per_class.techno") == ["train": 33, "validation": 4, "test": 8])
        #expect(built.markdown.contains("as given by the column `part`"))
    }

    @Test func splitIsDeterministicForASeed() throws {
        let body = "```{split}\n:seed: 5\n```\n\n```{normalize}\n```\n"
        let a = try build(body), b = try build(body)
        #expect(NSDictionary(dictionary: a.results) == NSDictionary(dictionary: b.results))
        #expect(a.markdown == b.markdown)
    }

    @Test func splitColumnWithOtherValues() {
        let csv = "genre,x,part\na,1,train\na,2,dev\nb,3,test\nb,4,\nb,5,Dev\n"
        expectFailure("```{load} odd.csv\n:label: genre\n```\n\n```{split}\n:column: part\n```\n", files: ["odd.csv": csv],
                      line: 16, contains: ["column 'part' must hold only train, test and validation",
                                           "'dev' (1 rows)", "(missing) (1 rows)", "'Dev' (1 rows)"])
    }

    @Test func splitThatLeavesAClassEmpty() {
        let csv = "genre,x\n" + (0..<10).map { "a,\($0)" }.joined(separator: "\n") + "\nb,10\n"
        expectFailure("```{load} tiny.csv\n:label: genre\n```\n\n```{split}\n:test: 0.2\n```\n", files: ["tiny.csv": csv],
                      line: 16, contains: ["the split leaves class 'b' of 'genre' with no rows in test (it has 1 row)",
                                           "a class needs at least 2 rows"])
    }

    @Test func splitFractionsMustLeaveTraining() {
        expectFailure("```{split}\n:test: 0.6\n:validation: 0.4\n```\n", line: 13,
                      contains: ["test + validation must be less than 1"])
        expectFailure("```{split}\n:test: 1.5\n```\n", line: 12, contains: ["option 'test' must be a fraction"])
        expectFailure("```{split}\n:column: part\n:test: 0.3\n```\n", line: 13,
                      contains: ["option 'test' cannot be combined with 'column'"])
    }

    // MARK: - sample

    @Test func samplePerClassCountsAreExact() throws {
        let built = try build("```{sample}\n:per-class: 20\n:seed: 3\n```\n\n```{clean}\n:dedupe: [id]\n```\n")
        #expect(built.int("sample.rows") == 60)
        #expect(built.counts("sample.class_counts") == ["disco": 20, "house": 20, "techno": 20])
        #expect(built.int("clean.by_rule.duplicates") == 0)  // drawn without replacement
        #expect(built.markdown.contains("| genre | before | after |"))
        #expect(built.markdown.contains("| disco | 22 | 20 |"))
        #expect(built.markdown.contains("| all | 100 | 60 |"))
    }

    @Test func sampleWithReplacementMayExceedAClass() throws {
        let built = try build("```{sample}\n:per-class: 50\n:replace: true\n```\n\n```{clean}\n:dedupe: [id]\n```\n")
        #expect(built.int("sample.rows") == 150)
        #expect(built.counts("sample.class_counts") == ["disco": 50, "house": 50, "techno": 50])
        #expect((built.int("clean.by_rule.duplicates") ?? 0) >= 28)  // disco alone repeats at least 28 rows
    }

    @Test func sampleByAnotherColumn() throws {
        let built = try build("```{sample}\n:per-class: 10\n:by: mood\n```\n")
        #expect(built.counts("sample.class_counts") == ["calm": 10, "happy": 10, "sad": 10])
    }

    @Test func samplePerClassLargerThanAClass() {
        expectFailure("```{sample}\n:seed: 1\n:per-class: 30\n```\n", line: 13,
                      contains: ["class 'disco' of 'genre' has only 22 rows, fewer than per-class 30",
                                 "add ':replace: true'", "rows per class: disco 22, house 33, techno 45"])
    }

    // MARK: - filter

    @Test func filterWhereCountsAreExact() throws {
        let built = try build("```{filter}\n:where: energy >= 0.5 and mood != sad\n```\n")
        let kept = (0..<100).filter { Self.energy($0) >= 0.5 && $0 % 3 != 1 }
        #expect(built.int("filter.rows") == kept.count)
        #expect(built.int("filter.removed") == 100 - kept.count)
        let expected = Dictionary(grouping: kept, by: Self.genre).mapValues(\.count)
        #expect(built.counts("filter.class_counts") == expected)
    }

    @Test func filterKeepAndDropClasses() throws {
        let keep = try build("```{filter}\n:keep-classes: [techno, disco]\n```\n")
        #expect(keep.counts("filter.class_counts") == ["disco": 22, "techno": 45])
        let drop = try build("```{filter}\n:drop-classes: disco\n:where: tempo < 130\n```\n")
        let kept = (0..<100).filter { Self.genre($0) != "disco" && 100 + ($0 * 13) % 60 < 130 }
        #expect(drop.int("filter.rows") == kept.count)
    }

    @Test func filterOnTheLabelMayRemoveClasses() throws {
        let built = try build("```{filter}\n:where: genre in [house, disco]\n```\n")
        #expect(built.counts("filter.class_counts") == ["disco": 22, "house": 33])
    }

    @Test func filterThatEmptiesAClass() {
        expectFailure("```{filter}\n:where: id < 50\n```\n", line: 12,
                      contains: ["the filter leaves class 'disco' of 'genre' with no rows (it had 22)", ":drop-classes:"])
    }

    @Test func filterThatEmptiesTheData() {
        expectFailure("```{filter}\n:where: energy > 5\n```\n", line: 12, contains: ["the filter removes every row (100 before)"])
    }

    @Test func filterUnknownColumnSuggestsTheNearest() {
        expectFailure("```{filter}\n:where: energy > 0.2 and tempoo < 120\n```\n", line: 12,
                      contains: ["option 'where': no column 'tempoo' in the data", "did you mean 'tempo'?",
                                 "columns: id, genre, energy, tempo, mood, part"])
    }

    @Test func filterUnparsableConditionSaysWhere() {
        expectFailure("```{filter}\n:where: energy >> 0.5\n```\n", line: 12,
                      contains: ["option 'where': expected a value after '>', found '>' (at character 9)",
                                 "note: energy >> 0.5\n  note:         ^"])
    }

    @Test func filterTextValueOnANumericColumn() {
        expectFailure("```{filter}\n:where: energy > high\n```\n", line: 12,
                      contains: ["column 'energy' holds numbers, but 'high' is not a number"])
    }

    @Test func keepClassesNamingAnUnknownClass() {
        expectFailure("```{filter}\n:keep-classes: [techno, disko]\n```\n", line: 12,
                      contains: ["option 'keep-classes': no class 'disko' in the label", "did you mean 'disco'?",
                                 "classes: disco, house, techno"])
    }

    // MARK: - clean

    static let messy = """
    id,genre,energy,tempo
    1,a,0.5,120
    2,a,,121
    3,b,0.7,122
    3,b,0.7,122
    4,b,0.9,NA
    5,a,0.5,120
    6,c,0.1,90
    7,c,0.2,95
    8,a,0.95,130

    """

    @Test func cleanRemovesRowsPerRule() throws {
        let built = try build("```{load} messy.csv\n:label: genre\n```\n\n```{clean}\n:dedupe: [genre, energy, tempo]\n:drop-where: tempo > 125\n```\n",
                              files: ["messy.csv": Self.messy])
        #expect(built.int("clean.removed") == 5)
        #expect(built.int("clean.rows") == 4)
        #expect(built.counts("clean.by_rule") == ["missing": 2, "duplicates": 2, "where": 1])
        #expect(built.markdown.contains("| rule | removed | rows left |"))
        #expect(built.markdown.contains("| missing values (any column) | 2 | 7 |"))
        #expect(built.markdown.contains("| total | 5 | 4 |"))
    }

    @Test func cleanDedupeOnAllColumnsAndMissingInChosenColumns() throws {
        let built = try build("```{load} messy.csv\n:label: genre\n```\n\n```{clean}\n:drop-missing: [energy]\n:dedupe: true\n```\n",
                              files: ["messy.csv": Self.messy])
        #expect(built.counts("clean.by_rule") == ["missing": 1, "duplicates": 1])
        #expect(built.int("clean.rows") == 7)
    }

    @Test func cleanThatEmptiesAClass() {
        expectFailure("```{load} messy.csv\n:label: genre\n```\n\n```{clean}\n:drop-where: tempo < 100\n```\n",
                      files: ["messy.csv": Self.messy], line: 15,
                      contains: ["cleaning leaves class 'c' of 'genre' with no rows (it had 2)"])
    }

    // MARK: - join

    static let genres = "genre,family,tempo\ntechno,electronic,130\nhouse,electronic,124\n"

    @Test func innerAndLeftJoin() throws {
        let inner = try build("```{join} genres.csv\n:on: genre\n```\n", files: ["genres.csv": Self.genres])
        #expect(inner.int("join.rows") == 78)
        #expect(inner.int("join.unmatched") == 22)
        #expect(inner.int("join.columns") == 8)
        #expect(inner.markdown.contains("added 2 columns: `family`, `tempo_right`"))
        let left = try build("```{join} genres.csv\n:on: [genre]\n:how: left\n```\n\n```{filter}\n:where: family = electronic\n:drop-classes: disco\n```\n",
                             files: ["genres.csv": Self.genres])
        #expect(left.int("join.rows") == 100)
        #expect(left.int("filter.rows") == 78)
    }

    @Test func joinKeyMissingOnEitherSide() {
        expectFailure("```{join} genres.csv\n:on: [genre, mood]\n```\n", files: ["genres.csv": Self.genres], line: 12,
                      contains: ["no column 'mood' in genres.csv", "columns of genres.csv: genre, family, tempo"])
        expectFailure("```{join} genres.csv\n:on: genr\n```\n", files: ["genres.csv": Self.genres], line: 12,
                      contains: ["no column 'genr' in the data", "did you mean 'genre'?"])
    }

    // MARK: - normalize

    @Test func normalizeOnAllRows() throws {
        let built = try build("```{normalize}\n:chunks: 3\n```\n\n```{describe}\n```\n")
        let energies = (0..<100).map(Self.energy)
        let mean = energies.reduce(0, +) / 100
        let std = (energies.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 100).squareRoot()
        let maxZ = energies.map { abs($0 - mean) / std }.max() ?? 0
        #expect(built.int("normalize.energy.count") == 100)
        #expect(abs((built.double("normalize.energy.mean") ?? 0) - mean) < 1e-12)
        #expect(abs((built.double("normalize.energy.std") ?? 0) - std) < 1e-12)
        #expect(abs((built.double("normalize.energy.maxabs") ?? 0) - maxZ) < 1e-12)
        // Afterwards every feature lies in [-1, 1] and reaches ±1.
        for feature in ["energy", "tempo"] {
            let low = built.double("describe.\(feature).min") ?? .nan, high = built.double("describe.\(feature).max") ?? .nan
            #expect(low >= -1 - 1e-12 && high <= 1 + 1e-12, "\(feature): \(low)…\(high)")
            #expect(abs(max(-low, high) - 1) < 1e-12, "\(feature)")
        }
        #expect(built.markdown.contains("| feature | count | mean | std | min | max | max \\|z\\| |"))
        #expect(built.markdown.contains("from all 100 rows"))
    }

    @Test func normalizeFitsOnTrainingRowsOnly() throws {
        let built = try build("```{split}\n```\n\n```{normalize}\n:method: zscore\n```\n")
        #expect(built.int("normalize.energy.count") == 80)
        #expect(built.markdown.contains("from the 80 training rows only"))
    }

    @Test func normalizeDoesNotDependOnChunks() throws {
        let one = try build("```{normalize}\n:chunks: 1\n```\n"), many = try build("```{normalize}\n:chunks: 64\n```\n")
        for key in ["energy.mean", "energy.std", "energy.maxabs", "tempo.mean", "tempo.std", "tempo.maxabs"] {
            let a = one.double("normalize.\(key)") ?? .nan, b = many.double("normalize.\(key)") ?? .nan
            #expect(abs(a - b) <= 1e-12 * max(1, abs(a)), "\(key): \(a) vs \(b)")
        }
    }

    @Test func normalizeRejectsBadOptions() {
        expectFailure("```{normalize}\n:method: robust\n```\n", line: 12, contains: ["option 'method' does not accept 'robust'"])
        expectFailure("```{normalize}\n:chunks: 0\n```\n", line: 12, contains: ["option 'chunks' must be auto or a whole number"])
        expectFailure("```{normalize}\n:features: [energy, mood]\n```\n", line: 12, contains: ["column 'mood' holds text"])
    }

    /// The real Spotify songs through the pipeline: sklearn's stratified test counts and
    /// NumPy's statistics (`Tests/reference/normalize_reference.py`) to 1e-12.
    @Test func spotifySongsSplitAndNormalize() throws {
        guard let url = Fixtures.sharedData("spotify_songs.csv") else {
            print("skipped: ../shared/data/spotify_songs.csv is absent")
            return
        }
        let fixture = try ReportFixture()
        let path = try fixture.write("spotify.md", """
            ---
            params:
              data: none.csv
            ---

            ```{load} {{ params.data }}
            :label: playlist_genre
            :features: [danceability, energy, key, loudness, mode, speechiness, acousticness, instrumentalness, liveness, valence, tempo, duration_ms]
            ```

            ```{normalize}
            :chunks: 7
            ```

            ```{split}
            :test: 0.2
            ```
            """)
        let folder = try BuildPipeline.build(path, settings: BuildSettings(outDirectory: fixture.path("out"),
                                                                           params: [("data", url.path)]),
                                             progress: SilentProgress())
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("results.json")))
        let built = Built(results: json as? [String: Any] ?? [:], markdown: "")
        // sklearn: train_test_split(X, test_size=0.2, stratify=playlist_genre).
        let expected = ["edm": 1209, "latin": 1031, "pop": 1101, "r&b": 1086, "rap": 1149, "rock": 990]
        for (genre, test) in expected {
            #expect(built.int("split.per_class.\(genre).test") == test, "\(genre)")
        }
        #expect(built.int("split.test") == 6566)

        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url("stats/normalize.json")))
        let features = try #require(((reference as? [String: Any])?["spotify"] as? [String: Any])?["features"] as? [[String: Any]])
        #expect(features.count == 12)
        for feature in features {
            let name = try #require(feature["name"] as? String)
            #expect(built.int("normalize.\(name).count") == feature["count"] as? Int, "\(name)")
            for (key, reference) in [("mean", "mean"), ("std", "std"), ("maxabs", "maxabs_z")] {
                let actual = try #require(built.double("normalize.\(name).\(key)"))
                let wanted = try #require((feature[reference] as? NSNumber)?.doubleValue)
                #expect(abs(actual - wanted) <= 1e-12 * max(1, abs(wanted)), "\(name).\(key): \(actual) vs \(wanted)")
            }
        }
    }

    // MARK: - rows and splits

    @Test func keepingRowsCarriesTheSplitOver() throws {
        let table = try Table(columns: [Column(name: "x", numeric: [0, 1, 2, 3, 4, 5])])
        let dataset = Dataset(name: "d", table: table, label: nil, features: ["x"],
                              split: DataSplit(train: [0, 2, 3, 5], validation: [4], test: [1]))
        let kept = dataset.keepingRows([1, 2, 5])
        #expect(kept.table.column(named: "x")?.numericValues == [1, 2, 5])
        #expect(kept.split == DataSplit(train: [1, 2], validation: [], test: [0]))
    }
}
