import Testing
@testable import ReportData

@Suite("CSV writing")
struct CSVWriterTests {
    @Test func goldenOutput() throws {
        let table = try Table(columns: [
            Column(name: "name", text: ["Smith, John", "say \"hi\"", nil, "two\nlines", "Beyoncé"]),
            Column(name: "x", numeric: [1, 0.5, .nan, 2.1e-4, -194_754]),
        ])
        let expected = """
            name,x
            "Smith, John",1
            "say ""hi\""",0.5
            ,
            "two
            lines",0.00021
            Beyoncé,-194754

            """
        #expect(CSVWriter.write(table) == expected)
    }

    @Test func roundTrip() throws {
        let table = try Table(columns: [
            Column(name: "a b", text: ["x;y", "q\"r", nil]),
            Column(name: "v", numeric: [0.1 + 0.2, 1e-300, -0.0]),
        ])
        for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")] {
            let text = CSVWriter.write(table, delimiter: delimiter)
            let back = try CSVReader.read(text: text, options: CSVOptions(delimiter: delimiter))
            #expect(back == table)
        }
    }
}
