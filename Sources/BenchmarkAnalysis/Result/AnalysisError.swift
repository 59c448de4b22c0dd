import BenchmarkModel
import Statistics

/// A failure of the analysis: input that passed loading but cannot be compared, or a statistic that
/// could not be computed. Each case carries what it concerns; `description` is the one sentence the
/// command line prints.
public enum AnalysisError: Error, Sendable, CustomStringConvertible {
    /// Fewer than two labels to compare; `found` lists the ones there are.
    case tooFewLabels(found: [String])
    /// `--base` or `--head` names a label that does not exist.
    case unknownLabel(String, available: [String])
    /// `--base` and `--head` name the same label.
    case sameLabelAsBaseAndHead(String)
    /// A benchmark measured in disjoint sets of units in base and head; `location` is where head's
    /// first sample of it was read.
    case incompatibleUnits(
        benchmark: String, baseLabel: String, baseUnits: [String], headLabel: String, headUnits: [String],
        location: SourceLocation?)
    /// A value with no logarithm (≤ 0, or not finite) in a series compared on the log scale.
    case notOnLogScale(benchmark: String, value: Double, location: SourceLocation)
    /// A statistic failed for `subject` (a benchmark name, or a whole-analysis step).
    case statistics(StatisticsError, subject: String)

    public var description: String {
        switch self {
        case .tooFewLabels(let found):
            "need at least two labels to compare, found \(found.count)"
                + (found.isEmpty ? "" : " (\(found.joined(separator: ", ")))")
        case .unknownLabel(let label, let available):
            "no label \"\(label)\"; labels are: \(available.joined(separator: ", "))"
        case .sameLabelAsBaseAndHead(let label):
            "--head and --base name the same label \"\(label)\""
        case .incompatibleUnits(let benchmark, let baseLabel, let baseUnits, let headLabel, let headUnits, let location):
            (location.map { "\($0): " } ?? "") + "benchmark \"\(benchmark)\": is measured in "
                + "\(baseUnits.joined(separator: ", ")) in \"\(baseLabel)\" but in "
                + "\(headUnits.joined(separator: ", ")) in \"\(headLabel)\"; units must match to compare"
        case .notOnLogScale(let benchmark, let value, let location):
            "\(location): benchmark \"\(benchmark)\": value \(value) cannot be compared on a log scale "
                + "(it must be finite and > 0)"
        case .statistics(let error, let subject):
            "benchmark \"\(subject)\": statistics failed: \(error)"
        }
    }
}
