internal import Foundation

/// A scaled-F prior for sample variances: σ²_g ~ s0² · d0 / χ²_{d0} (Smyth 2004, §3).
public struct ScaledFPrior: Sendable, Equatable {
    /// The prior degrees of freedom d0 (> 0; `.infinity` when the variances show no spread beyond
    /// what sampling alone explains).
    public let degreesOfFreedom: Double
    /// The prior variance s0² (> 0).
    public let variance: Double
}

/// The result of `ModeratedVariance.squeeze`: the prior and each feature's posterior variance.
public struct ModeratedVariances: Sendable, Equatable {
    /// The prior degrees of freedom d0 used for the posteriors: the fitted value, capped at
    /// `maximumPriorDegreesOfFreedom`; `.infinity` when uncapped and the fit found no extra
    /// spread; 0 when there were too few usable features to fit a prior (no moderation).
    public let priorDegreesOfFreedom: Double
    /// The prior degrees of freedom as fitted, before the cap; `nil` without moderation.
    public let fittedPriorDegreesOfFreedom: Double?
    /// The prior variance s0²; `nil` when there were too few usable features (no moderation).
    public let priorVariance: Double?
    /// The posterior variances s̃²_g = (d0·s0² + d_g·s²_g) / (d0 + d_g), in input order (s0² when
    /// d0 = ∞, and for the features excluded from the fit). Without moderation, the inputs.
    public let posteriorVariances: [Double]
    /// The posterior degrees of freedom d0 + d_g, in input order (d0 for the features excluded
    /// from the fit). Without moderation, the inputs.
    public let posteriorDegreesOfFreedom: [Double]
    /// How many features entered the fit (d_g > 0 and s²_g finite).
    public let usableFeatureCount: Int
}

/// Empirical-Bayes moderated variances (Smyth 2004, "Linear models and empirical Bayes methods for
/// assessing differential expression in microarray experiments", *Stat. Appl. Genet. Mol. Biol.*
/// 3(1), art. 3; limma's `squeezeVar`, `fitFDist` and `trigammaInverse`).
///
/// Each feature g has a sample variance s²_g on d_g degrees of freedom. A scaled-F prior is fitted
/// to all of them by the method of moments on log s²_g, exactly as limma's `fitFDist` (without
/// covariate), and each variance is shrunk towards the prior:
///
///     e_g = log s²_g − ψ(d_g/2) + log(d_g/2),   ē = mean(e),   v = var(e) − mean(ψ′(d_g/2))
///     d0 = 2·ψ′⁻¹(v) and s0² = exp(ē + ψ(d0/2) − log(d0/2))   if v > 0
///     d0 = ∞ and s0² = mean(s²_g)                                otherwise
///     s̃²_g = (d0·s0² + d_g·s²_g) / (d0 + d_g)                   (s0² when d0 = ∞)
///
/// As in limma, variances are offset to at least 1e-5·median before the fit (the posteriors use
/// the unchanged s²_g), and a median of 0 is replaced by 1. Transcribed from limma 3.54.1, whose
/// `squeezeVar` always uses `fitFDist`; limma ≥ 3.58 fits *unequal* d_g with `fitFDistUnequalDF1`
/// unless `legacy = TRUE`, so for unequal d_g this is the `legacy = TRUE` method. Unlike limma,
/// negative variances are refused rather than dropped.
public enum ModeratedVariance {
    /// Fits the scaled-F prior to the usable features (finite s²_g with d_g > 0): limma's
    /// `fitFDist(x, df1)`. Returns nil for fewer than two usable features (where limma returns
    /// d0 = 0 or NA).
    /// - Throws: `.invalidArgument` for a negative variance or a negative or non-finite d_g, or
    ///   mismatched lengths; `.numericalFailure` if the fit overflows.
    public static func fitPrior(
        variances: [Double], degreesOfFreedom: [Double]
    ) throws(StatisticsError) -> ScaledFPrior? {
        let usable = try usableFeatures(variances: variances, degreesOfFreedom: degreesOfFreedom)
        return try fit(usable.map { variances[$0] }, usable.map { degreesOfFreedom[$0] })
    }

