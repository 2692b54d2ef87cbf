/// Sample quantiles, computed exactly as NumPy's default (`method="linear"`, Hyndman and
/// Fan's type 7), so box plots and histogram bins match numpy and matplotlib.
///
/// ReportCharts stands alone (it imports only Foundation), so it keeps this small copy
/// rather than depending on the statistics module.
public enum Quantile {
    /// The `q`-quantile (`0...1`) of `sorted`, which must be sorted ascending and free of NaN;
    /// NaN when empty.
    ///
    /// The virtual index `(n − 1)·q` and the interpolation are evaluated with numpy's own
    /// expressions, so the results agree to the last bit.
    public static func linear(sorted: [Double], _ q: Double) -> Double {
        let n = sorted.count
        guard n > 0 else { return .nan }
        // numpy's "linear" method: (n − 1)·q, evaluated as written.
        let virtual = Double(n - 1) * q
        if virtual >= Double(n - 1) { return sorted[n - 1] }
        if virtual <= 0 { return sorted[0] }
        let previous = virtual.rounded(.down)
        let i = Int(previous)
        let a = sorted[i], b = sorted[i + 1]
        let t = virtual - previous
        // numpy's _lerp: from the nearer end, so that t = 1 gives b exactly.
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}
