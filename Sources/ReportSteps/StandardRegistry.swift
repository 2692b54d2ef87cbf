import ReportEngine

/// Every directive `report` knows, by area. Adding a directive is one file and one line in its
/// area's list.
public let standardRegistry = StepRegistry(DataSteps.all + ExplorationSteps.all + ModelSteps.all,
                                           cacheableObjects: ModelSteps.cacheableObjects)
