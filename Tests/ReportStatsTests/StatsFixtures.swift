import Foundation
import TestSupport

/// The JSON written by `Tests/reference/stats_reference.py` (NaN stored as `null`).
struct StatsFixture: Decodable {
    struct Describe: Decodable {
        let count: Int
        let missing: Int
        let mean: Double?
        let std: Double?
        let min: Double?
        let q25: Double?
        let median: Double?
        let q75: Double?
        let max: Double?
    }

    struct Dataset: Decodable {
        let name: String
        let columns: [String]
        let data: [[Double?]]
        let pearson: [[Double?]]
        let spearman: [[Double?]]
        let describe: [Describe]
        let ranks: [[Double?]]
        let quantiles: [[Double?]]

        /// The columns with `null` turned back into NaN.
        var values: [[Double]] { data.map(\.nanFilled) }
    }

    struct Synthetic: Decodable {
        let datasets: [Dataset]
        let probabilities: [Double]
    }

    struct RealData: Decodable {
        let source: String
        let rows: Int
        let columns: [String]
        let pearson: [[Double?]]
        let spearman: [[Double?]]
        let describe: [Describe]
    }

    static func load<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        let data = try Data(contentsOf: Fixtures.url("stats/\(name)"))
        return try JSONDecoder().decode(type, from: data)
    }
}

extension Array where Element == Double? {
    /// `nil` as NaN.
    var nanFilled: [Double] { map { $0 ?? .nan } }
}

/// True when `actual` is within `tolerance * max(1, |expected|)` of `expected`, or both are NaN:
/// absolute for values of order one (coefficients), relative for large ones (means of 2e5).
func isClose(_ actual: Double, _ expected: Double?, tolerance: Double) -> Bool {
    guard let expected else { return actual.isNaN }
    if expected.isNaN { return actual.isNaN }
    return abs(actual - expected) <= tolerance * Swift.max(1, abs(expected))
}

/// The largest scaled difference between two matrices, or infinity where NaN patterns differ.
func maxDifference(_ actual: [[Double]], _ expected: [[Double?]]) -> Double {
    var worst = 0.0
    for (rowA, rowE) in zip(actual, expected) {
        for (a, e) in zip(rowA, rowE) {
            switch (a.isNaN, e) {
            case (true, nil): continue
            case (false, let e?): worst = Swift.max(worst, abs(a - e))
            default: return .infinity
            }
        }
    }
    return worst
}

/// Numeric columns of a simple CSV file (one record per line, RFC 4180 quotes, no embedded
/// newlines), enough for the shared Spotify data; empty fields become NaN.
enum MinimalCSV {
    static func columns(_ names: [String], of url: URL) throws -> [[Double]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        let header = fields(lines.removeFirst())
        let indices = try names.map { name in
            guard let i = header.firstIndex(of: name) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no column \(name)"])
            }
            return i
        }
        var columns = [[Double]](repeating: [], count: names.count)
        for line in lines where !line.isEmpty {
            let record = fields(line)
            for (c, i) in indices.enumerated() {
                columns[c].append(Double(record[i]) ?? .nan)
            }
        }
        return columns
    }

    /// Splits one line at commas outside double quotes; `""` inside quotes is a quote.
    static func fields(_ line: String) -> [String] {
        var result: [String] = []
        var field = ""
        var quoted = false
        var chars = line.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                result.append(field)
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        result.append(field)
        return result
    }
}
