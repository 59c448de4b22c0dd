import BenchmarkModel
import Statistics

/// Counters that can be zero (Go's `allocs/op`, `B/op`): a ratio of geometric means is undefined
/// when a sample is 0, so a series pair with a zero on either side is decided on its raw values:
///
/// * both sides all 0 → `noise` (exact, identical);
/// * each side constant, one of them 0 → an exact change from or to zero: `regression` or
///   `improvement` by the unit's direction, with no percentage from zero (it would be infinite);
/// * zeros among varying values → `inconclusive`: no ratio can be estimated.
///
/// Side centres are arithmetic means of the raw values (the only centre that a zero does not break).
struct ExactCountsMethod: ComparisonMethod {
    static let identifier = MethodIdentifier.exactCounts

    /// Whether a series pair has a zero on either side (checked run by run: `allValues` would copy
    /// every sample of both sides for each benchmark).
    static func applies(base: BenchmarkSeries, head: BenchmarkSeries) -> Bool {
        base.storedRuns.containsZero || head.storedRuns.containsZero
    }

    func estimate(_ sides: ComparedSides, context: MethodContext) throws(StatisticsError) -> MethodOutcome {
        guard Self.applies(base: sides.base, head: sides.head) else { return .notApplicable(notes: []) }
        let x = sides.base.allValues
        let y = sides.head.allValues
        guard let baseCentre = try? Summation.mean(x), let headCentre = try? Summation.mean(y) else {
            return .notApplicable(notes: [])
        }
        let xConstant = Set(x).count == 1
        let yConstant = Set(y).count == 1
        let decision: Decision
        var change: RelativeChange?
        var noise: NoiseModel = .exact
        if xConstant, yConstant, baseCentre == headCentre {
            decision = Decision(verdict: .noise, reason: .identical)
            change = RelativeChange(percent: 0, interval: nil)
        } else if xConstant, yConstant {
            let worse = (headCentre > baseCentre) == (sides.base.unit.direction == .lowerIsBetter)
            decision = Decision(
                verdict: worse ? .regression : .improvement,
                reason: .exactCountsChanged(base: baseCentre, head: headCentre, unit: sides.base.unit))
            if baseCentre > 0 { change = RelativeChange(percent: (headCentre / baseCentre - 1) * 100, interval: nil) }
        } else {
            decision = Decision(verdict: .inconclusive, reason: .zeroAmongVaryingSamples)
            noise = .none
        }
        let estimate = ChangeEstimate(
            method: Self.identifier, change: change, pValue: nil, noise: noise, noisePercent: nil,
            observationSigma: nil)
        return .decided(
            estimate, decision, base: Self.summary(sides.base, label: sides.baseLabel, centre: baseCentre),
            head: Self.summary(sides.head, label: sides.headLabel, centre: headCentre))
    }

    static func summary(_ series: BenchmarkSeries, label: String, centre: Double) -> SideSummary {
        let values = series.allValues
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        return SideSummary(
            label: label, count: values.count, runs: series.runCount, centre: centre, centreInterval: nil,
            spreadPercent: nil, outliers: 0, range: low...high, samplesByRun: series.runs.map(\.values))
    }
}
