import Testing
@testable import ReportCharts

@Suite struct TextPlacementTests {
    let metrics = FontMetrics(ascent: 8, descent: 2, capHeight: 7)

    @Test func unrotatedAnchors() {
        let left = TextPlacement(point: Point(x: 100, y: 50), width: 40, metrics: metrics, anchor: TextAnchor(.left, .top), angle: 0)
        #expect(left.bounds == Rect(x: 100, y: 50, width: 40, height: 10))
        #expect(left.baselineOrigin == Point(x: 100, y: 58))
        let right = TextPlacement(point: Point(x: 100, y: 50), width: 40, metrics: metrics, anchor: TextAnchor(.right, .baseline), angle: 0)
        #expect(right.bounds == Rect(x: 60, y: 42, width: 40, height: 10))
        // Middle centres capitals: the baseline sits half a cap height below the point.
        let middle = TextPlacement(point: Point(x: 0, y: 0), width: 10, metrics: metrics, anchor: .center, angle: 0)
        #expect(middle.baselineOrigin == Point(x: -5, y: 3.5))
    }

    @Test func ninetyDegreesReadsBottomToTop() {
        let p = TextPlacement(point: Point(x: 0, y: 0), width: 40, metrics: metrics, anchor: TextAnchor(.right, .top), angle: 90)
        let b = p.bounds
        // The text ends at the point and runs downwards from it (reading upwards).
        #expect(abs(b.minY) < 1e-9 && abs(b.maxY - 40) < 1e-9)
        #expect(abs(b.minX) < 1e-9 && abs(b.maxX - 10) < 1e-9)
    }

    @Test func quadOverlapUsesRotatedOutlines() {
        // Two 45° labels one cell apart: their bounding boxes overlap but the text does not.
        let a = TextPlacement(point: Point(x: 0, y: 0), width: 100, metrics: metrics, anchor: .right, angle: 45)
        let b = TextPlacement(point: Point(x: 20, y: 0), width: 100, metrics: metrics, anchor: .right, angle: 45)
        #expect(a.bounds.intersects(b.bounds))
        #expect(!a.outline.intersects(b.outline))
        let c = TextPlacement(point: Point(x: 5, y: 0), width: 100, metrics: metrics, anchor: .right, angle: 45)
        #expect(a.outline.intersects(c.outline))
    }
}
