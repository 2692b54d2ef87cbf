import Testing
import ReportML

@Suite("Standard scaler matches scikit-learn")
struct StandardScalerTests {
    @Test func meanScaleAndTransform() throws {
        let expected = try ReferenceJSON.load("models_small.json")["scaler"]
        let x = expected["x"].matrix
        let model = try StandardScaler().fit(x)
        #expect(maxDifference(model.means, expected["mean"].doubles) <= 1e-12)
        #expect(maxDifference(model.scales, expected["scale"].doubles) <= 1e-15)
        #expect(model.scales[2] == 1, "a constant feature is scaled by 1")
        let transformed = model.transform(x.selecting(rows: Array(0..<10)))
        #expect(maxDifference(transformed.values, expected["transformed"].flat) <= 1e-12)
        let back = model.inverseTransform(transformed)
        #expect(maxDifference(back.values, x.selecting(rows: Array(0..<10)).values) <= 1e-12)
    }

    @Test func rejectsNaN() {
        let x = FeatureMatrix(rows: 2, columns: 2, values: [1, 2, .nan, 4])
        #expect(throws: MLError.self) { try StandardScaler().fit(x) }
    }
}
