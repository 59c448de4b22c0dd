import BenchstatTestSupport
import Foundation
import Testing

/// `analyze`'s issue-15 options, end to end: several reports from one analysis (`--output
/// FORMAT=FILE`), `--format` given twice, `./benchstat.toml` found automatically, `--only-changed`,
/// `--color` and the help text.
@Suite struct AnalyzeOptionsTests {
    static let mixed = Binary.repository.appendingPathComponent("Tests/BenchstatCLITests/Fixtures/mixed").path
    static let formats = ["text", "markdown", "json", "csv", "junit", "github", "html"]

    // MARK: Several outputs

    /// One run writes every format to its file; each file is byte-identical to that format's report
    /// from a run of its own, and standard output holds the `--format` report.
    @Test(arguments: ["text", "json", "github"])
    func everyOutputEqualsItsSingleFormatReport(primary: String) throws {
        let dir = try TemporaryDirectory()
        let others = Self.formats.filter { $0 != primary }
        let outputs = others.flatMap { ["--output", "\($0)=\(dir.path)/report.\($0)"] }
        let run = try Binary.run(["analyze", Self.mixed, "--format", primary] + outputs)
        #expect(run.exitCode == 1, "\(run.standardError)")
        let alone = try Binary.run(["analyze", Self.mixed, "--format", primary])
        #expect(run.standardOutput == alone.standardOutput)
        #expect(!run.standardOutput.isEmpty)
        for format in others {
            let single = try Binary.run(["analyze", Self.mixed, "--format", format])
            #expect(single.exitCode == 1)
            let file = try String(contentsOfFile: "\(dir.path)/report.\(format)", encoding: .utf8)
            #expect(file == single.standardOutput, "\(format) differs from its single-format report")
        }
        // Nothing else is left in the directory (no temporary files).
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == others.map { "report.\($0)" }.sorted())
    }

    /// `--format F --output FILE` keeps its meaning, and mixes with `FORMAT=FILE` outputs.
    @Test func plainOutputTakesTheFormatReport() throws {
        let dir = try TemporaryDirectory()
        let run = try Binary.run([
            "analyze", Self.mixed, "--format", "json", "--output", "\(dir.path)/r.json", "--output",
            "junit=\(dir.path)/j.xml",
        ])
        #expect(run.exitCode == 1, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        let json = try Binary.run(["analyze", Self.mixed, "--format", "json"])
        let junit = try Binary.run(["analyze", Self.mixed, "--format", "junit"])
        #expect(try String(contentsOfFile: "\(dir.path)/r.json", encoding: .utf8) == json.standardOutput)
        #expect(try String(contentsOfFile: "\(dir.path)/j.xml", encoding: .utf8) == junit.standardOutput)
    }

    /// Two outputs that are one file, in any spelling, are refused before anything is read or written.
    @Test(arguments: [
        ["--output", "json=out", "--output", "html=out"],
        ["--output", "json=out", "--output", "html=./out"],
        ["--output", "json=out", "--output", "html=sub/../out"],
        ["--format", "csv", "--output", "out", "--output", "junit=out"],
        ["--output", "json=existing", "--output", "html=link-to-existing"],
        ["--output", "json=existing", "--output", "csv=hard-link"],
        ["--output", "markdown=out", "--output", "markdown=out"],
    ])
    func twoOutputsNamingOneFileAreRefused(arguments: [String]) throws {
        let dir = try TemporaryDirectory()
        try dir.write("existing", "keep me\n")
        try FileManager.default.createDirectory(
            at: dir.url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        #expect(symlink("existing", dir.url.appendingPathComponent("link-to-existing").path) == 0)
        #expect(
            link(dir.url.appendingPathComponent("existing").path, dir.url.appendingPathComponent("hard-link").path)
                == 0)
        let run = try Binary.run(["analyze", Self.mixed] + arguments, in: dir.url)
        #expect(run.exitCode == 2, "\(run.standardError)")
        #expect(run.standardError.contains("name the same file"), "\(run.standardError)")
        #expect(run.standardError.hasSuffix("(nothing was read or written)\n"))
        #expect(run.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("out").path))
        #expect(try String(contentsOf: dir.url.appendingPathComponent("existing"), encoding: .utf8) == "keep me\n")
    }

    /// A `FORMAT=FILE` output that is standard output's own file, while a report also goes there.
    @Test func outputThatIsStandardOutputIsRefused() throws {
        let run = try Binary.run(["analyze", Self.mixed, "--output", "json=/dev/stdout"])
        #expect(run.exitCode == 2, "\(run.standardError)")
        #expect(run.standardError.contains("names standard output"), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        // Alone there, it is fine: the JSON report is what standard output receives.
        let alone = try Binary.run(["analyze", Self.mixed, "--format", "json", "--output", "/dev/stdout"])
        #expect(alone.exitCode == 1)
        #expect(alone.standardOutput.hasPrefix("{\"schemaVersion\":1"))
    }

    /// `/dev/null` takes any number of reports.
    @Test func characterDevicesTakeSeveralReports() throws {
        let run = try Binary.run([
            "analyze", Self.mixed, "--output", "json=/dev/null", "--output", "html=/dev/null", "--format", "csv",
        ])
        #expect(run.exitCode == 1, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("benchmark,head,"))
    }

    /// The input-safety rules hold for every `FORMAT=FILE` output.
    @Test func namedOutputThatIsAnInputIsRefused() throws {
        let dir = try TemporaryDirectory()
        try dir.write("runs/base/r.jsonl", TemporaryDirectory.jsonl("x", unit: "ns", [1, 2, 3]))
        try dir.write("runs/head/r.jsonl", TemporaryDirectory.jsonl("x", unit: "ns", [1, 2, 3]))
        let before = try String(contentsOf: dir.url.appendingPathComponent("runs/head/r.jsonl"), encoding: .utf8)
        let run = try Binary.run(
            ["analyze", "runs", "--output", "json=report.json", "--output", "html=./runs/head/r.jsonl"], in: dir.url)
        #expect(run.exitCode == 2)
        #expect(
            run.standardError.hasPrefix(
                "benchstat: ./runs/head/r.jsonl: --output names an input of label \"head\""), "\(run.standardError)")
        let after = try String(contentsOf: dir.url.appendingPathComponent("runs/head/r.jsonl"), encoding: .utf8)
        #expect(after == before)
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("report.json").path))
    }

    // MARK: --format given twice, bad --output

    @Test(arguments: [
        (["--format", "json", "--format", "junit"], "--format is given 2 times (json, junit)"),
        (["--format", "text", "--format", "text"], "--format is given 2 times (text, text)"),
        (["--output", "a.txt", "--output", "b.txt"], "--output is given 2 plain files (a.txt, b.txt)"),
        (["--output", "json="], "--output json=: give the file after \"json=\""),
    ])
    func ambiguousOutputsAreUsageErrors(arguments: [String], message: String) throws {
        let dir = try TemporaryDirectory()
        let run = try Binary.run(["analyze", Self.mixed] + arguments, in: dir.url)
        #expect(run.exitCode == 2)
        #expect(run.standardError.hasPrefix("benchstat: \(message)"), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// A word before `=` that is not a format is part of a plain file name.
    @Test func equalsSignInAPlainFileName() throws {
        let dir = try TemporaryDirectory()
        let run = try Binary.run(["analyze", Self.mixed, "--format", "csv", "--output", "run=1.csv"], in: dir.url)
        #expect(run.exitCode == 1, "\(run.standardError)")
        let text = try String(contentsOf: dir.url.appendingPathComponent("run=1.csv"), encoding: .utf8)
        #expect(text.hasPrefix("benchmark,head,"))
    }

    // MARK: ./benchstat.toml

    /// A workspace: the mixed fixture copied to runs/, and optionally a benchstat.toml.
    static func workspace(config: String?) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        for label in ["base", "head"] {
            try dir.write(
                "runs/\(label)/runs.jsonl",
                try Data(contentsOf: URL(fileURLWithPath: "\(mixed)/\(label)/runs.jsonl")))
        }
        if let config { try dir.write("benchstat.toml", config) }
        return dir
    }

    @Test func configurationInTheWorkingDirectoryIsUsedAndSaid() throws {
        // Thresholds of 50% make both regressions of the mixed set noise: the gate passes.
        let dir = try Self.workspace(config: "[thresholds]\ninstrumentation = 50\nwalltime = 50\n")
        let found = try Binary.run(["analyze", "runs"], in: dir.url)
        #expect(found.exitCode == 0, "\(found.standardOutput)")
        #expect(found.standardError == "benchstat: using ./benchstat.toml (--no-config to ignore it)\n")
        let ignored = try Binary.run(["analyze", "runs", "--no-config"], in: dir.url)
        #expect(ignored.exitCode == 1)
        #expect(ignored.standardError.isEmpty)
        // --config wins, and is not announced.
        try dir.write("other.toml", "[defaults]\nalpha = 0.05\n")
        let explicit = try Binary.run(["analyze", "runs", "--config", "other.toml"], in: dir.url)
        #expect(explicit.exitCode == 1)
        #expect(explicit.standardError.isEmpty)
        let both = try Binary.run(["analyze", "runs", "--config", "other.toml", "--no-config"], in: dir.url)
        #expect(both.exitCode == 2)
        #expect(both.standardError.contains("--no-config and --config other.toml contradict"))
    }

    @Test func withoutAConfigurationNothingIsSaid() throws {
        let dir = try Self.workspace(config: nil)
        let run = try Binary.run(["analyze", "runs"], in: dir.url)
        #expect(run.exitCode == 1)
        #expect(run.standardError.isEmpty)
    }

    @Test(arguments: [
        ("[defaults]\nalpha = 0.05\nbogus = 1\n", "benchstat.toml: unknown key \"bogus\" in [defaults]"),
        ("[defaults]\nalpha = 0.05\nalpha = = 2\n", "benchstat.toml:3:"),
        ("[thresholds]\nwalltime = -1\n", "benchstat.toml: thresholds.walltime must be a percentage ≥ 0"),
    ])
    func errorsInTheFoundConfigurationNameItsFileAndLine(config: String, message: String) throws {
        let dir = try Self.workspace(config: config)
        let run = try Binary.run(["analyze", "runs"], in: dir.url)
        #expect(run.exitCode == 2)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.first == "benchstat: using ./benchstat.toml (--no-config to ignore it)")
        #expect(lines.dropFirst().first?.hasPrefix("benchstat: \(message)") == true, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    /// The found configuration is a file the run reads: no report may replace it.
    @Test func foundConfigurationIsNeverAnOutput() throws {
        let dir = try Self.workspace(config: "[defaults]\nalpha = 0.05\n")
        let run = try Binary.run(["analyze", "runs", "--output", "json=./benchstat.toml"], in: dir.url)
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("--output names the --config file"), "\(run.standardError)")
        let text = try String(contentsOf: dir.url.appendingPathComponent("benchstat.toml"), encoding: .utf8)
        #expect(text == "[defaults]\nalpha = 0.05\n")
    }

    // MARK: --only-changed

    @Test func onlyChangedHidesUnchangedRowsAndKeepsTheGate() throws {
        let full = try Binary.run(["analyze", Self.mixed])
        let only = try Binary.run(["analyze", Self.mixed, "--only-changed"])
        #expect(only.exitCode == full.exitCode)
        #expect(only.exitCode == 1)
        // The two regressions are rows; the noise and missing rows are not.
        let rows = only.standardOutput.split(separator: "\n").filter { $0.hasSuffix("  regression") }
        #expect(rows.count == 2, "\(only.standardOutput)")
        for name in ["count/exact", "parse/small", "old/removed", "new/added"] {
            #expect(full.standardOutput.contains(name))
            #expect(!only.standardOutput.contains(name), "\(name)")
        }
        #expect(only.standardOutput.contains("\n4 rows hidden by --only-changed (2 noise, 2 missing)\n"))
        // The summary and the gate read the same.
        let tail = { (text: String) in text.split(separator: "\n").suffix(2) }
        #expect(tail(only.standardOutput) == tail(full.standardOutput))
    }

    @Test func onlyChangedInTheOtherTables() throws {
        func report(_ format: String, _ extra: [String] = []) throws -> String {
            try Binary.run(["analyze", Self.mixed, "--format", format] + extra).standardOutput
        }
        let markdown = try report("markdown", ["--only-changed"])
        #expect(!markdown.contains("<details><summary>All"))
        #expect(markdown.contains("#### Changed\n"))
        #expect(markdown.contains("_4 rows hidden by --only-changed (2 noise, 2 missing)_"))
        #expect(!markdown.contains("old/removed"))
        let html = try report("html", ["--only-changed"])
        #expect(html.contains("<h2>2 of 6 comparisons</h2>"))
        #expect(html.contains("4 rows hidden by --only-changed (2 noise, 2 missing)"))
        #expect(!html.contains("old/removed"))
        let csv = try report("csv", ["--only-changed"]).split(separator: "\r\n")
        #expect(csv.count == 3)
        #expect(csv.dropFirst().allSatisfy { $0.contains(",regression,") })
        // The machine formats are whole.
        for format in ["json", "junit", "github"] {
            #expect(try report(format, ["--only-changed"]) == report(format), "\(format)")
        }
    }

    // MARK: --color

    @Test func colourAlwaysMatchesGolden() throws {
        let run = try Binary.run(["analyze", Self.mixed, "--color", "always"])
        #expect(run.exitCode == 1)
        #expect(run.standardOutput.contains("\u{1B}[31m"))
        // Without the escapes, it is the plain report.
        let plain = try Binary.run(["analyze", Self.mixed])
        let stripped = run.standardOutput.replacingOccurrences(
            of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == plain.standardOutput)
        try GoldenReportTests.compare(run.standardOutput, toGolden: "mixed.color.text")
    }

    @Test func colourAlwaysColoursEachVerdictItsOwn() throws {
        let run = try Binary.run(["analyze", "Data/seed-ruff-20863", "--color", "always"])
        // Every inconclusive row yellow.
        let yellow = run.standardOutput.split(separator: "\n").filter { $0.hasPrefix("\u{1B}[33m") }
        #expect(yellow.count == 20)
        #expect(yellow.allSatisfy { $0.contains("  inconclusive") && $0.hasSuffix("\u{1B}[0m") })
    }

    @Test(arguments: [["--color", "never"], ["--color", "auto"], []])
    func noColourWhenNotAskedOrNotATerminal(arguments: [String]) throws {
        // Standard output is a pipe here: auto means none, even with NO_COLOR unset.
        let run = try Binary.run(["analyze", Self.mixed] + arguments, environment: ["NO_COLOR": "", "TERM": "xterm"])
        #expect(!run.standardOutput.contains("\u{1B}"))
    }

    @Test func filesAreNeverColoured() throws {
        let dir = try TemporaryDirectory()
        let run = try Binary.run([
            "analyze", Self.mixed, "--color", "always", "--output", "\(dir.path)/plain.txt", "--output",
            "text=\(dir.path)/named.txt",
        ])
        #expect(run.exitCode == 1)
        for name in ["plain.txt", "named.txt"] {
            let text = try String(contentsOfFile: "\(dir.path)/\(name)", encoding: .utf8)
            #expect(!text.contains("\u{1B}"))
            #expect(text.contains("gate: FAIL"))
        }
    }

    @Test func badColourIsAUsageError() throws {
        let run = try Binary.run(["analyze", Self.mixed, "--color", "sometimes"])
        #expect(run.exitCode == 2)
    }

    // MARK: --help

    @Test(arguments: [
        // The input formats.
        "canonical JSON Lines", "canonical CSV", "Go benchmark text", "Google Benchmark JSON",
        "hyperfine --export-json", "criterion.rs", "pytest-benchmark", "pyperf JSON", "callgrind", "cachegrind",
        // The four verdicts, defined.
        "regression    head is worse: significant (adjusted p < alpha) and at least T",
        "improvement   head is better, by the same rule",
        "noise         no change that matters: equivalence shown",
        "inconclusive  undecided: the interval crosses ±T",
        // Two examples and the README.
        "Examples:\n  benchstat analyze runs/ --history past/\n"
            + "  benchstat analyze runs/ --output markdown=comment.md --output junit=junit.xml\n",
        "See README.md",
        // The new flags.
        "--only-changed", "--color <color>", "--no-config", "FORMAT=FILE",
    ])
    func helpExplains(_ text: String) throws {
        let help = try Binary.run(["analyze", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.standardOutput.contains(text), "\(text)")
    }

    /// The help's own text fits 80 columns, so the parser never re-wraps the indented verdicts.
    @Test func helpLinesFitEightyColumns() throws {
        let help = try Binary.run(["analyze", "--help"], environment: ["COLUMNS": "80"])
        let discussion = help.standardOutput.components(separatedBy: "USAGE:").first ?? ""
        #expect(discussion.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(!discussion.isEmpty)
    }
}
