/// Looks up `{eval}` paths such as `rf.accuracy` or `rf.per_class.Drum & Bass.f1` in the
/// results tree. Keys may themselves contain dots, so every split is tried, longest key first.
public enum ResultPath {
    public static func lookup(_ path: String, in root: ResultObject) -> ResultValue? {
        lookup(Substring(path), in: .object(root))
    }

    private static func lookup(_ path: Substring, in value: ResultValue) -> ResultValue? {
        if path.isEmpty { return value }
        switch value {
        case .object(let object):
            if let whole = object[String(path)] { return whole }
            var dots = path.indices.filter { path[$0] == "." }
            dots.reverse()
            for dot in dots {
                let key = String(path[..<dot])
                if let child = object[key], let found = lookup(path[path.index(after: dot)...], in: child) {
                    return found
                }
            }
            return nil
        case .array(let items):
            let head = path.prefix { $0 != "." }
            guard let position = Int(head), items.indices.contains(position) else { return nil }
            let rest = path.dropFirst(head.count).drop { $0 == "." }
            return lookup(rest, in: items[position])
        default:
            return nil
        }
    }

    /// The keys available at the deepest object reached along `path` (for "did you mean").
    public static func availableKeys(near path: String, in root: ResultObject) -> [String] {
        var current = root
        var prefix = ""
        for part in path.split(separator: ".") {
            guard case .object(let child)? = current[String(part)] else { break }
            current = child
            prefix += part + "."
        }
        return current.keys.map { prefix + $0 }
    }
}
