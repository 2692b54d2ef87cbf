import ReportEngine

/// Directives that describe and plot the data.
enum ExplorationSteps {
    static let all: [any Step.Type] = [
        DescribeStep.self,
        CorrelationStep.self,
        DistributionStep.self,
        KDEStep.self,
        HistogramStep.self,
        BoxplotStep.self,
        ScatterStep.self,
        BarStep.self,
        RadarStep.self,
    ]
}
