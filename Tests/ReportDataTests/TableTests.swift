import Testing
@testable import ReportData

@Suite("Table and Column")
struct TableTests {
    @Test func columnBasics() {
        let n = Column(name: "x", numeric: [1, .nan, 2.5])
        #expect(n.isNumeric)
        #expect(n.count == 3)
        #expect(n.missingCount == 1)
        #expect(n.numericValues?.count == 3)
        #expect(n.textValues == nil)
        #expect(!n.isIntegral)
        #expect(n.displayValue(at: 0) == "1")
        #expect(n.displayValue(at: 1) == nil)
        #expect(n.displayValue(at: 2) == "2.5")

        let t = Column(name: "s", text: ["a", nil, "b"])
        #expect(!t.isNumeric)
        #expect(t.missingCount == 1)
        #expect(t.textValues == ["a", nil, "b"])
        #expect(t.displayValue(at: 1) == nil)
        #expect(!t.isIntegral)
    }

    @Test func integralAndDisplay() {
        let c = Column(name: "ms", numeric: [194_754, -3, .nan, 0])
        #expect(c.isIntegral)
        #expect(c.displayValue(at: 0) == "194754")
        #expect(c.displayValue(at: 1) == "-3")
        #expect(NumberText.shortest(0.748) == "0.748")
        #expect(NumberText.shortest(2.33e-5) == "2.33e-05")
        #expect(NumberText.shortest(-0.0) == "0")
        #expect(NumberText.shortest(1e20) == "1e+20")
        #expect(NumberText.shortest(0.1 + 0.2) == "0.30000000000000004")
    }

    @Test func equalityTreatsMissingNumbersAsEqual() {
        #expect(Column(name: "x", numeric: [1, .nan]) == Column(name: "x", numeric: [1, .nan]))
        #expect(Column(name: "x", numeric: [1, .nan]) != Column(name: "x", numeric: [1, 2]))
        #expect(Column(name: "x", numeric: [1]) != Column(name: "x", text: ["1"]))
    }

    @Test func tableInvariants() throws {
        let a = Column(name: "a", numeric: [1, 2, 3])
        let b = Column(name: "b", text: ["x", "y", "z"])
        let table = try Table(columns: [a, b])
        #expect(table.rowCount == 3)
        #expect(table.columnNames == ["a", "b"])
        #expect(table.column(named: "b") == b)
        #expect(table.column(named: "c") == nil)
        #expect(throws: TableError.duplicateName("a")) { try Table(columns: [a, a]) }
        #expect(throws: TableError.lengthMismatch(column: "c", expected: 3, actual: 2)) {
            try Table(columns: [a, Column(name: "c", numeric: [1, 2])])
        }
        #expect(try Table(columns: []).rowCount == 0)
    }

    @Test func appendSetRemoveSelect() throws {
        var table = try Table(columns: [Column(name: "a", numeric: [1, 2, 3])])
        try table.append(Column(name: "b", text: ["x", nil, "z"]))
        #expect(throws: TableError.duplicateName("b")) { try table.append(Column(name: "b", numeric: [0, 0, 0])) }
        #expect(throws: TableError.self) { try table.append(Column(name: "c", numeric: [0])) }
        try table.setColumn(Column(name: "a", numeric: [7, 8, 9]))
        #expect(table.columnNames == ["a", "b"])
        #expect(table.column(named: "a")?.numericValues == [7, 8, 9])
        try table.setColumn(Column(name: "c", numeric: [0, 0, 1]))
        #expect(table.columnNames == ["a", "b", "c"])

        let picked = table.selecting(rows: [2, 0, 2])
        #expect(picked.rowCount == 3)
        #expect(picked.column(named: "a")?.numericValues == [9, 7, 9])
        #expect(picked.column(named: "b")?.textValues == ["z", "x", "z"])

        let narrowed = try table.selecting(columns: ["c", "a"])
        #expect(narrowed.columnNames == ["c", "a"])
        #expect(throws: TableError.self) { try table.selecting(columns: ["nope"]) }

        let removed = table.removeColumn(named: "b")
        let removedAgain = table.removeColumn(named: "b")
        #expect(removed)
        #expect(!removedAgain)
        #expect(table.columnNames == ["a", "c"])
    }

    @Test func valueCountsOrderByFrequencyThenFirstSeen() {
        let c = Column(name: "g", text: ["b", "a", "b", nil, "c", "a", "b"])
        let counts = c.valueCounts()
        #expect(counts.map(\.value) == ["b", "a", "c"])
        #expect(counts.map(\.count) == [3, 2, 1])
    }
}
