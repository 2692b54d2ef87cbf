/// The classes that occur in a training set, and the map between their full class indices
/// (`0..<classCount`) and compact indices (`0..<present.count`).
///
/// scikit-learn only knows the classes it sees (`classes_ = unique(y)`); estimators fit on the
/// present classes and give absent ones probability 0, which matches it whenever the same
/// rows are used.
struct PresentClasses: Sendable, Equatable {
    /// Full class index of each compact index, ascending.
    let classes: [Int]
    /// Compact index of each full class index, or -1 when the class is absent.
    let compactIndex: [Int]
    /// Rows per present class, by compact index.
    let counts: [Int]
    /// The full number of classes.
    let classCount: Int

    init(y: [Int], classCount: Int) {
        var fullCounts = [Int](repeating: 0, count: classCount)
        for label in y { fullCounts[label] += 1 }
        var classes = [Int]()
        var compactIndex = [Int](repeating: -1, count: classCount)
        var counts = [Int]()
        for k in 0..<classCount where fullCounts[k] > 0 {
            compactIndex[k] = classes.count
            classes.append(k)
            counts.append(fullCounts[k])
        }
        self.classes = classes
        self.compactIndex = compactIndex
        self.counts = counts
        self.classCount = classCount
    }

    /// Whether every class in `0..<classCount` occurs.
    var allPresent: Bool { classes.count == classCount }

    /// Compact labels of `y` (precondition: every label is present).
    func compact(_ y: [Int]) -> [Int] {
        y.map { compactIndex[$0] }
    }

    /// Spreads row-major `rows × classes.count` probabilities to `rows × classCount`, with 0
    /// for absent classes.
    func expand(_ compactProbabilities: [Double], rows: Int) -> [Double] {
        if allPresent { return compactProbabilities }
        let present = classes.count
        var out = [Double](repeating: 0, count: rows * classCount)
        for row in 0..<rows {
            for (j, k) in classes.enumerated() {
                out[row * classCount + k] = compactProbabilities[row * present + j]
            }
        }
        return out
    }
}
