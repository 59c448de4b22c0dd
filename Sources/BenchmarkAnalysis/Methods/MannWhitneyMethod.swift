import Foundation
import Statistics

/// Go-benchstat-style comparison: the Mann–Whitney U test (Mann & Whitney 1947) and the
/// Hodges–Lehmann shift of the logs with Moses's interval as the change (Hodges & Lehmann 1963).
/// When both sides have several runs, each run is summarised by its median and the runs are
/// compared. With `--history`, a shift inside the history noise band (normal quantile × σ_history ×
/// √(1/runs_base + 1/runs_head)) is not significant.
struct MannWhitneyMethod: ComparisonMethod {
    static let identifier = MethodIdentifier.mannWhitney

    func estimate(_ sides: ComparedSides, context: MethodContext) throws(StatisticsError) -> MethodOutcome {
        guard let base = sides.baseLogs, let head = sides.headLogs else { return .notApplicable(notes: []) }
        // As in the Welch model, runs are the unit whenever both sides have several.
        let useRuns = base.runCount >= 2 && head.runCount >= 2
        let x =
            useRuns
            ? try base.runs.map { run throws(StatisticsError) in try DescriptiveStatistics(run).median } : base.all
        let y =
            useRuns
            ? try head.runs.map { run throws(StatisticsError) in try DescriptiveStatistics(run).median } : head.all
        let shift = try HodgesLehmann.shift(base: x, head: y, confidence: context.confidence)
        let constant = Set(x).count == 1 && Set(y).count == 1
        var noise: NoiseModel = useRuns ? .betweenRun : .withinRun
        var pValue: Double?
        var interval: ClosedRange<Double>?
        if x.count < 2 && y.count < 2 {
            noise = .none
        } else if constant {
            noise = .exact
        } else {
            // Go benchstat's limits: exact without ties up to 50 per side, exact given the ties up to 25.
            pValue = try MannWhitneyU.test(base: x, head: y, exactLimit: 50, tiesExactLimit: 25).pValue
            interval = shift.confidenceInterval.lower...shift.confidenceInterval.upper
        }
        var sigma = PooledVariance.ofSamples([x, y]).map { $0.squareRoot() }
        if let history = context.history, history.logSigma > 0 {
            // History floor: a change inside the history noise band is not significant.
            let band = history.logSigma * (1 / Double(base.runCount) + 1 / Double(head.runCount)).squareRoot()
            let z = try NormalQuantile.value(0.5 + context.confidence / 2)
            if abs(shift.estimate) < z * band {
                pValue = max(pValue ?? 1, 1 - context.confidence)
                noise = .history
                sigma = history.logSigma
            }
        }
        let estimate = ChangeEstimate(
            method: Self.identifier, change: RelativeChange(logChange: shift.estimate, logInterval: interval),
            pValue: pValue, noise: noise,
            noisePercent: sigma.map { (exp($0) - 1) * 100 }, observationSigma: sigma)
        return .estimate(estimate, notes: [])
    }
}
