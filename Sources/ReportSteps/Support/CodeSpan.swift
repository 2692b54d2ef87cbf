/// A Markdown code span around any text (a column or file name) that shows it literally:
/// the fence is one backtick longer than the longest run of backticks inside, as CommonMark
/// allows, because backslash escapes do not work inside code spans.
enum CodeSpan {
    static func markdown(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        var longest = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") ? " \(flat) " : flat
        return fence + padded + fence
    }
}
