/// Escaping of data values for the two output formats.
public enum Escaping {
    /// Text safe inside HTML elements and double-quoted attributes.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Text that GitHub Markdown shows literally, inline (a table cell, a caption, a title).
    ///
    /// Only characters that could start markup where they stand are escaped, so the file stays
    /// readable: `track_id` keeps its underscore (intra-word `_` is never emphasis), `[62.6–65.7]`
    /// its brackets (no link can form), `R&B`, `> 0.8` and `<0.05` stay as they are. Always escaped:
    /// backticks, `*`, pipes (table cells) and a backslash before punctuation. Line breaks become
    /// spaces. `brackets: true` escapes every bracket (image alt text, which a `]` would end).
    public static func markdown(_ text: String, brackets: Bool = false) -> String {
        let characters = Array(text)
        let linkLike = brackets || text.contains("](") || text.contains("][") || text.contains("]:")
            || text.contains("[^")
        let tildes = characters.filter { $0 == "~" }.count >= 2
        let dollars = characters.filter { $0 == "$" }.count >= 2
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for (index, character) in characters.enumerated() {
            let previous: Character? = index > 0 ? characters[index - 1] : nil
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            let escape: Bool
            switch character {
            case "\n", "\r":
                out.append(" ")
                continue
            case "`", "*", "|":
                escape = true
            case "\\":
                escape = next.map { $0.isASCII && ($0.isPunctuation || $0.isSymbol) } ?? true
            case "_":
                escape = !(previous.map(isWordCharacter) ?? false && next.map(isWordCharacter) ?? false)
            case "[", "]":
                escape = linkLike
            case "<":
                escape = next.map { $0.isASCII && ($0.isLetter || "/!?".contains($0)) } ?? false
            case "#":
                // A trailing ` #` would close an ATX heading (the page title).
                escape = next == nil && previous == " "
            case "~":
                escape = tildes
            case "$":
                escape = dollars
            case "&":
                escape = startsEntity(characters, at: index)
            default:
                escape = false
            }
            if escape { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Whether `&` at `index` begins something cmark would decode: `&name;`, `&#123;`, `&#x1F;`.
    private static func startsEntity(_ characters: [Character], at index: Int) -> Bool {
        var position = index + 1
        var length = 0
        while position < characters.count, length <= 32,
              characters[position].isASCII, characters[position].isLetter || characters[position].isNumber
                || (position == index + 1 && characters[position] == "#") {
            position += 1
            length += 1
        }
        return length > 0 && position < characters.count && characters[position] == ";"
    }
}
