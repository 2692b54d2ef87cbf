/// A chart description that can draw itself on any ``Renderer``.
///
/// Charts are plain values: they hold data and options, and do all layout inside `draw`,
/// measuring text through the renderer, so one chart draws correctly at any size.
public protocol Chart: Sendable {
    /// Draws the chart filling a canvas of `size` logical pixels (the background is already
    /// painted).
    func draw(in renderer: any Renderer, size: Size) throws

    /// A size at which the chart reads well, grown with the amount of data and label lengths.
    var preferredSize: Size { get }
}
