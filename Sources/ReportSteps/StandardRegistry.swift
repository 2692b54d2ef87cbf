import ReportEngine

/// Every directive `report` knows. Adding a directive is one file and one line here.
public let standardRegistry = StepRegistry([
    LoadStep.self,
    DescribeStep.self,
    CorrelationStep.self,
])
