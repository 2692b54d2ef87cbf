import Testing
@testable import ReportCharts

/// Expected values are d3-array 3.x's `ticks`, `tickIncrement` and `nice` for the same arguments.
@Suite struct NiceTicksTests {
    struct Case: Sendable, CustomStringConvertible {
        var start: Double, stop: Double, count: Int, expected: [Double]
        var description: String { "ticks(\(start), \(stop), \(count))" }
    }

    static let d3Cases: [Case] = [
        Case(start: 0, stop: 1, count: 10, expected: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]),
        Case(start: 0, stop: 1, count: 9, expected: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]),
        Case(start: 0, stop: 1, count: 7, expected: [0, 0.2, 0.4, 0.6, 0.8, 1]),
        Case(start: 0, stop: 1, count: 5, expected: [0, 0.2, 0.4, 0.6, 0.8, 1]),
        Case(start: 0, stop: 1, count: 4, expected: [0, 0.2, 0.4, 0.6, 0.8, 1]),
        Case(start: 0, stop: 1, count: 3, expected: [0, 0.5, 1]),
        Case(start: 0, stop: 1, count: 2, expected: [0, 0.5, 1]),
        Case(start: 0, stop: 1, count: 1, expected: [0, 1]),
        Case(start: 0, stop: 10, count: 10, expected: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        Case(start: 0, stop: 10, count: 5, expected: [0, 2, 4, 6, 8, 10]),
        Case(start: 0, stop: 10, count: 2, expected: [0, 5, 10]),
        Case(start: 0, stop: 10, count: 1, expected: [0, 10]),
        Case(start: -10, stop: 10, count: 10, expected: [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
        Case(start: -10, stop: 10, count: 5, expected: [-10, -5, 0, 5, 10]),
        Case(start: -10, stop: 10, count: 2, expected: [-10, 0, 10]),
        Case(start: -10, stop: 10, count: 1, expected: [0]),
        Case(start: -1, stop: 1, count: 5, expected: [-1, -0.5, 0, 0.5, 1]),
        Case(start: 3.7, stop: 97, count: 5, expected: [20, 40, 60, 80]),
        Case(start: 1, stop: 0, count: 5, expected: [1, 0.8, 0.6, 0.4, 0.2, 0]),
        Case(start: 0, stop: 1e9, count: 5, expected: [0, 2e8, 4e8, 6e8, 8e8, 1e9]),
        Case(start: 0, stop: 1e-6, count: 5, expected: [0, 2e-7, 4e-7, 6e-7, 8e-7, 1e-6]),
        Case(start: -0.034, stop: -0.001, count: 5, expected: [-0.03, -0.025, -0.02, -0.015, -0.01, -0.005]),
        Case(start: 123_456, stop: 123_789, count: 4, expected: [123_500, 123_600, 123_700]),
    ]

    @Test(arguments: d3Cases)
    func matchesD3(_ c: Case) {
        // Exact equality: ticks are computed as integers divided by powers of ten, as in d3.
        #expect(NiceTicks.ticks(c.start, c.stop, count: c.count) == c.expected)
    }

    @Test func degenerateInputs() {
        #expect(NiceTicks.ticks(0, 1, count: 0) == [])
        #expect(NiceTicks.ticks(2, 2, count: 5) == [2])
        #expect(NiceTicks.ticks(.nan, 1, count: 5) == [])
        #expect(NiceTicks.ticks(0, .infinity, count: 5) == [])
    }

    @Test func tickIncrementMatchesD3() {
        #expect(NiceTicks.tickIncrement(0, 1, count: 10) == -10)
        #expect(NiceTicks.tickIncrement(0, 1, count: 5) == -5)
        #expect(NiceTicks.tickIncrement(0, 10, count: 10) == 1)
        #expect(NiceTicks.tickIncrement(0, 100, count: 10) == 10)
        #expect(NiceTicks.tickIncrement(0, 1000, count: 4) == 200)
        #expect(NiceTicks.tickStep(0, 1, count: 5) == 0.2)
        #expect(NiceTicks.tickStep(10, 0, count: 5) == 2)
    }

    @Test func niceMatchesD3() {
        #expect(NiceTicks.nice(3.7, 97, count: 5) == (0, 100))
        #expect(NiceTicks.nice(0.132, 0.876, count: 10) == (0.1, 0.9))
        #expect(NiceTicks.nice(0.132, 0.876, count: 5) == (0, 1))
        #expect(NiceTicks.nice(1.1, 10.9, count: 10) == (1, 11))
        #expect(NiceTicks.nice(10.9, 1.1, count: 10) == (11, 1))
        #expect(NiceTicks.nice(-0.7, 0.93, count: 5) == (-1, 1))
        #expect(NiceTicks.nice(5, 5, count: 5) == (5, 5))
    }

    @Test func niceDomainThenTicksCoversData() {
        let scale = LinearScale(domain: (3.7, 97), range: (0, 500)).nice(count: 5)
        #expect(scale.ticks(count: 5) == [0, 20, 40, 60, 80, 100])
        #expect(scale.tickLabels(count: 5) == ["0", "20", "40", "60", "80", "100"])
    }

    @Test func ticksAreRoundNumbers() {
        for (lo, hi) in [(-3.3, 17.2), (0.00012, 0.00077), (-5e6, 2.4e7), (0.5, 0.51)] {
            let ticks = NiceTicks.ticks(lo, hi, count: 6)
            #expect(ticks.count >= 3 && ticks.count <= 13, "\(lo)…\(hi): \(ticks)")
            let step = NiceTicks.tickStep(lo, hi, count: 6) ?? 0
            let power = (step as Double).magnitude.exponentOfTen
            let leading = step / power
            #expect([1, 2, 5].contains { abs(leading - Double($0)) < 1e-9 }, "step \(step)")
            #expect(ticks.allSatisfy { $0 >= lo && $0 <= hi })
        }
    }
}

private extension Double {
    /// 10^floor(log10(self)).
    var exponentOfTen: Double {
        var p = 1.0
        while p > self { p /= 10 }
        while p * 10 <= self { p *= 10 }
        return p
    }
}
