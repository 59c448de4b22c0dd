import Foundation
import Statistics

/// What one side of a comparison looks like: its centre (geometric mean for Welch, median for
/// Mann–Whitney) with an interval, spread, Tukey outliers on the log scale (Tukey 1977) and range.
struct SideSummarizer {
    /// Which centre the analysis reports.
    let centre: ComparisonTest
    /// The confidence level of the centre's interval.
    let confidence: Double
    /// Whether the summary keeps the raw samples for reports that draw them.
    let keepsSamples: Bool

    /// The summary of `samples`; `logInterval` is the method's interval of the log centre (Welch).
    func summary(
        _ samples: LogSamples, label: String, interval logInterval: ClosedRange<Double>?, name: String
    ) throws(AnalysisError) -> SideSummary {
        do {
            let logStats = try SampleMoments(samples.all)
            let outlierCount = samples.count >= 4 ? try Outliers.tukeyOutlierCount(sorted: samples.sortedAll) : 0
            let centre: Double
            var interval: ClosedRange<Double>?
            switch self.centre {
            case .yuen:
                centre =
                    samples.isConstant
                    ? (samples.raw.first ?? exp(logStats.mean))
                    : exp(try YuenTTest.trimmedMean(sorted: samples.sortedAll))
                interval = logInterval.map { exp($0.lowerBound)...exp($0.upperBound) }
            case .welch:
                // An exact measurement keeps its exact value (exp∘log would perturb the last digits).
                centre = samples.isConstant ? (samples.raw.first ?? exp(logStats.mean)) : exp(logStats.mean)
                interval = logInterval.map { exp($0.lowerBound)...exp($0.upperBound) }
            case .mannWhitney:
                if samples.count >= 2, !samples.isConstant {
                    // The raw moments are checked as `DescriptiveStatistics` checks them (the same
                    // errors: a variance that overflows is reported), and the interval's median is
                    // the summaries' (GSL's median of the same sorted values): one sort, not three.
                    _ = try SampleMoments(samples.raw)
                    let result = try MedianConfidenceInterval.compute(samples.raw, confidence: confidence)
                    centre = result.median
                    if result.levelReached {
                        interval = result.confidenceInterval.lower...result.confidenceInterval.upper
                    }
                } else {
                    centre = try DescriptiveStatistics(samples.raw).median
                }
            }
            return SideSummary(
                label: label, count: samples.count, runs: samples.runCount, centre: centre, centreInterval: interval,
                spreadPercent: logStats.standardDeviation.map { expm1($0) * 100 }, outliers: outlierCount,
                range: samples.rawRange, samplesByRun: keepsSamples ? samples.rawByRun : [])
        } catch {
            throw .statistics(error, subject: name)
        }
    }
}
