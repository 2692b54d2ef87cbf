extension Correlation {
    /// Two columns (by index, `i < j`) and their correlation coefficient.
    public struct Pair: Sendable, Equatable {
        /// Index of the first column.
        public var i: Int
        /// Index of the second column (`j > i`).
        public var j: Int
        /// The coefficient.
        public var value: Double

        /// A pair of column indices and their coefficient.
        public init(i: Int, j: Int, value: Double) {
            self.i = i
            self.j = j
            self.value = value
        }
    }

    /// The pairs `i < j` of `matrix` whose coefficient has `|r| > threshold`, strongest first,
    /// ties by `(i, j)`; NaN entries never qualify. Only the upper triangle is read.
    public static func pairs(above threshold: Double, in matrix: [[Double]]) -> [Pair] {
        var found: [Pair] = []
        for i in matrix.indices {
            for j in matrix[i].indices where j > i {
                let r = matrix[i][j]
                if abs(r) > threshold { found.append(Pair(i: i, j: j, value: r)) }
            }
        }
        found.sort { a, b in
            if abs(a.value) != abs(b.value) { return abs(a.value) > abs(b.value) }
            return (a.i, a.j) < (b.i, b.j)
        }
        return found
    }
}
