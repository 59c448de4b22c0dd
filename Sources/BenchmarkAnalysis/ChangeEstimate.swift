import Foundation
import Statistics

/// The statistical part of one comparison, before verdicts: the change on the log scale, its
/// interval and p-value, the noise model, and the side summaries' centres.
struct ChangeEstimate {
    /// log(head centre / base centre).
    let logChange: Double
    /// The interval of `logChange`, or nil without a noise estimate.
    let logInterval: ClosedRange<Double>?
    /// The two-sided p-value, or nil when no test was possible (exact or no noise estimate).
    let pValue: Double?
    /// The noise source.
    let noise: NoiseModel
    /// The noise level the decision used, as a percentage (σ of one observation), or nil.
    let noisePercent: Double?
    /// Per-observation σ on the log scale for power analysis, and whether observations are runs.
    let observationSigma: Double?
    let observationsAreRuns: Bool
    /// Centre interval per side on the log scale (Welch), or nil.
    let baseCentreInterval: ClosedRange<Double>?
    let headCentreInterval: ClosedRange<Double>?
    /// Name of the test, for reports.
    let testName: String
}

/// Welch's t on logs with the noise model of `CentreModel` (the default test).
enum WelchLogComparator {
    static func estimate(
        base: LogSamples, head: LogSamples, history: HistoryNoise.Estimate?, confidence: Double
    ) throws(StatisticsError) -> ChangeEstimate {
        let sides = try CentreModel.estimate(base: base, head: head, history: history)
        let logChange = sides.head.logCentre - sides.base.logCentre
        let noise = NoiseModel.dominant(sides.base.model, sides.head.model)
        var pValue: Double?
        var interval: ClosedRange<Double>?
        if let b = sides.base.estimate, let h = sides.head.estimate, noise != .exact,
            let result = try ComponentTTest.compare(base: b, head: h, confidence: confidence)
        {
            pValue = result.pValue
            interval = result.confidenceInterval.lower...result.confidenceInterval.upper
        }
        let sigma: Double?
        if noise == .history, let history {
            sigma = history.logSigma
        } else {
            let variances = [sides.base.observationVariance, sides.head.observationVariance].compactMap { $0 }
            sigma = variances.isEmpty ? nil : (variances.reduce(0, +) / Double(variances.count)).squareRoot()
        }
        return ChangeEstimate(
            logChange: logChange, logInterval: interval, pValue: pValue, noise: noise,
            noisePercent: sigma.map { (exp($0) - 1) * 100 }, observationSigma: sigma,
            observationsAreRuns: noise == .history || sides.base.runsAreUnits || sides.head.runsAreUnits,
            baseCentreInterval: try centreInterval(sides.base, confidence: confidence),
            headCentreInterval: try centreInterval(sides.head, confidence: confidence),
            testName: "welch-log")
    }

    private static func centreInterval(_ side: SideEstimate, confidence: Double) throws(StatisticsError)
        -> ClosedRange<Double>?
    {
        guard let estimate = side.estimate, estimate.varianceOfCentre > 0 else { return nil }
        let critical: Double
        do {
            critical = try StudentTQuantile.value(0.5 + confidence / 2, df: estimate.degreesOfFreedom)
        } catch {
            throw .gsl(error)
        }
        let half = critical * estimate.varianceOfCentre.squareRoot()
        return (estimate.centre - half)...(estimate.centre + half)
    }
}

/// Go-benchstat-style comparison: medians, the Mann–Whitney U test, and the Hodges–Lehmann shift
/// of the logs with Moses's interval as the change. When both sides have several runs, each run is
/// summarised by its median and the runs are compared.
enum MannWhitneyComparator {
    static func estimate(
        base: LogSamples, head: LogSamples, history: HistoryNoise.Estimate?, confidence: Double
    ) throws(StatisticsError) -> ChangeEstimate {
        // As in the Welch model, runs are the unit whenever both sides have several.
        let useRuns = base.runCount >= 2 && head.runCount >= 2
        let x =
            useRuns
            ? try base.runs.map { run throws(StatisticsError) in try DescriptiveStatistics(run).median } : base.all
        let y =
            useRuns
            ? try head.runs.map { run throws(StatisticsError) in try DescriptiveStatistics(run).median } : head.all
        let shift = try HodgesLehmann.shift(base: x, head: y, confidence: confidence)
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
        var sigma = pooledSigma(x, y)
        if let history, history.logSigma > 0 {
            // History floor: a change inside the history noise band is not significant.
            let band = history.logSigma * (1 / Double(base.runCount) + 1 / Double(head.runCount)).squareRoot()
            let z = try normalQuantile(0.5 + confidence / 2)
            if abs(shift.estimate) < z * band {
                pValue = max(pValue ?? 1, 1 - confidence)
                noise = .history
                sigma = history.logSigma
            }
        }
        return ChangeEstimate(
            logChange: shift.estimate, logInterval: interval, pValue: pValue, noise: noise,
            noisePercent: sigma.map { (exp($0) - 1) * 100 }, observationSigma: sigma,
            observationsAreRuns: useRuns || noise == .history,
            baseCentreInterval: nil, headCentreInterval: nil, testName: "mann-whitney")
    }

    private static func normalQuantile(_ p: Double) throws(StatisticsError) -> Double {
        do { return try GSL.normalQuantile(p) } catch { throw .gsl(error) }
    }

    /// √(mean of the two sample variances), over the sides with at least two values. Written out
    /// (one-pass sum of squares about the mean) because the pinned outputs depend on its last bits.
    private static func pooledSigma(_ x: [Double], _ y: [Double]) -> Double? {
        var variances: [Double] = []
        for sample in [x, y] where sample.count >= 2 {
            let mean = sample.reduce(0, +) / Double(sample.count)
            variances.append(sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sample.count - 1))
        }
        return variances.isEmpty ? nil : (variances.reduce(0, +) / Double(variances.count)).squareRoot()
    }
}
