import Testing
@testable import ReportCharts

@Suite struct ColorTests {
    @Test func hexInitialisers() throws {
        let c = Color(hex: 0x0072B2)
        #expect(c.rgba8 == (0x00, 0x72, 0xB2, 0xFF))
        #expect(c.hexString == "#0072b2")
        #expect(try #require(Color(hex: "#0072B2")) == c)
        #expect(try #require(Color(hex: "fff")) == .white)
        #expect(try #require(Color(hex: "#00000080")).alpha == 128.0 / 255)
        #expect(Color(hex: "#12345") == nil)
        #expect(Color(hex: "zzzzzz") == nil)
    }

    @Test func contrastAndLuminance() {
        #expect(abs(Color.black.contrastRatio(with: .white) - 21) < 1e-9)
        #expect(Color.white.relativeLuminance == 1)
        #expect(Color.black.relativeLuminance == 0)
        #expect(Color(hex: 0x440154).mostReadable(among: [.black, .white]) == .white)
        #expect(Color(hex: 0xFDE725).mostReadable(among: [.black, .white]) == .black)
    }

    @Test func viridisEndpointsAndMiddle() {
        #expect(ColorRamp.viridis.stops.count == 256)
        #expect(ColorRamp.viridis.color(at: 0).hexString == "#440154")
        #expect(ColorRamp.viridis.color(at: 1).hexString == "#fde725")
        // matplotlib: viridis(0.5) == #21918c (between entries 127 and 128).
        let middle = ColorRamp.viridis.color(at: 0.5), reference = Color(hex: 0x21918C)
        #expect(abs(middle.red - reference.red) <= 1.0 / 255)
        #expect(abs(middle.green - reference.green) <= 1.0 / 255)
        #expect(abs(middle.blue - reference.blue) <= 1.0 / 255)
        #expect(ColorRamp.viridis.color(at: -3).hexString == "#440154")
        #expect(ColorRamp.viridis.color(at: 7).hexString == "#fde725")
    }

    @Test func viridisLightnessIncreases() {
        var previous = -1.0
        for i in 0...20 {
            let l = ColorRamp.viridis.color(at: Double(i) / 20).relativeLuminance
            #expect(l > previous)
            previous = l
        }
    }

    @Test func divergingIsBlueWhiteRedCentredAtZero() throws {
        let scale = ColorScale.diverging(min: -1, max: 1)
        let middle = try #require(scale.color(for: 0))
        #expect(middle.red > 0.96 && middle.green > 0.96 && middle.blue > 0.96)
        let negative = try #require(scale.color(for: -1))
        let positive = try #require(scale.color(for: 1))
        #expect(negative.hexString == "#053061")
        #expect(positive.hexString == "#67001f")
        let halfNegative = try #require(scale.color(for: -0.5))
        let halfPositive = try #require(scale.color(for: 0.5))
        #expect(halfNegative.blue > halfNegative.red)
        #expect(halfPositive.red > halfPositive.blue)
        #expect(scale.color(for: .nan) == nil)
    }

    @Test func divergingKeepsZeroWhiteForAsymmetricDomains() throws {
        let scale = ColorScale.diverging(min: -0.2, max: 1)
        let zero = try #require(scale.color(for: 0))
        #expect(zero.red > 0.96 && zero.green > 0.96 && zero.blue > 0.96)
        // Equal magnitudes, equal strength: −0.2 is as pale as +0.2.
        #expect(abs(scale.fraction(for: -0.2) - 0.5) == abs(scale.fraction(for: 0.2) - 0.5))
        #expect(scale.lowerBound == -0.2 && scale.upperBound == 1)
    }

    @Test func sequentialMapsDomainOntoViridis() throws {
        let scale = ColorScale.sequential(min: 10, max: 20)
        #expect(try #require(scale.color(for: 10)).hexString == "#440154")
        #expect(try #require(scale.color(for: 20)).hexString == "#fde725")
        #expect(try #require(scale.color(for: 99)).hexString == "#fde725")
        #expect(ColorScale.sequential(min: 3, max: 3).fraction(for: 3) == 0.5)
    }

    @Test func categoricalPalettes() {
        #expect(CategoricalPalette.okabeIto.colors.count == 8)
        #expect(Set(CategoricalPalette.okabeIto.colors).count == 8)
        #expect(CategoricalPalette.tableau10.colors.count == 10)
        #expect(CategoricalPalette.okabeIto.color(at: 8) == CategoricalPalette.okabeIto.color(at: 0))
        #expect(CategoricalPalette.okabeIto.color(at: -1) == CategoricalPalette.okabeIto.color(at: 7))
        #expect(CategoricalPalette.standard(count: 5) == .okabeIto)
        #expect(CategoricalPalette.standard(count: 9) == .tableau10)
        // Twelve genres get twelve different colours, not Tableau 10's first two again.
        let twelve = CategoricalPalette.standard(count: 12)
        #expect(Set((0..<12).map { twelve.color(at: $0).hexString }).count == 12)
        #expect(Set((0..<20).map { CategoricalPalette.standard(count: 20).color(at: $0).hexString }).count == 20)
    }
}
