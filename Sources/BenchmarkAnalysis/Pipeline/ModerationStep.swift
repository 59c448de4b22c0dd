import BenchmarkModel
import Foundation
import Statistics

/// Step 4b of the analysis: with two or three runs per side, a benchmark's between-run variance
/// rests on one or two degrees of freedom — nearly powerless (2 runs per side detect +20% 3.7% of
/// the time), and two runs that agree by chance look precise. The variance is borrowed across the
/// suite by empirical Bayes (Smyth 2004, limma's `squeezeVar`, `ModeratedVariance`): the run-mean
/// variances of every side of every Welch comparison with runs as the unit, per head label and
/// mode, fit a scaled-F prior; each side's variance becomes its posterior
/// s̃² = (d0·s0² + d·s²)/(d0 + d) on d + d0 degrees of freedom, and the comparison is tested again.
///
/// The prior's degrees of freedom are capped (`maximumPriorDegreesOfFreedom`): an uncapped prior
/// let 7.8% of A/A suites of 20 benchmarks fail, a cap of 10 kept it near 4% with power 88% at
/// +20%. Each comparison is credited only what the suite knows beyond its own runs
/// (`SharedRunEffect`: run effects shared by every benchmark of a run are one realisation, however
/// many benchmarks show them). Fewer than `minimumBenchmarks` such comparisons in a group borrow
/// nothing.
enum ModerationStep {
    /// The largest prior degrees of freedom credited.
    static let maximumPriorDegreesOfFreedom = 10.0
    /// The most runs per side whose variance is moderated (one or two degrees of freedom).
    static let maximumRunsModerated = 3
    /// The fewest comparisons a group needs to fit a prior.
    static let minimumBenchmarks = 8
    /// A side whose variance lies in the upper `outlierLevel` tail of the prior's F distribution
    /// keeps its own.
    static let outlierLevel = 0.05

    static func apply(_ comparisons: inout [Comparison], options: AnalysisOptions) throws(AnalysisError) {
        guard options.moderatedVariance else { return }
        struct Group: Hashable {
            let head: String
            let mode: MeasurementMode
        }
        var groups: [Group: [Int]] = [:]
        for index in comparisons.indices where comparisons[index].moderation != nil {
            groups[Group(head: comparisons[index].headLabel, mode: comparisons[index].mode), default: []].append(index)
        }
        for (_, members) in groups.sorted(by: { $0.value[0] < $1.value[0] }) where members.count >= minimumBenchmarks {
            var variances: [Double] = []
            var degreesOfFreedom: [Double] = []
            for index in members {
                guard let input = comparisons[index].moderation else { continue }
                for side in [input.base, input.head] {
                    variances.append(side.runVariance)
                    degreesOfFreedom.append(Double(side.runs - 1))
                }
            }
            let squeezed: ModeratedVariances
            do {
                squeezed = try ModeratedVariance.squeeze(
                    variances: variances, degreesOfFreedom: degreesOfFreedom,
                    maximumPriorDegreesOfFreedom: maximumPriorDegreesOfFreedom,
                    minimumFeatureCount: 2 * minimumBenchmarks)
            } catch {
                throw .statistics(error, subject: "(between-run variance across the suite)")
            }
            guard squeezed.priorDegreesOfFreedom > 0, let priorVariance = squeezed.priorVariance else { continue }
            let prior = squeezed.priorDegreesOfFreedom
            // A side whose own variance is far above the prior (upper tail of F(d, d0) below
            // `outlierLevel`) is noisier than the suite's benchmarks, not an unlucky draw from
            // them: it keeps its own variance (limma's robust fit gives such features their own
            // prior; on real A/A walltime, shrinking them let 1–7% of suites fail).
            func posterior(_ feature: Int, prior: Double) throws(AnalysisError) -> (variance: Double, df: Double) {
                let own = variances[feature]
                let df = degreesOfFreedom[feature]
                let borrowed = ((prior * priorVariance + df * own) / (prior + df), prior + df)
                guard df > 0, own > priorVariance else { return borrowed }
                let tail: Double
                do {
                    tail = try FDistribution.survival(own / priorVariance, df1: df, df2: prior)
                } catch {
                    throw .statistics(error, subject: "(between-run variance across the suite)")
                }
                return tail < outlierLevel ? (own, df) : borrowed
            }
            // How much of the run variance is one machine state shared by every benchmark of a run.
            let shared: SharedRunEffect?
            do {
                let moderated = members.contains { index in
                    guard let input = comparisons[index].moderation else { return false }
                    return max(input.base.runs, input.head.runs) <= maximumRunsModerated
                }
                shared =
                    !moderated
                    ? nil
                    : try SharedRunEffect.measure(
                        members.compactMap { comparisons[$0].moderation }, minimumBenchmarks: minimumBenchmarks)
            } catch {
                throw .statistics(error, subject: "(run effects shared across the suite)")
            }
            for (position, index) in members.enumerated() {
                // Only sides of at most `maximumRunsModerated` runs borrow: with more, a comparison's
                // own degrees of freedom carry it, and on real walltime whose run effects were shared
                // across benchmarks (machine load), borrowing at five runs per side let 5–7.5% of
                // same-binary splits fail.
                let baseDF = degreesOfFreedom[2 * position]
                let headDF = degreesOfFreedom[2 * position + 1]
                guard baseDF < Double(maximumRunsModerated), headDF < Double(maximumRunsModerated) else { continue }
                // A prior worth fewer degrees of freedom than one side's own runs says the suite's
                // benchmarks differ in run noise far more than sampling explains (heavy-tailed machine
                // states): borrowing it would move a test on one or two degrees of freedom most
                // (t₀.₉₇₅ from 12.7 to 4.3 at one more) on the least information. On real walltime that
                // was the borrowing that failed a same-binary split (history-walltime, two runs per
                // side, fitted prior 0.97 df; with it borrowed, 4 of 20 benchmarks became regressions).
                guard prior >= min(baseDF, headDF) else { continue }
                // The prior is worth what the suite knows beyond the runs (`SharedRunEffect`): when
                // run effects are shared across benchmarks (one machine state per run), the
                // benchmarks' variances are low or high together and the suite knows the run variance
                // little better than the runs do. When the runs cannot be matched across benchmarks,
                // at most the comparison's own degrees of freedom.
                let credited = min(
                    prior,
                    shared?.creditedPriorDegreesOfFreedom(sideDegreesOfFreedom: min(baseDF, headDF))
                        ?? baseDF + headDF)
                guard credited > 0 else { continue }
                let base = try posterior(2 * position, prior: credited)
                let head = try posterior(2 * position + 1, prior: credited)
                guard base.df > degreesOfFreedom[2 * position] || head.df > degreesOfFreedom[2 * position + 1] else {
                    continue
                }
                try retest(&comparisons[index], base: base, head: head, prior: credited, confidence: options.confidence)
            }
        }
    }

