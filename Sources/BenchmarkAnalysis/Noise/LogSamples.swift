import BenchmarkModel
import Foundation
import Statistics

/// One side of a comparison on the natural-log scale, grouped by run, with the one-way analysis of
/// variance (`OneWayANOVA`) that estimates its between-run variance component (Kalibera & Jones 2013 on why the run
/// is where benchmark variance lives).
struct LogSamples {
    /// Natural logs of the samples, per run (runs with at least one sample).
    let runs: [[Double]]
    /// Every log, in run order.
    let all: [Double]
    /// The raw values, in run order.
    let raw: [Double]
    /// The raw values split by run (the shape of `runs`): the series' own arrays, shared, not copied.
    let rawByRun: [[Double]]
    /// Every log, ascending: sorted once for the outlier fences and the trimmed means.
    let sortedAll: [Double]

    /// Reads a series; every value must be finite and > 0 (the loaders guarantee it, this checks).
    /// A series of one run shares that run's arrays for `raw` and `all`, and an ascending one (a
    /// single sample) is its own `sortedAll`: at a million one-sample benchmarks, each array made
    /// here was an allocation and a free per side.
    init(series: BenchmarkSeries) throws(AnalysisError) {
        var runs: [[Double]] = []
        var rawByRun: [[Double]] = []
        runs.reserveCapacity(series.runs.count)
        rawByRun.reserveCapacity(series.runs.count)
        for run in series.runs where !run.values.isEmpty {
            rawByRun.append(run.values)
            var logs: [Double] = []
            logs.reserveCapacity(run.values.count)
            for value in run.values {
                guard value.isFinite, value > 0 else {
                    throw .notOnLogScale(benchmark: series.benchmark.name, value: value, location: run.source)
                }
                logs.append(log(value))
            }
            runs.append(logs)
        }
        self.runs = runs
        self.rawByRun = rawByRun
        if runs.count == 1 {
            all = runs[0]
            raw = rawByRun[0]
        } else {
            all = Self.concatenated(runs)
            raw = Self.concatenated(rawByRun)
        }
        sortedAll = Self.isAscending(all) ? all : GSL.sorted(all)
    }

    /// The runs' values one after the other, in one allocation (`flatMap` grows its result by
    /// doubling: a series of 10 runs of 2 values was copied four times).
    private static func concatenated(_ runs: [[Double]]) -> [Double] {
        var count = 0
        for run in runs { count += run.count }
        var all: [Double] = []
        all.reserveCapacity(count)
        for run in runs { all.append(contentsOf: run) }
        return all
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
    var runCount: Int { runs.count }

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
    var runMeans: [Double] { runs.map { Summation.sum($0) / Double($0.count) } }

    /// The one-way analysis of variance of the logs by run (`OneWayANOVA`), or nil when there are
    /// fewer than two runs or no within-run degrees of freedom.
    func runHeterogeneity() -> OneWayANOVA? { OneWayANOVA(groups: runs) }
}
