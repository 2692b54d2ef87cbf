/// Rounding to the precision Spotify reports, with `+ - * /` only (deterministic).
enum Rounding {
    /// `x` rounded to `places` decimals (ties away from zero), e.g. `0.748`, `-5.317`.
    static func decimals(_ x: Double, _ places: Int) -> Double {
        let scale = powerOfTen(places)
        return (x * scale).rounded() / scale
    }

    /// `x` (in (0, 1]) rounded to `digits` significant digits, e.g. `0.0724`, `2.33e-05`.
    /// Values below 1e-9 become 0.
    static func significant(_ x: Double, _ digits: Int) -> Double {
        guard x >= 1e-9 else { return 0 }
        var places = digits - 1
        var scaled = x * powerOfTen(places)
        while scaled < powerOfTen(digits - 1), places < 22 {
            places += 1
            scaled = x * powerOfTen(places)
        }
        return scaled.rounded() / powerOfTen(places)
    }

    /// 10^n for n in 0…22, exact.
    private static func powerOfTen(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }
}
