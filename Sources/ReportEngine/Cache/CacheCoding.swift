import Foundation
import ReportData

/// Binary encodings of what the cache stores: a step's output (figures go to blobs of their
/// own, referenced by digest) and datasets. Every decoder checks what it reads.
enum CacheCoding {
    // MARK: Results

    static func encode(_ value: ResultValue, into writer: inout ByteWriter) {
        switch value {
        case .int(let number): writer.u8(0); writer.int(number)
        case .double(let number): writer.u8(1); writer.double(number)
        case .string(let text): writer.u8(2); writer.string(text)
        case .bool(let flag): writer.u8(3); writer.bool(flag)
        case .array(let items):
            writer.u8(4)
            writer.array(items) { encode($1, into: &$0) }
        case .object(let object): writer.u8(5); encode(object, into: &writer)
        case .null: writer.u8(6)
        }
    }

    static func encode(_ object: ResultObject, into writer: inout ByteWriter) {
        writer.array(object.entries) { writer, entry in
            writer.string(entry.key)
            encode(entry.value, into: &writer)
        }
    }

    static func decodeValue(_ reader: inout ByteReader) throws -> ResultValue {
        switch try reader.u8() {
        case 0: return .int(try reader.int())
        case 1: return .double(try reader.double())
        case 2: return .string(try reader.string())
        case 3: return .bool(try reader.bool())
        case 4: return .array(try reader.array { try decodeValue(&$0) })
        case 5: return .object(try decodeObject(&reader))
        case 6: return .null
        case let tag: throw CacheFormatError("unknown result tag \(tag)")
        }
    }

    static func decodeObject(_ reader: inout ByteReader) throws -> ResultObject {
        let entries = try reader.array { reader -> (String, ResultValue) in
            (try reader.string(), try decodeValue(&reader))
        }
        return ResultObject(entries)
    }

    // MARK: Step output

    /// Encodes `output`; each figure's PNG is handed to `storeFigure`, which returns its digest.
    static func encode(_ output: StepOutput, storeFigure: ([UInt8]) throws -> ContentDigest) throws -> [UInt8] {
        var writer = ByteWriter()
        writer.int(output.blocks.count)
        for block in output.blocks {
            switch block {
            case .table(let table):
                writer.u8(0)
                writer.string(table.id)
                writer.optionalString(table.caption)
                writer.strings(table.columns)
                writer.array(table.alignments) { writer, alignment in
                    switch alignment {
                    case .left: writer.u8(0)
                    case .right: writer.u8(1)
                    case .center: writer.u8(2)
                    }
                }
                writer.array(table.rows) { $0.strings($1) }
            case .figure(let figure):
                writer.u8(1)
                writer.string(figure.id)
                writer.optionalString(figure.caption)
                writer.string(figure.alt)
                writer.digest(try storeFigure(figure.png))
                writer.int(figure.width)
                writer.int(figure.height)
            case .markdown(let text):
                writer.u8(2)
                writer.string(text)
            case .predictor(let predictor):
                writer.u8(3)
                writer.string(predictor.id)
                writer.optionalString(predictor.caption)
                writer.string(predictor.modelID)
                writer.string(predictor.target)
                writer.array(predictor.features) { writer, feature in
                    writer.string(feature.name)
                    writer.double(feature.value)
                    writer.optionalDouble(feature.min)
                    writer.optionalDouble(feature.max)
                    writer.optionalDouble(feature.step)
                    writer.optionalString(feature.rangeText)
                }
                writer.strings(predictor.classes)
                writer.int(predictor.exampleRow)
                writer.string(predictor.examplePredicted)
                writer.bool(predictor.exampleProbabilities != nil)
                if let probabilities = predictor.exampleProbabilities { writer.doubles(probabilities) }
                writer.string(predictor.modelJSON)
            }
        }
        encode(output.results, into: &writer)
        writer.array(output.resultsForOtherSteps) { writer, extra in
            writer.string(extra.id)
            encode(extra.results, into: &writer)
        }
        return writer.bytes
    }

