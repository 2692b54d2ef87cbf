import Testing
@testable import ReportCharts

@Suite struct NumberFormatTests {
    @Test func fixedUsesTypographicMinusAndNoNegativeZero() {
        #expect(NumberFormat.fixed(-0.351, 2) == "\u{2212}0.35")
        #expect(NumberFormat.fixed(0.351, 2) == "0.35")
        #expect(NumberFormat.fixed(-0.001, 2) == "0.00")
        #expect(NumberFormat.fixed(-0.0, 1) == "0.0")
        #expect(NumberFormat.fixed(12, 0) == "12")
        #expect(NumberFormat.fixed(.nan, 2) == "")
    }

    @Test func tickLabelsUseTheStepsPrecision() {
        #expect(NumberFormat.tick(0.5, step: 0.5) == "0.5")
        #expect(NumberFormat.tick(1, step: 0.5) == "1.0")
        #expect(NumberFormat.tick(-0.25, step: 0.05) == "\u{2212}0.25")
        #expect(NumberFormat.tick(40, step: 20) == "40")
        #expect(NumberFormat.tick(20_000, step: 5_000) == "20\u{2009}000")
        #expect(NumberFormat.tick(-1_250_000, step: 250_000) == "\u{2212}1\u{2009}250\u{2009}000")
    }

    @Test func tinyAndHugeUsePowersOfTen() {
        #expect(NumberFormat.tick(2e-7, step: 2e-7) == "2×10⁻⁷")
        #expect(NumberFormat.tick(2.5e-6, step: 5e-7) == "2.5×10⁻⁶")
        #expect(NumberFormat.tick(0, step: 2e-7) == "0")
        #expect(NumberFormat.tick(4e9, step: 2e9) == "4×10⁹")
        #expect(NumberFormat.scientific(-9.99e-5, significantDigits: 2) == "\u{2212}1×10⁻⁴")
    }
}
