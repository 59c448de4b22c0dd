import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@testable import BenchmarkReports

/// The gate line and the HTML card name the unit the table and the plot's axis show, not the base
/// unit (`s`) or the unit the input was written in (`ns`).
@Suite struct DisplayUnitTests {
    /// One regression of ~`nanoseconds` ns per sample, written in ns.
    static func result(nanoseconds: Double, unit: String = "ns") throws -> AnalysisResult {
        func series(_ scale: Double) -> BenchmarkSeries {
            DatasetBuilder.series(
                "slow", unit: unit, mode: .walltime,
                runs: [(0..<10).map { nanoseconds * (1 + Double($0 % 3) / 100) * scale }], runIDs: ["r"],
                source: SourceLocation(file: "f"))
        }
        let dataset = Dataset(
            labels: [
                DatasetBuilder.label("base", [series(1)], files: []),
                DatasetBuilder.label("head", [series(1.3)], files: []),
            ], warnings: [])
        return try Analyzer.analyze(dataset: dataset)
    }

    @Test(arguments: [(250_000.0, "µs"), (2_500_000.0, "ms"), (250.0, "ns"), (3e9, "s")])
    func gateLineUsesTheTableUnit(nanoseconds: Double, expected: String) throws {
        let result = try Self.result(nanoseconds: nanoseconds)
        let text = ReportFormat.text.render(ReportInput(result: result))
        #expect(text.hasPrefix("walltime · \(expected) "))
        #expect(text.contains("gate: FAIL — 1 regression(s): slow (\(expected))"), "\(text)")
        for format in [ReportFormat.markdown, .json, .github, .html] {
            #expect(format.render(ReportInput(result: result)).contains("slow (\(expected))"), "\(format)")
        }
    }

    @Test func htmlCardNamesTheAxisUnit() throws {
        let result = try Self.result(nanoseconds: 250_000)
        let html = ReportFormat.html.render(ReportInput(result: result))
        #expect(html.contains("· walltime, µs</p>"))
        #expect(!html.contains("walltime, ns"))
        #expect(html.contains(">µs, log scale</text>"))
    }

    @Test func countsNameTheirScaledUnit() throws {
        let result = try Self.result(nanoseconds: 2e6, unit: "instructions")
        let text = ReportFormat.text.render(ReportInput(result: result))
        #expect(text.contains("slow (M instructions)"), "\(text)")
    }
}
