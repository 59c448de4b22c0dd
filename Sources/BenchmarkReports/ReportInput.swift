import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// What a renderer receives: the analysis result and how to present it.
public struct ReportInput: Sendable {
    /// The analysis.
    public let result: AnalysisResult
    /// Whether the text report may use ANSI colours (the CLI decides: a TTY and no `NO_COLOR`).
    public let colour: Bool
    /// Whether the text report draws a distribution sketch under each compared row (`--plot`).
    public let plot: Bool
    /// Whether the tables show only regressions and improvements (`--only-changed`), with a line
    /// saying how many rows were hidden; the gate, the summary and the machine formats (JSON,
    /// JUnit, GitHub annotations) are unchanged.
    public let onlyChanged: Bool

    /// Creates a report input.
    public init(result: AnalysisResult, colour: Bool = false, plot: Bool = false, onlyChanged: Bool = false) {
        self.result = result
        self.colour = colour
        self.plot = plot
        self.onlyChanged = onlyChanged
    }
}
