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
    let observationVariance: Double?
    /// Degrees of freedom of `observationVariance`.
    let observationDegreesOfFreedom: Double
    /// Whether observations are runs rather than samples.
    let runsAreUnits: Bool
    /// The number of observations (samples or runs).
    let observations: Int
    /// The noise source behind `estimate`.
    var model: NoiseModel
}

/// The rule by which samples, runs and history become the two centre estimates that the Welch
/// comparison uses. It is written out in the README ("How noise is modelled"):
///
/// 1. Logs of the samples. Each side's runs are checked with a one-way ANOVA F test (Fisher); if
///    either side's runs differ at the 5% level, runs are the unit: a side with ≥ 2 runs is summarised
///    by its run means (centre = their mean, variance of the centre = their variance / runs, with
///    runs − 1 degrees of freedom), and a side with a single run gets the other side's between-run
///    variance component added (Satterthwaite 1946 for the combined degrees of freedom). A side whose
///    runs hold one sample each always uses runs as the unit.
/// 2. Otherwise every sample is an observation: variance of the centre = s² / n, n − 1 degrees of freedom.
/// 3. A side with a single sample borrows the per-observation variance of the other side.
/// 4. History (`--history`) sets a floor: the variance of a side's centre is at least σ²_history / runs.
/// 5. Both sides identical within themselves and no history: an exact measurement, no test.
enum CentreModel {
    /// The F-test level at which runs are declared to differ.
    static let heterogeneityLevel = 0.05

    static func estimate(
        base: LogSamples, head: LogSamples, history: HistoryNoise.Estimate?
    ) throws(StatisticsError) -> (base: SideEstimate, head: SideEstimate) {
        let baseRuns = try base.runHeterogeneity()
        let headRuns = try head.runHeterogeneity()
        let runsDiffer =
            (baseRuns?.pValue ?? 1) < heterogeneityLevel || (headRuns?.pValue ?? 1) < heterogeneityLevel
        var baseSide = try side(base, runsDiffer: runsDiffer, otherRuns: headRuns)
        var headSide = try side(head, runsDiffer: runsDiffer, otherRuns: baseRuns)
        borrow(into: &baseSide, from: headSide)
        borrow(into: &headSide, from: baseSide)
        if let history, history.logSigma > 0 {
            applyFloor(history, to: &baseSide, runs: base.runCount)
            applyFloor(history, to: &headSide, runs: head.runCount)
        }
        if baseSide.estimate?.varianceOfCentre == 0, headSide.estimate?.varianceOfCentre == 0 {
            baseSide.model = .exact
            headSide.model = .exact
        }
        return (baseSide, headSide)
    }

    private static func side(
        _ samples: LogSamples, runsDiffer: Bool, otherRuns: RunHeterogeneity?
    ) throws(StatisticsError) -> SideEstimate {
        let oneSamplePerRun = samples.runs.allSatisfy { $0.count == 1 }
        if samples.runCount >= 2, runsDiffer || oneSamplePerRun {
            let means = samples.runMeans
            let stats = try DescriptiveStatistics(means)
            let variance = stats.variance ?? 0
            let r = Double(means.count)
            return SideEstimate(
                estimate: CentreEstimate(centre: stats.mean, varianceOfCentre: variance / r, degreesOfFreedom: r - 1),
                logCentre: stats.mean, observationVariance: variance, observationDegreesOfFreedom: r - 1,
                runsAreUnits: true, observations: means.count, model: variance == 0 ? .exact : .betweenRun)
        }
        let stats = try DescriptiveStatistics(samples.all)
        let n = Double(samples.count)
        guard let variance = stats.variance else {
            return SideEstimate(
                estimate: nil, logCentre: stats.mean, observationVariance: nil, observationDegreesOfFreedom: 0,
                runsAreUnits: false, observations: samples.count, model: .none)
        }
        var estimate = CentreEstimate(centre: stats.mean, varianceOfCentre: variance / n, degreesOfFreedom: n - 1)
        var model: NoiseModel = variance == 0 ? .exact : .withinRun
        if runsDiffer, samples.runCount == 1, let otherRuns, otherRuns.betweenRunVariance > 0 {
            // A single run carries a run effect the other side showed: add that component.
            let within = estimate.varianceOfCentre
            let between = otherRuns.betweenRunVariance
            let total = within + between
            let df = total * total / (within * within / (n - 1) + between * between / otherRuns.degreesOfFreedom)
            estimate = CentreEstimate(centre: stats.mean, varianceOfCentre: total, degreesOfFreedom: df)
            model = .betweenRun
        }
        return SideEstimate(
            estimate: estimate, logCentre: stats.mean, observationVariance: variance,
            observationDegreesOfFreedom: n - 1, runsAreUnits: false, observations: samples.count, model: model)
    }

    /// A side without a variance of its own borrows the other side's per-observation variance.
    private static func borrow(into side: inout SideEstimate, from other: SideEstimate) {
        guard side.estimate == nil, let variance = other.observationVariance, other.observationDegreesOfFreedom > 0
        else { return }
        side.estimate = CentreEstimate(
            centre: side.logCentre, varianceOfCentre: variance / Double(max(1, side.observations)),
            degreesOfFreedom: other.observationDegreesOfFreedom)
        side.model = other.model == .exact ? .exact : other.model
    }

    private static func applyFloor(_ history: HistoryNoise.Estimate, to side: inout SideEstimate, runs: Int) {
        let floor = history.logSigma * history.logSigma / Double(max(1, runs))
        if let current = side.estimate, current.varianceOfCentre >= floor { return }
        side.estimate = CentreEstimate(
            centre: side.logCentre, varianceOfCentre: floor, degreesOfFreedom: history.degreesOfFreedom)
        side.model = .history
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
