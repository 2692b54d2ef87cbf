/// Small multiples: `count` equal panels in rows of `columns`, read left to right, then down.
public struct FacetGrid: Hashable, Sendable {
    /// Number of panels.
    public var count: Int
    /// Panels per row (at least 1, at most `count`).
    public var columns: Int
    /// Space between neighbouring panels, in logical pixels.
    public var gap: Double

    /// Creates a grid of `count` panels; `columns == nil` uses ``defaultColumns(for:)``.
    public init(count: Int, columns: Int? = nil, gap: Double = 22) {
        self.count = max(0, count)
        let wanted = columns ?? Self.defaultColumns(for: count)
        self.columns = max(1, min(wanted, max(1, count)))
        self.gap = gap
    }

    /// Up to three panels per row, four from ten panels on, so a grid of features stays
    /// wider than tall on a page.
    public static func defaultColumns(for count: Int) -> Int {
        max(1, min(count, count >= 10 ? 4 : 3))
    }

    /// Number of rows (at least 1).
    public var rows: Int {
        max(1, (count + columns - 1) / columns)
    }

    /// The frame of every panel when the grid fills `area`.
    public func frames(in area: Rect) -> [Rect] {
        let cellWidth = (area.width - Double(columns - 1) * gap) / Double(columns)
        let cellHeight = (area.height - Double(rows - 1) * gap) / Double(rows)
        return (0..<count).map { index in
            Rect(
                x: area.minX + Double(index % columns) * (cellWidth + gap),
                y: area.minY + Double(index / columns) * (cellHeight + gap),
                width: cellWidth, height: cellHeight)
        }
    }

    /// The size of the whole grid when every panel is `panel` large.
    public func size(panel: Size) -> Size {
        Size(
            width: Double(columns) * panel.width + Double(columns - 1) * gap,
            height: Double(rows) * panel.height + Double(rows - 1) * gap)
    }
}
