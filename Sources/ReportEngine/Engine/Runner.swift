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
    /// Its output came from the step cache.
    public let cached: Bool
    /// Why it ran or which cache entry it reused (`--explain`).
    public let explanation: String
    /// Digest of the directive and every input it read; nil when the step did not run
    /// under the cache's bookkeeping.
    public let inputDigest: String
    /// Digest of its encoded output.
    public let outputDigest: String

    public init(id: String, directive: Directive, seconds: Double, output: StepOutput, hidden: Bool, echo: Bool,
                cached: Bool = false, explanation: String = "", inputDigest: String = "", outputDigest: String = "") {
        self.id = id
        self.directive = directive
        self.seconds = seconds
        self.output = output
        self.hidden = hidden
        self.echo = echo
        self.cached = cached
        self.explanation = explanation
        self.inputDigest = inputDigest
        self.outputDigest = outputDigest
    }
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

/// How a run uses the step cache.
public struct CacheUse: Sendable {
    public var cache: StepCache
    /// Reuse stored outputs (false with `--no-cache`: every step runs, results are still stored).
    public var reuse: Bool
    /// Identifies the report for `--explain`'s comparison with its previous build.
    public var reportKey: String

    public init(cache: StepCache, reuse: Bool = true, reportKey: String) {
        self.cache = cache
        self.reuse = reuse
        self.reportKey = reportKey
    }
}

/// Runs planned steps in document order with a seed per step and progress; with a step cache
/// it reuses the output of every step whose directive and inputs are unchanged.
public struct Runner {
    public var registry: StepRegistry
    public var progress: any ProgressSink
    /// Threads each step may use (`--jobs`).
    public var threads: Int
    public var toolVersion: String

    public init(registry: StepRegistry, progress: any ProgressSink = SilentProgress(),
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, toolVersion: String = "dev") {
        self.registry = registry
        self.progress = progress
        self.threads = threads
        self.toolVersion = toolVersion
    }

    /// Plans and runs `document`; `reportDirectory` resolves relative paths in directives.
    public func run(_ document: Document, parameters: Parameters, reportDirectory: String,
                    cache: CacheUse? = nil) throws -> RunResult {
        let planned = try Planner.plan(document, parameters: parameters, registry: registry)
        let execution = Execution(runner: self, planned: planned, document: document,
                                  reportDirectory: reportDirectory, cache: cache)
        return try execution.run(parameters: parameters)
    }
}

/// One run of a report: the planned steps, the workspace and the cache bookkeeping.
private final class Execution {
    let runner: Runner
    let planned: [PlannedStep]
    let document: Document
    let reportDirectory: String
    let cacheUse: CacheUse?
    let workspace = Workspace()
    let seeds: [UInt64]
    let identities: [StepIdentity]
    /// Steps re-run to rebuild values the cache does not store, reported with the step that
    /// needed them.
    var rebuilt: [String] = []
    /// Datasets already encoded in this build, newest first, with their digests.
    var recentDatasets: [(dataset: Dataset, digest: ContentDigest)] = []

    init(runner: Runner, planned: [PlannedStep], document: Document, reportDirectory: String, cache: CacheUse?) {
        self.runner = runner
        self.planned = planned
        self.document = document
        self.reportDirectory = reportDirectory
        self.cacheUse = cache
        let reportSeed = document.frontMatter.seed
        seeds = planned.map { step in
            if step.optionSpecs.contains(where: { $0.name == "seed" }), let given = try? step.invocation.options.int("seed") {
                return UInt64(bitPattern: Int64(given))
            }
            return SeedDerivation.derive(reportSeed, step.id)
        }
        let workingDirectory = FileManager.default.currentDirectoryPath
        identities = zip(planned, seeds).map { step, seed in
            StepIdentity(step, seed: seed, toolVersion: runner.toolVersion, workingDirectory: workingDirectory)
        }
    }

