#if canImport(ReportEngine)
@testable import ReportEngine
#else
@testable import FormatSpec
#endif
import Foundation
import Testing
import TestSupport

/// `format(value, spec)` cases produced by Python 3.11 itself (`Tests/reference/format_reference.py`).
/// Comparison is exact: the same characters, or an error with Python's message.
@Suite struct PythonFormatTests {
    struct Case: Decodable, CustomStringConvertible {
        let kind: String
        let value: JSONScalar
        let bits: String?
        let spec: String
        let expected: String?
        let error: String?

        var description: String { "format(\(value), '\(spec)') [\(kind)]" }

        func formatValue() throws -> FormatValue {
            switch (kind, value) {
            case ("int", .int(let v)): return .int(v)
            case ("bool", .bool(let v)): return .bool(v)
            case ("string", .string(let v)): return .string(v)
            case ("double", _):
                let pattern = try #require(bits.flatMap { UInt64($0, radix: 16) })
                return .double(Double(bitPattern: pattern))
            default:
                throw FormatSpecError("bad fixture case \(self)")
            }
        }
    }

    /// A JSON value that is an int, a bool or a string.
    enum JSONScalar: Decodable, CustomStringConvertible {
        case int(Int), bool(Bool), string(String)

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else { self = .string(try c.decode(String.self)) }
        }

        var description: String {
            switch self {
            case .int(let v): return String(v)
            case .bool(let v): return v ? "True" : "False"
            case .string(let v): return v.debugDescription
            }
        }
    }

    struct Corpus: Decodable {
        let python: String
        let cases: [Case]
    }

    static func load(_ url: URL) throws -> Corpus {
        try JSONDecoder().decode(Corpus.self, from: Data(contentsOf: url))
    }

    /// Runs every case and returns the descriptions of those that differ from Python.
    static func mismatches(_ corpus: Corpus) throws -> [String] {
        var failures: [String] = []
        for item in corpus.cases {
            let value = try item.formatValue()
            do {
                let got = try PythonFormat.format(value, spec: item.spec)
                if got != item.expected {
                    failures.append("\(item): got \(got.debugDescription), Python \(item.expected.map(\.debugDescription) ?? "error: \(item.error ?? "")")")
                }
            } catch let error as FormatSpecError {
                if error.message != item.error {
                    failures.append("\(item): error \(error.message.debugDescription), Python \(item.expected.map(\.debugDescription) ?? "error: \(item.error ?? "")")")
                }
            }
        }
        return failures
    }

    @Test("every fixture case equals Python's format() exactly (string or error message)")
    func fixtureCases() throws {
        let corpus = try Self.load(Fixtures.url("format/cases.json"))
        #expect(corpus.cases.count > 300)
        let failures = try Self.mismatches(corpus)
        #expect(failures.isEmpty, "\(failures.count) of \(corpus.cases.count) differ:\n\(failures.prefix(40).joined(separator: "\n"))")
    }

    @Test("an extra corpus from `format_reference.py --full PATH`, when PYTHON_FORMAT_CASES names it")
    func extendedCorpus() throws {
        guard let path = ProcessInfo.processInfo.environment["PYTHON_FORMAT_CASES"] else {
            print("skipped: set PYTHON_FORMAT_CASES to a corpus from format_reference.py --full")
            return
        }
        let corpus = try Self.load(URL(fileURLWithPath: path))
        let failures = try Self.mismatches(corpus)
        #expect(failures.isEmpty, "\(failures.count) of \(corpus.cases.count) differ:\n\(failures.prefix(40).joined(separator: "\n"))")
    }
}