    /// Tests one comparison again with its sides' posterior run variances.
    private static func retest(
        _ comparison: inout Comparison, base: (variance: Double, df: Double), head: (variance: Double, df: Double),
        prior: Double, confidence: Double
    ) throws(AnalysisError) {
        guard let input = comparison.moderation else { return }
        func centre(_ side: ModerationInput.Side, _ posterior: (variance: Double, df: Double)) -> CentreEstimate {
            CentreEstimate(
                centre: side.logCentre, varianceOfCentre: max(posterior.variance / Double(side.runs), side.withinFloor),
                degreesOfFreedom: posterior.df)
        }
        let b = centre(input.base, base)
        let h = centre(input.head, head)
        do {
            guard let result = try ComponentTTest.compare(base: b, head: h, confidence: confidence) else { return }
            comparison.pValue = result.pValue
            comparison.change = RelativeChange(
                logChange: result.difference,
                logInterval: result.confidenceInterval.lower...result.confidenceInterval.upper)
            comparison.evidence = .studentT(
                logChange: result.difference, standardError: result.standardError,
                degreesOfFreedom: result.degreesOfFreedom)
            let sigma = ((base.variance + head.variance) / 2).squareRoot()
            comparison.observationSigma = sigma
            comparison.noisePercent = (exp(sigma) - 1) * 100
            comparison.priorDegreesOfFreedom = prior
            comparison.notes.append(.varianceBorrowed(priorDegreesOfFreedom: prior))
            comparison.base?.centreInterval = try interval(b, confidence: confidence)
            comparison.head?.centreInterval = try interval(h, confidence: confidence)
        } catch {
            throw .statistics(error, subject: comparison.benchmark.name)
        }
    }

    /// The Student-t interval of a side's centre, in the unit (exp of the log interval).
    private static func interval(_ estimate: CentreEstimate, confidence: Double) throws(StatisticsError)
        -> ClosedRange<Double>?
    {
        try WelchLogMethod.logInterval(estimate, confidence: confidence).map { exp($0.lowerBound)...exp($0.upperBound) }
    }
}
