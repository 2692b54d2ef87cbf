/// The Moré–Thuente line search (MINPACK-2 `dcsrch` / `dcstep`), as used by L-BFGS-B and so
/// by scikit-learn's `lbfgs` solver: finds a step satisfying the strong Wolfe conditions
///
///     f(x + a·d) ≤ f(x) + ftol·a·∇f(x)ᵀd   and   |∇f(x + a·d)ᵀd| ≤ gtol·|∇f(x)ᵀd|
///
/// by safeguarded cubic and quadratic interpolation inside an interval of uncertainty.
/// Defaults as L-BFGS-B: ftol = 1e-3, gtol = 0.9, xtol = 0.1. Follows SciPy's
/// transcription (`scipy.optimize._dcsrch`) statement for statement, so that with the same
/// function values it tries the same steps.
struct MoreThuenteLineSearch: Sendable {
    var ftol = 1e-3
    var gtol = 0.9
    var xtol = 0.1
    var stpmin = 0.0
    var stpmax = 1e10

    /// What `next` asks for.
    enum Task: Equatable {
        /// Evaluate f and f′ at the returned step and call `next` again.
        case evaluate
        /// The step satisfies both conditions.
        case converged
        /// The search cannot make progress (rounding, interval too small, step at a bound);
        /// the step satisfies at least sufficient decrease when the caller accepts it.
        case warning
        /// Invalid input (e.g. not a descent direction).
        case error
    }

    private var brackt = false
    private var stage = 1
    private var ginit = 0.0, gtest = 0.0, gx = 0.0, gy = 0.0
    private var finit = 0.0, fx = 0.0, fy = 0.0
    private var stx = 0.0, sty = 0.0, stmin = 0.0, stmax = 0.0
    private var width = 0.0, width1 = 0.0

    init(stpmax: Double = 1e10) {
        self.stpmax = stpmax
    }

    /// Starts a search from f(0) = `f`, f′(0) = `g` with first trial step `stp`; returns
    /// the step to evaluate (`.evaluate`) or `.error`.
    mutating func start(stp: Double, f: Double, g: Double) -> (step: Double, task: Task) {
        if stp < stpmin || stp > stpmax || g >= 0 || ftol < 0 || gtol < 0 || xtol < 0
            || stpmin < 0 || stpmax < stpmin {
            return (stp, .error)
        }
        brackt = false
        stage = 1
        finit = f
        ginit = g
        gtest = ftol * ginit
        width = stpmax - stpmin
        width1 = width / 0.5
        stx = 0
        fx = finit
        gx = ginit
        sty = 0
        fy = finit
        gy = ginit
        stmin = 0
        stmax = stp + 4 * stp
        return (stp, .evaluate)
    }

    /// Given f(stp) = `f` and f′(stp) = `g`, returns the next step to evaluate, or the
    /// outcome with `stp` unchanged.
    mutating func next(stp: Double, f: Double, g: Double) -> (step: Double, task: Task) {
        let p5 = 0.5, p66 = 0.66, xtrapl = 1.1, xtrapu = 4.0
        var stp = stp
        let ftest = finit + stp * gtest
        if stage == 1 && f <= ftest && g >= 0 { stage = 2 }
        var task: Task?
        if brackt && (stp <= stmin || stp >= stmax) { task = .warning }
        if brackt && stmax - stmin <= xtol * stmax { task = .warning }
        if stp == stpmax && f <= ftest && g <= gtest { task = .warning }
        if stp == stpmin && (f > ftest || g >= gtest) { task = .warning }
        if f <= ftest && abs(g) <= gtol * -ginit { task = .converged }
        if let task { return (stp, task) }

        if stage == 1 && f <= fx && f > ftest {
            // Use the modified function ψ(a) = f(a) − f(0) − ftol·a·f′(0).
            var fxm = fx - stx * gtest
            var fym = fy - sty * gtest
            var gxm = gx - gtest
            var gym = gy - gtest
            Self.step(stx: &stx, fx: &fxm, dx: &gxm, sty: &sty, fy: &fym, dy: &gym,
                      stp: &stp, fp: f - stp * gtest, dp: g - gtest, brackt: &brackt,
                      stpmin: stmin, stpmax: stmax)
            fx = fxm + stx * gtest
            fy = fym + sty * gtest
            gx = gxm + gtest
            gy = gym + gtest
        } else {
            Self.step(stx: &stx, fx: &fx, dx: &gx, sty: &sty, fy: &fy, dy: &gy,
                      stp: &stp, fp: f, dp: g, brackt: &brackt, stpmin: stmin, stpmax: stmax)
        }
        if brackt {
            if abs(sty - stx) >= p66 * width1 { stp = stx + p5 * (sty - stx) }
            width1 = width
            width = abs(sty - stx)
            stmin = min(stx, sty)
            stmax = max(stx, sty)
        } else {
            stmin = stp + xtrapl * (stp - stx)
            stmax = stp + xtrapu * (stp - stx)
        }
        stp = min(max(stp, stpmin), stpmax)
        if (brackt && (stp <= stmin || stp >= stmax)) || (brackt && stmax - stmin <= xtol * stmax) {
            stp = stx
        }
        return (stp, .evaluate)
    }

