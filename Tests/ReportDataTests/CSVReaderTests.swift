import Foundation
import Testing
import TestSupport
@testable import ReportData

/// Reads `text` as CSV with the given options.
private func read(_ text: String, _ options: CSVOptions = .init()) throws -> Table {
    try CSVReader.read(text: text, options: options)
}

/// The CSVError thrown by reading `text`, if any.
private func csvError(_ text: String) -> CSVError? {
    do {
        _ = try read(text)
        return nil
    } catch let error as CSVError {
        return error
    } catch {
        return nil
    }
}

@Suite("CSV reading")
struct CSVReaderTests {
    @Test func quotedCommasAndDoubledQuotes() throws {
        let table = try read("name,note\n\"Smith, John\",\"said \"\"hi\"\"\"\nplain,\"\"\"\"\n")
        #expect(table.rowCount == 2)
        #expect(table.column(named: "name")?.textValues == ["Smith, John", "plain"])
        #expect(table.column(named: "note")?.textValues == ["said \"hi\"", "\""])
    }

    @Test func newlineInsideQuotes() throws {
        let table = try read("id,text\n1,\"line one\nline two\"\n2,\"a\r\nb\"\n")
        #expect(table.rowCount == 2)
        #expect(table.column(named: "text")?.textValues == ["line one\nline two", "a\r\nb"])
        #expect(table.column(named: "id")?.numericValues == [1, 2])
    }

    @Test func crlfAndLF() throws {
        let crlf = try read("a,b\r\n1,x\r\n2,y\r\n")
        let lf = try read("a,b\n1,x\n2,y\n")
        #expect(crlf == lf)
        #expect(crlf.column(named: "b")?.textValues == ["x", "y"])
        // No line break after the last row, and a lone CR as a line end.
        #expect(try read("a,b\n1,x\n2,y") == lf)
        #expect(try read("a,b\r1,x\r2,y\r") == lf)
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let text = "artist,plays\nBeyoncé,3\nSigur Rós,5\n東京事変,7\n"
        let plain = try read(text)
        let withBOM = try CSVReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(plain == withBOM)
        #expect(withBOM.columnNames == ["artist", "plays"])
        #expect(plain.column(named: "artist")?.textValues == ["Beyoncé", "Sigur Rós", "東京事変"])
    }

    @Test func emptyFieldsAndMissingTokens() throws {
        let table = try read("x,y,z\n1,,a\nNA,2,null\n3, NA ,\n")
        #expect(table.column(named: "x")?.isNumeric == true)
        #expect(table.column(named: "x")?.missingCount == 1)
        #expect(table.column(named: "y")?.isNumeric == true)
        #expect(table.column(named: "y")?.missingCount == 2)
        #expect(table.column(named: "z")?.textValues == ["a", nil, nil])

        let custom = try read("x,y\n-999,a\n1,?\n", CSVOptions(missing: ["-999", "?"]))
        #expect(custom.column(named: "x")?.missingCount == 1)
        #expect(custom.column(named: "x")?.isNumeric == true)
        #expect(custom.column(named: "y")?.textValues == ["a", nil])
        // Without "" among the tokens an empty cell is text, so the column is text.
        let strict = try read("x,y\n1,a\n,b\n", CSVOptions(missing: ["NA"]))
        #expect(strict.column(named: "x")?.textValues == ["1", ""])
    }

    @Test func numberForms() throws {
        let table = try read("v\n0\n126\n2.1e-4\n-4.91e-6\n.5\n1.\n+3\n 7 \n1E+05\n")
        let values = try #require(table.column(named: "v")?.numericValues)
        // Parsed from text, not written as literals: on x86-64 Swift rounds float literals
        // through Float80, so `-4.91e-6` as a literal is one ulp off the correct double.
        let expected = ["0", "126", "2.1e-4", "-4.91e-6", "0.5", "1", "3", "7", "1e5"].compactMap { Double($0) }
        #expect(values == expected)
    }

    @Test(arguments: ["inf", "nan", "0x1p3", "1_000", "1e", ".", "-", "1.2.3", "12a", "2019-06-14", "2019"])
    func notNumbersMakeText(_ cell: String) throws {
        let table = try read("v\n1\n\(cell)\n")
        if cell == "2019" {
            #expect(table.column(named: "v")?.isNumeric == true)
        } else {
            #expect(table.column(named: "v")?.textValues == ["1", cell])
        }
    }

    @Test func datesStayText() throws {
        let table = try read("d\n2019-06-14\n2012\n2019-06\n")
        #expect(table.column(named: "d")?.textValues == ["2019-06-14", "2012", "2019-06"])
    }

    @Test func textAfterManyNumbersKeepsRawText() throws {
        // The column turns to text late, so its earlier cells are read again as written.
        var lines = ["code,n"]
        for k in 0..<2_000 { lines.append("00\(k),\(k)") }
        lines.append("x7,1")
        let table = try read(lines.joined(separator: "\n"))
        let codes = try #require(table.column(named: "code")?.textValues)
        #expect(codes.first == "000")
        #expect(codes[1_999] == "001999")
        #expect(codes.last == "x7")
        #expect(table.column(named: "n")?.isNumeric == true)
    }

    @Test func numbersAreExactlySwiftsParse() throws {
        let cells = [
            "0.1", "0.7", "123456789012345678901234567890", "1.7976931348623157e308", "5e-324",
            "2.2250738585072011e-308", "9007199254740993", "0.000000000000000000001234",
            "1e23", "8.589973e9", "3.14159265358979323846264338327950288", "1e400", "-0",
        ]
        let table = try read("v\n" + cells.joined(separator: "\n") + "\n")
        let values = try #require(table.column(named: "v")?.numericValues)
        for (cell, value) in zip(cells, values) {
            let expected = try #require(Double(cell))
            #expect(value.bitPattern == expected.bitPattern, "\(cell)")
        }
    }

