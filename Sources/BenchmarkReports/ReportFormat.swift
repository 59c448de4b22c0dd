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

    /// `render(_:)` handed to `chunks`: the HTML page and the text table piece by piece as they are
    /// built (never held whole), every other format rendered whole (`renderUTF8`) and handed over
    /// as one piece.
    public func render(_ result: ReportInput, into chunks: inout ReportChunks) {
        switch self {
        case .html: HTMLReport.render(result, into: &chunks)
        case .text: TextReport.render(result, into: &chunks)
        default: chunks.append(contentsOf: renderUTF8(result))
        }
    }

    /// `render(_:)` as UTF-8 bytes. The text, markdown and JSON reports are built as bytes and
    /// handed over as they are (a 20,000-row report is several megabytes: no second copy as a
    /// `String`); the others are encoded from their text.
    public func renderUTF8(_ result: ReportInput) -> [UInt8] {
        switch self {
        case .text: TextReport.renderUTF8(result)
        case .markdown: MarkdownReport.renderUTF8(result)
        case .json: JSONReport.renderUTF8(result)
        case .csv, .junit, .github, .html: Array(render(result).utf8)
        }
    }
}
