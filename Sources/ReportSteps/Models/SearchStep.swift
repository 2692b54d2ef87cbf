import Foundation
import ReportCharts
import ReportData
import ReportEngine
import ReportML

/// `{search} MODEL`: grid or random search over a model's options by cross-validation on the
/// training rows, as scikit-learn's `GridSearchCV` / `RandomizedSearchCV`; the best candidate
/// is refitted on every training row and stored under the step's id for `{evaluate}`.
///
/// Any model option given a list becomes an axis of the grid (`:trees: [100, 200]`); options
/// that take a list themselves (`hidden`) are searched over quoted lists
/// (`:hidden: ["128, 64", "100"]`).
struct SearchStep: Step {
    static let scorings = ["accuracy", "f1_macro", "f1_weighted", "f1_micro"]

    static let ownOptions: [OptionSpec] = [
        OptionSpec("cv", .int, default: "5", "number of cross-validation folds (stratified by class)"),
        OptionSpec("folds", .string, "a column of fold numbers to use instead of ':cv:' (rows with the same value form a fold)"),
        OptionSpec("scoring", .choice(scorings), default: "accuracy", "what the folds are scored by (higher is better)"),
        OptionSpec("method", .choice(["grid", "random"]), default: "grid", "every combination, or a random draw of them"),
        OptionSpec("iterations", .int, default: "20", "candidates drawn by ':method: random'"),
    ]

    static let spec = DirectiveSpec(
        name: "search",
        summary: "Grid or random search of a model's options by cross-validation; the best model is refitted under the step's id.",
        argument: .required("a model: \(ModelCatalog.names.joined(separator: ", "))"),
        options: ownOptions + ModelCatalog.commonOptions,
        drawsFigures: true,
        results: ["best.<option>", "best_score", "best_std", "candidates", "cv", "scoring", "scores (list of {parameters, mean, std, rank})"]
    )

    static func options(for argument: String) -> [OptionSpec] {
        // Model options may be lists here (grid axes); each value is checked against the
        // model's own spec when the candidates are built.
        let model = (ModelCatalog.entry(argument)?.options ?? []).map { OptionSpec($0.name, .list, default: $0.defaultValue, $0.help) }
        let names = Set(model.map(\.name))
        return ownOptions + model + (ModelCatalog.commonOptions + OptionSpec.figure + OptionSpec.common).filter { !names.contains($0.name) }
    }

    static var argumentChoices: [String] { ModelCatalog.names }

    /// Largest grid checked and searched (each candidate costs `cv` fits).
    static let maxCandidates = 5_000

    let invocation: Invocation
    let entry: ModelCatalog.Entry
    let grid: ParameterGrid
    /// The line of each searched option (for errors).
    let axes: [String]
    let cv: Int
    let foldColumn: String?
    let scoring: String
    let random: Bool
    let iterations: Int
    /// The model's own option specs plus the common ones, to read each candidate.
    let candidateSpecs: [OptionSpec]

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        entry = try ModelCatalog.resolve(invocation)
        let options = invocation.options
        cv = try options.int("cv", min: 2) ?? 5
        foldColumn = try options.string("folds")
        if foldColumn != nil, options.has("cv") {
            throw ReportError("give either 'cv' or 'folds', not both", at: options.location(of: "folds"))
        }
        scoring = try options.choice("scoring") ?? "accuracy"
        random = try options.choice("method") == "random"
        iterations = try options.int("iterations", min: 1) ?? 20
        if options.has("iterations"), !random {
            throw ReportError("option 'iterations' applies to ':method: random'", at: options.location(of: "iterations"))
        }
        let modelNames = Set(entry.options.map(\.name))
        candidateSpecs = entry.options + (ModelCatalog.commonOptions + OptionSpec.common).filter { !modelNames.contains($0.name) }
        let modelSpecs = Dictionary(entry.options.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var axisList: [(name: String, values: [String])] = []
        for name in options.givenNames {
            guard let spec = modelSpecs[name], case .list(let items)? = options.raw(name) else { continue }
            if spec.kind == .list, !items.contains(where: { $0.contains(",") }) { continue }  // one list value
            axisList.append((name, items))
        }
        do {
            grid = try ParameterGrid(axisList)
        } catch let error as MLError {
            let line = axisList.first { $0.values.isEmpty }.map { options.location(of: $0.name) } ?? invocation.location
            throw ReportError(error.message, at: line, notes: ["write the values to try as a list, e.g. `:trees: [100, 200]`"])
        }
        axes = grid.names
        guard grid.count <= Self.maxCandidates else {
            throw invocation.error("the grid has \(grid.count) candidates, more than \(Self.maxCandidates)",
                                   notes: ["search fewer values, or draw some with ':method: random' and ':iterations:'"])
        }
        // Build every candidate now so that a bad value is reported before anything runs.
        for index in 0..<grid.count {
            _ = try build(grid[index])
        }
    }

