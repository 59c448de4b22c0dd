import Foundation
import Statistics

/// How many observations per side would settle an inconclusive comparison: the power analysis of
/// a two-sided test on the log scale that detects a change of the threshold (Cohen 1988; exact
/// noncentral t, `PowerAnalysis.samplesPerSide`) and, for the rank test, the fewest runs per side
/// with which Mann–Whitney can reach α at all (`MannWhitneyU.minimumSamplesPerSide`).
///
/// The comparison records the question; `Analyzer.decide` asks it only for comparisons whose verdict
/// is inconclusive, since no other verdict reports the answer (a search over n per benchmark is a
/// large part of an analysis otherwise).
struct SampleSizeQuestion: Sendable {
    /// σ of one observation on the log scale, or nil when there is none.
    let observationSigma: Double?
    /// The practical threshold in percent: the change the test should detect.
    let thresholdPercent: Double
    /// For the rank test, the observations of the smaller side; nil for Welch.
    let rankTestObservations: Int?

    /// The observations per side that would settle it, or nil when nothing can be said.
    func answer(alpha: Double, power: Double) throws(StatisticsError) -> Int? {
        var needed: Int?
        if let sigma = observationSigma, sigma > 0, thresholdPercent > 0 {
            needed = try PowerAnalysis.samplesPerSide(
                effect: log1p(thresholdPercent / 100), standardDeviation: sigma, alpha: alpha, power: power)
        }
        if let observations = rankTestObservations {
            // A rank test on too few observations can never reach α, whatever the spread.
            let floor = MannWhitneyU.minimumSamplesPerSide(alpha: alpha)
            if observations < floor || needed != nil { needed = max(needed ?? floor, floor) }
        }
        return needed
    }
}
