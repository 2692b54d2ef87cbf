import ReportData

/// The weights of a fully connected network, laid out as scikit-learn's `coefs_` and
/// `intercepts_`.
public struct NetworkWeights: Sendable, Equatable {
    /// Units per layer: the features first, the outputs last.
    public let layerUnits: [Int]
    /// Per weight layer `l`: a row-major `layerUnits[l] × layerUnits[l + 1]` matrix
    /// (scikit-learn's `coefs_[l]` flattened).
    public var coefficients: [[Double]]
    /// Per weight layer `l`: `layerUnits[l + 1]` biases (`intercepts_[l]`).
    public var intercepts: [[Double]]

    /// Precondition: the shapes match `layerUnits`.
    public init(layerUnits: [Int], coefficients: [[Double]], intercepts: [[Double]]) {
        precondition(layerUnits.count >= 2, "NetworkWeights: at least an input and an output layer")
        precondition(coefficients.count == layerUnits.count - 1 && intercepts.count == layerUnits.count - 1,
                     "NetworkWeights: one coefficient matrix and bias vector per layer")
        for l in 0..<(layerUnits.count - 1) {
            precondition(coefficients[l].count == layerUnits[l] * layerUnits[l + 1]
                         && intercepts[l].count == layerUnits[l + 1], "NetworkWeights: layer \(l) has the wrong shape")
        }
        self.layerUnits = layerUnits
        self.coefficients = coefficients
        self.intercepts = intercepts
    }

    /// Glorot-uniform weights as scikit-learn's `_init_coef`: for each layer in turn, its
    /// coefficients (row by row) then its biases, uniform on ±√(6/(fan-in + fan-out)), or
    /// ±√(2/(fan-in + fan-out)) for the logistic activation.
    static func glorot<G: RandomNumberGenerator>(
        layerUnits: [Int], logistic: Bool, using rng: inout G
    ) -> NetworkWeights {
        var coefficients: [[Double]] = []
        var intercepts: [[Double]] = []
        for l in 0..<(layerUnits.count - 1) {
            let fanIn = layerUnits[l]
            let fanOut = layerUnits[l + 1]
            let bound = ((logistic ? 2.0 : 6.0) / Double(fanIn + fanOut)).squareRoot()
            let draw = { (rng: inout G) -> Double in
                -bound + 2 * bound * (Double(rng.next() >> 11) * 0x1.0p-53)
            }
            coefficients.append((0..<(fanIn * fanOut)).map { _ in draw(&rng) })
            intercepts.append((0..<fanOut).map { _ in draw(&rng) })
        }
        return NetworkWeights(layerUnits: layerUnits, coefficients: coefficients, intercepts: intercepts)
    }

    /// Whether every weight is finite.
    var isFinite: Bool {
        coefficients.allSatisfy { $0.allSatisfy(\.isFinite) } && intercepts.allSatisfy { $0.allSatisfy(\.isFinite) }
    }

    /// The number of weight layers.
    var layerCount: Int { layerUnits.count - 1 }
}

/// Stored as its layer sizes and weights; decoding rejects weights that do not fit the
/// layers (which `init` would trap on).
extension NetworkWeights: Codable {
    private enum CodingKeys: String, CodingKey {
        case layerUnits, coefficients, intercepts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let layerUnits = try container.decode([Int].self, forKey: .layerUnits)
        let coefficients = try container.decode([[Double]].self, forKey: .coefficients)
        let intercepts = try container.decode([[Double]].self, forKey: .intercepts)
        try ArchiveCheck.require(
            layerUnits.count >= 2 && layerUnits.allSatisfy({ $0 > 0 })
                && coefficients.count == layerUnits.count - 1 && intercepts.count == layerUnits.count - 1,
            "a network of layers \(layerUnits) with \(coefficients.count) weight matrices and \(intercepts.count) bias vectors")
        for l in 0..<(layerUnits.count - 1) {
            let size = layerUnits[l].multipliedReportingOverflow(by: layerUnits[l + 1])
            try ArchiveCheck.require(!size.overflow && coefficients[l].count == size.partialValue
                                         && intercepts[l].count == layerUnits[l + 1],
                                     "layer \(l) of a network of layers \(layerUnits) has the wrong shape")
        }
        self.init(layerUnits: layerUnits, coefficients: coefficients, intercepts: intercepts)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(layerUnits, forKey: .layerUnits)
        try container.encode(coefficients, forKey: .coefficients)
        try container.encode(intercepts, forKey: .intercepts)
    }
}
