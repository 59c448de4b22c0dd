import BenchmarkModel
import Foundation
import NumberText

/// Comparisons of counters that can be zero (Go's `allocs/op`, `B/op`): a ratio of geometric means
/// is undefined when a sample is 0, so these are decided on the raw values:
///
/// * both sides all 0 → `noise` (exact, identical);
/// * each side constant, one of them 0 → an exact change from or to zero: `regression` or
///   `improvement` by the unit's direction, with no percentage (it is infinite or −100%);
/// * zeros among varying values → `inconclusive`: no ratio can be estimated.
enum ZeroValuedComparison {
    static func applies(_ pair: Analyzer.SeriesPair) -> Bool {
        guard let base = pair.base, let head = pair.head else { return false }
        // Run by run: `allValues` would copy every sample of both sides for each benchmark.
        return base.runs.contains { $0.values.contains(0) } || head.runs.contains { $0.values.contains(0) }
    }

    static func compare(
        _ pair: Analyzer.SeriesPair, baseLabel: String, headLabel: String, threshold: Double, test: String
    ) -> Comparison? {
        guard let base = pair.base, let head = pair.head else { return nil }
        let x = base.allValues
        let y = head.allValues
        guard !x.isEmpty, !y.isEmpty else { return nil }
        let xConstant = Set(x).count == 1
        let yConstant = Set(y).count == 1
        let baseCentre = x.reduce(0, +) / Double(x.count)
        let headCentre = y.reduce(0, +) / Double(y.count)
        var verdict: Verdict
        var reason: String
        var change: RelativeChange?
        var noise: NoiseModel = .exact
        if xConstant, yConstant, baseCentre == headCentre {
            verdict = .noise
            reason = "exact: identical on both sides"
            change = RelativeChange(percent: 0, interval: nil)
        } else if xConstant, yConstant {
            let worse = (headCentre > baseCentre) == (base.unit.direction == .lowerIsBetter)
            verdict = worse ? .regression : .improvement
            let unit = base.unit.written
            reason =
                "exact counts: \(format(baseCentre / base.unit.scale)) → \(format(headCentre / base.unit.scale)) \(unit)"
            if baseCentre > 0 { change = RelativeChange(percent: (headCentre / baseCentre - 1) * 100, interval: nil) }
        } else {
            verdict = .inconclusive
            noise = .none
            reason = "zero values among varying samples: no ratio can be estimated"
        }
        return Comparison(
            benchmark: base.benchmark, mode: base.mode, unit: base.unit, headLabel: headLabel,
            base: summary(base, label: baseLabel), head: summary(head, label: headLabel), change: change,
            pValue: nil, pAdjusted: nil, test: test, noise: noise, noisePercent: nil, thresholdPercent: threshold,
            samplesNeeded: nil, verdict: verdict, reason: reason, notes: [])
    }

    private static func summary(_ series: BenchmarkSeries, label: String) -> SideSummary {
        let values = series.allValues
        let mean = values.reduce(0, +) / Double(max(1, values.count))
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        return SideSummary(
            label: label, count: values.count, runs: series.runs.count, centre: mean, centreInterval: nil,
            spreadPercent: nil, outliers: 0, range: low...high,
            samplesByRun: series.runs.map(\.values))
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : PrintfNumber.format(value, "%.4g")
    }
}
