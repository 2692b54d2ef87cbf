import Foundation

/// An sRGB colour with straight (not premultiplied) alpha; every component is in `0...1`.
public struct Color: Hashable, Sendable {
    /// Red, `0...1`.
    public var red: Double
    /// Green, `0...1`.
    public var green: Double
    /// Blue, `0...1`.
    public var blue: Double
    /// Opacity, `0` (transparent) to `1` (opaque).
    public var alpha: Double

    /// Creates a colour from components in `0...1`; values outside are clamped.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = Color.clamp(red)
        self.green = Color.clamp(green)
        self.blue = Color.clamp(blue)
        self.alpha = Color.clamp(alpha)
    }

    /// Creates a colour from a 24-bit `0xRRGGBB` value, as in `Color(hex: 0x0072B2)`.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(
            red: Double((hex >> 16) & 0xFF) / 255,
            green: Double((hex >> 8) & 0xFF) / 255,
            blue: Double(hex & 0xFF) / 255,
            alpha: alpha)
    }

    /// Parses `#RGB`, `#RRGGBB` or `#RRGGBBAA` (the `#` is optional); `nil` when malformed.
    public init?(hex string: String) {
        var digits = Substring(string.trimmingCharacters(in: .whitespaces))
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else { return nil }
        switch digits.count {
        case 3:
            let r = (value >> 8) & 0xF, g = (value >> 4) & 0xF, b = value & 0xF
            self.init(hex: (r * 17) << 16 | (g * 17) << 8 | b * 17)
        case 6:
            self.init(hex: value)
        case 8:
            self.init(hex: value >> 8, alpha: Double(value & 0xFF) / 255)
        default:
            return nil
        }
    }

    /// Opaque white.
    public static let white = Color(hex: 0xFFFFFF)
    /// Opaque black.
    public static let black = Color(hex: 0x000000)
    /// Fully transparent black.
    public static let clear = Color(red: 0, green: 0, blue: 0, alpha: 0)

    /// The same colour with opacity `alpha`.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// The 8-bit channels `(r, g, b, a)`, rounded.
    public var rgba8: (red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) {
        (Color.byte(red), Color.byte(green), Color.byte(blue), Color.byte(alpha))
    }

    /// `#rrggbb`, lower case, ignoring alpha.
    public var hexString: String {
        let c = rgba8
        return String(format: "#%02x%02x%02x", c.red, c.green, c.blue)
    }

    /// WCAG relative luminance, `0` for black to `1` for white (alpha ignored).
    public var relativeLuminance: Double {
        func linear(_ c: Double) -> Double {
            c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG contrast ratio between two opaque colours, from `1` (same) to `21` (black on white).
    public func contrastRatio(with other: Color) -> Double {
        let a = relativeLuminance + 0.05, b = other.relativeLuminance + 0.05
        return max(a, b) / min(a, b)
    }

    /// The colour `t` of the way from this colour to `other`, interpolating each sRGB channel.
    public func interpolated(to other: Color, fraction t: Double) -> Color {
        Color(
            red: red + (other.red - red) * t,
            green: green + (other.green - green) * t,
            blue: blue + (other.blue - blue) * t,
            alpha: alpha + (other.alpha - alpha) * t)
    }

    /// Of `candidates`, the one that reads best as text on this colour (highest contrast).
    public func mostReadable(among candidates: [Color]) -> Color {
        candidates.max { contrastRatio(with: $0) < contrastRatio(with: $1) } ?? .black
    }

    private static func clamp(_ v: Double) -> Double {
        v.isNaN ? 0 : Swift.min(1, Swift.max(0, v))
    }

    private static func byte(_ v: Double) -> UInt8 {
        UInt8((v * 255).rounded())
    }
}
