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
///
/// `samplesPerSide` asks "does n reach the power?" for a handful of n. Each answer is first taken
/// from the same power evaluated by Lenth's series for the noncentral t (AS 243, with GSL's
/// incomplete beta; accurate to ~1e-13, a few microseconds): when that lies farther than
/// `decisionMargin` (1e-6, far above both methods' errors) from the target, both methods give the
/// same answer, and the integral (a millisecond) is only evaluated for an n whose power lies within
/// the margin of the target. The sample size is therefore the one the integral alone would give.
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
            try self.reaches(n, standardizedEffect: d, alpha: alpha, target: power)
        }
        if try reaches(2) { return 2 }
        // Normal-approximation guess with Guenther's (1981) correction z²_α/2 / 4 for the t
        // distribution (the t-test's n is then usually the guess or one off), then bracket by
        // galloping away from it and bisect (the power is monotone in n): the answer does not
        // depend on the guess, only the number of power evaluations does.
        let zAlpha = try viaGSL { () throws(GSLError) in try GSL.normalQuantile(1 - alpha / 2) }
        let zPower = try viaGSL { () throws(GSLError) in try GSL.normalQuantile(power) }
        let guess = 2 * (zAlpha + zPower) * (zAlpha + zPower) / (d * d) + zAlpha * zAlpha / 4
        let ceiling = Double(1 << 60)
        guard guess.isFinite, guess < ceiling else { throw .numericalFailure("the sample size exceeds 2^60") }
        // Invariant: n = below does not reach the power (2 was checked), n = above does.
        var below = 2
        var above = max(3, Int(guess.rounded(.up)))
        var step = 1
        if try reaches(above) {
            while above - step > below {
                let candidate = above - step
                guard try reaches(candidate) else {
                    below = candidate
                    break
                }
                above = candidate
                step *= 2
            }
        } else {
            below = above
            while true {
                guard below < 1 << 59 else { throw .numericalFailure("the sample size exceeds 2^60") }
                let candidate = below + step
                if try reaches(candidate) {
                    above = candidate
                    break
                }
                below = candidate
                step *= 2
            }
        }
        while above - below > 1 {
            let middle = below + (above - below) / 2
            if try reaches(middle) { above = middle } else { below = middle }
        }
        return above
    }

    /// How far from the target power the series' value must lie for its answer to be taken.
    static let decisionMargin = 1e-6

    /// Whether n per side reaches `target` power against d: the series' answer when it is clear
    /// by `decisionMargin`, else the integral's.
    static func reaches(
        _ n: Int, standardizedEffect d: Double, alpha: Double, target: Double
    ) throws(StatisticsError) -> Bool {
        if let upper = SeriesUpperTail(n: Double(n), standardizedEffect: d, alpha: alpha) {
            if let bound = upper.lowerTailBound, bound < lowerTailNeglected,
                let upperPower = upper.power, abs(upperPower - target) > decisionMargin + 2 * lowerTailNeglected
            {
                // The lower rejection region adds between 0 and `lowerTailBound` to the power (the
                // two-sided value differs from this one by that and rounding, ~1e-14, far inside the
                // second 1e-9): it lies on the same side of the target, beyond the margin.
                return upperPower >= target
            }
            if let series = upper.twoSidedPower(), abs(series - target) > decisionMargin {
                return series >= target
            }
        }
        return try self.power(n: Double(n), standardizedEffect: d, alpha: alpha) >= target
    }

    /// A lower rejection region whose probability is bounded below this is left out of `reaches`'
    /// first look, when the upper region alone decides by the margin plus twice this.
    static let lowerTailNeglected = 1e-9

    /// The upper rejection region's probability P(T′ > c) by Lenth's series, and a bound on the
    /// lower region's, P(T′ < −c) ≤ P(Z + λ < 0) = Φ(−λ) (T′ < −c < 0 needs Z + λ < 0): with λ a
    /// few units the lower region is negligible and its series term (half the work) is skipped.
    /// Nil where `seriesPower` would be.
    static func seriesUpperPower(
        n: Double, standardizedEffect d: Double, alpha: Double
    ) -> (power: Double, lowerTailBound: Double)? {
        guard let upper = SeriesUpperTail(n: n, standardizedEffect: d, alpha: alpha), let power = upper.power,
            let bound = upper.lowerTailBound
        else { return nil }
        return (power, bound)
    }

    /// The same power as `power(n:standardizedEffect:alpha:)`, from Lenth's series for the
    /// noncentral t: P(T′ > c) + P(T′ < −c) = [1 − F(c; λ)] + [1 − F(c; −λ)]. Nil when the series
    /// cannot be trusted (a GSL failure, no convergence, a noncentrality beyond its range).
    static func seriesPower(n: Double, standardizedEffect d: Double, alpha: Double) -> Double? {
        SeriesUpperTail(n: n, standardizedEffect: d, alpha: alpha)?.twoSidedPower()
    }

    /// Lenth's series set up for n per side and F(c; λ) evaluated: the upper rejection region,
    /// from which `reaches` decides alone or adds the lower one — each term evaluated once.
    private struct SeriesUpperTail {
        let series: NoncentralTSeries
        let lambda: Double
        /// F(c; λ).
        let upperCDF: Double

        init?(n: Double, standardizedEffect d: Double, alpha: Double) {
            let df = 2 * n - 2
            lambda = d * (n / 2).squareRoot()
            guard let c = try? StudentTQuantile.value(1 - alpha / 2, df: df), c > 0,
                let series = NoncentralTSeries.cached(t: c, df: df), let upper = series.cdf(noncentrality: lambda)
            else { return nil }
            self.series = series
            upperCDF = upper
        }

        /// P(T′ > c), or nil outside [0, 1] beyond rounding.
        var power: Double? { Self.trusted(1 - upperCDF) }

        /// Φ(−λ), the bound on the lower rejection region.
        var lowerTailBound: Double? { try? GSL.normalCDF(-lambda) }

        /// [1 − F(c; λ)] + [1 − F(c; −λ)], or nil when the lower term fails or the sum is not a probability.
        func twoSidedPower() -> Double? {
            guard let lower = series.cdf(noncentrality: -lambda) else { return nil }
            return Self.trusted((1 - upperCDF) + (1 - lower))
        }

        private static func trusted(_ value: Double) -> Double? {
            value.isFinite && value >= -1e-12 && value <= 1 + 1e-12 ? value : nil
        }
    }

    /// Power for a (possibly large) n, standardized effect d = |δ|/σ.
    static func power(n: Double, standardizedEffect d: Double, alpha: Double) throws(StatisticsError) -> Double {
        let df = 2 * n - 2
        let lambda = d * (n / 2).squareRoot()
        let c = try viaGSL { () throws(GSLError) in try StudentTQuantile.value(1 - alpha / 2, df: df) }
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

/// P(T′ ≤ t) for T′ noncentral t with ν degrees of freedom and noncentrality δ, t > 0, by Lenth's
/// algorithm AS 243 (Applied Statistics 38, 1989): a Poisson mixture of incomplete beta functions
/// summed by recurrence from one `GSL.betaRegularized`, to a truncation bound of 1e-14. The beta
/// function values depend on t and ν only, so they are computed once for both signs of δ.
struct NoncentralTSeries: Sendable {
    let x: Double
    let b: Double
    let betaInc: Double
    let logBeta: Double

    init?(t: Double, df: Double) {
        guard t > 0, df > 0, df.isFinite else { return nil }
        x = t * t / (t * t + df)
        b = 0.5 * df
        guard x > 0, x < 1, let logBeta = try? GSL.logBeta(0.5, b),
            let betaInc = try? GSL.betaRegularized(x, a: 0.5, b: b)
        else { return nil }
        self.logBeta = logBeta
        self.betaInc = betaInc
    }

    /// `init(t:df:)`, remembered per (t, ν): a suite's power searches ask for the same n, so the
    /// same (t, ν), many times. Nil results are remembered too (they depend on t and ν alone).
    static func cached(t: Double, df: Double) -> NoncentralTSeries? {
        memo.value(for: SIMD2(t.bitPattern, df.bitPattern)) { NoncentralTSeries(t: t, df: df) }
    }

    private static let memo = SharedMemo<SIMD2<UInt64>, NoncentralTSeries?>(capacity: 100_000)

    func cdf(noncentrality delta: Double) -> Double? {
        let lambda = delta * delta
        guard delta.isFinite, lambda < 1000, let tail = try? GSL.normalSurvival(delta) else { return nil }
        var a = 0.5
        var p = 0.5 * exp(-0.5 * lambda)
        var q = (2 / Double.pi).squareRoot() * p * delta
        var s = 0.5 - p
        let rxb = exp(b * log1p(-x))
        var xodd = betaInc
        var godd = 2 * rxb * exp(a * log(x) - logBeta)
        var xeven = 1 - rxb
        var geven = b * x * rxb
        var total = p * xodd + q * xeven
        var index = 1.0
        // Past the Poisson weights' mode (λ/2) the terms only shrink; the bound is Lenth's.
        let minimumTerms = 0.5 * lambda + 2
        let maximumTerms = 0.5 * lambda + 20 * (0.5 * lambda).squareRoot() + 200
        var bound = Double.infinity
        while index <= maximumTerms {
            a += 1
            xodd -= godd
            xeven -= geven
            godd *= x * (a + b - 1) / a
            geven *= x * (a + b - 0.5) / (a + 0.5)
            p *= lambda / (2 * index)
            q *= lambda / (2 * index + 1)
            s -= p
            index += 1
            total += p * xodd + q * xeven
            bound = 2 * s * (xodd - godd)
            if bound <= 1e-14 && index >= minimumTerms { break }
        }
        guard bound <= 1e-14 else { return nil }
        let value = total + tail
        return value.isFinite ? value : nil
    }
}
