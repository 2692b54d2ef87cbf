/// A linear map from a data domain to a pixel range, as d3's `scaleLinear`.
public struct LinearScale: Hashable, Sendable {
    /// Data value mapped to `rangeStart`.
    public var domainStart: Double
    /// Data value mapped to `rangeEnd`.
    public var domainEnd: Double
    /// Pixel position of `domainStart` (may be larger than `rangeEnd`, e.g. for a y axis).
    public var rangeStart: Double
    /// Pixel position of `domainEnd`.
    public var rangeEnd: Double

    /// Creates a scale mapping `domain` onto `range`, each given as (start, end).
    public init(domain: (Double, Double), range: (Double, Double)) {
        domainStart = domain.0
        domainEnd = domain.1
        rangeStart = range.0
        rangeEnd = range.1
    }

    /// The pixel position of `value`; a collapsed domain maps everything to the range middle.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domainEnd - domainStart
        guard span != 0 else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (value - domainStart) / span * (rangeEnd - rangeStart)
    }

    /// The data value at pixel position `position`.
    public func invert(_ position: Double) -> Double {
        let span = rangeEnd - rangeStart
        guard span != 0 else { return (domainStart + domainEnd) / 2 }
        return domainStart + (position - rangeStart) / span * (domainEnd - domainStart)
    }

    /// About `count` round tick values inside the domain (see ``NiceTicks/ticks(_:_:count:)``).
    public func ticks(count: Int = 10) -> [Double] {
        NiceTicks.ticks(domainStart, domainEnd, count: count)
    }

    /// The distance between the values of `ticks(count:)`.
    public func tickStep(count: Int = 10) -> Double? {
        NiceTicks.tickStep(domainStart, domainEnd, count: count)
    }

    /// Labels for `ticks(count:)`, all with the same number of decimals.
    public func tickLabels(count: Int = 10) -> [String] {
        let values = ticks(count: count)
        let step = tickStep(count: count) ?? 1
        return values.map { NumberFormat.tick($0, step: step) }
    }

    /// This scale with its domain widened to round numbers, as d3's `linear.nice(count)`.
    public func nice(count: Int = 10) -> LinearScale {
        var copy = self
        (copy.domainStart, copy.domainEnd) = NiceTicks.nice(domainStart, domainEnd, count: count)
        return copy
    }
}