    /// The estimator of one candidate (errors point at the option's line).
    func build(_ parameters: ParameterSet) throws -> (fit: ModelCatalog.Fit, parameters: [(name: String, value: String)]) {
        let values = Dictionary(uniqueKeysWithValues: zip(parameters.names, parameters.values))
        return try entry.build(invocation.options.candidate(values, specs: candidateSpecs))
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let features = try ColumnSelection.numericFeatures("features", in: dataset, context: context)
        guard !features.isEmpty else { throw context.error("no numeric features to train on") }
        guard let label = dataset.label, let labelColumn = dataset.table.column(named: label) else {
            throw context.error("the data has no label column: give ':label:' in {load}")
        }
        let candidates: [ParameterSet]
        if random {
            do {
                candidates = try ParameterSampler(grid: grid, iterations: iterations,
                                                  seed: SeedDerivation.derive(context.seed, "candidates")).candidates()
            } catch let error as MLError {
                throw context.error(error.message)
            }
        } else {
            candidates = grid.candidates
        }
        let throttle = ProgressThrottle(sink: context.progress, label: "searching \(candidates.count) candidates of \(entry.name)")
        let fitContext = FitContext(seed: context.seed, threads: context.threads,
                                    progress: { throttle.report($0) })
        let search: SearchOutcome
        let classes: [String]
        let trainRows: Int
        do {
            if dataset.tags != nil {
                let (data, labels, tags) = try ModelData.makeTags(dataset, part: .train, features: features, context: context)
                classes = tags.tags
                trainRows = data.rows.count
                let folds = try foldAssignment(dataset, rows: data.rows, y: nil, classes: classes, context: context)
                search = try multiLabelSearch(candidates, x: data.x, labels: labels, tagCount: classes.count, folds: folds,
                                              context: fitContext)
            } else {
                classes = ClassRows(labelColumn).labels
                let data = try ModelData.make(dataset, part: .train, features: features, classes: classes, context: context)
                trainRows = data.rows.count
                let folds = try foldAssignment(dataset, rows: data.rows, y: data.y, classes: classes, context: context)
                let scoringKind: CrossValidation.Scoring
                switch scoring {
                case "f1_macro": scoringKind = .f1Macro
                case "f1_weighted": scoringKind = .f1Weighted
                case "f1_micro": scoringKind = .accuracy  // micro F1 equals accuracy for single-label data
                default: scoringKind = .accuracy
                }
                let result = try GridSearch(candidates: candidates, scoring: scoringKind) { parameters in
                    try build(parameters).fit
                }.run(data: TrainingSet(x: data.x, y: data.y, classCount: classes.count), folds: folds, context: fitContext)
                let best = try build(result.bestParameters)
                let model = try best.fit(TrainingSet(x: data.x, y: data.y, classCount: classes.count), fitContext)
                search = SearchOutcome(parameters: result.parameters, scores: result.scores, folds: folds.foldCount,
                                       fitted: .classes(model), bestParameters: best.parameters)
            }
        } catch let error as MLError {
            throw context.error("search over \(entry.name) failed: \(error.message)")
        }
        context.workspace.storeObject(
            TrainedModel(id: context.id, kind: entry.name, dataset: dataset, features: features, classes: classes,
                         fitted: search.fitted, parameters: search.bestParameters),
            key: TrainedModel.key(context.id))
        return try output(search, trainRows: trainRows, candidateCount: candidates.count, context: context)
    }