    /// Moderates each feature's variance towards a scaled-F prior fitted to all of them (limma's
    /// `squeezeVar(var, df, legacy = TRUE)` without covariate or robustness).
    ///
    /// - Parameters:
    ///   - variances: s²_g ≥ 0; a NaN or infinite value excludes the feature from the fit.
    ///   - degreesOfFreedom: d_g ≥ 0, finite; d_g = 0 excludes the feature from the fit.
    ///   - maximumPriorDegreesOfFreedom: if given (≥ 0), d0 is capped at this value after the fit
    ///     and before the posteriors are computed (this also replaces d0 = ∞).
    ///   - minimumFeatureCount: with fewer usable features than this (at least 2; default 3) no
    ///     prior is fitted: d0 = 0 and the posteriors are the inputs.
    /// - Throws: `.invalidArgument` for a negative variance, a negative or non-finite d_g,
    ///   mismatched lengths, a negative cap or a minimum below 2; `.numericalFailure` on overflow.
    public static func squeeze(
        variances: [Double], degreesOfFreedom: [Double], maximumPriorDegreesOfFreedom: Double? = nil,
        minimumFeatureCount: Int = 3
    ) throws(StatisticsError) -> ModeratedVariances {
        guard minimumFeatureCount >= 2 else {
            throw .invalidArgument("the minimum feature count must be at least 2 (got \(minimumFeatureCount))")
        }
        if let cap = maximumPriorDegreesOfFreedom, !(cap >= 0) {
            throw .invalidArgument("the prior degrees of freedom cap must be ≥ 0 (got \(cap))")
        }
        let usable = try usableFeatures(variances: variances, degreesOfFreedom: degreesOfFreedom)
        guard usable.count >= minimumFeatureCount,
            let prior = try fit(usable.map { variances[$0] }, usable.map { degreesOfFreedom[$0] })
        else {
            return ModeratedVariances(
                priorDegreesOfFreedom: 0, fittedPriorDegreesOfFreedom: nil, priorVariance: nil,
                posteriorVariances: variances, posteriorDegreesOfFreedom: degreesOfFreedom,
                usableFeatureCount: usable.count)
        }
        let d0 = maximumPriorDegreesOfFreedom.map { min(prior.degreesOfFreedom, $0) } ?? prior.degreesOfFreedom
        let s0 = prior.variance
        var posteriors: [Double] = []
        var posteriorDF: [Double] = []
        posteriors.reserveCapacity(variances.count)
        posteriorDF.reserveCapacity(variances.count)
        for (variance, df) in zip(variances, degreesOfFreedom) {
            if !variance.isFinite || df == 0 {
                // Excluded from the fit: nothing but the prior is known.
                posteriors.append(s0)
                posteriorDF.append(d0)
            } else if d0.isInfinite {
                posteriors.append(s0)
                posteriorDF.append(.infinity)
            } else {
                // limma's .squeezeVar: (df·var + df.prior·var.prior) / (df + df.prior).
                posteriors.append((df * variance + d0 * s0) / (df + d0))
                posteriorDF.append(d0 + df)
            }
        }
        if let index = posteriors.firstIndex(where: { !$0.isFinite }) {
            throw .numericalFailure("the posterior variance of feature #\(index) is not finite")
        }
        return ModeratedVariances(
            priorDegreesOfFreedom: d0, fittedPriorDegreesOfFreedom: prior.degreesOfFreedom, priorVariance: s0,
            posteriorVariances: posteriors, posteriorDegreesOfFreedom: posteriorDF,
            usableFeatureCount: usable.count)
    }

