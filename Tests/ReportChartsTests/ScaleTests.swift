import Testing
@testable import ReportCharts

@Suite struct ScaleTests {
    @Test func linearScaleMapsAndInverts() {
        let y = LinearScale(domain: (0, 10), range: (400, 0))
        #expect(y(0) == 400)
        #expect(y(10) == 0)
        #expect(y(2.5) == 300)
        #expect(y.invert(100) == 7.5)
        let flat = LinearScale(domain: (3, 3), range: (0, 100))
        #expect(flat(3) == 50)
    }

    @Test func bandScaleSpacing() {
        let x = BandScale(count: 4, range: (0, 400))
        #expect(x.step == 100)
        #expect(x.bandwidth == 100)
        #expect(x.center(of: 2) == 250)
        let padded = BandScale(count: 4, range: (0, 440), paddingInner: 0.2, paddingOuter: 0.1)
        #expect(abs(padded.step - 440 / 4.0) < 1e-9)
        #expect(abs(padded.bandwidth - 88) < 1e-9)
        #expect(abs(padded.start(of: 0) - 11) < 1e-9)
        #expect(abs(padded.start(of: 3) + padded.bandwidth - 429) < 1e-9)
    }
}