    /// Decodes a step output; `loadFigure` returns the PNG bytes of a digest.
    static func decodeOutput(_ bytes: [UInt8], loadFigure: (ContentDigest) throws -> [UInt8]) throws -> StepOutput {
        var reader = ByteReader(bytes)
        var blocks: [OutputBlock] = []
        for _ in 0..<(try reader.count()) {
            switch try reader.u8() {
            case 0:
                let id = try reader.string()
                let caption = try reader.optionalString()
                let columns = try reader.strings()
                let alignments = try reader.array { reader -> TableOutput.Alignment in
                    switch try reader.u8() {
                    case 0: return .left
                    case 1: return .right
                    case 2: return .center
                    case let tag: throw CacheFormatError("unknown alignment \(tag)")
                    }
                }
                let rows = try reader.array { try $0.strings() }
                blocks.append(.table(TableOutput(id: id, caption: caption, columns: columns, alignments: alignments, rows: rows)))
            case 1:
                let id = try reader.string()
                let caption = try reader.optionalString()
                let alt = try reader.string()
                let png = try loadFigure(try reader.digest())
                let width = try reader.int()
                let height = try reader.int()
                blocks.append(.figure(FigureOutput(id: id, caption: caption, alt: alt, png: png, width: width, height: height)))
            case 2:
                blocks.append(.markdown(try reader.string()))
            case 3:
                let id = try reader.string()
                let caption = try reader.optionalString()
                let modelID = try reader.string()
                let target = try reader.string()
                let features = try reader.array { reader in
                    PredictorOutput.Feature(name: try reader.string(), value: try reader.double(),
                                            min: try reader.optionalDouble(), max: try reader.optionalDouble(),
                                            step: try reader.optionalDouble(), rangeText: try reader.optionalString())
                }
                let classes = try reader.strings()
                let exampleRow = try reader.int()
                let predicted = try reader.string()
                let probabilities = try reader.bool() ? try reader.doubles() : nil
                let json = try reader.string()
                blocks.append(.predictor(PredictorOutput(
                    id: id, caption: caption, modelID: modelID, target: target, features: features, classes: classes,
                    exampleRow: exampleRow, examplePredicted: predicted, exampleProbabilities: probabilities,
                    modelJSON: json)))
            case let tag:
                throw CacheFormatError("unknown block tag \(tag)")
            }
        }
        let results = try decodeObject(&reader)
        let others = try reader.array { reader -> (id: String, results: ResultObject) in
            (try reader.string(), try decodeObject(&reader))
        }
        guard reader.isAtEnd else { throw CacheFormatError("trailing bytes after a step output") }
        return StepOutput(blocks: blocks, results: results, resultsForOtherSteps: others)
    }

    // MARK: Datasets

    static func encode(_ dataset: Dataset) -> [UInt8] {
        var writer = ByteWriter()
        writer.string(dataset.name)
        writer.array(dataset.table.columns) { writer, column in
            writer.string(column.name)
            switch column.values {
            case .numeric(let values):
                writer.u8(0)
                writer.doubles(values)
            case .text(let values):
                writer.u8(1)
                writer.array(values) { $0.optionalString($1) }
            }
        }
        writer.optionalString(dataset.label)
        writer.strings(dataset.features)
        writer.bool(dataset.split != nil)
        if let split = dataset.split {
            writer.ints(split.train)
            writer.ints(split.validation)
            writer.ints(split.test)
        }
        writer.bool(dataset.tags != nil)
        if let tags = dataset.tags {
            writer.strings(tags.tags)
            writer.string(tags.separator)
        }
        let units = dataset.originalUnits.sorted { $0.key < $1.key }
        writer.array(units) { writer, entry in
            writer.string(entry.key)
            writer.double(entry.value.scale)
            writer.double(entry.value.offset)
        }
        return writer.bytes
    }

    static func decodeDataset(_ bytes: [UInt8]) throws -> Dataset {
        var reader = ByteReader(bytes)
        let name = try reader.string()
        let columns = try reader.array { reader -> Column in
            let columnName = try reader.string()
            switch try reader.u8() {
            case 0: return Column(name: columnName, numeric: try reader.doubles())
            case 1: return Column(name: columnName, text: try reader.array { try $0.optionalString() })
            case let tag: throw CacheFormatError("unknown column tag \(tag)")
            }
        }
        let table: Table
        do {
            table = try Table(columns: columns)
        } catch {
            throw CacheFormatError("stored table is inconsistent: \(error)")
        }
        let label = try reader.optionalString()
        let features = try reader.strings()
        var split: DataSplit?
        if try reader.bool() {
            split = DataSplit(train: try reader.ints(), validation: try reader.ints(), test: try reader.ints())
        }
        var tags: TagTarget?
        if try reader.bool() {
            tags = TagTarget(tags: try reader.strings(), separator: try reader.string())
        }
        var dataset = Dataset(name: name, table: table, label: label, features: features, split: split, tags: tags)
        for _ in 0..<(try reader.count()) {
            let key = try reader.string()
            dataset.originalUnits[key] = OriginalUnits(scale: try reader.double(), offset: try reader.double())
        }
        guard reader.isAtEnd else { throw CacheFormatError("trailing bytes after a dataset") }
        return dataset
    }
}
