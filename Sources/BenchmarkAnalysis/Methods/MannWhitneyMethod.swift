import Foundation
import Statistics

/// Go-benchstat-style comparison: the Mann–Whitney U test (Mann & Whitney 1947) and the
/// Hodges–Lehmann shift of the logs with Moses's interval as the change (Hodges & Lehmann 1963).
/// When both sides have several runs, each run is summarised by its median and the runs are
/// compared. With `--history`, the shift is also z-tested against the history noise of a run's
/// centre, and the larger p-value decides.
struct MannWhitneyMethod: ComparisonMethod {
    static let identifier = MethodIdentifier.mannWhitney

    func estimate(_ sides: ComparedSides, context: MethodContext) throws(StatisticsError) -> MethodOutcome {
        guard let base = sides.baseLogs, let head = sides.headLogs else { return .notApplicable(notes: []) }
        // As in the Welch model, runs are the unit whenever both sides have several.
        let useRuns = base.runCount >= 2 && head.runCount >= 2
        let x =
            useRuns
            ? try base.runs.map { run throws(StatisticsError) in try DescriptiveStatistics(Array(run)).median }
            : base.all
        let y =
            useRuns
            ? try head.runs.map { run throws(StatisticsError) in try DescriptiveStatistics(Array(run)).median }
            : head.all
        let constant = Self.isConstant(x) && Self.isConstant(y)
        let tested = !(x.count < 2 && y.count < 2) && !constant
        // Equivalence is judged from the shift's interval at 1 − 2α (TOST, Schuirmann 1987): both
        // levels' order statistics are selected from the one set of differences.
        let levels = tested && context.alpha < 0.5 ? [context.confidence, 1 - 2 * context.alpha] : [context.confidence]
        let shifts = try HodgesLehmann.shifts(base: x, head: y, confidences: levels)
        guard let shift = shifts.first else { throw .numericalFailure("no Hodges–Lehmann shift") }
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
        var equivalence: (lower: Double, upper: Double)?
        if shifts.count > 1 {
            equivalence = (shifts[1].confidenceInterval.lower, shifts[1].confidenceInterval.upper)
        }
        if let history = context.history, history.logSigma > 0 {
            // History noise: the shift must also stand out against how far one run's centre moves
            // on its own, σ_history · √(1/runs_base + 1/runs_head) — a z-test; the comparison is
            // significant only if both tests say so (the larger p, an intersection–union test,
            // Berger 1982), and its intervals cover both sources.
            let band = history.logSigma * (1 / Double(base.runCount) + 1 / Double(head.runCount)).squareRoot()
            let historyP = min(1, 2 * (try NormalDistribution.survival(abs(shift.estimate) / band)))
            if historyP >= (pValue ?? 0) {
                noise = .history
                sigma = history.logSigma
            }
            pValue = max(pValue ?? 0, historyP)
            let z = try NormalDistribution.quantile(0.5 + context.confidence / 2)
            interval = Self.union(interval, (shift.estimate - z * band)...(shift.estimate + z * band))
            if context.alpha < 0.5 {
                let zEquivalence = try NormalDistribution.quantile(1 - context.alpha)
                let historyRange = (shift.estimate - zEquivalence * band)...(shift.estimate + zEquivalence * band)
                let merged = Self.union(equivalence.map { $0.lower...$0.upper }, historyRange)
                equivalence = (merged.lowerBound, merged.upperBound)
            }
        }
        let estimate = ChangeEstimate(
            method: Self.identifier, change: RelativeChange(logChange: shift.estimate, logInterval: interval),
            pValue: pValue, noise: noise, noisePercent: sigma.map { (exp($0) - 1) * 100 }, observationSigma: sigma,
            evidence: equivalence.map { .interval(logChange: shift.estimate, lower: $0.lower, upper: $0.upper) })
        return .estimate(estimate, notes: [])
    }

    /// Whether `values` holds one value, however often (no set is built: this is asked of every
    /// comparison).
    private static func isConstant(_ values: [Double]) -> Bool {
        guard let first = values.first else { return false }
        return values.allSatisfy { $0 == first }
    }

    /// The smallest range covering `a` (if any) and `b`.
    private static func union(_ a: ClosedRange<Double>?, _ b: ClosedRange<Double>) -> ClosedRange<Double> {
        guard let a else { return b }
        return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
    }
}
