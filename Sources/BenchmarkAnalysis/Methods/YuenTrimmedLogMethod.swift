import Foundation
import Statistics

/// Yuen's test on the logarithms (Yuen 1974): 20%-trimmed means of the logs with winsorized
/// variances and Welch–Satterthwaite degrees of freedom — robust to heavy right tails, where one
/// slow sample pulls the mean of logs (on real A/A walltime, +24.0% where the medians differ by
/// +4.3%). Runs are the unit when both sides have several (their means are compared). `--test
/// yuen`; it does not use `--history`.
struct YuenTrimmedLogMethod: ComparisonMethod {
    static let identifier = MethodIdentifier.yuenTrimmedLog

    /// The proportion trimmed from each end.
    static let trim = 0.2

    func estimate(_ sides: ComparedSides, context: MethodContext) throws(StatisticsError) -> MethodOutcome {
        guard let base = sides.baseLogs, let head = sides.headLogs else { return .notApplicable(notes: []) }
        let useRuns = base.runCount >= 2 && head.runCount >= 2
        let x = useRuns ? base.runMeans : base.all
        let y = useRuns ? head.runMeans : head.all
        let result = try YuenTTest.twoSample(base: x, head: y, trim: Self.trim, confidence: context.confidence)
        var noise: NoiseModel = useRuns ? .betweenRun : .withinRun
        var interval: ClosedRange<Double>?
        var evidence: ChangeEvidence?
        if let ci = result.confidenceInterval, let error = result.standardError, let df = result.degreesOfFreedom {
            interval = ci.lower...ci.upper
            evidence = .studentT(logChange: result.trimmedMeanDifference, standardError: error, degreesOfFreedom: df)
        } else if result.degeneracy == .tooFewRetainedValues {
            noise = .none
        } else {
            noise = .exact
        }
        let sigma = PooledVariance.ofSamples([x, y]).map { $0.squareRoot() }
        let estimate = ChangeEstimate(
            method: Self.identifier,
            change: RelativeChange(logChange: result.trimmedMeanDifference, logInterval: interval),
            pValue: result.pValue, noise: noise, noisePercent: sigma.map { (exp($0) - 1) * 100 },
            observationSigma: sigma, evidence: evidence)
        return .estimate(estimate, notes: [])
    }
}
