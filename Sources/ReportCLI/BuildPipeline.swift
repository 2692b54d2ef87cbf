import Foundation
import ReportEngine
import ReportSteps
import ReportWriters

/// The output formats `--format` selects (results.json and manifest.json are always written).
public enum OutputFormat: String, CaseIterable, Sendable {
    case html
    case md
}

/// Settings of one `report build`.
public struct BuildSettings: Sendable {
    public var outDirectory: String
    public var params: [(name: String, value: String)]
    public var formats: Set<OutputFormat>
    public var quiet: Bool
    /// Keep a step cache under `<out>/.cache` (off for builds into throw-away folders).
    public var useCache: Bool
    /// Reuse cached step outputs; false with `--no-cache` (steps all run; the cache is refreshed).
    public var reuseCache: Bool
    /// Threads each step may use (`--jobs`); artifacts never depend on it.
    public var jobs: Int
    /// Write a report built with non-default `--param` values to `<stem>@name=value…` beside
    /// the default build, so parameter sets never overwrite each other (an explicit `--out`
    /// turns this off: the user chose the folder).
    public var separateParameterSets: Bool
    /// Whether index.html inlines its figures as `data:` URIs (`--self-contained`), so the page
    /// is one file that works offline; figures/ is written either way, for the Markdown.
    public var selfContained: Bool

    public init(outDirectory: String = "out", params: [(name: String, value: String)] = [],
                formats: Set<OutputFormat> = Set(OutputFormat.allCases), quiet: Bool = false,
                useCache: Bool = true, reuseCache: Bool = true,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, separateParameterSets: Bool = false,
                selfContained: Bool = false) {
        self.outDirectory = outDirectory
        self.params = params
        self.formats = formats
        self.quiet = quiet
        self.useCache = useCache
        self.reuseCache = reuseCache
        self.jobs = jobs
        self.separateParameterSets = separateParameterSets
        self.selfContained = selfContained
    }
}

/// Parse → run → write for one report file, into a temporary folder that replaces the
/// previous output only when everything succeeded.
public enum BuildPipeline {
    public static let toolVersion = "0.1.0"

    /// What the step cache is keyed on: the version and a digest of this executable's bytes,
    /// so a rebuilt `report` — new code under the same version number — never reuses what the
    /// old one computed (a changed default would otherwise hide behind a cache hit).
    static let cacheVersion: String = {
        guard let bytes = FileManager.default.contents(atPath: "/proc/self/exe")
                ?? FileManager.default.contents(atPath: CommandLine.arguments[0]) else { return toolVersion }
        return toolVersion + "+" + ContentDigest(of: bytes).short
    }()

    /// Builds `path` and returns the output folder (`<out>/<report name>`).
    @discardableResult
    public static func build(_ path: String, settings: BuildSettings,
                             progress: any ProgressSink = StderrProgress()) throws -> URL {
        try buildReporting(path, settings: settings, progress: progress).folder
    }

    /// Builds `path`; returns the output folder and the run (for `--explain`).
    public static func buildReporting(_ path: String, settings: BuildSettings,
                                      progress: any ProgressSink = StderrProgress()) throws -> (folder: URL, run: RunResult) {
        let reportURL = URL(fileURLWithPath: path).standardizedFileURL
        let document = try DocumentParser.parse(contentsOf: reportURL, displayPath: path)
        let parameters = try Parameters(frontMatter: document.frontMatter, overrides: settings.params, file: path)
        let outRoot = URL(fileURLWithPath: settings.outDirectory).standardizedFileURL
        let folderName = outputFolderName(report: reportURL, document: document, parameters: parameters,
                                          separate: settings.separateParameterSets)
        let runner = Runner(registry: standardRegistry, progress: progress, threads: settings.jobs, toolVersion: cacheVersion)
        let cacheUse = settings.useCache
            ? CacheUse(cache: StepCache(directory: outRoot.appendingPathComponent(".cache"), toolVersion: cacheVersion),
                       reuse: settings.reuseCache, reportKey: "\(reportURL.path)\n\(folderName)")
            : nil
        let run = try runner.run(document, parameters: parameters,
                                 reportDirectory: reportURL.deletingLastPathComponent().path, cache: cacheUse)

        let stem = reportURL.deletingPathExtension().lastPathComponent
        // Render everything before touching the disk: a bad {eval} must not leave half a report.
        var files: [(name: String, data: Data)] = []
        if settings.formats.contains(.html) {
            files.append(("index.html", Data(try HTMLWriter(selfContained: settings.selfContained).render(run, fallbackTitle: stem).utf8)))
        }
        if settings.formats.contains(.md) {
            files.append(("\(stem).md", Data(try MarkdownWriter().render(run, fallbackTitle: stem).utf8)))
        }
        files.append(("results.json", Data(JSONOutput.string(.object(run.results)).utf8)))
        files.append(("manifest.json", Data(JSONOutput.string(manifest(run)).utf8)))
        let figures = run.steps.flatMap { step in
            step.output.blocks.compactMap { block -> FigureOutput? in
                if case .figure(let figure) = block { figure } else { nil }
            }
        }

        let final = outRoot.appendingPathComponent(folderName)
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = outRoot.appendingPathComponent(".\(folderName).building-\(pid)")
        let fileManager = FileManager.default
        do {
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging.appendingPathComponent("figures"),
                                            withIntermediateDirectories: true)
            for file in files {
                try file.data.write(to: staging.appendingPathComponent(file.name))
            }
            for figure in figures {
                try Data(figure.png).write(to: staging.appendingPathComponent("figures/\(figure.fileName)"))
            }
            try replace(final, with: staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw ReportError("cannot write the output folder \(final.path): \(error.localizedDescription)", at: nil)
        }
        cacheUse?.cache.collectGarbage()
        return (final, run)
    }

