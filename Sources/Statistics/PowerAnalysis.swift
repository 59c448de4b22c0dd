internal import Foundation

/// Sample sizes for a two-sided two-sample t-test (Cohen 1988, *Statistical Power Analysis*),
/// with equal sizes n per side and a common σ.
///
/// The power against a true difference δ is computed exactly from the noncentral t distribution:
/// with ν = 2n − 2, noncentrality λ = (δ/σ)·√(n/2) and c = t₁₋α/₂,ν,
///
///     power = P(|T′| > c) = ∫ f_χ²ν(v) · [Q(c√(v/ν) − λ) + Φ(−c√(v/ν) − λ)] dv,
///
/// since T′ = (Z + λ)/√(V/ν) with Z ~ N(0, 1) and V ~ χ²ν independent. GSL has no noncentral t,
/// so this module evaluates that one-dimensional integral with GSL's adaptive Gauss–Kronrod
/// quadrature (`gsl_integration_qag` on panels of width √(2ν) around ν, over ν ± 40√(2ν))
/// of the χ² density and GSL's normal tails. It agrees with statsmodels `TTestIndPower().power`
/// (Boost's noncentral t) to better than 1e-8 (see the tests).
///
/// The benchmark layer passes log-scale σ and δ = log(1 + change).
public enum PowerAnalysis {
    /// The power of the two-sided two-sample t-test with `samplesPerSide` (≥ 2) values per side.
    /// - Throws: `.invalidArgument` for n < 2, σ ≤ 0, α outside (0, 1) or non-finite inputs.
    public static func power(
        samplesPerSide n: Int, effect: Double, standardDeviation: Double, alpha: Double
    ) throws(StatisticsError) -> Double {
        guard n >= 2 else { throw .invalidArgument("the t-test needs at least 2 samples per side (got \(n))") }
        guard effect.isFinite, standardDeviation.isFinite, standardDeviation > 0 else {
            throw .invalidArgument("effect must be finite and σ finite and > 0 (σ=\(standardDeviation))")
        }
        guard alpha > 0 && alpha < 1 else { throw .invalidArgument("alpha must lie in (0, 1) (got \(alpha))") }
        return try power(n: Double(n), standardizedEffect: abs(effect) / standardDeviation, alpha: alpha)
    }

    /// The smallest n per side for which the two-sided two-sample t-test at level `alpha` reaches
    /// `power` against a true difference `effect` (same units as `standardDeviation`). At least 2.
    ///
    /// - Returns: `nil` when σ = 0: without noise any n ≥ 1 decides, so no sample size is implied.
    /// - Throws: `.invalidArgument` for effect = 0 (no n suffices), σ < 0, α or power outside
    ///   (0, 1), non-finite inputs; `.numericalFailure` if n would exceed 2⁶⁰.
    public static func samplesPerSide(
        effect: Double, standardDeviation: Double, alpha: Double = 0.05, power: Double = 0.8
    ) throws(StatisticsError) -> Int? {
        guard effect.isFinite, standardDeviation.isFinite, standardDeviation >= 0 else {
            throw .invalidArgument("effect and σ must be finite, σ ≥ 0 (effect=\(effect), σ=\(standardDeviation))")
        }
        guard alpha > 0 && alpha < 1 else { throw .invalidArgument("alpha must lie in (0, 1) (got \(alpha))") }
        guard power > 0 && power < 1 else { throw .invalidArgument("power must lie in (0, 1) (got \(power))") }
        if standardDeviation == 0 { return nil }
        guard effect != 0 else { throw .invalidArgument("no sample size detects an effect of 0") }
        let d = abs(effect) / standardDeviation
        func reaches(_ n: Int) throws(StatisticsError) -> Bool {
            try self.power(n: Double(n), standardizedEffect: d, alpha: alpha) >= power
        }
        if try reaches(2) { return 2 }
        // Normal-approximation guess, then bracket and bisect on the exact power (monotone in n).
        let zAlpha = try viaGSL { () throws(GSLError) in try GSL.normalQuantile(1 - alpha / 2) }
        let zPower = try viaGSL { () throws(GSLError) in try GSL.normalQuantile(power) }
        let guess = 2 * (zAlpha + zPower) * (zAlpha + zPower) / (d * d)
        let ceiling = Double(1 << 60)
        guard guess.isFinite, guess < ceiling else { throw .numericalFailure("the sample size exceeds 2^60") }
        var below = 2
        var above = max(3, Int(guess.rounded(.up)))
        while try !reaches(above) {
            below = above
            guard above < 1 << 59 else { throw .numericalFailure("the sample size exceeds 2^60") }
            above *= 2
        }
        while above - below > 1 {
            let middle = below + (above - below) / 2
            if try reaches(middle) { above = middle } else { below = middle }
        }
        return above
    }

    /// Power for a (possibly large) n, standardized effect d = |δ|/σ.
    static func power(n: Double, standardizedEffect d: Double, alpha: Double) throws(StatisticsError) -> Double {
        let df = 2 * n - 2
        let lambda = d * (n / 2).squareRoot()
        let c = try viaGSL { () throws(GSLError) in try GSL.tQuantile(1 - alpha / 2, df: df) }
        // Condition on V ~ χ²ν: power = ∫ f_ν(v)·[Q(c·s − λ) + Φ(−c·s − λ)] dv, s = √(v/ν). The
        // integrand is smooth on the scale of V's spread √(2ν), so panels are laid out in units of it.
        // The density is used unnormalized, relative to v = ν and computed with log1p (a normalizing
        // lgamma of ν/2 ≈ 10⁹ would carry 1e-7 relative noise), and divided by its own integral.
        let spread = (2 * df).squareRoot()
        let lower = max(0, df - 40 * spread)
        let upper = df + 40 * spread + 60
        let breakpoints = [-8.0, -4, -2, -1, 0, 1, 2, 4, 8, 16].map { df + $0 * spread }
        func weight(_ v: Double) -> Double {
            exp((df / 2 - 1) * log1p((v - df) / df) - (v - df) / 2)
        }
        func integral(_ f: (Double) -> Double) throws(StatisticsError) -> Double {
            try viaGSL { () throws(GSLError) in
                try GSL.integrate(
                    from: lower, to: upper, breakpoints: breakpoints, absoluteTolerance: 0, relativeTolerance: 1e-12, f)
            }
        }
        let mass = try integral(weight)
        let tails = try integral { v in
            let s = (v / df).squareRoot()
            let upperTail = (try? GSL.normalSurvival(c * s - lambda)) ?? .nan
            let lowerTail = (try? GSL.normalCDF(-c * s - lambda)) ?? .nan
            return weight(v) * (upperTail + lowerTail)
        }
        let value = tails / mass
        try requireFinite(value, what: "the power")
        return min(1, max(0, value))
    }
}
