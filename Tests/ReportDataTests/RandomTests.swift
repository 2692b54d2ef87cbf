import Testing
import Foundation
@testable import ReportData

@Suite("Seeded randomness")
struct RandomTests {
    @Test func splitMix64MatchesReference() {
        // Vigna's reference splitmix64.c from seed 1234567.
        var rng = SplitMix64(seed: 1_234_567)
        let outputs = (0..<5).map { _ in rng.next() }
        #expect(outputs == [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ])
    }

    @Test func xoshiroPinnedOutputsForSeed42() {
        // Cross-checked against an independent Python transcription of xoshiro256starstar.c.
        var rng = Xoshiro256StarStar(seed: 42)
        let outputs = (0..<5).map { _ in rng.next() }
        #expect(outputs == [
            1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009,
            17_057_574_109_182_124_193, 18_295_552_978_065_317_476,
        ])
        var doubles = Xoshiro256StarStar(seed: 42)
        #expect(doubles.nextDouble() == 0.08386297105988216)
        #expect(doubles.nextDouble() == 0.3789802506626686)
        #expect(doubles.nextDouble() == 0.6800434110281394)
    }

    @Test func gaussianPinnedAndCloseToLibm() {
        var rng = Xoshiro256StarStar(seed: 42)
        let values = (0..<3).map { _ in rng.nextGaussian() }
        // Python with math.log gives these; ours may differ only in the last bits.
        let reference = [-0.7262191382447857, 0.2216227015035933, 0.46417731016247366]
        for (value, expected) in zip(values, reference) {
            #expect(abs(value - expected) < 1e-14)
        }
        #expect(values.map(\.bitPattern) == Self.pinnedGaussianBits)
    }

    /// Bit patterns of the first three gaussians for seed 42 (pinned once).
    static let pinnedGaussianBits: [UInt64] = [13_828_088_456_880_829_303, 4_597_152_819_617_802_828, 4_602_033_494_962_232_142]

    @Test func determinismAndIndependence() {
        var a = Xoshiro256StarStar(seed: 7)
        var b = Xoshiro256StarStar(seed: 7)
        var c = Xoshiro256StarStar(seed: 8)
        let seqA = (0..<100).map { _ in a.next() }
        #expect(seqA == (0..<100).map { _ in b.next() })
        #expect(seqA != (0..<100).map { _ in c.next() })
    }

    @Test func nextDoubleRangeAndMean() {
        var rng = Xoshiro256StarStar(seed: 1)
        var sum = 0.0
        for _ in 0..<100_000 {
            let u = rng.nextDouble()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        #expect(abs(sum / 100_000 - 0.5) < 0.01)
    }

    @Test func gaussianMoments() {
        var rng = Xoshiro256StarStar(seed: 3)
        let n = 200_000
        var sum = 0.0
        var squares = 0.0
        for _ in 0..<n {
            let z = rng.nextGaussian()
            sum += z
            squares += z * z
        }
        let mean = sum / Double(n)
        #expect(abs(mean) < 0.01)
        #expect(abs(squares / Double(n) - mean * mean - 1) < 0.02)
    }

    @Test func nextIntBelowStaysInRange() {
        var rng = Xoshiro256StarStar(seed: 5)
        var seen = Set<Int>()
        for _ in 0..<10_000 {
            let k = rng.nextInt(below: 12)
            #expect((0..<12).contains(k))
            seen.insert(k)
        }
        #expect(seen.count == 12)
    }

    @Test func seedDerivationIsStable() {
        #expect(SeedDerivation.fnv1a("") == 14_695_981_039_346_656_037)
        #expect(SeedDerivation.fnv1a("a") == 12_638_187_200_555_641_996)
        #expect(SeedDerivation.fnv1a("foobar") == 0x8594_4171_F739_67E8)
        #expect(SeedDerivation.derive(42, "rf") == 17_781_661_428_359_231_550)
        #expect(SeedDerivation.derive(42, "beatport/Psy-Trance") == 6_577_320_269_869_853_059)
        #expect(SeedDerivation.derive(42, "a") != SeedDerivation.derive(43, "a"))
        #expect(SeedDerivation.derive(42, "a") != SeedDerivation.derive(42, "b"))
    }

    @Test func deterministicMathIsAccurate() {
        var rng = Xoshiro256StarStar(seed: 11)
        for _ in 0..<10_000 {
            let x = rng.nextDouble() * 40 - 20
            let e = DeterministicMath.exp(x)
            let expected = Foundation.exp(x)
            #expect(abs(e - expected) <= 4 * expected.ulp)
            let y = Foundation.exp(rng.nextDouble() * 1400 - 700)
            let l = DeterministicMath.log(y)
            #expect(abs(l - Foundation.log(y)) <= 4 * max(abs(l).ulp, Double.leastNormalMagnitude))
        }
        #expect(DeterministicMath.log(1) == 0)
        #expect(DeterministicMath.exp(0) == 1)
        #expect(DeterministicMath.log(0) == -.infinity)
        #expect(DeterministicMath.log(-1).isNaN)
        #expect(DeterministicMath.exp(800) == .infinity)
        #expect(DeterministicMath.exp(-800) == 0)
        #expect(abs(DeterministicMath.sigmoid(0) - 0.5) < 1e-16)
    }
}
