import BenchmarkModel
import Statistics

/// A failure of the analysis: input that passed loading but cannot be compared, or a statistic that
/// could not be computed. Carries the benchmark it concerns.
public struct AnalysisError: Error, Sendable, CustomStringConvertible {
    /// The benchmark concerned, or nil for a whole-analysis problem.
    public let benchmark: String?
    /// Where the offending data came from, when known.
    public let location: SourceLocation?
    /// What is wrong, as a sentence.
    public let message: String

    /// Creates an error.
    public init(benchmark: String?, location: SourceLocation? = nil, message: String) {
        self.benchmark = benchmark
        self.location = location
        self.message = message
    }

    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        let subject = benchmark.map { "benchmark \"\($0)\": " } ?? ""
        return prefix + subject + message
    }

    /// Wraps a statistics failure for `benchmark`.
    static func statistics(_ error: StatisticsError, benchmark: String) -> AnalysisError {
        AnalysisError(benchmark: benchmark, message: "statistics failed: \(error)")
    }
}