    // MARK: - Folds

    private func foldAssignment(_ dataset: Dataset, rows: [Int], y: [Int]?, classes: [String],
                                context: StepContext) throws -> FoldAssignment {
        if let foldColumn {
            let column = try ColumnSelection.require(foldColumn, in: dataset.table, option: "folds", context: context)
            do {
                return try FoldAssignment(foldColumn: rows.map { column.displayValue(at: $0) })
            } catch let error as MLError {
                throw ReportError("column '\(foldColumn)': \(error.message)", at: context.options.location(of: "folds"))
            }
        }
        do {
            if let y {
                return try StratifiedKFold(folds: cv).assign(y: y, classNames: classes)
            }
            return try KFold(folds: cv).assign(rows: rows.count)
        } catch let error as MLError {
            throw ReportError(error.message, at: context.options.location(of: "cv"),
                              notes: ["lower ':cv:' or drop the smallest classes with {filter}"])
        }
    }

    // MARK: - Multi-label

    private func multiLabelSearch(_ candidates: [ParameterSet], x: FeatureMatrix, labels: [Bool], tagCount k: Int,
                                  folds: FoldAssignment, context: FitContext) throws -> SearchOutcome {
        let foldCount = folds.foldCount
        var scores: [Double] = []
        let total = Double(candidates.count * foldCount)
        for (c, parameters) in candidates.enumerated() {
            let fit = try build(parameters).fit
            for fold in 0..<foldCount {
                let train = folds.trainRows(fold), test = folds.testRows(fold)
                var taskContext = context
                taskContext.seed = SeedDerivation.derive(context.seed, "cross-validation/candidate-\(c)/fold-\(fold)")
                let done = Double(c * foldCount + fold)
                let progress = context.progress
                taskContext.progress = { progress((done + $0) / total) }
                let model: BinaryRelevanceModel
                do {
                    model = try BinaryRelevance(fit).fit(
                        x: x.selecting(rows: train), labels: train.flatMap { row in (0..<k).map { labels[row * k + $0] } },
                        labelCount: k, context: taskContext)
                } catch let error as MLError {
                    throw MLError("candidate '\(parameters)' failed on fold \(fold + 1) of \(foldCount): \(error.message)")
                }
                let truth = test.flatMap { row in (0..<k).map { labels[row * k + $0] } }
                let metrics = try MultiLabelMetrics(yTrue: truth, yPred: model.predict(x.selecting(rows: test)), rows: test.count, labels: k)
                switch scoring {
                case "f1_macro": scores.append(metrics.macro.f1)
                case "f1_weighted": scores.append(metrics.weighted.f1)
                case "f1_micro": scores.append(metrics.micro.f1)
                default: scores.append(metrics.subsetAccuracy)
                }
            }
        }
        let result = CrossValidationResult(scoring: .accuracy, names: candidates.map(\.description), foldCount: foldCount, scores: scores)
        let best = try build(candidates[result.bestIndex])
        var refitContext = context
        refitContext.progress = { _ in }
        let model = try BinaryRelevance(best.fit).fit(x: x, labels: labels, labelCount: k, context: refitContext)
        context.progress(1)
        return SearchOutcome(parameters: candidates, scores: result, folds: foldCount, fitted: .tags(model),
                             bestParameters: best.parameters)
    }

    // MARK: - Output

    struct SearchOutcome {
        let parameters: [ParameterSet]
        let scores: CrossValidationResult
        let folds: Int
        let fitted: TrainedModel.Fitted
        let bestParameters: [(name: String, value: String)]
    }

