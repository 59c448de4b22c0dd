import Foundation
import Statistics

/// How many observations per side would settle an inconclusive comparison: the power analysis of
/// a two-sided test on the log scale that detects a change of the threshold (Cohen 1988; exact
/// noncentral t, `PowerAnalysis.samplesPerSide`) and, for the rank test, the fewest runs per side
/// with which Mann–Whitney can reach the level at all (`MannWhitneyU.minimumSamplesPerSide`).
///
/// The level is the one the comparison must reach after the correction: α/m for a family of m
/// tested comparisons under Benjamini–Hochberg or Holm (the level a lone real change must reach
/// when the whole suite is re-run), α without correction. An answer not larger than the
/// observations already there is no answer (the interval, not the sample size, is what is
/// undecided), and none is given.
///
/// σ is known only from the runs there are: a σ estimated on ν degrees of freedom is below the true σ
/// more often than not (s² is unbiased, its distribution skewed right), so the power analysis plans
/// with the median-unbiased σ·√(ν / χ²₀.₅(ν)) — Browne's (1995) upper confidence limit of σ at level
/// γ = 0.5 ("On the use of a pilot sample for sample size determination", *Statistics in Medicine*
/// 14, 1933–1940). On two runs per side (ν ≈ 2) that is σ × 1.20; on 24 degrees of freedom, × 1.01.
///
/// The comparison records the question; `DecisionStep` asks it only for comparisons whose verdict
/// is inconclusive, since no other verdict reports the answer.
struct SampleSizeQuestion: Sendable {
    /// σ of one observation on the log scale, or nil when there is none.
    let observationSigma: Double?
    /// The degrees of freedom σ was estimated on (the t test's), or nil when not known (rank test).
    let sigmaDegreesOfFreedom: Double?
    /// The practical threshold in percent: the change the test should detect.
    let thresholdPercent: Double
    /// For the rank test, the observations of the smaller side; nil for the t-based methods.
    let rankTestObservations: Int?
    /// The observations per side already there (runs or samples, as the noise model counts them).
    let currentObservations: Int

    /// The observations per side that would settle it at level `alpha` (already divided for the
    /// family), or nil when nothing can be said.
    func answer(alpha: Double, power: Double) throws(StatisticsError) -> Int? {
        var needed: Int?
        if var sigma = observationSigma, sigma > 0, thresholdPercent > 0 {
            if let df = sigmaDegreesOfFreedom, df.isFinite, df > 0 {
                sigma *= (df / (try ChiSquaredDistribution.quantile(0.5, df: df))).squareRoot()
            }
            needed = try PowerAnalysis.samplesPerSide(
                effect: log1p(thresholdPercent / 100), standardDeviation: sigma, alpha: alpha, power: power)
        }
        if let observations = rankTestObservations {
            // A rank test on too few observations can never reach α, whatever the spread.
            let floor = MannWhitneyU.minimumSamplesPerSide(alpha: alpha)
            if observations < floor || needed != nil { needed = max(needed ?? floor, floor) }
        }
        guard let needed, needed > currentObservations else { return nil }
        return needed
    }
}
