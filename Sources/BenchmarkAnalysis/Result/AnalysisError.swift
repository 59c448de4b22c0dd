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
    /// Base and a head label share no benchmark: nothing was compared. A few names of each side.
    case nothingCompared(baseLabel: String, baseNames: [String], headLabel: String, headNames: [String])
    /// `--filter` (with the `@(…)` orders of `--row`) left no benchmark on either side.
    case filterMatchedNothing(expression: String)
    /// A statistic failed for `subject` (a benchmark name, or a whole-analysis step).
    case statistics(StatisticsError, subject: String)

    /// `"a", "b", "c", …` (names quoted, at most the first five, each cut at 60 characters).
    static func list(_ names: [String]) -> String {
        guard !names.isEmpty else { return "no benchmark" }
        // A name can be any length; a message shows 60 characters of it.
        let shown = names.prefix(5).map { name in "\"" + (name.count > 60 ? name.prefix(59) + "…" : name) + "\"" }
        return shown.joined(separator: ", ") + (names.count > 5 ? ", …" : "")
    }

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
        case .nothingCompared(let baseLabel, let baseNames, let headLabel, let headNames):
            "\"\(baseLabel)\" and \"\(headLabel)\" share no benchmark, so nothing was compared; \(baseLabel) has "
                + Self.list(baseNames) + ", \(headLabel) has " + Self.list(headNames)
                + " (names must match exactly, e.g. hyperfine's command strings or --label-by)"
        case .filterMatchedNothing(let expression):
            "the filter \(expression) matches no benchmark, so nothing was compared"
        case .statistics(let error, let subject):
            "benchmark \"\(subject)\": statistics failed: \(error)"
        }
    }
}
