import Testing
@testable import ReportData

/// The condition grammar of `{filter} :where:` and `{clean} :drop-where:` (SPEC §2): parsing,
/// evaluation on numeric and text columns, and errors that say where.
@Suite struct ConditionTests {
    let table: Table

    init() throws {
        table = try Table(columns: [
            Column(name: "genre", text: ["rock", "pop", "Drum & Bass", nil, "rock", "and more"]),
            Column(name: "energy", numeric: [0.9, 0.4, 0.75, 0.5, .nan, 0.2]),
            Column(name: "year", text: ["2019-06-14", "2001", "1999-12", "2020", nil, "2019"]),
        ])
    }

    func rows(_ text: String) throws -> [Int] {
        try Condition(parsing: text).matchingRows(in: table)
    }

    func syntaxError(_ text: String) -> ConditionError? {
        do {
            _ = try Condition(parsing: text)
            return nil
        } catch let error as ConditionError {
            return error
        } catch {
            return nil
        }
    }

    @Test func parsesClausesJoinedByAnd() throws {
        let condition = try Condition(parsing: "energy >= 0.5 AND genre in [rock, \"Drum & Bass\"] and year != '2001'")
        #expect(condition.clauses == [
            Condition.Clause(column: "energy", comparison: .greaterOrEqual, values: ["0.5"], columnOffset: 0, valueOffsets: [10]),
            Condition.Clause(column: "genre", comparison: .isIn, values: ["rock", "Drum & Bass"], columnOffset: 18,
                             valueOffsets: [28, 34]),
            Condition.Clause(column: "year", comparison: .notEqual, values: ["2001"], columnOffset: 53, valueOffsets: [61]),
        ])
        #expect(condition.columns == ["energy", "genre", "year"])
    }

    @Test func everyOperator() throws {
        #expect(try rows("energy = 0.4") == [1])
        #expect(try rows("energy == 0.4") == [1])
        #expect(try rows("energy != 0.4") == [0, 2, 3, 4, 5])  // a missing value is "not equal"
        #expect(try rows("energy < 0.5") == [1, 5])
        #expect(try rows("energy <= 0.5") == [1, 3, 5])
        #expect(try rows("energy > 0.5") == [0, 2])
        #expect(try rows("energy >= 0.5") == [0, 2, 3])
        #expect(try rows("energy in [0.2, 0.9, 7]") == [0, 5])
        #expect(try rows("energy>0.5") == [0, 2])
    }

    @Test func numbersCompareNumericallyEvenWhenQuoted() throws {
        #expect(try rows("energy > \"0.5\"") == [0, 2])
        #expect(try rows("energy < 1e0 and energy > 5e-1") == [0, 2])
    }

    @Test func textComparesExactly() throws {
        #expect(try rows("genre = rock") == [0, 4])
        #expect(try rows("genre = Rock") == [])
        #expect(try rows("genre != rock") == [1, 2, 3, 5])
        #expect(try rows("genre in [pop, 'Drum & Bass']") == [1, 2])
        // A value with spaces is quoted, except as a list item.
        #expect(try rows("genre = \"Drum & Bass\" and energy > 0.5") == [2])
        #expect(try rows("genre in [Drum & Bass, and more]") == [2, 5])
        #expect(try rows("genre = \"and more\"") == [5])
    }

    @Test func textOrderingIsLexicographic() throws {
        // ISO dates order correctly as text; "2001" < "2019-06-14" < "2020".
        #expect(try rows("year >= 2019") == [0, 3, 5])
        #expect(try rows("year < 2000") == [2])
        #expect(try rows("year > 2019-01-01 and year < 2020") == [0])
    }

    @Test func missingValuesMatchOnlyNotEqual() throws {
        #expect(try rows("genre in [rock, pop, 'Drum & Bass', 'and more']") == [0, 1, 2, 4, 5])
        #expect(try rows("year != x") == [0, 1, 2, 3, 4, 5])
        #expect(try rows("energy < 100") == [0, 1, 2, 3, 5])
    }

    @Test func quotedAndBacktickedColumnNames() throws {
        let spaced = try Table(columns: [Column(name: "track name", text: ["a", "b"])])
        #expect(try Condition(parsing: "`track name` = b").matchingRows(in: spaced) == [1])
        #expect(try Condition(parsing: "\"track name\" in [a]").matchingRows(in: spaced) == [0])
        #expect(try Condition(parsing: "x = 'it\\'s'").clauses[0].values == ["it's"])
    }

    @Test func unknownColumnListsTheColumns() throws {
        let condition = try Condition(parsing: "energy > 0.5 and gnere = rock")
        #expect(throws: ConditionError(.unknownColumn("gnere", available: ["genre", "energy", "year"]),
                                       "no column 'gnere' in the data", text: "energy > 0.5 and gnere = rock", offset: 17)) {
            try condition.evaluate(on: table)
        }
    }

    @Test func textValueOnANumericColumnIsAnError() throws {
        let condition = try Condition(parsing: "energy in [0.5, high]")
        do {
            _ = try condition.evaluate(on: table)
            Issue.record("expected an error")
        } catch let error as ConditionError {
            #expect(error.kind == .notANumber(column: "energy", value: "high"))
            #expect(error.offset == 16)
            #expect(error.message == "column 'energy' holds numbers, but 'high' is not a number")
        }
    }

    @Test(arguments: [
        ("", 0, "the condition is empty"),
        ("energy", 6, "expected an operator (= != < <= > >= in) after 'energy', found the end"),
        ("energy ~ 3", 7, "expected an operator (= != < <= > >= in) after 'energy', found '~'"),
        ("energy >", 8, "expected a value after '>'"),
        ("energy >> 0.5", 8, "expected a value after '>', found '>'"),
        ("energy > 0.5 or genre = rock", 13, "only 'and' joins clauses; 'or' is not supported (use 'in [a, b]' for one of several values)"),
        ("genre = Drum & Bass", 13, "expected 'and' or the end of the condition, found '&'; quote a value that contains spaces: \"Drum &…\""),
        ("energy > 0.5 and", 13, "expected a clause after 'and'"),
        ("genre in rock", 9, "expected a list like [a, b] after 'in', found 'rock'"),
        ("genre in [rock, pop", 9, "the list opened here is never closed with ']'"),
        ("genre in []", 9, "the list after 'in' is empty"),
        ("genre in [rock,, pop]", 15, "expected a value in the list"),
        ("genre = [rock, pop]", 8, "a list needs 'in': write 'genre in [...]'"),
        ("genre = \"rock", 8, "the quote opened here is never closed"),
        ("= rock", 0, "expected a column name, found '='"),
        ("genre = 'a' 'b'", 12, "expected 'and' or the end of the condition, found ''b''"),
    ])
    func syntaxErrorsSayWhere(text: String, offset: Int, message: String) {
        let error = syntaxError(text)
        #expect(error?.kind == .syntax, "\(text)")
        #expect(error?.offset == offset, "\(text): \(String(describing: error))")
        #expect(error?.message == message, "\(text): \(String(describing: error))")
    }

    @Test func descriptionGivesTheCharacter() {
        #expect(syntaxError("energy >")?.description == "expected a value after '>' (at character 9 of 'energy >')")
    }
}