    /// The inverse of the trigamma function: the y > 0 with ψ′(y) = x, for finite x > 0, by
    /// Newton's method on 1/ψ′(y) (Smyth 2004, limma's `trigammaInverse`, transcribed step for
    /// step): y = 1/√x for x > 1e7, y = 1/x for x < 1e-6; otherwise, from y₀ = ½ + 1/x, the steps
    /// δ = ψ′(y)·(1 − ψ′(y)/x) / ψ″(y) until −δ/y < 1e-8 (at most 50 steps, as limma).
    /// - Throws: `.invalidArgument` for x ≤ 0 or non-finite x.
    public static func trigammaInverse(_ x: Double) throws(StatisticsError) -> Double {
        guard x.isFinite, x > 0 else { throw .invalidArgument("trigammaInverse needs a finite x > 0 (got \(x))") }
        if x > 1e7 { return 1 / x.squareRoot() }
        if x < 1e-6 { return 1 / x }
        var y = 0.5 + 1 / x
        for _ in 0...50 {
            let tri = try Polygamma.trigamma(y)
            let step = tri * (1 - tri / x) / (try Polygamma.tetragamma(y))
            y += step
            if -step / y < 1e-8 { break }
        }
        return y
    }

    // MARK: Internals

    /// The indices of the features that enter the fit, after validating the inputs.
    private static func usableFeatures(
        variances: [Double], degreesOfFreedom: [Double]
    ) throws(StatisticsError) -> [Int] {
        guard variances.count == degreesOfFreedom.count else {
            throw .invalidArgument(
                "\(variances.count) variances but \(degreesOfFreedom.count) degrees of freedom")
        }
        var usable: [Int] = []
        for (index, (variance, df)) in zip(variances, degreesOfFreedom).enumerated() {
            guard df.isFinite, df >= 0 else {
                throw .invalidArgument("degrees of freedom #\(index) must be finite and ≥ 0 (got \(df))")
            }
            guard !(variance < 0) else {
                throw .invalidArgument("variance #\(index) is negative (\(variance))")
            }
            if variance.isFinite && df > 0 { usable.append(index) }
        }
        return usable
    }

    /// limma's `fitFDist(x, df1)` on usable features only; nil for fewer than two.
    private static func fit(_ x: [Double], _ df1: [Double]) throws(StatisticsError) -> ScaledFPrior? {
        let n = x.count
        guard n >= 2 else { return nil }
        // Avoid exactly zero values: offset them to 1e-5 of the median (1 if the median is 0).
        let sorted = x.sorted()
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        if median == 0 { median = 1 }
        let floor = 1e-5 * median
        // Work with log F: e = log x − ψ(d/2) + log(d/2).
        let offset = x.map { max($0, floor) }
        var e: [Double] = []
        e.reserveCapacity(n)
        var meanTrigamma = 0.0
        for (value, df) in zip(offset, df1) {
            let half = df / 2
            e.append(log(value) - (try Polygamma.digamma(half)) + log(half))
            meanTrigamma += try Polygamma.trigamma(half)
        }
        meanTrigamma /= Double(n)
        let eMean = Summation.sum(e) / Double(n)
        var squares = 0.0
        for value in e { squares += (value - eMean) * (value - eMean) }
        let eVariance = squares / Double(n - 1) - meanTrigamma
        try requireFinite(eMean, eVariance, what: "the moments of the log variances")
        if eVariance > 0 {
            let d0 = 2 * (try trigammaInverse(eVariance))
            let s0 = exp(eMean + (try Polygamma.digamma(d0 / 2)) - log(d0 / 2))
            try requireFinite(d0, s0, what: "the fitted prior")
            return ScaledFPrior(degreesOfFreedom: d0, variance: s0)
        }
        // limma (3.54) takes the plain mean of the offset variances here, not exp(ē).
        let s0 = Summation.sum(offset) / Double(n)
        try requireFinite(s0, what: "the fitted prior variance")
        return ScaledFPrior(degreesOfFreedom: .infinity, variance: s0)
    }
}
