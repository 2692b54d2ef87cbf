import Foundation

/// The text of the progress display: pure functions of a step, a fraction and times, so the
/// layout is tested without a terminal or a clock.
///
/// A running step on a terminal reads
/// `[7/23] rf {train}  ████████░░░░░░░░░░░░  40%  ETA 0:12  training random-forest`.
public enum ProgressLine {
    /// Cells of the bar.
    public static let barWidth = 20

    /// `[i/n] id {directive}`, or `[i/n] {directive}` when the id is the directive's name.
    public static func stepLabel(index: Int, total: Int, id: String, directive: String) -> String {
        let name = id == directive ? "{\(directive)}" : "\(id) {\(directive)}"
        return "[\(index)/\(total)] \(name)"
    }

    /// A bar of `width` cells, the first `fraction` of them full (rounded down, clamped to 0…1).
    public static func bar(_ fraction: Double, width: Int = barWidth) -> String {
        let full = min(width, max(0, Int((clamped(fraction) * Double(width) + tolerance).rounded(.down))))
        return String(repeating: "█", count: full) + String(repeating: "░", count: width - full)
    }

    /// The whole percent done (rounded down), right-aligned in four columns: `  7%`, ` 57%`, `100%`.
    public static func percent(_ fraction: Double) -> String {
        let value = Int((clamped(fraction) * 100 + tolerance).rounded(.down))
        let text = "\(value)%"
        return String(repeating: " ", count: max(0, 4 - text.count)) + text
    }

    /// `m:ss` under an hour, `h:mm:ss` above; seconds are rounded up so a nearly done step
    /// never claims `0:00` while it still runs.
    public static func duration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded(.up)))
        let hours = total / 3600, minutes = (total % 3600) / 60, rest = total % 60
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }

    /// Seconds left if the work keeps its pace: it went from `startFraction` to `fraction` in
    /// `elapsed` seconds. Nil until there is something to go on (under half a second, or no
    /// progress yet), since an estimate from a single early tick swings wildly.
    public static func remainingSeconds(elapsed: Double, startFraction: Double, fraction: Double) -> Double? {
        let done = clamped(fraction) - clamped(startFraction)
        guard elapsed >= 0.5, done > 0 else { return nil }
        return elapsed * (1 - clamped(fraction)) / done
    }

    /// `ETA 0:12`, or `ETA -:--` while there is no estimate.
    public static func eta(_ remaining: Double?) -> String {
        "ETA " + (remaining.map(duration) ?? "-:--")
    }

    /// The line of a running step with a fraction: label, bar, percent, ETA and what the work is.
    public static func running(step: String, fraction: Double, remaining: Double?, task: String) -> String {
        "\(step)  \(bar(fraction)) \(percent(fraction))  \(eta(remaining))" + (task.isEmpty ? "" : "  \(task)")
    }

    /// `text` cut to fit `columns` terminal cells, with `…` where it was cut. One column is
    /// left free: writing the last cell makes some terminals wrap, and `\r` would then redraw
    /// on the wrong line.
    public static func fit(_ text: String, columns: Int) -> String {
        let room = max(1, columns - 1)
        guard text.count > room else { return text }
        return String(text.prefix(room - 1)) + "…"
    }

    /// Absorbs rounding below a whole step: 0.57 × 100 is 56.99999999999999 in binary.
    private static let tolerance = 1e-9

    private static func clamped(_ value: Double) -> Double {
        value.isNaN ? 0 : min(max(value, 0), 1)
    }
}
