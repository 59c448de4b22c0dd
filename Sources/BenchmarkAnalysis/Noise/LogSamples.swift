import BenchmarkModel
import Foundation
import Statistics

/// One side of a comparison on the natural-log scale, grouped by run, with the one-way analysis of
/// variance (`OneWayANOVA`) that estimates its between-run variance component (Kalibera & Jones 2013 on why the run
/// is where benchmark variance lives).
struct LogSamples {
    /// Every log, in run order (runs with at least one sample).
    let all: [Double]
    /// The raw values, in run order.
    let raw: [Double]
    /// Where each run's values end in `all` and `raw` (exclusive, ascending; the last is `count`):
    /// one array of offsets instead of an array of logs and one of raw values per run — at 10 runs a
    /// side, their allocations and frees were a tenth of the analysis.
    let runEnds: [Int]
    /// Every log, ascending: sorted once for the outlier fences and the trimmed means.
    let sortedAll: [Double]

    /// Reads a series; every value must be finite and > 0 (the loaders guarantee it, this checks).
    /// A series of one run shares that run's array for `raw`, and an ascending one (a single
    /// sample) is its own `sortedAll`: at a million one-sample benchmarks, each array made here was
    /// an allocation and a free per side.
    init(series: borrowing BenchmarkSeries) throws(AnalysisError) {
        // A sample held inline (`SeriesRuns`) is read without making its run; one that is not on
        // the log scale takes the path below, which reports it with its run's location.
        if let value = series.storedRuns.oneSampleValue, value.isFinite, value > 0 {
            all = [log(value)]
            runEnds = [1]
            raw = [value]
            sortedAll = all
            return
        }
        // The runs are read through their buffer, their values only: `for run in series.runs`, or
        // `runs[index].values`, copied each whole run (its id, values, source and iterations
        // retained, then released). The arrays are made at their size (a reservation on an empty
        // array takes the general growing path).
        let runs = series.runs
        var failure: AnalysisError?
        let (all, runEnds, raw) = runs.withUnsafeBufferPointer { runs -> ([Double], [Int], [Double]) in
            var count = 0
            var filled = 0
            var lastFilled = 0
            for index in runs.indices where !runs[index].values.isEmpty {
                count += runs[index].values.count
                filled += 1
                lastFilled = index
            }
            if count == 1, filled == 1, let value = runs[lastFilled].values.first {
                // One sample: array literals, the cheapest allocations (a sized array is made by a
                // generic routine, ~650 instructions; a reservation by the growing path, ~180).
                guard value.isFinite, value > 0 else {
                    failure = .notOnLogScale(
                        benchmark: series.benchmark.name, value: value, location: runs[lastFilled].source)
                    return ([], [], [])
                }
                return ([log(value)], [1], runs[lastFilled].values)
            }
            var all: [Double] = []
            all.reserveCapacity(count)
            var runEnds: [Int] = []
            runEnds.reserveCapacity(filled)
            for index in runs.indices where !runs[index].values.isEmpty {
                for value in runs[index].values {
                    guard value.isFinite, value > 0 else {
                        failure = .notOnLogScale(
                            benchmark: series.benchmark.name, value: value, location: runs[index].source)
                        return ([], [], [])
                    }
                    all.append(log(value))
                }
                runEnds.append(all.count)
            }
            if filled == 1 { return (all, runEnds, runs[lastFilled].values) }
            var raw: [Double] = []
            raw.reserveCapacity(count)
            for index in runs.indices { raw.append(contentsOf: runs[index].values) }
            return (all, runEnds, raw)
        }
        if let failure { throw failure }
        self.all = all
        self.runEnds = runEnds
        self.raw = raw
        sortedAll = Self.isAscending(all) ? all : GSL.sorted(all)
    }

    /// The logs of each run, as parts of `all`.
    var runs: [ArraySlice<Double>] { Self.parts(of: all, ending: runEnds) }

    /// The raw values of each run (for the reports that draw every sample).
    var rawByRun: [[Double]] { Self.parts(of: raw, ending: runEnds).map(Array.init) }

    private static func parts(of values: [Double], ending ends: [Int]) -> [ArraySlice<Double>] {
        var parts: [ArraySlice<Double>] = []
        parts.reserveCapacity(ends.count)
        var start = 0
        for end in ends {
            parts.append(values[start..<end])
            start = end
        }
        return parts
    }

    /// Whether `values` (no NaN) are in ascending order.
    private static func isAscending(_ values: [Double]) -> Bool {
        var previous = -Double.infinity
        for value in values {
            if value < previous { return false }
            previous = value
        }
        return true
    }

    var count: Int { all.count }
    var runCount: Int { runEnds.count }

    /// The smallest and largest raw value (the series is non-empty: callers check `count`).
    var rawRange: ClosedRange<Double> {
        guard var low = raw.first else { return 0...0 }
        var high = low
        for value in raw {
            if value < low { low = value }
            if value > high { high = value }
        }
        return low...high
    }

    /// Whether every sample is identical (an exact measurement).
    var isConstant: Bool {
        guard let first = raw.first else { return true }
        return raw.allSatisfy { $0 == first }
    }

    /// The mean of each run's logs (plain sums, `Summation`).
    var runMeans: [Double] {
        var means: [Double] = []
        means.reserveCapacity(runEnds.count)
        var start = 0
        for end in runEnds {
            means.append(Summation.sum(all[start..<end]) / Double(end - start))
            start = end
        }
        return means
    }

    /// The one-way analysis of variance of the logs by run (`OneWayANOVA`), or nil when there are
    /// fewer than two runs or no within-run degrees of freedom.
    func runHeterogeneity() -> OneWayANOVA? { OneWayANOVA(values: all, groupEnds: runEnds) }
}
