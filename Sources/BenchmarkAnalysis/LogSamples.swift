import BenchmarkModel
import Foundation
import Statistics

/// One side of a comparison on the natural-log scale, grouped by run, with the one-way analysis of
/// variance that estimates its between-run variance component (Kalibera & Jones 2013 on why the run
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

    /// Reads a series; every value must be finite and > 0 (the loaders guarantee it, this checks).
    init(series: BenchmarkSeries) throws(AnalysisError) {
        var runs: [[Double]] = []
        var raw: [Double] = []
        var rawByRun: [[Double]] = []
        raw.reserveCapacity(series.runs.reduce(0) { $0 + $1.values.count })
        for run in series.runs where !run.values.isEmpty {
            rawByRun.append(run.values)
            var logs: [Double] = []
            logs.reserveCapacity(run.values.count)
            for value in run.values {
                guard value.isFinite, value > 0 else {
                    throw AnalysisError(
                        benchmark: series.benchmark.name, location: run.source,
                        message: "value \(value) cannot be compared on a log scale (it must be finite and > 0)")
                }
                logs.append(log(value))
                raw.append(value)
            }
            runs.append(logs)
        }
        self.runs = runs
        self.all = runs.count == 1 ? runs[0] : runs.flatMap { $0 }
        self.raw = raw
        self.rawByRun = rawByRun
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

    /// The mean of each run's logs.
    var runMeans: [Double] { runs.map { $0.reduce(0, +) / Double($0.count) } }

    /// The one-way ANOVA of the logs by run: mean squares within and between runs and the
    /// between-run variance component, or nil when there are fewer than two runs or no within-run
    /// degrees of freedom.
    func runHeterogeneity() -> RunHeterogeneity? {
        let r = runs.count
        let n = all.count
        guard r >= 2, n - r >= 1 else { return nil }
        let grand = all.reduce(0, +) / Double(n)
        var ssWithin = 0.0
        var ssBetween = 0.0
        for run in runs {
            let mean = run.reduce(0, +) / Double(run.count)
            ssBetween += Double(run.count) * (mean - grand) * (mean - grand)
            for x in run { ssWithin += (x - mean) * (x - mean) }
        }
        let msWithin = ssWithin / Double(n - r)
        let msBetween = ssBetween / Double(r - 1)
        // n0: the effective run size of an unbalanced design (Searle, Casella & McCulloch 1992).
        let sumSquares = runs.reduce(0.0) { $0 + Double($1.count * $1.count) }
        let n0 = (Double(n) - sumSquares / Double(n)) / Double(r - 1)
        let component = max(0, (msBetween - msWithin) / n0)
        return RunHeterogeneity(
            msWithin: msWithin, msBetween: msBetween, betweenRunVariance: component,
            degreesOfFreedom: Double(r - 1))
    }
}

/// The one-way analysis of variance of a side's logs by run.
struct RunHeterogeneity {
    /// Mean square within runs (the per-sample variance inside a run).
    let msWithin: Double
    /// Mean square between runs.
    let msBetween: Double
    /// The method-of-moments estimate of the between-run variance component σ²_run.
    let betweenRunVariance: Double
    /// Degrees of freedom of that component (runs − 1).
    let degreesOfFreedom: Double
}
