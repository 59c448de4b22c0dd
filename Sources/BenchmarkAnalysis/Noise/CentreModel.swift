import Foundation
import Statistics

/// How one side's centre and its uncertainty were estimated on the log scale.
struct SideEstimate {
    /// The centre (mean of logs, or mean of run means) and the variance of that centre, or nil
    /// when this side alone gives no variance.
    var estimate: CentreEstimate?
    /// The centre on the log scale.
    let logCentre: Double
    /// The variance of one observation (a sample, or a run centre when runs are the unit), or nil.
    var observationVariance: Double?
    /// Degrees of freedom of `observationVariance`.
    let observationDegreesOfFreedom: Double
    /// The number of observations (samples or runs).
    let observations: Int
    /// The noise source behind `estimate`.
    var model: NoiseModel
    /// For a side whose runs are the unit: the within-run floor of its centre's variance
    /// (mean square within runs / samples), else nil.
    var withinFloor: Double? = nil
    /// When this side's variance rests on the other side's estimate (a single run given the other
    /// side's between-run component, a single sample given its per-observation variance): that
    /// estimate's degrees of freedom. The two variances are then not independent, and the
    /// comparison's Welch–Satterthwaite ν is credited no more than this.
    var borrowedDegreesOfFreedom: Double? = nil
    /// When history entered this side's variance: the history's degrees of freedom and those the
    /// side added of its own (0 when history replaced its variance). Both sides then share the
    /// history estimate.
    var historyShare: (history: Double, own: Double)? = nil
}

/// The rule by which samples, runs and history become the two centre estimates that the Welch
/// comparison uses. It is written out in the README ("How noise is modelled"):
///
/// 1. Logs of the samples. A side with ≥ 2 runs is summarised by its run means: centre = their
///    mean, variance of the centre = their variance / runs, runs − 1 degrees of freedom — the
///    variance never less than the within-run estimate (mean square within runs / samples), the
///    degrees of freedom still those of the runs. The run, not
///    the sample, is the unit whenever runs exist (Kalibera & Jones 2013): a pre-test that pools the
///    samples when runs "look alike" understates the variance — on real A/A walltime it let 11–21% of
///    suites fail (`Notebooks-as-scripts/output/calibration.md`, Table 1b).
/// 2. A side with a single run treats its samples as observations (s² / n, n − 1 degrees of freedom);
///    when the other side has several runs, that side's between-run variance component (one-way
///    ANOVA, method of moments) is added, since a single run carries a run effect too (Satterthwaite
///    1946 for the combined degrees of freedom).
/// 3. A side with a single sample borrows the per-observation variance of the other side.
/// 4. History (`--history`): a side with several runs pools σ²_history with the variance of its run
///    means (degrees of freedom added); a side with one run is credited with at least σ²_history.
///    A history in which the benchmark never moved (σ = 0) makes a single-sample side exact.
/// 5. Both sides without variance: an exact measurement, no test.
enum CentreModel {
    static func estimate(
        base: LogSamples, head: LogSamples, history: HistoryNoise.Estimate?
    ) throws(StatisticsError) -> (base: SideEstimate, head: SideEstimate) {
        let baseRuns = base.runHeterogeneity()
        let headRuns = head.runHeterogeneity()
        var baseSide = try side(base, otherRuns: headRuns)
        var headSide = try side(head, otherRuns: baseRuns)
        borrow(into: &baseSide, from: headSide)
        borrow(into: &headSide, from: baseSide)
        if let history {
            if history.logSigma > 0 {
                applyHistory(history, to: &baseSide, runs: base.runCount)
                applyHistory(history, to: &headSide, runs: head.runCount)
            } else {
                markExactByHistory(&baseSide)
                markExactByHistory(&headSide)
            }
        }
        if baseSide.estimate?.varianceOfCentre == 0, headSide.estimate?.varianceOfCentre == 0 {
            baseSide.model = .exact
            headSide.model = .exact
        }
        return (baseSide, headSide)
    }

    /// A side with no variance of its own, under a history that never moved, is an exact measurement.
    private static func markExactByHistory(_ side: inout SideEstimate) {
        guard side.estimate == nil else { return }
        side.estimate = CentreEstimate(centre: side.logCentre, varianceOfCentre: 0, degreesOfFreedom: 1)
        side.model = .exact
    }

