import BenchmarkModel
import Foundation
import Statistics

/// Step 8 of the analysis: per head label, the verdict counts and the geometric mean of the
/// benchmarks' ratios (primary metrics only) with a Student-t interval over the benchmarks' log
/// ratios, the benchmarks treated as a sample of the suite (`MeanConfidenceInterval`).
enum SuiteSummarizer {
    /// The fewest benchmarks whose ratios give a suite interval.
    static let minimumForInterval = 3

    static func summarize(
        _ comparisons: [Comparison], of head: LabelData, base: LabelData, confidence: Double
    ) throws(AnalysisError) -> SuiteSummary {
        var counts: [Verdict: Int] = [:]
        for verdict in Verdict.allCases { counts[verdict] = 0 }
        // One ratio per benchmark, of its primary metric; positive means "more of the unit". The
        // fields are read in place (a `for comparison in` loop would copy every comparison).
        var logRatios: [Double] = []
        for index in comparisons.indices where comparisons[index].headLabel == head.label {
            counts[comparisons[index].verdict, default: 0] += 1
            guard comparisons[index].isPrimaryMetric, let change = comparisons[index].change, change.percent > -100
            else { continue }
            logRatios.append(log1p(change.percent / 100))
        }
        var geomean: RelativeChange?
        if !logRatios.isEmpty {
            do {
                let mean = try Summation.mean(logRatios)
                var interval: ClosedRange<Double>?
                // Below three benchmarks a t interval over benchmarks (one or two degrees of freedom)
                // spans orders of magnitude: none is given.
                if logRatios.count >= Self.minimumForInterval, let sd = try SampleMoments(logRatios).standardDeviation,
                    let tInterval = try MeanConfidenceInterval.studentT(
                        mean: mean, standardDeviation: sd, count: logRatios.count, confidence: confidence)
                {
                    interval = (expm1(tInterval.lower) * 100)...(expm1(tInterval.upper) * 100)
                }
                geomean = RelativeChange(percent: expm1(mean) * 100, interval: interval)
            } catch {
                throw .statistics(error, subject: "(suite geomean)")
            }
        }
        return SuiteSummary(
            headLabel: head.label, geomean: geomean, geomeanCount: logRatios.count, counts: counts,
            environmentDifferences: EnvironmentCheck.differences(base: base, head: head))
    }
}
