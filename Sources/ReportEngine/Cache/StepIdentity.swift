import Foundation

/// What identifies a step before it runs: the tool's version, the step id, the directive's
/// name, argument, options (parameters substituted) and body, its seed, and where its paths
/// resolve. Cosmetic options (`caption`, `hidden`, `echo`) are left out: changing them
/// re-renders the page without re-running the step. Together with the versions of what the
/// step reads (`stepKey`) this is the step's cache key.
struct StepIdentity {
    static let cosmeticOptions: Set<String> = ["caption", "hidden", "echo"]

    let fields: [DirectiveField]
    let digest: ContentDigest

    init(_ step: PlannedStep, seed: UInt64, toolVersion: String, workingDirectory: String) {
        let directive = step.directive
        var fields = [
            DirectiveField(name: "tool", value: toolVersion),
            DirectiveField(name: "step id", value: step.id),
            DirectiveField(name: "directive", value: directive.name),
            DirectiveField(name: "argument", value: directive.argument),
        ]
        for (key, option) in directive.options.sorted(by: { $0.key < $1.key }) where !Self.cosmeticOptions.contains(key) {
            let value: String
            switch option.value {
            case .scalar(let text): value = text
            case .list(let items): value = "[" + items.joined(separator: ", ") + "]"
            }
            fields.append(DirectiveField(name: "option \(key)", value: value))
        }
        // A given caption replaces a default one inside the step's output, so whether there is
        // one matters (its text does not).
        fields.append(DirectiveField(name: "caption", value: step.caption == nil ? "default" : "given"))
        fields.append(DirectiveField(name: "body", value: directive.body))
        fields.append(DirectiveField(name: "seed", value: String(seed)))
        if step.invocation.argumentFromCommandLine {
            fields.append(DirectiveField(name: "paths from", value: workingDirectory))
        }
        var builder = DigestBuilder("report.step-identity")
        for field in fields {
            builder.add(field.name)
            builder.add(field.value)
        }
        self.fields = fields
        self.digest = builder.finish()
    }

    /// The key of a run: the identity and the version of everything it read.
    static func stepKey(_ identity: ContentDigest, reads: [(resource: String, digest: ContentDigest)],
                        files: [(path: String, digest: ContentDigest)]) -> ContentDigest {
        var builder = DigestBuilder("report.step-key")
        builder.add(identity)
        builder.add(reads.count)
        for read in reads {
            builder.add(read.resource)
            builder.add(read.digest)
        }
        builder.add(files.count)
        for file in files {
            builder.add(file.path)
            builder.add(file.digest)
        }
        return builder.finish()
    }

    /// Which fields differ from the step's fields in the previous build, in words.
    func changes(since previous: [DirectiveField]?) -> String {
        guard let previous else { return "new step (no cache entry)" }
        var changed: [String] = []
        let before = Dictionary(previous.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let now = Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        for field in fields {
            guard let old = before[field.name] else {
                changed.append("\(field.name) added (\(Self.short(field.value)))")
                continue
            }
            if old != field.value {
                changed.append(field.name == "body" ? "body changed"
                               : "\(field.name) changed (\(Self.short(old)) → \(Self.short(field.value)))")
            }
        }
        for field in previous where now[field.name] == nil {
            changed.append("\(field.name) removed")
        }
        guard !changed.isEmpty else { return "no cache entry for this directive" }
        return changed.joined(separator: ", ")
    }

    private static func short(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "…"
    }
}

/// A caption given with `:caption:` reaches the step as a placeholder, so the step's cached
/// output serves any caption text; the text is put in after the step ran or was reused.
public enum Captions {
    /// What steps see instead of the caption text (characters from a private-use area).
    public static let placeholder = "\u{F8FF}caption\u{F8FF}"

    static func restore(_ output: StepOutput, caption: String?) -> StepOutput {
        guard let caption else { return output }
        func fill(_ text: String) -> String {
            text.contains(placeholder) ? text.replacingOccurrences(of: placeholder, with: caption) : text
        }
        var output = output
        output.blocks = output.blocks.map { block in
            switch block {
            case .table(var table):
                table.caption = table.caption.map(fill)
                return .table(table)
            case .figure(var figure):
                figure.caption = figure.caption.map(fill)
                figure.alt = fill(figure.alt)
                return .figure(figure)
            case .markdown(let text):
                return .markdown(fill(text))
            case .predictor(var predictor):
                predictor.caption = predictor.caption.map(fill)
                return .predictor(predictor)
            }
        }
        return output
    }
}
