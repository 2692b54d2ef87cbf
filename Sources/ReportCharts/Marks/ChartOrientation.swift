/// Which way a chart with a category axis runs.
public enum ChartOrientation: Hashable, Sendable {
    /// Categories along the bottom, values growing upwards (dendrograms: leaves at the
    /// bottom, links growing upwards).
    case vertical
    /// Categories down the left side (first on top), values growing rightwards; suits long
    /// category names, which stay horizontal.
    case horizontal
}