    @Test func delimiterDetection() throws {
        let tsv = try read("a\tb\tc\n1\t2,5\tx\n3\t4\ty\n")
        #expect(tsv.columnNames == ["a", "b", "c"])
        #expect(tsv.column(named: "b")?.textValues == ["2,5", "4"])
        let semicolon = try read("a;b\n\"x;y\";1,5\nz;2\n")
        #expect(semicolon.columnNames == ["a", "b"])
        #expect(semicolon.column(named: "a")?.textValues == ["x;y", "z"])
        let pipe = try read("a|b\n1|2\n")
        #expect(pipe.columnNames == ["a", "b"])
        #expect(CSVReader.detectDelimiter(Array("one\n1\n2\n".utf8)) == UInt8(ascii: ","))
        #expect(CSVReader.detectDelimiter(Array("a;b,c;d\n1;2,3;4\n".utf8)) == UInt8(ascii: ";"))
        #expect(CSVReader.detectDelimiter(Array("a,b\n\"1,2,3\",4\n".utf8)) == UInt8(ascii: ","))
        let explicit = try read("a;b\n1;2\n", CSVOptions(delimiter: UInt8(ascii: ",")))
        #expect(explicit.columnNames == ["a;b"])
    }

    @Test func raggedRowNamesPhysicalLine() {
        let error = csvError("a,b,c,d\n1,2,3,4\n\"multi\nline\",2,3,4\n1,2,3,4,5\n")
        #expect(error == CSVError(line: 5, message: "row has 5 fields, header has 4"))
        #expect(error?.description == "line 5: row has 5 fields, header has 4")
        #expect(csvError("a,b\n1,2\n\n3\n") == CSVError(line: 4, message: "row has 1 field, header has 2"))
        #expect(csvError("a,b\r\n1,2\r\n3,4,\r\n")?.line == 3)
    }

    @Test func unterminatedQuoteNamesOpeningLine() {
        let error = csvError("a,b\n1,2\n3,\"open\nstill open\n")
        #expect(error?.line == 3)
        #expect(error?.message.contains("unterminated") == true)
    }

    @Test func emptyFileAndHeaderOnly() throws {
        #expect(csvError("")?.message.contains("empty") == true)
        #expect(csvError("\u{FEFF}\n\n")?.message.contains("empty") == true)
        let header = try read("a,b,c\n")
        #expect(header.rowCount == 0)
        #expect(header.columnNames == ["a", "b", "c"])
        #expect(header.columns.allSatisfy { !$0.isNumeric })
    }

    @Test func duplicateAndEmptyHeaderNamesMadeUnique() throws {
        let table = try read("a,a,,b,a_2, x \n1,2,3,4,5,6\n")
        #expect(table.columnNames == ["a", "a_3", "column_3", "b", "a_2", "x"])
    }

    @Test func quotedNumbersAreNumbers() throws {
        let table = try read("v\n\"1.5\"\n\"2\"\n")
        #expect(table.column(named: "v")?.numericValues == [1.5, 2])
    }

    @Test func textAfterClosingQuoteIsKept() throws {
        let table = try read("v,w\n\"ab\"cd,1\n")
        #expect(table.column(named: "v")?.textValues == ["abcd"])
    }

    @Test func trailingDelimiterMakesEmptyLastField() throws {
        let table = try read("a,b\n1,")
        #expect(table.column(named: "b")?.textValues == [nil])
    }

    @Test func chunkSeamsGiveTheSameTable() throws {
        let text = "id,name,score\r\n1,\"Smith, \"\"J\"\"\",2.5\r\n\r\n2,\"multi\r\nline\",\r\n"
            + "3,Beyoncé,1e-3\n4,\"\",NA\r5,x,7"
        let bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let expected = try CSVReader.read(bytes: bytes)
        #expect(expected.rowCount == 5)
        let url = try Fixtures.temporaryDirectory("csv-seams").appendingPathComponent("t.csv")
        try Data(bytes).write(to: url)
        for chunk in 1...12 {
            let fromBuffer = try bytes.withUnsafeBufferPointer {
                try CSVReader.read(.buffer($0), options: .init(), chunkSize: chunk)
            }
            #expect(fromBuffer == expected, "buffer chunk \(chunk)")
            let fromFile = try CSVReader.read(.file(url), options: .init(), chunkSize: chunk)
            #expect(fromFile == expected, "file chunk \(chunk)")
        }
        #expect(try CSVReader.read(contentsOf: url) == expected)
    }

    @Test func errorsAcrossChunkSeams() throws {
        let bytes = Array("a,b\n1,2\n\"x\ny\",3\n4,5,6\n".utf8)
        for chunk in [1, 2, 3, 5, 8] {
            #expect(throws: CSVError(line: 5, message: "row has 3 fields, header has 2")) {
                try bytes.withUnsafeBufferPointer {
                    try CSVReader.read(.buffer($0), options: .init(), chunkSize: chunk)
                }
            }
        }
    }

    @Test func unterminatedQuoteAcrossChunkSeams() {
        let bytes = Array("a,b\r\n1,2\r\n3,\"open\r\nstill \"\"open\r\n".utf8)
        for chunk in [1, 2, 3, 4, 7, 64] {
            do {
                _ = try bytes.withUnsafeBufferPointer {
                    try CSVReader.read(.buffer($0), options: .init(), chunkSize: chunk)
                }
                Issue.record("no error with chunk \(chunk)")
            } catch let error as CSVError {
                #expect(error.line == 3, "chunk \(chunk)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func missingFileIsACSVError() {
        #expect(throws: CSVError.self) {
            try CSVReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/none.csv"))
        }
    }
}
