import Foundation
import ReportData

/// A step after it ran: where it stood, how long it took and what it showed.
public struct ExecutedStep: Sendable {
    public let id: String
    public let directive: Directive
    public let seconds: Double
    public let output: StepOutput
    public let hidden: Bool
    public let echo: Bool
}

/// The outcome of running a report's steps.
public struct RunResult: Sendable {
    public let document: Document
    public let parameters: Parameters
    public let steps: [ExecutedStep]
    public let results: ResultObject

    /// The executed step for a directive line.
    public func step(atLine line: Int) -> ExecutedStep? {
        steps.first { $0.directive.line == line }
    }
}

/// Runs planned steps in document order with a fresh workspace, a seed per step and progress.
public struct Runner {
    public var registry: StepRegistry
    public var progress: any ProgressSink

    public init(registry: StepRegistry, progress: any ProgressSink = SilentProgress()) {
        self.registry = registry
        self.progress = progress
    }

    /// Plans and runs `document`; `reportDirectory` resolves relative paths in directives.
    public func run(_ document: Document, parameters: Parameters, reportDirectory: String) throws -> RunResult {
        let planned = try Planner.plan(document, parameters: parameters, registry: registry)
        let workspace = Workspace()
        var executed: [ExecutedStep] = []
        let reportSeed = document.frontMatter.seed

        for (position, plannedStep) in planned.enumerated() {
            let invocation = plannedStep.invocation
            let options = invocation.options
            let seed: UInt64
            if plannedStep.optionSpecs.contains(where: { $0.name == "seed" }), let given = try options.int("seed") {
                seed = UInt64(bitPattern: Int64(given))
            } else {
                seed = SeedDerivation.derive(reportSeed, plannedStep.id)
            }
            let context = StepContext(id: plannedStep.id, location: invocation.location, options: options,
                                      reportDirectory: reportDirectory,
                                      workingDirectory: FileManager.default.currentDirectoryPath,
                                      argumentFromCommandLine: invocation.argumentFromCommandLine,
                                      seed: seed, progress: progress,
                                      workspace: workspace)
            progress.stepStarted(index: position + 1, total: planned.count, id: plannedStep.id,
                                 directive: plannedStep.spec.name, line: invocation.directive.line)
            let start = DispatchTime.now().uptimeNanoseconds
            let output: StepOutput
            do {
                output = try plannedStep.step.run(context)
            } catch let error as ReportError {
                throw error
            } catch {
                throw ReportError("{\(plannedStep.spec.name)} failed: \(error)", at: invocation.location)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            progress.stepFinished(index: position + 1, total: planned.count, id: plannedStep.id, seconds: seconds)
            if !output.results.isEmpty {
                workspace.results[plannedStep.id] = .object(output.results)
            }
            for (targetID, extra) in output.resultsForOtherSteps {
                var merged: ResultObject
                if case .object(let existing)? = workspace.results[targetID] { merged = existing } else { merged = ResultObject() }
                for entry in extra.entries { merged[entry.key] = entry.value }
                workspace.results[targetID] = .object(merged)
            }
            executed.append(ExecutedStep(id: plannedStep.id, directive: invocation.directive, seconds: seconds,
                                         output: output, hidden: plannedStep.hidden, echo: plannedStep.echo))
        }
        return RunResult(document: document, parameters: parameters, steps: executed, results: workspace.results)
    }
}
