import Testing
@testable import ReportEngine

@Suite struct ResultsTests {
    let results = ResultObject([
        ("rf", .object(ResultObject([
            ("accuracy", .double(0.61234)),
            ("per_class", .object(ResultObject([("Drum & Bass", .object(ResultObject([("f1", .double(0.5))]))),
                                                 ("a.b", .int(3))]))),
        ]))),
        ("data", .object(ResultObject([("rows", .int(120000)), ("sizes", .array([.int(1), .int(2)]))]))),
    ])

    @Test func pathsWithDotsInKeys() {
        #expect(ResultPath.lookup("rf.accuracy", in: results) == .double(0.61234))
        #expect(ResultPath.lookup("rf.per_class.Drum & Bass.f1", in: results) == .double(0.5))
        #expect(ResultPath.lookup("rf.per_class.a.b", in: results) == .int(3))
        #expect(ResultPath.lookup("data.sizes.1", in: results) == .int(2))
        #expect(ResultPath.lookup("rf.nothing", in: results) == nil)
    }

    @Test func evalFormats() throws {
        let here = SourceLocation(file: "r.md", line: 4)
        #expect(try RoleEvaluator.eval("rf.accuracy:.1%", results: results, at: here) == "61.2%")
        #expect(try RoleEvaluator.eval("data.rows:,d", results: results, at: here) == "120,000")
        #expect(try RoleEvaluator.eval("data.rows", results: results, at: here) == "120000")
    }

    @Test func evalErrorsNameTheLine() {
        let here = SourceLocation(file: "r.md", line: 9)
        do {
            _ = try RoleEvaluator.eval("rf.acuracy:.1%", results: results, at: here)
            Issue.record("expected an error")
        } catch let error as ReportError {
            #expect(error.location == here)
            #expect(error.message.contains("no result 'rf.acuracy'"))
            #expect(error.notes.first == "did you mean 'rf.accuracy'?")
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: ReportError.self) { try RoleEvaluator.eval("data.sizes", results: results, at: here) }
    }

    @Test func jsonIsStableAndEscaped() {
        let json = JSONOutput.string(.object(ResultObject([
            ("b", .double(0.1)), ("a", .array([.int(1), .double(2.5)])), ("t", .string("<x> \"q\"\n")),
            ("nan", .double(.nan)),
        ])))
        #expect(json == "{\n  \"b\": 0.1,\n  \"a\": [1, 2.5],\n  \"t\": \"\\u003cx> \\\"q\\\"\\n\",\n  \"nan\": null\n}\n")
    }
}