/// The report roles and rounding traps named in the spec, spelled out (expected strings are
/// Python 3.11's; exact comparison).
@Suite struct PythonFormatExampleTests {
    @Test("report roles: .1%, ,d, .3f and the empty spec")
    func reportRoles() throws {
        #expect(try PythonFormat.format(.double(0.9734), spec: ".1%") == "97.3%")
        #expect(try PythonFormat.format(.int(32833), spec: ",d") == "32,833")
        #expect(try PythonFormat.format(.double(1523.4567891), spec: ".3f") == "1523.457")
        #expect(try PythonFormat.format(.double(0.1 + 0.2), spec: "") == "0.30000000000000004")
        #expect(try PythonFormat.format(.int(42), spec: "") == "42")
        #expect(try PythonFormat.format(.bool(true), spec: "") == "True")
        #expect(try PythonFormat.format(.string("rf"), spec: "^6") == "  rf  ")
    }

    @Test("rounding is half-even on the exact binary value")
    func rounding() throws {
        #expect(try PythonFormat.format(.double(0.125), spec: ".2f") == "0.12")
        #expect(try PythonFormat.format(.double(0.375), spec: ".2f") == "0.38")
        #expect(try PythonFormat.format(.double(2.675), spec: ".2f") == "2.67")
        #expect(try PythonFormat.format(.double(2.5), spec: ".0f") == "2")
        #expect(try PythonFormat.format(.double(0.5), spec: ".0%") == "50%")
        #expect(try PythonFormat.format(.double(1e16), spec: ",.0f") == "10,000,000,000,000,000")
        #expect(try PythonFormat.format(.double(1e22), spec: "f") == "10000000000000000000000.000000")
        #expect(try PythonFormat.format(.double(9.9999), spec: ".3g") == "10")
        #expect(try PythonFormat.format(.double(1234.5), spec: ".4") == "1.234e+03")
    }

    @Test("d accepts integral doubles (extension) and rejects others with Python's message")
    func integralDoubles() throws {
        #expect(try PythonFormat.format(.double(32833), spec: ",d") == "32,833")
        #expect(try PythonFormat.format(.double(-3), spec: "+05d") == "-0003")
        #expect(try PythonFormat.format(.double(1e20), spec: ",d") == "100,000,000,000,000,000,000")
        #expect(throws: FormatSpecError("Unknown format code 'd' for object of type 'float'")) {
            try PythonFormat.format(.double(2.5), spec: "d")
        }
        #expect(throws: FormatSpecError("Unknown format code 'd' for object of type 'float'")) {
            try PythonFormat.format(.double(.infinity), spec: "d")
        }
    }

    @Test("invalid specs throw Python's messages")
    func errors() {
        #expect(throws: FormatSpecError("Format specifier missing precision")) {
            try PythonFormat.format(.double(1), spec: ".f")
        }
        #expect(throws: FormatSpecError("Cannot specify both ',' and '_'.")) {
            try PythonFormat.format(.int(1), spec: ",_d")
        }
        #expect(throws: FormatSpecError("Invalid format specifier '.2ff' for object of type 'float'")) {
            try PythonFormat.format(.double(1), spec: ".2ff")
        }
        #expect(throws: FormatSpecError("Precision not allowed in integer format specifier")) {
            try PythonFormat.format(.int(1), spec: ".2d")
        }
        #expect(throws: FormatSpecError("Unknown format code 'f' for object of type 'str'")) {
            try PythonFormat.format(.string("x"), spec: ".2f")
        }
    }

    @Test("exact expansion: 0.1 is 0.1000000000000000055511151231257827021181583404541015625")
    func exactDigits() {
        let tenth = PythonFormat.Digits.exact(0.1)
        #expect(tenth.digits.map(String.init).joined() == "1000000000000000055511151231257827021181583404541015625")
        #expect(tenth.decimalPoint == 0)
        let tiny = PythonFormat.Digits.exact(.leastNonzeroMagnitude)  // 2^-1074: 751 significant digits
        #expect(tiny.digits.count == 751 && tiny.decimalPoint == -323)
        #expect(PythonFormat.Digits.significant(0.125, 2) == PythonFormat.Digits(digits: [1, 2], decimalPoint: 0, negative: false))
        #expect(PythonFormat.Digits.fixed(-0.001, places: 2) == PythonFormat.Digits(digits: [0], decimalPoint: 1, negative: true))
        #expect(PythonFormat.Digits.shortest(0.1 + 0.2).digits.count == 17)
    }
}
