import BenchstatTestSupport
import Foundation
import Testing

/// The GitHub Action's shell logic (`scripts/github-action.sh`) run locally with the built binary and
/// fake `GITHUB_STEP_SUMMARY` / `GITHUB_OUTPUT` files; `action.yml` wires it up; completions and
/// `--version` for `make install`.
@Suite struct GitHubActionTests {
    struct ActionRun {
        let exitCode: Int32
        let annotations: String
        let standardError: String
        let outputs: [String: String]
        let summary: String
    }

    static func runAction(paths: String, args: String = "", html: String? = nil, binary: String? = nil) throws
        -> ActionRun
    {
        let directory = try TemporaryDirectory()
        let summary = directory.url.appendingPathComponent("step-summary.md")
        let outputs = directory.url.appendingPathComponent("github-output.txt")
        try Data().write(to: summary)
        try Data().write(to: outputs)
        var environment = ProcessInfo.processInfo.environment
        environment["BENCHSTAT"] = binary ?? Binary.productsDirectory.appendingPathComponent("benchstat").path
        environment["BENCHSTAT_PATHS"] = paths
        environment["BENCHSTAT_ARGS"] = args
        environment["BENCHSTAT_HTML"] = html
        environment["RUNNER_TEMP"] = directory.url.path
        environment["GITHUB_STEP_SUMMARY"] = summary.path
        environment["GITHUB_OUTPUT"] = outputs.path
        environment["NO_COLOR"] = "1"
        let run = try Binary.runProcess(
            URL(fileURLWithPath: "/bin/bash"),
            arguments: [Binary.repository.appendingPathComponent("scripts/github-action.sh").path],
            environment: environment)
        var values: [String: String] = [:]
        for line in try String(contentsOf: outputs, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        if let json = values["json"] {
            // The JSON report lives in RUNNER_TEMP, which goes away with `directory`: check it here.
            #expect(FileManager.default.fileExists(atPath: json), "no JSON report at \(json)")
        }
        return ActionRun(
            exitCode: run.exitCode, annotations: run.standardOutput, standardError: run.standardError,
            outputs: values, summary: try String(contentsOf: summary, encoding: .utf8))
    }

    @Test func failingGateFailsTheStepWithOutputsSummaryAndAnnotations() throws {
        let run = try Self.runAction(paths: "Tests/BenchstatCLITests/Fixtures/mixed")
        #expect(run.exitCode == 1, "\(run.standardError)")
        #expect(run.outputs["verdict"] == "fail")
        #expect(run.outputs["regressions"] == "2")
        #expect(run.outputs["improvements"] == "0")
        #expect(run.outputs["inconclusive"] == "0")
        #expect(run.outputs["noise"] == "2")
        #expect(run.outputs["missing"] == "2")
        #expect(run.outputs["exit-code"] == "1")
        let geomean = try #require(run.outputs["geomean-percent"].flatMap(Double.init))
        #expect(abs(geomean - 4.1024) < 1e-3)
        #expect(run.summary.hasPrefix("### ❌ benchstat: gate failed (2 regressions)"))
        // The summary is written once, not once per benchstat invocation.
        #expect(run.summary.components(separatedBy: "benchstat: gate failed").count == 2)
        let errors = run.annotations.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(errors.count == 2)
        #expect(run.annotations.contains("::notice title=benchstat gate fail::"))
    }

    @Test func passingGatePassesTheStep() throws {
        let directory = try TemporaryDirectory()
        let html = directory.url.appendingPathComponent("report.html").path
        let run = try Self.runAction(
            paths: "Tests/BenchstatCLITests/Fixtures/mixed", args: "--threshold 50", html: html)
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.outputs["verdict"] == "pass")
        #expect(run.outputs["regressions"] == "0")
        #expect(run.outputs["noise"] == "4")
        #expect(run.outputs["exit-code"] == "0")
        #expect(run.outputs["html"] == html)
        #expect(run.summary.hasPrefix("### ✅ benchstat: no regressions"))
        #expect(!run.annotations.contains("::error"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func strictFlagPassesThrough() throws {
        // The seed case: one value per side, every comparison inconclusive; --strict fails on them.
        let plain = try Self.runAction(paths: "Data/seed-ruff-20863")
        let strict = try Self.runAction(paths: "Data/seed-ruff-20863", args: "--strict")
        #expect(plain.exitCode == 0, "\(plain.standardError)")
        #expect(plain.outputs["inconclusive"] == "20")
        #expect(strict.exitCode == 1, "\(strict.standardError)")
        #expect(strict.outputs["verdict"] == "fail")
    }

    @Test func brokenInputIsAnErrorNotAVerdict() throws {
        let run = try Self.runAction(paths: "/nonexistent/benchstat-runs")
        #expect(run.exitCode == 2)
        #expect(run.outputs["verdict"] == "error")
        #expect(run.outputs["exit-code"] == "2")
        #expect(run.annotations.hasPrefix("::error title=benchstat could not run::"))
        #expect(run.annotations.contains("/nonexistent/benchstat-runs"))
        #expect(run.summary.contains("benchstat could not run"))
    }

    @Test func noPathsIsAnError() throws {
        let run = try Self.runAction(paths: "")
        #expect(run.exitCode == 2)
        #expect(run.outputs["verdict"] == "error")
    }

    /// action.yml runs the script and maps every output the script writes.
    @Test func actionRunsTheScriptAndMapsItsOutputs() throws {
        let action = try String(
            contentsOf: Binary.repository.appendingPathComponent("action.yml"), encoding: .utf8)
        #expect(action.contains("using: composite"))
        #expect(action.contains("$GITHUB_ACTION_PATH/scripts/github-action.sh"))
        #expect(action.contains("libgsl-dev"))
        let run = try Self.runAction(paths: "Tests/BenchstatCLITests/Fixtures/mixed")
        for name in run.outputs.keys {
            #expect(action.contains("value: ${{ steps.analyze.outputs.\(name) }}"), "output \(name) not mapped")
        }
    }

    /// The action analyses once: one `benchstat analyze` writes the annotations, the JSON report, the
    /// HTML report and the step summary; each equals the report of a run of its own.
    @Test func analysesOnce() throws {
        let directory = try TemporaryDirectory()
        let log = directory.url.appendingPathComponent("invocations").path
        let real = Binary.productsDirectory.appendingPathComponent("benchstat").path
        let wrapper = try directory.write(
            "benchstat", "#!/bin/sh\necho \"$*\" >> '\(log)'\nexec '\(real)' \"$@\"\n")
        #expect(chmod(wrapper.path, 0o755) == 0)
        let html = directory.url.appendingPathComponent("report.html").path
        let run = try Self.runAction(
            paths: "Tests/BenchstatCLITests/Fixtures/mixed", html: html, binary: wrapper.path)
        #expect(run.exitCode == 1, "\(run.standardError)")
        let invocations = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(invocations.count == 1, "\(invocations)")
        let fixture = ["analyze", "Tests/BenchstatCLITests/Fixtures/mixed"]
        #expect(run.annotations == (try Binary.run(fixture + ["--format", "github"])).standardOutput)
        #expect(
            try String(contentsOfFile: html, encoding: .utf8)
                == (try Binary.run(fixture + ["--format", "html"])).standardOutput)
        #expect(run.summary == (try Binary.run(fixture + ["--format", "markdown"])).standardOutput)
        #expect(run.outputs["regressions"] == "2")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        let run = try Binary.run(["--generate-completion-script", shell])
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("analyze"))
        #expect(run.standardOutput.contains("history"))
    }

    @Test func version() throws {
        let run = try Binary.run(["--version"])
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}
