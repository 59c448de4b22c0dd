import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// The output formats of `benchstat analyze --format`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// An aligned table like Go's benchstat, grouped by mode and unit, with footnotes.
    case text
    /// A pull-request comment: headline verdict, counts, changed benchmarks first, details folded.
    case markdown
    /// The machine contract of DESIGN.md (`schemaVersion` 1).
    case json
    /// One row per comparison, RFC 4180 quoting.
    case csv
    /// JUnit XML: one testcase per benchmark, regressions as failures.
    case junit
    /// GitHub Actions workflow commands (annotations); the CLI adds the markdown step summary.
    case github
    /// A self-contained HTML page: summary, strip plots (inline SVG) of changed or undecided
    /// benchmarks, and the verdict table.
    case html

    /// Renders `result` in this format.
    public func render(_ result: ReportInput) -> String {
        switch self {
        case .text: TextReport.render(result)
        case .markdown: MarkdownReport.render(result)
        case .json: JSONReport.render(result)
        case .csv: CSVReport.render(result)
        case .junit: JUnitReport.render(result)
        case .github: GitHubReport.render(result)
        case .html: HTMLReport.render(result)
        }
    }
}
