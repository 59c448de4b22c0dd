import BenchstatTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Golden-file tests: every output format on every golden dataset, produced by the real binary.
/// `BENCHSTAT_RECORD=1` rewrites the goldens and still fails, so re-recording is never silent.
@Suite struct GoldenReportTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        var testDescription: String { name }
    }

    /// Datasets: a real A/B with regressions (real `go test` output), real measurements with no change
    /// (the A/A walltime set), the synthetic mixed set (missing/added/exact), and the seed case.
    static let datasets: [Case] = [
        Case(
            name: "go-peer",
            arguments: [
                "Tests/BenchmarkIngestTests/Fixtures/peers/go/base",
                "Tests/BenchmarkIngestTests/Fixtures/peers/go/head",
            ]
        ),
        Case(name: "aa-walltime", arguments: ["Data/aa-walltime"]),
        Case(name: "mixed", arguments: ["Tests/BenchstatCLITests/Fixtures/mixed"]),
        Case(name: "seed", arguments: ["Data/seed-ruff-20863"]),
    ]
    static let formats = ["text", "markdown", "json", "csv", "junit", "github"]

    static var golden: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    @Test(arguments: datasets, formats)
    func matchesGolden(dataset: Case, format: String) throws {
        let run = try Binary.run(["analyze", "--format", format] + dataset.arguments)
        #expect(run.exitCode == 0 || run.exitCode == 1, "\(run.standardError)")
        // Only warnings on standard error, and only where the report itself does not list them.
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.allSatisfy { $0.contains(": warning: ") || $0.hasPrefix("warning: ") }, "\(run.standardError)")
        if format == "text" { #expect(run.standardError.isEmpty) }
        try Self.compare(run.standardOutput, toGolden: "\(dataset.name).\(format)")
    }

    /// Compares `output` with the golden file `name`, or rewrites it (and records an issue) when
    /// `BENCHSTAT_RECORD=1`, so that re-recording never passes silently.
    static func compare(_ output: String, toGolden name: String) throws {
        let file = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BENCHSTAT_RECORD"] == "1" {
            try Data(output.utf8).write(to: file)
            Issue.record("recorded \(name); unset BENCHSTAT_RECORD and run again")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(output == expected, "\(name) differs from the golden file")
    }

    @Test(arguments: datasets)
    func jsonAndJUnitParse(dataset: Case) throws {
        let json = try Binary.run(["analyze", "--format", "json"] + dataset.arguments)
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))
        let root = try #require(object as? [String: Any])
        #expect(root["schemaVersion"] as? Int == 1)
        let gate = try #require(root["gate"] as? [String: Any])
        #expect((gate["verdict"] as? String) == (json.exitCode == 0 ? "pass" : "fail"))
        let junit = try Binary.run(["analyze", "--format", "junit"] + dataset.arguments)
        let document = try XMLDocument(data: Data(junit.standardOutput.utf8))
        let cases = try document.nodes(forXPath: "//testcase")
        let comparisons = try #require(root["comparisons"] as? [[String: Any]])
        #expect(cases.count == comparisons.count)
        let failures = try document.nodes(forXPath: "//testcase/failure")
        #expect(failures.count == comparisons.filter { $0["verdict"] as? String == "regression" }.count)
    }

    /// Every warning reaches standard error once in the formats that are not the text report on
    /// standard output (a skipped file, an unknown unit must leave a trace in a CI log).
    @Test(arguments: ["csv", "junit", "github", "json", "markdown"])
    func warningsGoToStandardError(format: String) throws {
        let run = try Binary.run(["analyze", "--format", format, "Data/aa-walltime"])
        #expect(
            run.standardError
                == "Data/aa-walltime/ground-truth.json: warning: skipped: a file beside label directories "
                + "(labels are the sub-directories here)\n")
        let output = try TemporaryDirectory()
        let report = output.url.appendingPathComponent("report.txt").path
        let text = try Binary.run(["analyze", "--output", report, "Data/aa-walltime"])
        #expect(text.standardError.contains("ground-truth.json: warning: skipped"))
    }
}
