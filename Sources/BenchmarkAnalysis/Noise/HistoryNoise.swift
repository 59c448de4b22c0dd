import BenchmarkModel
import Foundation
import Statistics

/// The between-run noise of each benchmark, learnt from past baseline runs (`--history`).
///
/// For each benchmark (name and base unit) the centre of every history run is the mean of its logs.
/// The spread is robust to a few past runs that genuinely changed: it is the median absolute
/// deviation of the log-ratios between consecutive runs, scaled to a normal σ (×1.4826) and divided
/// by √2, since each ratio carries the noise of two runs (Hampel 1974; the successive-difference
/// idea is von Neumann et al. 1941). Fewer than three runs give no estimate.
public struct HistoryNoise: Sendable {
    /// A benchmark's history noise: σ of one run's centre on the natural-log scale.
    public struct Estimate: Sendable, Equatable {
        /// σ of a run's log centre.
        public let logSigma: Double
        /// The number of history runs it came from.
        public let runs: Int

        /// Degrees of freedom credited to the estimate (runs − 2, at least 1).
        public var degreesOfFreedom: Double { Double(max(1, runs - 2)) }
        /// σ as a percentage of the centre (exp(σ) − 1).
        public var percent: Double { (exp(logSigma) - 1) * 100 }
    }

    private let estimates: [SeriesKey: Estimate]

    /// The number of history runs read.
    public let runCount: Int

    /// Learns the noise from history runs, each one `LabelData` (one past run of the baseline).
    public init(runs: [LabelData]) {
        runCount = runs.count
        var centres: [SeriesKey: [Double]] = [:]
        for run in runs {
            for series in run.series {
                let logs = series.allValues.filter { $0 > 0 && $0.isFinite }.map { log($0) }
                guard !logs.isEmpty else { continue }
                centres[SeriesKey(series), default: []].append(Summation.sum(logs) / Double(logs.count))
            }
        }
        var estimates: [SeriesKey: Estimate] = [:]
        for (key, values) in centres where values.count >= 3 {
            let ratios = zip(values.dropFirst(), values).map { $0 - $1 }
            // 1.4826 × MAD (Statistics' scaledMAD); ratios of finite logs cannot fail.
            guard let sigma = try? DescriptiveStatistics(ratios).scaledMAD else { continue }
            estimates[key] = Estimate(logSigma: sigma / 2.0.squareRoot(), runs: values.count)
        }
        self.estimates = estimates
    }

    /// The estimate for `series`' benchmark and unit, or nil when history has fewer than three runs of it.
    public func estimate(for series: BenchmarkSeries) -> Estimate? { estimates[SeriesKey(series)] }
}
