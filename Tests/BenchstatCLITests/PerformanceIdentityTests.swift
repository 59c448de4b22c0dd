import Foundation
import Testing

/// Pins the bytes of the analysis of a mid-size generated suite (issue 6): performance work must not
/// change a single number. The suite in `Fixtures/perf-suite/` was written by
/// `Benchmarks/generate_suite.py` (300 benchmarks × 10 samples, one run per label, as Go text and
/// canonical JSON Lines; and 120 benchmarks × 10 samples in two runs per label), and the goldens in
/// `Golden/perf-suite-*` were recorded by the binary before any optimisation.
/// It extends `GoldenReportTests`, so `BENCHSTAT_RECORD=1 swift test --filter GoldenReportTests`
/// re-records these goldens too (and still fails, so re-recording is never silent).
extension GoldenReportTests {
    struct PerfCase: CustomTestStringConvertible, Sendable {
        let golden: String
        let arguments: [String]
        var testDescription: String { golden }
    }

    static let perfFixtures = "Tests/BenchstatCLITests/Fixtures/perf-suite"

    static let perfCases: [PerfCase] = {
        let fixtures = perfFixtures
        return [
            PerfCase(golden: "perf-suite-go.json", arguments: ["--format", "json", "\(fixtures)/go"]),
            PerfCase(golden: "perf-suite-go.text", arguments: ["--format", "text", "\(fixtures)/go"]),
            PerfCase(golden: "perf-suite-jsonl.json", arguments: ["--format", "json", "\(fixtures)/jsonl"]),
            PerfCase(
                golden: "perf-suite-jsonl-mann-whitney.json",
                arguments: ["--format", "json", "--test", "mann-whitney", "\(fixtures)/jsonl"]),
            PerfCase(golden: "perf-suite-runs.json", arguments: ["--format", "json", "\(fixtures)/runs"]),
            PerfCase(golden: "perf-suite-runs.text", arguments: ["--format", "text", "\(fixtures)/runs"]),
        ]
    }()

    @Test(arguments: perfCases)
    func perfSuiteIsByteIdentical(_ testCase: PerfCase) throws {
        let run = try Binary.run(["analyze"] + testCase.arguments)
        #expect(run.exitCode == 0 || run.exitCode == 1, "\(run.standardError)")
        #expect(run.standardError.isEmpty, "\(run.standardError)")
        try GoldenReportTests.compare(run.standardOutput, toGolden: testCase.golden)
    }
}
