import ReportData

/// One-vs-rest classification as scikit-learn's `OneVsRestClassifier`: one `Base` model per
/// class, fitted on "this class" (1) against "every other class" (0).
///
/// With exactly two classes in the training rows only one model is fitted (for the second
/// class), as scikit-learn. Each model gets the same rows and sample weights, a binary
/// `TrainingSet` and a seed derived from the context's seed and its class.
public struct OneVsRest<Base: Classifier>: Classifier {
    /// The binary classifier fitted per class.
    public var base: Base

    public init(_ base: Base) {
        self.base = base
    }

    public func fit(_ data: TrainingSet, context: FitContext) throws -> OneVsRestModel<Base.Model> {
        try data.validate()
        let present = PresentClasses(y: data.y, classCount: data.classCount)
        let targets = present.classes.count == 2 ? [present.classes[1]] : present.classes
        var models: [Base.Model] = []
        for (i, target) in targets.enumerated() {
            let binary = TrainingSet(
                x: data.x, y: data.y.map { $0 == target ? 1 : 0 }, classCount: 2,
                sampleWeight: data.sampleWeight
            )
            var subContext = context
            subContext.seed = SeedDerivation.derive(context.seed, "one-vs-rest-\(target)")
            let done = Double(i)
            let total = Double(targets.count)
            let progress = context.progress
            subContext.progress = { fraction in progress((done + fraction) / total) }
            models.append(try base.fit(binary, context: subContext))
        }
        return OneVsRestModel(
            classCount: data.classCount, featureCount: data.x.columns, targets: targets,
            models: models, present: present
        )
    }
}
