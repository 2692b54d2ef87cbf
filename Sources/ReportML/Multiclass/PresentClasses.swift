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

/// Stored as the present classes and their row counts; the compact index is rebuilt (and
/// classes out of range or out of order are rejected).
extension PresentClasses: Codable {
    private enum CodingKeys: String, CodingKey {
        case classes, counts, classCount
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let classes = try container.decode([Int].self, forKey: .classes)
        let counts = try container.decode([Int].self, forKey: .counts)
        let classCount = try container.decode(Int.self, forKey: .classCount)
        try ArchiveCheck.classCount(classCount)
        try ArchiveCheck.require(
            counts.count == classes.count && zip(classes, classes.dropFirst()).allSatisfy({ $0 < $1 })
                && classes.allSatisfy({ (0..<classCount).contains($0) }),
            "present classes \(classes) do not fit \(classCount) classes and \(counts.count) counts")
        var compactIndex = [Int](repeating: -1, count: classCount)
        for (compact, full) in classes.enumerated() { compactIndex[full] = compact }
        self.classes = classes
        self.compactIndex = compactIndex
        self.counts = counts
        self.classCount = classCount
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(classes, forKey: .classes)
        try container.encode(counts, forKey: .counts)
        try container.encode(classCount, forKey: .classCount)
    }
}
