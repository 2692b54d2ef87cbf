import Testing
@testable import ReportCharts

@Suite struct DendrogramChartTests {
    static func links(_ renderer: RecordingRenderer) -> [(points: [Point], color: Color)] {
        renderer.operations.compactMap { op in
            if case .polyline(let points, _, let color) = op, points.count == 4 { return (points, color) }
            return nil
        }
    }

    @Test func verticalTreeWithRotatedLabelsAndCut() throws {
        let chart = ChartSamples.dendrogram
        for size in [chart.preferredSize, Size(width: 420, height: 380)] {
            let (renderer, canvas) = try LayoutChecks.record(chart, size: size)
            LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
            let links = Self.links(renderer)
            #expect(links.count == 11)
            // U shapes: legs vertical, bar horizontal.
            for link in links {
                #expect(link.points[0].x == link.points[1].x && link.points[2].x == link.points[3].x)
                #expect(link.points[1].y == link.points[2].y)
            }
            // Three clusters below the cut at 3, two grey links above it.
            let grey = chart.neutralColor
            #expect(links.filter { $0.color == grey }.count == 2)
            #expect(Set(links.filter { $0.color != grey }.map(\.color)).count == 3)
            #expect(renderer.texts.contains { $0.text == "cut at 3.0" })
            #expect(renderer.operations.contains { if case .dashedPolyline = $0 { return true } else { return false } })
            let leafLabels = renderer.texts.filter { t in ChartSamples.dendrogramLabels.contains { LayoutChecks.matches(t.text, $0) } }
            #expect(leafLabels.count == 12 && leafLabels.allSatisfy { $0.angle > 0 })
        }
    }

    @Test func leavesSitUnderTheirLabels() throws {
        let chart = ChartSamples.dendrogramHorizontal
        let (renderer, canvas) = try LayoutChecks.record(chart)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        let geometry = try DendrogramGeometry(linkage: chart.linkage)
        let labels = renderer.texts.filter { t in ChartSamples.dendrogramLabels.contains { LayoutChecks.matches(t.text, $0) } }
        #expect(labels.count == 12)
        #expect(Set(labels.map(\.placement.bounds.maxX)).count == 1 && labels.allSatisfy { $0.angle == 0 })
        // Leaf legs start at the leaves' label rows, top to bottom in leaf order.
        let legEnds = Set(Self.links(renderer).flatMap { [$0.points[0], $0.points[3]] }.filter { p in
            labels.contains { abs($0.point.y - p.y) < 1e-9 }
        }.map(\.y))
        #expect(legEnds.count == 12)
        let orderedLabels = labels.sorted { $0.point.y < $1.point.y }.map(\.text)
        #expect(orderedLabels.first.map { LayoutChecks.matches($0, ChartSamples.dendrogramLabels[geometry.leaves[0]]) } == true)
    }

    @Test func manyLeavesShrinkOrDropTheirLabels() throws {
        // Caterpillar trees: each merge adds one leaf to the cluster before.
        func caterpillar(_ n: Int) -> [[Double]] {
            var rows: [[Double]] = [[0, 1, 0.1, 2]]
            for i in 2..<n {
                let leaf = Double(i), previous = Double(n + i - 2)
                rows.append([leaf, previous, 0.1 * leaf, leaf + 1])
            }
            return rows
        }
        let chart = DendrogramChart(title: "Many", linkage: caterpillar(300), labels: (0..<300).map { "track \($0)" })
        let (renderer, canvas) = try LayoutChecks.record(chart, size: Size(width: 800, height: 500))
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        #expect(Self.links(renderer).count == 299)
        let few = DendrogramChart(title: nil, linkage: caterpillar(40), labels: (0..<40).map { "track \($0)" })
        let (small, smallCanvas) = try LayoutChecks.record(few, size: Size(width: 500, height: 400))
        LayoutChecks.expectNothingClippedOrOverlapping(small, canvas: smallCanvas)
        #expect(small.texts.contains { $0.text == "track 39" && $0.font.size < 12 })
    }

    @Test func labelCountMustMatchTheLeaves() {
        let chart = DendrogramChart(title: nil, linkage: ChartSamples.linkage, labels: ["a", "b"])
        #expect(throws: ChartError.self) { try chart.draw(in: RecordingRenderer(), size: Size(width: 400, height: 300)) }
    }

    @Test func withoutThresholdAllLinksShareOneColour() throws {
        let chart = DendrogramChart(title: nil, linkage: ChartSamples.linkage)
        let (renderer, _) = try LayoutChecks.record(chart)
        #expect(Set(Self.links(renderer).map(\.color)) == [chart.neutralColor])
        #expect(!renderer.operations.contains { if case .dashedPolyline = $0 { return true } else { return false } })
        #expect(DendrogramGeometry.defaultThreshold(linkage: ChartSamples.linkage) == 0.7 * 6)
    }
}
