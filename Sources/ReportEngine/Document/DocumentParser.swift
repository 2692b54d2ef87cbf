import CCmark
import Foundation
import Yams

/// Parses a report file into front matter, prose and directives (SPEC §1), keeping the
/// source line of everything.
///
/// Block structure comes from cmark-gfm, so fences follow CommonMark exactly (longer fences,
/// `~~~`, indentation); directives are the top-level fenced blocks whose info string is `{name}`.
public enum DocumentParser {
    /// Reads and parses the file at `path` (as the user wrote it, for messages).
    public static func parse(contentsOf url: URL, displayPath: String) throws -> Document {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReportError("cannot read report '\(displayPath)': no such file or not readable", at: nil)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportError("report is not valid UTF-8", at: SourceLocation(file: displayPath, line: 1))
        }
        return try parse(text, file: displayPath)
    }

    /// Parses report source text; `file` names it in error messages.
    public static func parse(_ source: String, file: String) throws -> Document {
        var text = source.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        let (frontMatter, bodyStart) = try parseFrontMatter(lines, file: file)
        let bodyLines = Array(lines[bodyStart...])
        let blocks = try parseBody(bodyLines, lineOffset: bodyStart, file: file)
        return Document(file: file, frontMatter: frontMatter, blocks: blocks)
    }

    // MARK: Front matter

    private static func parseFrontMatter(_ lines: [String], file: String) throws -> (FrontMatter, Int) {
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            return (FrontMatter(), 0)
        }
        guard let end = lines.indices.dropFirst().first(where: {
            let trimmed = lines[$0].trimmingCharacters(in: .whitespaces)
            return trimmed == "---" || trimmed == "..."
        }) else {
            throw ReportError("front matter opened here is never closed with '---'",
                              at: SourceLocation(file: file, line: 1))
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let entries = try YAMLBlock.mapping(yaml, file: file, firstLine: 2, what: "front matter")
        var matter = FrontMatter()
        for entry in entries {
            let location = SourceLocation(file: file, line: entry.line)
            matter.lines[entry.key] = entry.line
            switch entry.key {
            case "title":
                matter.title = entry.value.string
            case "author":
                matter.author = entry.value.string ?? entry.value.sequence?.compactMap(\.string).joined(separator: ", ")
            case "seed":
                guard let text = entry.value.string, let seed = UInt64(text) else {
                    throw ReportError("seed must be a whole number ≥ 0, found '\(entry.value.string ?? "?")'",
                                      at: location)
                }
                matter.seed = seed
            case "toc":
                guard let toc = entry.value.bool else {
                    throw ReportError("toc must be true or false", at: location)
                }
                matter.toc = toc
            case "params":
                guard case .mapping(let mapping) = entry.value else {
                    throw ReportError("params must be a mapping of `name: default value`", at: location)
                }
                for (key, value) in mapping {
                    // The YAML text starts on file line 2.
                    let line = 1 + (key.mark?.line ?? entry.line - 1)
                    guard let name = key.string, let scalar = value.scalar else {
                        throw ReportError("params: each parameter needs a plain value",
                                          at: SourceLocation(file: file, line: line))
                    }
                    matter.params.append((name, scalar.string))
                    matter.lines["params.\(name)"] = line
                }
            default:
                // Other keys (date, description, …) are kept for the writers' metadata only.
                break
            }
        }
        return (matter, end + 1)
    }

    // MARK: Body

    private static func parseBody(_ lines: [String], lineOffset: Int, file: String) throws -> [Document.Block] {
        let tree = try CommonMarkTree(markdown: lines.joined(separator: "\n"))
        var blocks: [Document.Block] = []
        var proseStart = 0  // index into `lines`

        func flushProse(upTo end: Int) {
            guard end > proseStart else { return }
            let slice = lines[proseStart..<end]
            if slice.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                blocks.append(.prose(text: slice.joined(separator: "\n"), line: lineOffset + proseStart + 1))
            }
        }

        for node in tree.topLevelNodes where CommonMarkTree.type(node) == CMARK_NODE_CODE_BLOCK {
            var fenceLength: Int32 = 0
            var fenceOffset: Int32 = 0
            var fenceChar: CChar = 0
            guard cmark_node_get_fenced(node, &fenceLength, &fenceOffset, &fenceChar) != 0 else { continue }
            let start = Int(cmark_node_get_start_line(node))  // 1-based within the body
            let end = Int(cmark_node_get_end_line(node))
            let fileLine = lineOffset + start
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let fence = String(repeating: Character(UnicodeScalar(UInt8(bitPattern: fenceChar))),
                               count: Int(fenceLength))

            let closed = end > start && end <= lines.count
                && isClosingFence(lines[end - 1], char: fence.first ?? "`", length: fence.count)
            guard closed else {
                throw ReportError("code fence \(fence) opened here is never closed",
                                  at: SourceLocation(file: file, line: fileLine),
                                  notes: ["close it with a line of \(fence) (at least as long as the opening fence)"])
            }
            let trimmedInfo = info.trimmingCharacters(in: .whitespaces)
            guard trimmedInfo.hasPrefix("{") else { continue }

            flushProse(upTo: start - 1)
            proseStart = end
            let source = lines[(start - 1)..<end].joined(separator: "\n")
            let literal = CommonMarkTree.literal(node)
            blocks.append(.directive(try parseDirective(
                info: trimmedInfo, literal: literal, fileLine: fileLine, source: source, file: file)))
        }
        flushProse(upTo: lines.count)
        return blocks
    }

    private static func isClosingFence(_ line: String, char: Character, length: Int) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == char }.count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    // MARK: Directives

    private static let nameCharacters = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")

    static func parseDirective(info: String, literal: String, fileLine: Int, source: String,
                               file: String) throws -> Directive {
        let location = SourceLocation(file: file, line: fileLine)
        guard let close = info.firstIndex(of: "}") else {
            throw ReportError("malformed directive '\(info)': expected {name}", at: location)
        }
        let name = String(info[info.index(after: info.startIndex)..<close]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(nameCharacters.contains) else {
            throw ReportError("malformed directive name '{\(name)}': use letters, digits and '-'", at: location)
        }
        let argument = String(info[info.index(after: close)...]).trimmingCharacters(in: .whitespaces)

        var bodyLines = literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if bodyLines.last == "" { bodyLines.removeLast() }
        var options: [(key: String, value: OptionValue)] = []
        var index = 0

        func addOption(_ key: String, _ value: OptionValue) throws {
            if options.contains(where: { $0.key == key }) {
                throw ReportError("option '\(key)' is given twice", at: SourceLocation(file: file, line: value.line))
            }
            options.append((key, value))
        }

        if let first = bodyLines.first, first.trimmingCharacters(in: .whitespaces) == "---" {
            guard let end = bodyLines.indices.dropFirst().first(where: {
                bodyLines[$0].trimmingCharacters(in: .whitespaces) == "---"
            }) else {
                throw ReportError("YAML option block opened here is never closed with '---'",
                                  at: SourceLocation(file: file, line: fileLine + 1))
            }
            let yaml = bodyLines[1..<end].joined(separator: "\n")
            let entries = try YAMLBlock.mapping(yaml, file: file, firstLine: fileLine + 2,
                                                what: "the option block of {\(name)}")
            for entry in entries {
                let value = try YAMLBlock.optionValue(entry.value, key: entry.key, line: entry.line, file: file)
                try addOption(entry.key, OptionValue(value, line: entry.line))
            }
            index = end + 1
        } else {
            while index < bodyLines.count, let (key, raw) = optionLine(bodyLines[index]) {
                let line = fileLine + 1 + index
                let optionLocation = SourceLocation(file: file, line: line)
                let value: OptionValue.Value
                if raw.hasPrefix("[") {
                    value = .list(try YAMLBlock.flowList(raw, key: key, location: optionLocation))
                } else {
                    value = .scalar(try YAMLBlock.scalar(raw, key: key, location: optionLocation))
                }
                try addOption(key, OptionValue(value, line: line))
                index += 1
            }
        }
        if index < bodyLines.count, bodyLines[index].trimmingCharacters(in: .whitespaces).isEmpty {
            index += 1
        }
        let body = bodyLines[index...].joined(separator: "\n")
        return Directive(name: name, argument: argument, options: options, body: body,
                         line: fileLine, bodyLine: fileLine + 1 + index, source: source)
    }

    /// `:key: value` → (key, value); `nil` when the line is not an option line.
    private static func optionLine(_ line: String) -> (String, String)? {
        guard line.hasPrefix(":") else { return nil }
        let rest = line.dropFirst()
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let key = String(rest[..<colon])
        guard !key.isEmpty, key.unicodeScalars.allSatisfy(nameCharacters.contains) else { return nil }
        let after = rest[rest.index(after: colon)...]
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        return (key, after.trimmingCharacters(in: .whitespaces))
    }
}
