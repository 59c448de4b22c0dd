import BenchmarkModel

/// Everything one analysis concluded: the comparisons, the suite summary, the gate and the warnings.
/// Reports render this value and nothing else.
public struct AnalysisResult: Sendable {
    /// The baseline label.
    public let baseLabel: String
    /// The labels compared against it, in order.
    public let headLabels: [String]
    /// The options the analysis ran with.
    public let options: AnalysisOptions
    /// One comparison per benchmark, unit and head label, in a deterministic order: head label, mode,
    /// unit, then the order benchmarks were first seen.
    public let comparisons: [Comparison]
    /// The suite summary per head label.
    public let summaries: [SuiteSummary]
    /// The merge gate.
    public let gate: GateResult
    /// Warnings for the report: input warnings and analysis remarks.
    public let warnings: [AnalysisWarning]
    /// How many history runs were read, or nil without `--history`.
    public let historyRuns: Int?

    /// Creates a result.
    public init(
        baseLabel: String, headLabels: [String], options: AnalysisOptions, comparisons: [Comparison],
        summaries: [SuiteSummary], gate: GateResult, warnings: [AnalysisWarning], historyRuns: Int?
    ) {
        self.baseLabel = baseLabel
        self.headLabels = headLabels
        self.options = options
        self.comparisons = comparisons
        self.summaries = summaries
        self.gate = gate
        self.warnings = warnings
        self.historyRuns = historyRuns
    }
}

/// The suite-level view for one head label: the geometric mean of the ratios across benchmarks with
/// an interval, and how many benchmarks got each verdict.
public struct SuiteSummary: Sendable {
    /// The head label.
    public let headLabel: String
    /// The geometric mean change across compared benchmarks, in percent, with a t interval from the
    /// spread of their log ratios (benchmarks treated as a sample of the suite), or nil with none.
    public let geomean: RelativeChange?
    /// How many benchmarks entered the geometric mean.
    public let geomeanCount: Int
    /// Verdict counts, every verdict present (0 where none).
    public let counts: [Verdict: Int]
    /// Environment differences between base and head (for example a different `cpu:`).
    public let environmentDifferences: [EnvironmentDifference]

    /// Creates a summary.
    public init(
        headLabel: String, geomean: RelativeChange?, geomeanCount: Int, counts: [Verdict: Int],
        environmentDifferences: [EnvironmentDifference]
    ) {
        self.headLabel = headLabel
        self.geomean = geomean
        self.geomeanCount = geomeanCount
        self.counts = counts
        self.environmentDifferences = environmentDifferences
    }
}

/// The merge gate: fails on any regression, and with `--strict` on any inconclusive comparison.
public struct GateResult: Sendable, Equatable {
    /// Pass or fail.
    public enum Outcome: String, Sendable {
        case pass
        case fail
    }

    /// The outcome.
    public let verdict: Outcome
    /// Why: the regressions (and under `--strict` the inconclusive comparisons) that failed it, or
    /// why it passed.
    public let reasons: [GateReason]

    /// Creates a gate result.
    public init(verdict: Outcome, reasons: [GateReason]) {
        self.verdict = verdict
        self.reasons = reasons
    }
}
