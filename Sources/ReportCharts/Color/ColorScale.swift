/// Maps numbers to colours for heatmaps and colour bars.
public enum ColorScale: Hashable, Sendable {
    /// Red–white–blue centred at 0 (negative blue, positive red), for correlations.
    ///
    /// Both signs share one intensity scale, `max(|min|, |max|)`, so equal magnitudes get
    /// equally strong colours; `min...max` is the range the colour bar shows.
    case diverging(min: Double, max: Double)
    /// Viridis from `min` (dark purple) to `max` (yellow), for counts and rates.
    case sequential(min: Double, max: Double)

    /// The lower end of the domain shown on the colour bar.
    public var lowerBound: Double {
        switch self {
        case .diverging(let lo, let hi), .sequential(let lo, let hi): return Swift.min(lo, hi)
        }
    }

    /// The upper end of the domain shown on the colour bar.
    public var upperBound: Double {
        switch self {
        case .diverging(let lo, let hi), .sequential(let lo, let hi): return Swift.max(lo, hi)
        }
    }

    /// The colour for `value`; values outside the domain are clamped, NaN gives `nil`.
    public func color(for value: Double) -> Color? {
        guard !value.isNaN else { return nil }
        return ramp.color(at: fraction(for: value))
    }

    /// Where `value` falls on the colour ramp, `0...1`.
    public func fraction(for value: Double) -> Double {
        switch self {
        case .diverging(let lo, let hi):
            let limit = Swift.max(abs(lo), abs(hi))
            guard limit > 0, limit.isFinite else { return 0.5 }
            return Swift.min(1, Swift.max(0, 0.5 + value / (2 * limit)))
        case .sequential:
            let lo = lowerBound, hi = upperBound
            guard hi > lo else { return 0.5 }
            return Swift.min(1, Swift.max(0, (value - lo) / (hi - lo)))
        }
    }

    /// The colour ramp behind this scale.
    public var ramp: ColorRamp {
        switch self {
        case .diverging: return .blueWhiteRed
        case .sequential: return .viridis
        }
    }
}