    /// MINPACK-2 `dcstep`: updates the interval of uncertainty [stx, sty] and computes the
    /// next trial step from function values and derivatives at stx, sty and stp.
    static func step(
        stx: inout Double, fx: inout Double, dx: inout Double,
        sty: inout Double, fy: inout Double, dy: inout Double,
        stp: inout Double, fp: Double, dp: Double, brackt: inout Bool,
        stpmin: Double, stpmax: Double
    ) {
        let sgnd = sign(dp) * sign(dx)
        let stpf: Double
        if fp > fx {
            // Higher function value: the minimum is bracketed.
            let theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp
            let s = max(abs(theta), abs(dx), abs(dp))
            var gamma = s * ((theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
            if stp < stx { gamma = -gamma }
            let p = (gamma - dx) + theta
            let q = ((gamma - dx) + gamma) + dp
            let r = p / q
            let stpc = stx + r * (stp - stx)
            let stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2.0) * (stp - stx)
            stpf = abs(stpc - stx) <= abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2.0
            brackt = true
        } else if sgnd < 0 {
            // Derivatives of opposite sign: the minimum is bracketed.
            let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
            let s = max(abs(theta), abs(dx), abs(dp))
            var gamma = s * ((theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
            if stp > stx { gamma = -gamma }
            let p = (gamma - dp) + theta
            let q = ((gamma - dp) + gamma) + dx
            let r = p / q
            let stpc = stp + r * (stx - stp)
            let stpq = stp + (dp / (dp - dx)) * (stx - stp)
            stpf = abs(stpc - stp) > abs(stpq - stp) ? stpc : stpq
            brackt = true
        } else if abs(dp) < abs(dx) {
            // Same sign, derivative magnitude decreases.
            let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
            let s = max(abs(theta), abs(dx), abs(dp))
            var gamma = s * max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
            if stp > stx { gamma = -gamma }
            let p = (gamma - dp) + theta
            let q = (gamma + (dx - dp)) + gamma
            let r = p / q
            let stpc: Double
            if r < 0 && gamma != 0 {
                stpc = stp + r * (stx - stp)
            } else if stp > stx {
                stpc = stpmax
            } else {
                stpc = stpmin
            }
            let stpq = stp + (dp / (dp - dx)) * (stx - stp)
            if brackt {
                var f = abs(stpc - stp) < abs(stpq - stp) ? stpc : stpq
                if stp > stx { f = min(stp + 0.66 * (sty - stp), f) } else { f = max(stp + 0.66 * (sty - stp), f) }
                stpf = f
            } else {
                let f = abs(stpc - stp) > abs(stpq - stp) ? stpc : stpq
                stpf = min(max(f, stpmin), stpmax)
            }
        } else {
            // Same sign, derivative magnitude does not decrease.
            if brackt {
                let theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp
                let s = max(abs(theta), abs(dy), abs(dp))
                var gamma = s * ((theta / s) * (theta / s) - (dy / s) * (dp / s)).squareRoot()
                if stp > sty { gamma = -gamma }
                let p = (gamma - dp) + theta
                let q = ((gamma - dp) + gamma) + dy
                let r = p / q
                stpf = stp + r * (sty - stp)
            } else if stp > stx {
                stpf = stpmax
            } else {
                stpf = stpmin
            }
        }
        if fp > fx {
            sty = stp
            fy = fp
            dy = dp
        } else {
            if sgnd < 0 {
                sty = stx
                fy = fx
                dy = dx
            }
            stx = stp
            fx = fp
            dx = dp
        }
        stp = stpf
    }

    /// numpy.sign: −1, 0 or 1 (NaN stays NaN).
    private static func sign(_ x: Double) -> Double {
        x > 0 ? 1 : (x < 0 ? -1 : (x == 0 ? 0 : .nan))
    }
}
