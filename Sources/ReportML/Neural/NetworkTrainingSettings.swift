/// The resolved hyperparameters a `NetworkTrainer` runs with (validated by
/// `MultilayerPerceptron`).
struct NetworkTrainingSettings: Sendable {
    var activation: MultilayerPerceptron.Activation
    var alpha: Double
    /// Rows per batch, already clipped to the training rows.
    var batchSize: Int
    var learningRate: Double
    var beta1: Double
    var beta2: Double
    var epsilon: Double
    var maxIter: Int
    var shuffle: Bool
    var tol: Double
    var nIterNoChange: Int
    /// Seed of the per-epoch shuffles.
    var shuffleSeed: UInt64
    var threads: Int
    /// Which build of the single-precision kernels runs (all give the same bits).
    var kernels: DenseKernels.Path = .automatic
}