    private static func side(
        _ samples: LogSamples, otherRuns: OneWayANOVA?
    ) throws(StatisticsError) -> SideEstimate {
        if samples.isConstant, samples.count >= 2 {
            // Identical values: exact, whatever rounding the logs and their means pick up.
            let centre = samples.all.first ?? 0
            return SideEstimate(
                estimate: CentreEstimate(centre: centre, varianceOfCentre: 0, degreesOfFreedom: 1), logCentre: centre,
                observationVariance: 0,
                observationDegreesOfFreedom: Double(samples.runCount >= 2 ? samples.runCount - 1 : samples.count - 1),
                observations: samples.count, model: .exact)
        }
        if samples.runCount >= 2 {
            let means = samples.runMeans
            let stats = try SampleMoments(means)
            let variance = stats.variance ?? 0
            let r = Double(means.count)
            var estimate = CentreEstimate(centre: stats.mean, varianceOfCentre: variance / r, degreesOfFreedom: r - 1)
            // Never less than the within-run noise alone: a few run means can agree by chance.
            var withinFloor = 0.0
            if let runs = samples.runHeterogeneity() {
                let n = Double(samples.count)
                let within = runs.meanSquareWithin / n
                withinFloor = within
                if within > estimate.varianceOfCentre {
                    // The variance is floored; its uncertainty is still that of r run means.
                    estimate = CentreEstimate(centre: stats.mean, varianceOfCentre: within, degreesOfFreedom: r - 1)
                }
            }
            return SideEstimate(
                estimate: estimate, logCentre: stats.mean, observationVariance: variance,
                observationDegreesOfFreedom: r - 1, observations: means.count,
                model: estimate.varianceOfCentre == 0 ? .exact : .betweenRun, withinFloor: withinFloor)
        }
        let stats = try SampleMoments(samples.all)
        let n = Double(samples.count)
        guard let variance = stats.variance else {
            return SideEstimate(
                estimate: nil, logCentre: stats.mean, observationVariance: nil, observationDegreesOfFreedom: 0,
                observations: samples.count, model: .none)
        }
        var estimate = CentreEstimate(centre: stats.mean, varianceOfCentre: variance / n, degreesOfFreedom: n - 1)
        var model: NoiseModel = variance == 0 ? .exact : .withinRun
        var borrowed: Double?
        if samples.runCount == 1, let otherRuns, otherRuns.betweenGroupVariance > 0,
            let (total, df) = Satterthwaite.combine([
                VarianceComponent(variance: estimate.varianceOfCentre, degreesOfFreedom: n - 1),
                VarianceComponent(
                    variance: otherRuns.betweenGroupVariance, degreesOfFreedom: otherRuns.degreesOfFreedomBetween),
            ])
        {
            // A single run carries a run effect the other side showed: add that component. Its
            // uncertainty is that of the other side's runs: run-level degrees of freedom (crediting
            // the single run's samples let 7.8% of A/A comparisons of one run against five fail).
            estimate = CentreEstimate(
                centre: stats.mean, varianceOfCentre: total,
                degreesOfFreedom: min(df, otherRuns.degreesOfFreedomBetween))
            model = .betweenRun
            borrowed = otherRuns.degreesOfFreedomBetween
        }
        return SideEstimate(
            estimate: estimate, logCentre: stats.mean, observationVariance: variance,
            observationDegreesOfFreedom: n - 1, observations: samples.count, model: model,
            borrowedDegreesOfFreedom: borrowed)
    }

    /// A side without a variance of its own borrows the other side's per-observation variance.
    private static func borrow(into side: inout SideEstimate, from other: SideEstimate) {
        guard side.estimate == nil, let variance = other.observationVariance, other.observationDegreesOfFreedom > 0
        else { return }
        side.estimate = CentreEstimate(
            centre: side.logCentre, varianceOfCentre: variance / Double(max(1, side.observations)),
            degreesOfFreedom: other.observationDegreesOfFreedom)
        side.model = other.model == .exact ? .exact : other.model
        side.borrowedDegreesOfFreedom = other.observationDegreesOfFreedom
    }

    /// History as a noise source of a side with `runs` runs: with several runs, σ²_history is
    /// pooled with the variance of the side's run means (degrees of freedom added: Satterthwaite's
    /// and Welch's pooling of independent estimates of one variance); with one run (or one sample),
    /// the run's centre varies at least as much as history says a run's centre does. The variance
    /// of the centre never falls below what the side showed on its own.
    private static func applyHistory(_ history: HistoryNoise.Estimate, to side: inout SideEstimate, runs: Int) {
        // History is a third, independent estimate: the sides no longer rest on one another's.
        side.borrowedDegreesOfFreedom = nil
        let historyVariance = history.logSigma * history.logSigma
        if runs >= 2, let runVariance = side.observationVariance, side.observationDegreesOfFreedom > 0 {
            let df = history.degreesOfFreedom + side.observationDegreesOfFreedom
            let pooled =
                (history.degreesOfFreedom * historyVariance + side.observationDegreesOfFreedom * runVariance) / df
            let own = side.estimate?.varianceOfCentre ?? 0
            side.estimate = CentreEstimate(
                centre: side.logCentre, varianceOfCentre: max(pooled / Double(runs), own), degreesOfFreedom: df)
            side.observationVariance = pooled
            side.model = .history
            side.historyShare = (history.degreesOfFreedom, side.observationDegreesOfFreedom)
            return
        }
        if let current = side.estimate, current.varianceOfCentre >= historyVariance { return }
        side.estimate = CentreEstimate(
            centre: side.logCentre, varianceOfCentre: historyVariance, degreesOfFreedom: history.degreesOfFreedom)
        side.observationVariance = historyVariance
        side.model = .history
        side.historyShare = (history.degreesOfFreedom, 0)
    }

    /// The most degrees of freedom the Welch–Satterthwaite ν of a comparison may claim. The formula
    /// assumes two independent variance estimates; when they share one (a side given the other
    /// side's, or both sides given the same history), the comparison knows no more than the
    /// independent pieces hold: the borrowed estimate's degrees of freedom, or the history's plus
    /// what each side added of its own. Without history, a single run against five runs rested on the
    /// five runs twice and covered 92.5%; with one run per side and a ten-run history, 92.2%.
    static func degreesOfFreedomCap(base: SideEstimate, head: SideEstimate) -> Double {
        var cap = min(base.borrowedDegreesOfFreedom ?? .infinity, head.borrowedDegreesOfFreedom ?? .infinity)
        if let b = base.historyShare, let h = head.historyShare {
            cap = min(cap, max(b.history, h.history) + b.own + h.own)
        }
        return cap
    }
}

extension NoiseModel {
    /// Which of two models dominates a comparison's description.
    static func dominant(_ a: NoiseModel, _ b: NoiseModel) -> NoiseModel {
        let rank: [NoiseModel] = [.none, .exact, .withinRun, .betweenRun, .history]
        if a == .none || b == .none { return .none }
        return (rank.firstIndex(of: a) ?? 0) >= (rank.firstIndex(of: b) ?? 0) ? a : b
    }
}
