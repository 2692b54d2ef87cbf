import ReportEngine

/// Directives that train, evaluate and explain models.
enum ModelSteps {
    /// What the model steps store that the step cache can keep (see `CacheableObject`).
    static let cacheableObjects: [any CacheableObject.Type] = [
        TrainedModel.self,
        ModelEvaluation.self,
    ]

    static let all: [any Step.Type] = [
        TrainStep.self,
        EvaluateStep.self,
        CompareStep.self,
        ImportanceStep.self,
        CoefficientsStep.self,
        PredictorStep.self,
        SearchStep.self,
        KMeansStep.self,
        HClusterStep.self,
    ]
}
