/// The runs of one series, held so that the commonest small series — one run of one sample, what
/// a CI job that runs each benchmark once gives — is stored inline instead of as an array of runs
/// holding an array of one value (two allocations, 176 bytes of heap, a series).
///
/// The form is canonical: one run of one sample without an iteration is always held inline, so
/// that two equal sequences of runs are equal (`==`, `hash`) whatever way they were made.
public struct SeriesRuns: Sendable, Hashable {
    private enum Storage: Sendable, Hashable {
        case runs([BenchmarkRun])
        case oneSample(value: Double, id: String, source: SourceLocation)
    }

    private var storage: Storage

    /// Holds `runs`.
    public init(_ runs: [BenchmarkRun]) {
        if runs.count == 1, runs[0].values.count == 1, runs[0].iterations == nil {
            storage = .oneSample(value: runs[0].values[0], id: runs[0].id, source: runs[0].source)
        } else {
            storage = .runs(runs)
        }
    }

    /// Holds one run, named `id`, of one sample, `value`, read at `source`.
    public init(oneSample value: Double, id: String, source: SourceLocation) {
        storage = .oneSample(value: value, id: id, source: source)
    }

    /// The runs, in order (made for the call when the series is one sample).
    public var array: [BenchmarkRun] {
        switch storage {
        case .runs(let runs): runs
        case .oneSample(let value, let id, let source): [BenchmarkRun(id: id, values: [value], source: source)]
        }
    }

    /// The one sample, its run's name and where it was read, when the series is one run of one
    /// sample without an iteration; else nil.
    public var oneSample: (value: Double, id: String, source: SourceLocation)? {
        if case .oneSample(let value, let id, let source) = storage { return (value, id, source) }
        return nil
    }

    /// The number of runs.
    public var count: Int {
        switch storage {
        case .runs(let runs): runs.count
        case .oneSample: 1
        }
    }

    /// The number of samples over all runs.
    public var sampleCount: Int {
        switch storage {
        case .runs(let runs): runs.reduce(0) { $0 + $1.values.count }
        case .oneSample: 1
        }
    }

    /// Every sample of every run, in run order.
    public var allValues: [Double] {
        switch storage {
        case .runs(let runs):
            if runs.count == 1 { return runs[0].values }
            var all: [Double] = []
            all.reserveCapacity(sampleCount)
            for run in runs { all.append(contentsOf: run.values) }
            return all
        case .oneSample(let value, _, _):
            return [value]
        }
    }

    /// Whether some sample satisfies `predicate`.
    public func containsValue(where predicate: (Double) throws -> Bool) rethrows -> Bool {
        switch storage {
        case .runs(let runs):
            for run in runs where try run.values.contains(where: predicate) { return true }
            return false
        case .oneSample(let value, _, _):
            return try predicate(value)
        }
    }
}
