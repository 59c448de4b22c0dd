import BenchmarkModel

/// Something an analysis wants the user to know that does not stop it. Reports render it once.
public enum AnalysisWarning: Sendable, Hashable {
    /// A warning from loading the input (a skipped file, an unknown unit, …).
    case input(InputWarning)
    /// `count` benchmarks were left out by the configuration's `ignore` rules.
    case ignoredByConfiguration(count: Int)
    /// The labels look like runs of one label (each one file of the same benchmarks, none named
    /// `base` or `head`): probably one label's directory was given instead of `runs/`.
    case labelsLookLikeRuns(labels: [String])
}

/// An environment key whose values differ between base and head (for example Go's `cpu:`).
public struct EnvironmentDifference: Sendable, Hashable {
    /// The metadata key.
    public let key: String
    /// The base label and its values, sorted.
    public let baseLabel: String
    public let baseValues: [String]
    /// The head label and its values, sorted.
    public let headLabel: String
    public let headValues: [String]

    /// Creates a difference.
    public init(key: String, baseLabel: String, baseValues: [String], headLabel: String, headValues: [String]) {
        self.key = key
        self.baseLabel = baseLabel
        self.baseValues = baseValues
        self.headLabel = headLabel
        self.headValues = headValues
    }
}