    func run(parameters: Parameters) throws -> RunResult {
        let lastBuild = cacheUse.map { $0.cache.lastBuild($0.reportKey) } ?? [:]
        workspace.materialise = { [unowned self] resource, version in try self.materialise(resource, version) }
        var executed: [ExecutedStep] = []

        for (position, step) in planned.enumerated() {
            runner.progress.stepStarted(index: position + 1, total: planned.count, id: step.id,
                                        directive: step.spec.name, line: step.directive.line)
            workspace.position = position
            let start = DispatchTime.now().uptimeNanoseconds

            var reuse: (entry: CacheEntry, output: StepOutput)?
            var reason = "ran: no step cache"
            if let cacheUse {
                if cacheUse.reuse {
                    let lookup = lookUp(position, in: cacheUse.cache, previous: lastBuild[step.id])
                    reuse = lookup.hit
                    reason = lookup.reason
                } else {
                    reason = "ran: --no-cache"
                }
            }

            let output: StepOutput
            let inputDigest: ContentDigest
            let outputDigest: ContentDigest
            if let (entry, stored) = reuse {
                for write in entry.writes {
                    let slot: Workspace.Slot
                    switch write.value {
                    case .dataset(let blob): slot = .datasetBlob(blob)
                    case .object(blob: let blob?): slot = .objectBlob(blob)
                    case .object(blob: nil): slot = .rerun
                    case .current(let name): slot = .loaded(.name(name))
                    }
                    workspace.commit(write.resource, digest: write.digest, slot: slot, position: position)
                }
                output = stored
                inputDigest = entry.stepKey
                outputDigest = entry.output
                reason = "reused cache entry \(entry.stepKey.short) (it ran in \(String(format: "%.2f", entry.seconds)) s)"
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                runner.progress.stepReused(index: position + 1, total: planned.count, id: step.id, seconds: elapsed)
            } else {
                rebuilt = []
                workspace.trace = StepTrace()
                let fresh = try runStep(position)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let stored = try commitFresh(position, output: fresh, seconds: seconds)
                inputDigest = stored.stepKey
                outputDigest = stored.output
                output = fresh
                if !rebuilt.isEmpty {
                    reason += "; re-ran \(rebuilt.joined(separator: ", ")) to rebuild models the cache does not store"
                }
                runner.progress.stepFinished(index: position + 1, total: planned.count, id: step.id, seconds: seconds)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let shown = Captions.restore(output, caption: step.caption)
            merge(shown, id: step.id)
            executed.append(ExecutedStep(id: step.id, directive: step.directive, seconds: seconds, output: shown,
                                         hidden: step.hidden, echo: step.echo, cached: reuse != nil,
                                         explanation: reason, inputDigest: inputDigest.hex,
                                         outputDigest: outputDigest.hex))
        }
        if let cacheUse {
            try? cacheUse.cache.saveLastBuild(cacheUse.reportKey, steps: zip(planned, identities).map { ($0.id, $1.fields) })
        }
        return RunResult(document: document, parameters: parameters, steps: executed, results: workspace.results)
    }

    // MARK: Running

    private func context(_ position: Int) -> StepContext {
        let step = planned[position]
        return StepContext(id: step.id, location: step.invocation.location, options: step.invocation.options,
                           reportDirectory: reportDirectory,
                           workingDirectory: FileManager.default.currentDirectoryPath,
                           argumentFromCommandLine: step.invocation.argumentFromCommandLine,
                           seed: seeds[position], progress: runner.progress, workspace: workspace,
                           threads: runner.threads)
    }

    private func runStep(_ position: Int) throws -> StepOutput {
        let step = planned[position]
        do {
            return try step.step.run(context(position))
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError("{\(step.spec.name)} failed: \(error)", at: step.invocation.location)
        }
    }

    /// Gives the fresh writes their versions and stores the run in the cache.
    private func commitFresh(_ position: Int, output: StepOutput, seconds: Double) throws -> (stepKey: ContentDigest, output: ContentDigest) {
        let trace = workspace.trace
        let stepKey = StepIdentity.stepKey(identities[position].digest, reads: trace.reads, files: trace.files)
        let cache = cacheUse?.cache
        var writes: [(resource: String, digest: ContentDigest, value: CacheEntry.Written)] = []
        var attachments: [ContentDigest] = []
        for (resource, payload) in trace.writes {
            let digest: ContentDigest
            let value: CacheEntry.Written
            switch payload {
            case .dataset(let dataset):
                digest = storedDigest(of: dataset, in: cache)
                value = .dataset(blob: digest)
            case .object(let object):
                if let cache, let cacheable = object as? any CacheableObject,
                   let bytes = try? CacheCoding.encode(cacheable, storeDataset: { [unowned self] dataset in
                       let digest = storedDigest(of: dataset, in: cache)
                       attachments.append(digest)
                       return digest
                   }),
                   let blob = try? cache.storeBlob(bytes) {
                    // Versioned by content: a re-run that makes the same model leaves the
                    // steps that use it cached.
                    digest = blob
                    value = .object(blob: blob)
                } else {
                    var builder = DigestBuilder("report.object")
                    builder.add(stepKey)
                    builder.add(resource)
                    digest = builder.finish()
                    value = .object(blob: nil)
                }
            case .name(let name):
                var builder = DigestBuilder("report.current")
                builder.add(name)
                digest = builder.finish()
                value = .current(name)
            }
            workspace.commit(resource, digest: digest, slot: .loaded(payload), position: position)
            writes.append((resource, digest, value))
        }

        let encoded = try CacheCoding.encode(output) { png in
            let digest = cache.map { (try? $0.storeBlob(png)) ?? ContentDigest(of: png) } ?? ContentDigest(of: png)
            attachments.append(digest)
            return digest
        }
        let outputDigest = ContentDigest(of: encoded)
        if let cache {
            do {
                try cache.storeBlob(encoded)
                let entry = CacheEntry(stepKey: stepKey, reads: trace.reads, files: trace.files, writes: writes,
                                       output: outputDigest, attachments: attachments, seconds: seconds)
                try cache.record(entry, for: identities[position].digest)
            } catch {
                runner.progress.message("warning: could not store \(planned[position].id) in the step cache: \(error)")
            }
        }
        return (stepKey, outputDigest)
    }

    /// The digest of a dataset's encoding, its blob stored in the cache. Every model and
    /// evaluation refers to the table it was fitted on: the digests of recent datasets are
    /// remembered, so a table shared by five models is encoded and hashed once, not five times
    /// (an equal table is found by `==`, which is immediate for the same column buffers).
    private func storedDigest(of dataset: Dataset, in cache: StepCache?) -> ContentDigest {
        if let known = recentDatasets.first(where: { $0.dataset == dataset }) { return known.digest }
        let bytes = CacheCoding.encode(dataset)
        let digest = cache.flatMap { try? $0.storeBlob(bytes) } ?? ContentDigest(of: bytes)
        recentDatasets.insert((dataset, digest), at: 0)
        if recentDatasets.count > 4 { recentDatasets.removeLast() }
        return digest
    }

    private func merge(_ output: StepOutput, id: String) {
        if !output.results.isEmpty {
            workspace.results[id] = .object(output.results)
        }
        for (targetID, extra) in output.resultsForOtherSteps {
            var merged: ResultObject
            if case .object(let existing)? = workspace.results[targetID] { merged = existing } else { merged = ResultObject() }
            for entry in extra.entries { merged[entry.key] = entry.value }
            workspace.results[targetID] = .object(merged)
        }
    }

    // MARK: Cache

    /// The newest stored run of the step whose inputs are the current ones, or why it must run.
    private func lookUp(_ position: Int, in cache: StepCache,
                        previous: [DirectiveField]?) -> (hit: (CacheEntry, StepOutput)?, reason: String) {
        let identity = identities[position]
        let entries = cache.entries(for: identity.digest)
        guard !entries.isEmpty else {
            return (nil, "ran: " + identity.changes(since: previous))
        }
        var firstMismatch: String?
        for entry in entries {
            if let mismatch = mismatch(entry) {
                if firstMismatch == nil { firstMismatch = mismatch }
                continue
            }
            do {
                let bytes = try cache.blob(entry.output)
                let output = try CacheCoding.decodeOutput(bytes) { try cache.blob($0) }
                return ((entry, output), "")
            } catch {
                return (nil, "ran: cache entry \(entry.stepKey.short) was unreadable (\(error)); recomputed")
            }
        }
        return (nil, "ran: " + (firstMismatch ?? "its inputs changed"))
    }

    /// Why a stored trace does not fit the current inputs, or nil when it does.
    private func mismatch(_ entry: CacheEntry) -> String? {
        for read in entry.reads where workspace.currentDigest(of: read.resource) != read.digest {
            return "input changed: " + describe(read.resource)
        }
        for file in entry.files {
            let path = file.path.hasPrefix("/") ? file.path : (reportDirectory as NSString).appendingPathComponent(file.path)
            if FileDigests.digest(ofFileAt: path) != file.digest { return "file changed: \(file.path)" }
        }
        return nil
    }

    private func describe(_ resource: String) -> String {
        let producer = workspace.visible(resource).map { planned[$0.position] }
        let by = producer.map { " (now from \($0.id), line \($0.directive.line))" } ?? " (no longer there)"
        if resource.hasPrefix("dataset/") { return "dataset '\(resource.dropFirst(8))'" + by }
        if resource.hasPrefix("object/model:") { return "model '\(resource.dropFirst(13))'" + by }
        if resource.hasPrefix("object/") { return "'\(resource.dropFirst(7))'" + by }
        if resource.hasPrefix("objects/") { return "the set of '\(resource.dropFirst(8))*' results (a step that adds one changed)" }
        return "the current dataset" + by
    }

    /// Produces a value a cached step wrote but the run does not hold: a dataset from its
    /// blob, anything else by re-running the step that wrote it (as of its position).
    private func materialise(_ resource: String, _ version: Workspace.Version) throws -> Workspace.Payload {
        if case .datasetBlob(let blob) = version.slot, let cache = cacheUse?.cache,
           let bytes = try? cache.blob(blob), let dataset = try? CacheCoding.decodeDataset(bytes) {
            return .dataset(dataset)
        }
        if case .objectBlob(let blob) = version.slot, let cache = cacheUse?.cache, let bytes = try? cache.blob(blob),
           let object = try? CacheCoding.decodeObject(bytes, kinds: runner.registry.cacheableObjects, loadDataset: { digest in
               try CacheCoding.decodeDataset(try cache.blob(digest))
           }) {
            return .object(object)
        }
        let position = version.position
        let step = planned[position]
        runner.progress.message("re-running \(step.id) {\(step.spec.name)} (line \(step.directive.line)) to rebuild \(resource)")
        rebuilt.append("\(step.id) (line \(step.directive.line))")
        let savedPosition = workspace.position
        let savedTrace = workspace.trace
        workspace.position = position
        workspace.trace = StepTrace(rebuilding: true)
        defer {
            workspace.position = savedPosition
            workspace.trace = savedTrace
        }
        _ = try runStep(position)
        guard case .loaded(let payload) = version.slot else {
            throw ReportError("{\(step.spec.name)} \(step.id) did not rebuild \(resource) when re-run; "
                              + "delete the step cache (.cache under the output folder) or build with --no-cache",
                              at: step.invocation.location)
        }
        return payload
    }
}
