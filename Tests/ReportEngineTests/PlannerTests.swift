import Testing
@testable import ReportEngine

/// Checks that plan-time validation turns every bad directive into a located error.
@Suite struct PlannerTests {
    struct Echo: Step {
        static let spec = DirectiveSpec(
            name: "load", summary: "test", argument: .required("a path"),
            options: [OptionSpec("label", .string, "label"), OptionSpec("rows", .int, "rows"),
                      OptionSpec("method", .choice(["pearson", "spearman"]), "method")])
        let invocation: Invocation
        init(_ invocation: Invocation) throws { self.invocation = invocation }
        func run(_ context: StepContext) throws -> StepOutput {
            StepOutput(results: ResultObject([("argument", .string(invocation.argument))]))
        }
    }

    struct Describe: Step {
        static let spec = DirectiveSpec(name: "describe", summary: "test", options: [])
        init(_ invocation: Invocation) throws {}
        func run(_ context: StepContext) throws -> StepOutput { StepOutput() }
    }

    let registry = StepRegistry([Echo.self, Describe.self])

    func plan(_ source: String, overrides: [(name: String, value: String)] = []) throws -> [PlannedStep] {
        let document = try DocumentParser.parse(source, file: "r.md")
        let parameters = try Parameters(frontMatter: document.frontMatter, overrides: overrides, file: "r.md")
        return try Planner.plan(document, parameters: parameters, registry: registry)
    }

    func planError(_ source: String, overrides: [(name: String, value: String)] = []) -> ReportError? {
        do {
            _ = try plan(source, overrides: overrides)
            return nil
        } catch {
            return error as? ReportError
        }
    }

    @Test func idsAreUniqueAndDefaultToTheDirectiveName() throws {
        let steps = try plan("```{describe}\n```\n\n```{describe}\n```\n\n```{describe}\n:name: summary\n```\n\n```{describe}\n```\n")
        #expect(steps.map(\.id) == ["describe", "describe-2", "summary", "describe-3"])
    }

    @Test func parametersAreSubstitutedAndOverridden() throws {
        let source = "---\nparams:\n  data: a.csv\n---\n\n```{load} {{ params.data }}\n:label: {{params.data}}\n```\n"
        #expect(try plan(source)[0].directive.argument == "a.csv")
        let overridden = try plan(source, overrides: [("data", "b.csv")])[0]
        #expect(overridden.directive.argument == "b.csv")
        #expect(overridden.directive.option("label")?.value == .scalar("b.csv"))
        #expect(overridden.invocation.argumentFromCommandLine)
        #expect(try plan(source)[0].invocation.argumentFromCommandLine == false)
    }

    @Test func unknownParameter() {
        let error = planError("---\nparams:\n  data: a.csv\n---\n\n```{load} {{ params.dta }}\n```\n")
        #expect(error?.location?.line == 6)
        #expect(error?.notes.first == "did you mean 'data'?")
        let override = planError("---\nparams:\n  data: a.csv\n---\n", overrides: [("date", "x")])
        #expect(override?.message.contains("no parameter 'date'") == true)
    }

    @Test func unknownDirectiveSuggestsNearest() {
        let error = planError("Text\n\n```{lod} x.csv\n```\n")
        #expect(error?.description.hasPrefix("r.md:3: error: unknown directive {lod}") == true)
        #expect(error?.notes.first == "did you mean {load}?")
    }

    @Test func unknownOptionListsAccepted() {
        let error = planError("```{load} x.csv\n:labl: genre\n```\n")
        #expect(error?.location?.line == 2)
        #expect(error?.notes.first == "did you mean ':label:'?")
        #expect(error?.notes.last?.contains("label, rows, method, name, caption, hidden, echo, data") == true)
    }

    @Test func badValues() {
        #expect(planError("```{load} x.csv\n:rows: many\n```\n")?.message == "option 'rows' must be a whole number, found 'many'")
        let choice = planError("```{load} x.csv\n:method: kendall\n```\n")
        #expect(choice?.notes == ["accepted values: pearson, spearman"])
        #expect(planError("```{load} x.csv\n:hidden: maybe\n```\n")?.location?.line == 2)
    }

    @Test func argumentRules() {
        #expect(planError("```{load}\n```\n")?.message == "{load} needs an argument: a path")
        #expect(planError("```{describe} extra\n```\n")?.message.contains("takes no argument") == true)
    }

    @Test func duplicateAndInvalidNames() {
        #expect(planError("```{describe}\n:name: a\n```\n\n```{describe}\n:name: a\n```\n")?.location?.line == 6)
        #expect(planError("```{describe}\n:name: a b\n```\n")?.message.contains("may use only") == true)
    }

    @Test func runnerStoresResultsUnderTheStepID() throws {
        let document = try DocumentParser.parse("```{load} x.csv\n:name: data\n```\n", file: "r.md")
        let parameters = try Parameters(frontMatter: document.frontMatter, overrides: [], file: "r.md")
        let run = try Runner(registry: registry).run(document, parameters: parameters, reportDirectory: "/tmp")
        #expect(ResultPath.lookup("data.argument", in: run.results) == .string("x.csv"))
    }
}