    private func output(_ search: SearchOutcome, trainRows: Int, candidateCount: Int, context: StepContext) throws -> StepOutput {
        let scores = search.scores
        let best = scores.best
        let bestSet = search.parameters[scores.bestIndex]
        let scoringName = scoring == "accuracy" && search.fitted.isTags ? "subset accuracy" : scoring.replacingOccurrences(of: "_", with: " ")
        let order = scores.candidates.indices.sorted { (scores.candidates[$0].rank, $0) < (scores.candidates[$1].rank, $1) }
        func three(_ value: Double) -> String { DisplayNumber.fixed(value, decimals: 3) }

        let foldText = foldColumn.map { "the folds of column \(CodeSpan.markdown($0))" }
            ?? "\(search.folds)-fold \(search.fitted.isTags ? "" : "stratified ")cross-validation"
        var summary = "Searched \(candidateCount) candidate\(candidateCount == 1 ? "" : "s") of \(CodeSpan.markdown(entry.name))"
            + (random ? " drawn at random from a grid of \(grid.count)" : "")
            + " by \(foldText) on the \(DisplayNumber.format(Double(trainRows))) training rows, scored by \(scoringName). "
        summary += "The best, \(bestSet.names.isEmpty ? "the defaults" : CodeSpan.markdown(bestSet.description)), scored "
            + "\(three(best.mean)) ± \(three(best.standardDeviation)) across the folds; it was refitted on every training row as "
            + "\(CodeSpan.markdown(invocation.id))."

        let table = TableOutput(
            id: invocation.id,
            caption: invocation.caption ?? "Every candidate's \(scoringName) across the \(search.folds) folds, best first",
            columns: ["rank"] + axes + ["mean", "std"] + (1...search.folds).map { "fold \($0)" },
            alignments: [.right] + axes.map { _ in .left } + Array(repeating: .right, count: 2 + search.folds),
            rows: order.map { index in
                let candidate = scores.candidates[index]
                return [String(candidate.rank)] + axes.map { search.parameters[index][$0] ?? "" }
                    + [three(candidate.mean), three(candidate.standardDeviation)] + candidate.foldScores.map(three)
            })

        let shown = Array(order.prefix(25))
        let boxes = shown.map { index in
            BoxPlotBox(label: search.parameters[index].description, values: scores.candidates[index].foldScores)
        }
        let chart = BoxPlotChart(title: nil, boxes: boxes, orientation: .horizontal, valueAxisTitle: "\(scoringName) per fold",
                                 categoryAxisTitle: nil, showsPoints: true, showsMean: true, maxLabelWidth: 380)
        let figure = try FigureRendering.figure(
            chart, id: invocation.id,
            caption: "Fold scores of \(shown.count == order.count ? "every candidate" : "the best \(shown.count) candidates"), best first"
                + " (box: quartiles; diamond: mean)",
            alt: "Box plot of the cross-validation fold scores per candidate", context: context)

        var results = ResultObject()
        results["model"] = .string(entry.name)
        results["best"] = .object(ResultObject(zip(bestSet.names, bestSet.values).map { ($0, .string($1)) }))
        results["best_score"] = .double(best.mean)
        results["best_std"] = .double(best.standardDeviation)
        results["candidates"] = .int(candidateCount)
        results["cv"] = .int(search.folds)
        results["scoring"] = .string(scoring)
        results["scores"] = .array(scores.candidates.indices.map { index in
            let candidate = scores.candidates[index]
            return .object(ResultObject([
                ("parameters", .object(ResultObject(zip(search.parameters[index].names, search.parameters[index].values).map { ($0, .string($1)) }))),
                ("mean", .double(candidate.mean)), ("std", .double(candidate.standardDeviation)), ("rank", .int(candidate.rank)),
                ("folds", .array(candidate.foldScores.map { .double($0) })),
            ]))
        })
        return StepOutput(blocks: [.markdown(summary), .figure(figure), .table(table)], results: results)
    }
}

extension TrainedModel.Fitted {
    var isTags: Bool {
        if case .tags = self { return true }
        return false
    }
}
