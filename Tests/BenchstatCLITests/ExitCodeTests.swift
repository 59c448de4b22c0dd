import BenchstatTestSupport
import Foundation
import Testing

/// The exit-code contract of DESIGN.md: 0 pass, 1 fail, 2 usage or input error.
@Suite struct ExitCodeTests {
    @Test func versionAndHelpExitZero() throws {
        let version = try Binary.run(["--version"])
        #expect(version.exitCode == 0)
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try Binary.run(["analyze", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.standardOutput.contains("--threshold-instrumentation"))
    }

    @Test(arguments: [
        ["analyze"],
        ["analyze", "--bogus", "x"],
        ["analyze", "--alpha", "2", "x"],
        ["analyze", "--format", "yaml", "x"],
        ["analyze", "--test", "ks", "x"],
        ["no-such-command"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let run = try Binary.run(arguments)
        #expect(run.exitCode == 2, "\(arguments): \(run.standardError)")
        #expect(!run.standardError.isEmpty)
    }

    /// Raw samples whose variance overflows a double (values near 10²⁰⁰) cannot be summarised by
    /// Mann–Whitney's side summary, which reads the raw moments to check them: exit 2 naming the
    /// benchmark, as before its centre came from the median interval. (Welch works on the logs.)
    @Test func overflowingRawVarianceIsAnInputErrorForMannWhitney() throws {
        let dir = try TemporaryDirectory()
        for (label, values) in [("base", [1e200, 3e200, 2e200]), ("head", [1.1e200, 3.1e200, 2.1e200])] {
            try dir.writeFile(
                "\(label)/\(label).jsonl", values.map { TemporaryDirectory.jsonl("b", unit: "ns", [$0]) }.joined())
        }
        let run = try Binary.run(["analyze", dir.path, "--test", "mann-whitney"])
        #expect(run.exitCode == 2, "\(run.standardOutput)")
        #expect(run.standardError.contains("benchmark \"b\": statistics failed: numerical failure"))
        let welch = try Binary.run(["analyze", dir.path])
        #expect(welch.exitCode == 0, "\(welch.standardError)")
    }

    @Test func missingPathIsAnInputError() throws {
        let run = try Binary.run(["analyze", "/nonexistent/benchstat-runs"])
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("/nonexistent/benchstat-runs"))
    }

    @Test func passFailAndStrict() throws {
        let dir = try TemporaryDirectory()
        let base = (0..<10).map { 1000 + Double($0 % 5) }
        // "slow" is 20% slower: a regression. "same" does not change. "vague" has two noisy samples.
        try dir.write(
            "runs/base/r.jsonl",
            TemporaryDirectory.jsonl("slow", unit: "ns", base) + TemporaryDirectory.jsonl("same", unit: "ns", base)
                + TemporaryDirectory.jsonl("vague", unit: "ns", [1000, 1300]))
        try dir.write(
            "runs/head/r.jsonl",
            TemporaryDirectory.jsonl("slow", unit: "ns", base.map { $0 * 1.2 })
                + TemporaryDirectory.jsonl("same", unit: "ns", base)
                + TemporaryDirectory.jsonl("vague", unit: "ns", [1100, 1500]))
        let fail = try Binary.run(["analyze", dir.url.appendingPathComponent("runs").path])
        #expect(fail.exitCode == 1, "\(fail.standardOutput)\(fail.standardError)")
        #expect(fail.standardOutput.contains("regression"))

        try dir.write("pass/base/r.jsonl", TemporaryDirectory.jsonl("same", unit: "ns", base))
        try dir.write("pass/head/r.jsonl", TemporaryDirectory.jsonl("same", unit: "ns", base.reversed()))
        let pass = try Binary.run(["analyze", dir.url.appendingPathComponent("pass").path])
        #expect(pass.exitCode == 0, "\(pass.standardOutput)\(pass.standardError)")

        try dir.write(
            "strict/base/r.jsonl",
            TemporaryDirectory.jsonl("same", unit: "ns", base)
                + TemporaryDirectory.jsonl("vague", unit: "ns", [1000, 1300]))
        try dir.write(
            "strict/head/r.jsonl",
            TemporaryDirectory.jsonl("same", unit: "ns", base)
                + TemporaryDirectory.jsonl("vague", unit: "ns", [1100, 1500]))
        let lenient = try Binary.run(["analyze", dir.url.appendingPathComponent("strict").path])
        #expect(lenient.exitCode == 0, "\(lenient.standardOutput)")
        let strict = try Binary.run(["analyze", "--strict", dir.url.appendingPathComponent("strict").path])
        #expect(strict.exitCode == 1, "\(strict.standardOutput)")
    }

    @Test func plotDrawsOneSketchPerComparedRowAndOnlyWhenAsked() throws {
        let plain = try Binary.run(["analyze", "Tests/BenchstatCLITests/Fixtures/mixed"])
        #expect(!plain.standardOutput.contains("base |"))
        let plotted = try Binary.run(["analyze", "--plot", "Tests/BenchstatCLITests/Fixtures/mixed"])
        #expect(plotted.exitCode == plain.exitCode)
        // Four benchmarks are on both sides; the two missing ones get no sketch.
        #expect(plotted.standardOutput.components(separatedBy: "    base |").count - 1 == 4)
        #expect(plotted.standardError.isEmpty, "no status line when standard error is not a terminal")
    }

    @Test func failedRunLeavesNoOutputFile() throws {
        let dir = try TemporaryDirectory()
        let output = dir.url.appendingPathComponent("report.json")
        let run = try Binary.run(["analyze", "--output", output.path, "/nonexistent/benchstat-runs"])
        #expect(run.exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
