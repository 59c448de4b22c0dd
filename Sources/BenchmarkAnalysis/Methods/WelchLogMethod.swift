import BenchmarkModel
import Foundation
import Statistics

/// Welch's t on logs (Welch 1947) with the noise model of `CentreModel`: the change is the ratio of
/// geometric means with a Student-t interval, p from the Welch–Satterthwaite ν. The default method.
struct WelchLogMethod: ComparisonMethod {
    static let identifier = MethodIdentifier.welchLog

    func estimate(_ sides: ComparedSides, context: MethodContext) throws(StatisticsError) -> MethodOutcome {
        guard let base = sides.baseLogs, let head = sides.headLogs else { return .notApplicable(notes: []) }
        let model = try CentreModel.estimate(base: base, head: head, history: context.history)
        let noise = NoiseModel.dominant(model.base.model, model.head.model)
        var pValue: Double?
        var interval: ClosedRange<Double>?
        var evidence: ChangeEvidence?
        if let b = model.base.estimate, let h = model.head.estimate, noise != .exact,
            let result = try ComponentTTest.compare(
                base: b, head: h, confidence: context.confidence,
                maximumDegreesOfFreedom: CentreModel.degreesOfFreedomCap(base: model.base, head: model.head))
        {
            pValue = result.pValue
            interval = result.confidenceInterval.lower...result.confidenceInterval.upper
            evidence = .studentT(
                logChange: result.difference, standardError: result.standardError,
                degreesOfFreedom: result.degreesOfFreedom)
        }
        // σ of one observation: the sides' (with history, pooled) observation variances averaged.
        let sigma = PooledVariance.ofVariances(
            [model.base.observationVariance, model.head.observationVariance].compactMap { $0 }
        ).map { $0.squareRoot() }
        var moderation: ModerationInput?
        if model.base.model == .betweenRun, model.head.model == .betweenRun,
            let baseFloor = model.base.withinFloor, let headFloor = model.head.withinFloor,
            let baseVariance = model.base.observationVariance, let headVariance = model.head.observationVariance
        {
            // The runs themselves only where the step may borrow (few runs a side): it measures
            // how they move the suite's benchmarks together.
            let few =
                max(model.base.observations, model.head.observations) <= ModerationStep.maximumRunsModerated
            moderation = ModerationInput(
                base: .init(
                    logCentre: model.base.logCentre, runVariance: baseVariance, runs: model.base.observations,
                    withinFloor: baseFloor, runIDs: few ? Self.runIDs(sides.base) : [],
                    runMeans: few ? base.runMeans : []),
                head: .init(
                    logCentre: model.head.logCentre, runVariance: headVariance, runs: model.head.observations,
                    withinFloor: headFloor, runIDs: few ? Self.runIDs(sides.head) : [],
                    runMeans: few ? head.runMeans : []))
        }
        let estimate = ChangeEstimate(
            method: Self.identifier,
            change: RelativeChange(logChange: model.head.logCentre - model.base.logCentre, logInterval: interval),
            pValue: pValue, noise: noise, noisePercent: sigma.map { (exp($0) - 1) * 100 }, observationSigma: sigma,
            evidence: evidence, moderation: moderation,
            baseCentreInterval: try centreInterval(model.base, confidence: context.confidence),
            headCentreInterval: try centreInterval(model.head, confidence: context.confidence))
        return .estimate(estimate, notes: [])
    }

    /// The identities of a series' runs that hold samples (the runs of its `LogSamples`).
    private static func runIDs(_ series: BenchmarkSeries) -> [String] {
        if let one = series.storedRuns.oneSample { return [one.id] }
        return series.runs.compactMap { $0.values.isEmpty ? nil : $0.id }
    }

    /// The Student-t interval of one side's centre, from its variance and degrees of freedom.
    private func centreInterval(_ side: SideEstimate, confidence: Double) throws(StatisticsError)
        -> ClosedRange<Double>?
    {
        guard let estimate = side.estimate else { return nil }
        return try Self.logInterval(estimate, confidence: confidence)
    }

    /// The Student-t interval of a log centre, centre ± t·√variance, or nil without variance.
    static func logInterval(_ estimate: CentreEstimate, confidence: Double) throws(StatisticsError)
        -> ClosedRange<Double>?
    {
        guard estimate.varianceOfCentre > 0 else { return nil }
        let critical = try StudentTDistribution.quantile(0.5 + confidence / 2, df: estimate.degreesOfFreedom)
        let half = critical * estimate.varianceOfCentre.squareRoot()
        return (estimate.centre - half)...(estimate.centre + half)
    }
}
