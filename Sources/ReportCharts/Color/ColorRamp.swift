/// A continuous colour map: evenly spaced control colours joined by linear interpolation.
public struct ColorRamp: Hashable, Sendable {
    /// The control colours; the first is at `0`, the last at `1`.
    public let stops: [Color]

    /// Creates a ramp through `stops`, evenly spaced over `0...1`.
    ///
    /// - Precondition: `stops` is not empty.
    public init(stops: [Color]) {
        precondition(!stops.isEmpty, "a colour ramp needs at least one stop")
        self.stops = stops
    }

    /// The colour at `t`, clamped to `0...1`; NaN maps to the first stop.
    public func color(at t: Double) -> Color {
        guard stops.count > 1, !t.isNaN else { return stops[0] }
        let position = Swift.min(1, Swift.max(0, t)) * Double(stops.count - 1)
        let lower = Swift.min(Int(position), stops.count - 2)
        return stops[lower].interpolated(to: stops[lower + 1], fraction: position - Double(lower))
    }

    /// The same colours in reverse order.
    public var reversed: ColorRamp { ColorRamp(stops: stops.reversed()) }
}
