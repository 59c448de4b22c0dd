/// The runs of one series, held so that the commonest small series — one run of one sample, what
/// a CI job that runs each benchmark once gives — is stored inline instead of as an array of runs
/// holding an array of one value (two allocations, 176 bytes of heap, a series).
///
/// Inline means the sample, its file and its line (32 bytes): the run is the file's (its name is
/// the file's path, as for every line without a `run` field) and the location names no field.
/// Another single sample — an explicit run name, an iteration — is held as an array.
///
/// The form is canonical: a sample that can be held inline always is, so that two equal
/// sequences of runs are equal (`==`, `hash`) whatever way they were made.
public struct SeriesRuns: Sendable, Hashable {
    private enum Storage: Sendable, Hashable {
        case runs([BenchmarkRun])
        /// The run named `file`, of one sample, read at `file`:`line` (`SourceLocation.packedLine`).
        case oneSample(value: Double, file: String, line: Int)
    }

    private var storage: Storage

    /// Holds `runs`.
    public init(_ runs: [BenchmarkRun]) {
        if runs.count == 1, runs[0].values.count == 1, runs[0].iterations == nil,
            let inline = Self.inline(value: runs[0].values[0], id: runs[0].id, source: runs[0].source)
        {
            storage = inline
        } else {
            storage = .runs(runs)
        }
    }

    /// Holds one run, named `id`, of one sample, `value`, read at `source`.
    public init(oneSample value: Double, id: String, source: SourceLocation) {
        storage =
            Self.inline(value: value, id: id, source: source)
            ?? .runs([BenchmarkRun(id: id, values: [value], source: source)])
    }

    /// The inline form of a one-sample run, or nil when it has none.
    private static func inline(value: Double, id: String, source: SourceLocation) -> Storage? {
        guard source.field == nil, id == source.file else { return nil }
        return .oneSample(value: value, file: id, line: source.packedLine)
    }

    /// The runs, in order (made for the call when the series is one sample).
    public var array: [BenchmarkRun] {
        switch storage {
        case .runs(let runs): runs
        case .oneSample(let value, let file, let line):
            [BenchmarkRun(id: file, values: [value], source: SourceLocation(displayedFile: file, packedLine: line))]
        }
    }

    /// The one sample, its run's name and where it was read, when it is held inline; else nil.
    public var oneSample: (value: Double, id: String, source: SourceLocation)? {
        guard case .oneSample(let value, let file, let line) = storage else { return nil }
        return (value, file, SourceLocation(displayedFile: file, packedLine: line))
    }

    /// The one sample, when it is held inline; else nil. Unlike `oneSample`, it copies no
    /// reference (the file's path is shared by every series of the file, and each copy would count
    /// it, from every thread that reads a series).
    public var oneSampleValue: Double? {
        guard case .oneSample(let value, _, _) = storage else { return nil }
        return value
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

    /// Whether some sample is zero (a count of zero, such as Go's `0 B/op`, has no logarithm).
    public var containsZero: Bool {
        switch storage {
        case .runs(let runs):
            for run in runs where run.values.contains(0) { return true }
            return false
        case .oneSample(let value, _, _):
            return value == 0
        }
    }
}