    /// `<stem>`, or with `separate` and parameters that differ from the front matter's,
    /// `<stem>@name=value,…` (names sorted; characters unsafe in file names replaced).
    static func outputFolderName(report: URL, document: Document, parameters: Parameters, separate: Bool) -> String {
        let stem = report.deletingPathExtension().lastPathComponent
        guard separate else { return stem }
        let defaults = Dictionary(document.frontMatter.params.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let changed = parameters.overridden.sorted().compactMap { name -> String? in
            guard let value = parameters.values[name], value != defaults[name] else { return nil }
            return "\(name)=\(value)"
        }
        guard !changed.isEmpty else { return stem }
        var suffix = String(changed.joined(separator: ",").map { character -> Character in
            character.isLetter || character.isNumber || "=,.-_".contains(character) ? character : "_"
        })
        if suffix.count > 60 {
            suffix = String(suffix.prefix(47)) + "-" + ContentDigest(of: Array(changed.joined(separator: "\n").utf8)).short
        }
        return "\(stem)@\(suffix)"
    }

    /// Swaps the staged folder into place; the old output is removed only after the swap.
    private static func replace(_ final: URL, with staging: URL) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: final.path) {
            let old = final.deletingLastPathComponent()
                .appendingPathComponent(".\(final.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
            try? fileManager.removeItem(at: old)
            try fileManager.moveItem(at: final, to: old)
            do {
                try fileManager.moveItem(at: staging, to: final)
            } catch {
                try? fileManager.moveItem(at: old, to: final)
                throw error
            }
            try? fileManager.removeItem(at: old)
        } else {
            try fileManager.moveItem(at: staging, to: final)
        }
    }

    private static func manifest(_ run: RunResult) -> ResultValue {
        .object(ResultObject([
            ("report", .string(run.document.file)),
            ("tool", .string("report \(toolVersion)")),
            ("params", .object(ResultObject(run.parameters.names.map { ($0, .string(run.parameters.values[$0] ?? "")) }))),
            ("steps", .array(run.steps.map { step in
                .object(ResultObject([
                    ("id", .string(step.id)),
                    ("directive", .string(step.directive.name)),
                    ("line", .int(step.directive.line)),
                    ("seconds", .double((step.seconds * 1e4).rounded() / 1e4)),
                    ("cached", .bool(step.cached)),
                    ("why", .string(step.explanation)),
                    ("input_hash", .string(step.inputDigest)),
                    ("output_hash", .string(step.outputDigest)),
                ]))
            })),
        ]))
    }

    /// The report files a command-line argument names: the file itself, or every `.md` in a folder.
    public static func reportFiles(_ argument: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            throw ReportError("no such file or folder: \(argument)", at: nil)
        }
        guard isDirectory.boolValue else { return [argument] }
        let names = try FileManager.default.contentsOfDirectory(atPath: argument)
            .filter { $0.hasSuffix(".md") }.sorted()
        guard !names.isEmpty else { throw ReportError("no .md reports in folder \(argument)", at: nil) }
        return names.map { (argument as NSString).appendingPathComponent($0) }
    }
}
