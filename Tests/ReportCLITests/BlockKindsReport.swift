import Foundation
import TestSupport

/// A small report that writes every kind of block the HTML writer has — prose with a GFM
/// table, code, a quote and repeated headings; data tables with captions; figures; the
/// folded `:echo:` source; a predictor; `{numref}` links to a figure, a table and a predictor —
/// with data values that need escaping (`&`, `<`, quotes) in class names and column names.
enum BlockKindsReport {
    /// Writes `report.md` and its CSV into `fixture` and returns the report's path.
    static func write(into fixture: ReportFixture) throws -> String {
        try fixture.write("tracks.csv", csv)
        return try fixture.write("report.md", report)
    }

    static let report = """
    ---
    title: Every block <kind> & "quotes"
    author: Tests & co
    seed: 3
    toc: true
    ---

    ## Data & loading

    The tracks ({numref}`tbl-tracks`), their genres ({numref}`fig-genres`), and a form to try
    the tree ({numref}`form`). Back to [the top](#data--loading).

    | prose table | value |
    |---|---:|
    | a <b>c</b> | 1 |

    ```{load} tracks.csv
    :name: tracks
    :label: genre
    :caption: Columns of the <track> table
    :echo: true
    ```

    ## Exploration

    ```{distribution}
    :name: genres
    :caption: Tracks per genre & "style"
    :echo: true
    ```

    ```{describe}
    :name: stats
    ```

    ```python
    print("<code> & 'quotes'")
    ```

    > A quoted remark, with *emphasis* and `code`.

    ## Exploration

    The same heading twice gets two anchors.

    ```{split}
    :test: 0.3
    ```

    ```{train} decision-tree
    :name: tree
    :max-depth: 3
    ```

    ```{evaluate} tree
    :name: scores
    ```

    ```{predictor} tree
    :name: form
    :caption: Try the tree
    ```

    """

    /// 90 tracks in three genres whose names and one column name need HTML escaping.
    static let csv: String = {
        var lines = ["track,genre,energy,loud&ness,tempo"]
        let genres = ["R&B <live>", "Drum \"n\" Bass", "Café"]
        for row in 0..<90 {
            let genre = genres[row % 3]
            let energy = 0.2 + Double(row % 3) * 0.25 + Double((row * 37) % 20) / 100
            let loudness = -14 + energy * 9 + Double((row * 13) % 7) / 10
            let tempo = 100 + Double(row % 3) * 20 + Double((row * 7) % 11)
            let quoted = genre.replacingOccurrences(of: "\"", with: "\"\"")
            lines.append("\"Track \(row)\",\"\(quoted)\",\(energy),\(loudness),\(tempo)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()
}
