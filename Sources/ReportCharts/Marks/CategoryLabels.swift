import Foundation

/// Placement rules for labels under evenly spaced categories (heatmap columns, bars):
/// horizontal when they fit their slot, otherwise slanted 45°, otherwise vertical.
enum CategoryLabels {
    /// Rotations tried in order.
    static let angles: [Double] = [0, 45, 90]

    /// Horizontal labels hang centred below their slot; rotated ones end at the slot's
    /// centre and run down and to the left.
    static func anchor(angle: Double) -> TextAnchor {
        angle == 0 ? .top : .right
    }

    /// Whether labels of `widths` set at `angle` stay clear of each other `step` apart.
    static func fit(widths: [Double], metrics: FontMetrics, angle: Double, step: Double) -> Bool {
        switch angle {
        case 0: return (widths.max() ?? 0) + 6 <= step
        case 45: return step * sin(.pi / 4) >= metrics.lineHeight * 1.15
        default: return step >= metrics.lineHeight * 1.05
        }
    }

    /// How far below their anchor line the labels reach.
    static func depth(widths: [Double], metrics: FontMetrics, angle: Double) -> Double {
        widths.map { width in
            TextPlacement(point: .zero, width: width, metrics: metrics, anchor: anchor(angle: angle), angle: angle).bounds.height
        }.max() ?? 0
    }

    /// How far left of the first slot's start the labels reach, for slots `step` apart whose
    /// centres are at `(i + 0.5) × step`.
    static func leftOverhang(widths: [Double], metrics: FontMetrics, angle: Double, step: Double) -> Double {
        var overhang = 0.0
        for (i, width) in widths.enumerated() {
            let x = (Double(i) + 0.5) * step
            let bounds = TextPlacement(
                point: Point(x: x, y: 0), width: width, metrics: metrics, anchor: anchor(angle: angle), angle: angle
            ).bounds
            overhang = max(overhang, -bounds.minX)
        }
        return overhang
    }

    /// The y for anchors so that the labels' top edge is at `top`.
    static func anchorY(top: Double, metrics: FontMetrics, angle: Double) -> Double {
        let probe = TextPlacement(point: .zero, width: 1, metrics: metrics, anchor: anchor(angle: angle), angle: angle)
        return top - probe.bounds.minY
    }
}
