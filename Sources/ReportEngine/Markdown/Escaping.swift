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

    /// Text that Markdown shows literally: emphasis, links, code, HTML and table pipes escaped.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "~", "$":
                out += "\\" + String(character)
            case "\n", "\r":
                out += " "
            default:
                out.append(character)
            }
        }
        return out
    }
}
