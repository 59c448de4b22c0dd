import BenchmarkModel
import Foundation
import Statistics

/// The between-run noise of each benchmark, learnt from past baseline runs (`--history`).
///
/// For each benchmark (name and base unit) the centre of every history run is the mean of its logs.
/// The noise of one run's centre is the successive-difference variance of those centres in run
/// order (von Neumann et al. 1941, `SuccessiveDifferenceVariance`), which a past step inflates
/// little, credited with its effective degrees of freedom (6.2 for 10 runs). An earlier version
/// used 1.4826 × MAD of the successive differences with runs − 2 degrees of freedom: a MAD from
/// ten values has about 2.6 effective degrees of freedom, and a history whose builds sat in two
/// layout states had MAD = 0, so any change became "exact". Fewer than three runs give no estimate.
public struct HistoryNoise: Sendable {
    /// A benchmark's history noise: σ of one run's centre on the natural-log scale.
    public struct Estimate: Sendable, Equatable {
        /// σ of a run's log centre.
        public let logSigma: Double
        /// The degrees of freedom of σ² (`SuccessiveDifferenceVariance`).
        public let degreesOfFreedom: Double
        /// The number of history runs it came from.
        public let runs: Int
        /// The mean of the history runs' log centres.
        public let meanLogCentre: Double

        /// σ as a percentage of the centre (exp(σ) − 1).
        public var percent: Double { (exp(logSigma) - 1) * 100 }

        /// Whether a run whose log centre is `baseCentre` lies outside the 99% prediction interval
        /// of one more history run, mean ± t₀.₉₉₅,ν · σ · √(1 + 1/k): how far (in percent and in σ),
        /// or nil when it lies inside (or history never moved).
        public func judge(baseCentre: Double?) -> (percent: Double, sigmas: Double)? {
            guard let baseCentre, logSigma > 0,
                let critical = try? StudentTDistribution.quantile(0.995, df: degreesOfFreedom)
            else { return nil }
            let distance = baseCentre - meanLogCentre
            guard abs(distance) > critical * logSigma * (1 + 1 / Double(runs)).squareRoot() else { return nil }
            return (expm1(distance) * 100, distance / logSigma)
        }
    }

    /// One benchmark's past runs: the mean of the natural logs of each run's samples, oldest first.
    public struct Series: Sendable {
        /// The benchmark's name.
        public let name: String
        /// The base unit of its samples (`MeasurementUnit.baseUnit`).
        public let baseUnit: String
        /// Each past run's mean log, oldest first.
        public let logCentres: [Double]

        /// A benchmark's past run centres.
        public init(name: String, baseUnit: String, logCentres: [Double]) {
            self.name = name
            self.baseUnit = baseUnit
            self.logCentres = logCentres
        }
    }

    private let estimates: [SeriesKey: Estimate]

    /// The number of history runs read.
    public let runCount: Int

    /// Learns the noise from history runs, each one `LabelData` (one past run of the baseline):
    /// each run's centre of a benchmark is the mean of the logs of its samples > 0.
    public init(runs: [LabelData]) {
        var centres: [SeriesKey: [Double]] = [:]
        for run in runs {
            for series in run.series {
                let logs = series.allValues.filter { $0 > 0 && $0.isFinite }.map { log($0) }
                guard !logs.isEmpty else { continue }
                centres[SeriesKey(series), default: []].append(Summation.sum(logs) / Double(logs.count))
            }
        }
        self.init(centres: centres, runCount: runs.count)
    }

    /// Learns the noise from run centres already computed (a history store keeps each run's mean
    /// log per benchmark): the same estimate as `init(runs:)` on the runs they summarise, without the
    /// samples. `runCount` is the number of past runs read.
    public init(series: [Series], runCount: Int) {
        var centres: [SeriesKey: [Double]] = [:]
        centres.reserveCapacity(series.count)
        for entry in series where !entry.logCentres.isEmpty {
            let key = SeriesKey(name: entry.name, baseUnit: entry.baseUnit)
            // The first series of a key is taken as it is (not copied into a new array).
            if centres[key] == nil {
                centres[key] = entry.logCentres
            } else {
                centres[key, default: []].append(contentsOf: entry.logCentres)
            }
        }
        self.init(centres: centres, runCount: runCount)
    }

    /// Learns the noise from run centres already computed, as `init(series:runCount:)`, when no two
    /// series share a benchmark and base unit (the caller merged them): each series is estimated as
    /// it is read and let go, so a lazy sequence never holds every benchmark's centres at once (at
    /// 200 runs of 20,000 benchmarks they were 32 MB, grown a page at a time). A key met again is
    /// left out: its first series' estimate stands.
    public init(uniqueSeries series: some Sequence<Series>, runCount: Int) {
        self.runCount = runCount
        var estimates: [SeriesKey: Estimate] = [:]
        estimates.reserveCapacity(series.underestimatedCount)
        for entry in series where !entry.logCentres.isEmpty {
            let key = SeriesKey(name: entry.name, baseUnit: entry.baseUnit)
            guard estimates[key] == nil, let estimate = Self.estimate(entry.logCentres) else { continue }
            estimates[key] = estimate
        }
        self.estimates = estimates
    }

    private init(centres: [SeriesKey: [Double]], runCount: Int) {
        self.runCount = runCount
        var estimates: [SeriesKey: Estimate] = [:]
        estimates.reserveCapacity(centres.count)
        for (key, values) in centres {
            guard let estimate = Self.estimate(values) else { continue }
            estimates[key] = estimate
        }
        self.estimates = estimates
    }

    /// The estimate of one benchmark's run centres (nil for fewer than three).
    private static func estimate(_ values: [Double]) -> Estimate? {
        // Finite logs cannot fail.
        guard let (variance, degreesOfFreedom) = try? SuccessiveDifferenceVariance.estimate(values),
            let mean = try? Summation.mean(values)
        else { return nil }
        return Estimate(
            logSigma: variance.squareRoot(), degreesOfFreedom: degreesOfFreedom, runs: values.count,
            meanLogCentre: mean)
    }

    /// The estimate for `series`' benchmark and unit, or nil when history has fewer than three runs of it.
    public func estimate(for series: BenchmarkSeries) -> Estimate? { estimates[SeriesKey(series)] }
}
