import BenchstatTestSupport
import Foundation
import Testing

@testable import BenchstatCLI

/// `benchstat measure`'s hyperfine-like options and output: the per-command summary (checked
/// against the samples it wrote), the ETA, `--prepare`, `-N/--no-shell`, and no empty directory left
/// behind by a failing command.
@Suite struct MeasureOptionsTests {
    /// The walltime values of `label` in `runs`, in nanoseconds.
    static func values(_ runs: URL, _ label: String) throws -> [Double] {
        try MeasureCommandTests.samples(runs, label: label).compactMap { ($0["value"] as? Int).map(Double.init) }
    }

    /// Mean, sample standard deviation (n − 1), minimum and maximum, computed here.
    struct Stats {
        let mean: Double
        let standardDeviation: Double
        let minimum: Double
        let maximum: Double
        init(_ values: [Double]) {
            mean = values.reduce(0, +) / Double(values.count)
            let squares = values.map { ($0 - values.reduce(0, +) / Double(values.count)) }.map { $0 * $0 }
            standardDeviation = (squares.reduce(0, +) / Double(values.count - 1)).squareRoot()
            minimum = values.min() ?? .nan
            maximum = values.max() ?? .nan
        }
    }

    /// The numbers of `line` (decimals), in order.
    static func numbers(_ line: Substring) -> [Double] {
        line.split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
    }

    /// The scale of the unit word after the first number of `line` (`ms` → 1e6).
    static func scale(_ line: Substring) throws -> Double {
        let units: [(String, Double)] = [(" ms", 1e6), (" µs", 1e3), (" ns", 1), (" s", 1e9)]
        return try #require(units.first { line.contains($0.0) }?.1, "no unit in \(line)")
    }

    @Test func summaryLinesAgreeWithTheRecordedSamples() throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("runs")
        // The head sleeps 0.1 s: slower than `true` even on a loaded CI runner (with 0.01 s, the
        // whole test suite running beside it, one run printed no "× slower" line).
        let run = try Binary.run([
            "measure", "--runs", "5", "--warmup", "0", "--name", "base", "--name", "head", "-o", runs.path,
            "/bin/true", "/bin/sleep 0.1",
        ])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let lines = run.standardError.split(separator: "\n")
        for (label, command) in [("base", "/bin/true"), ("head", "/bin/sleep 0.1")] {
            let values = try Self.values(runs, label)
            let stats = Stats(values)
            let start = try #require(lines.firstIndex { $0 == "\(label): \(command)" }, "\(run.standardError)")
            let time = lines[start + 1]
            let range = lines[start + 2]
            #expect(time.contains("Time (mean ± σ):") && time.contains("[5 runs]"))
            let scale = try Self.scale(time)
            let printed = Self.numbers(time)
            // Three decimals in the unit: within half a unit of the last place.
            #expect(abs(printed[0] - stats.mean / scale) <= 0.0005 + 1e-9, "\(time) vs \(stats.mean)")
            #expect(abs(printed[1] - stats.standardDeviation / scale) <= 0.0005 + 1e-9, "\(time)")
            let bounds = Self.numbers(range)
            #expect(abs(bounds[0] - stats.minimum / scale) <= 0.0005 + 1e-9, "\(range)")
            #expect(abs(bounds[1] - stats.maximum / scale) <= 0.0005 + 1e-9, "\(range)")
        }
        // The second command against the first: the ratio of the means and its delta-method σ.
        let base = Stats(try Self.values(runs, "base"))
        let head = Stats(try Self.values(runs, "head"))
        let ratio = head.mean / base.mean
        let relative = (head.standardDeviation / head.mean, base.standardDeviation / base.mean)
        let sigma = ratio * (relative.0 * relative.0 + relative.1 * relative.1).squareRoot()
        let speed = try #require(lines.first { $0.hasSuffix("× slower than base") }, "\(run.standardError)")
        let printed = Self.numbers(speed)
        #expect(abs(printed[0] - ratio) <= 0.005 + 1e-9, "\(speed) vs \(ratio)")
        #expect(abs(printed[1] - sigma) <= 0.005 + 1e-9, "\(speed) vs \(sigma)")
        #expect(!lines.contains { $0.contains("than head") }, "the first command is the reference")
    }

    @Test func aFasterCommandIsReportedByTheInverseRatio() throws {
        let speed = try #require(MeasureSummary.relativeSpeed([100, 110, 90], to: [200, 220, 180]))
        #expect(!speed.slower)
        #expect(abs(speed.ratio - 2) < 1e-12)
        // Both samples have a coefficient of variation of 0.1: σ = 2 · √(0.1² + 0.1²).
        #expect(abs((speed.standardDeviation ?? 0) - 2 * (0.02).squareRoot()) < 1e-12)
        let single = try #require(MeasureSummary.relativeSpeed([300], to: [100]))
        #expect(single.slower && single.ratio == 3 && single.standardDeviation == nil)
        let lines = MeasureSummary(commands: [
            .init(label: "A", command: "a", nanoseconds: [2_000_000, 2_000_000]),
            .init(label: "B", command: "b", nanoseconds: [1_000_000, 1_000_000]),
        ]).lines
        #expect(lines.last == "  2.00 ± 0.00× faster than A")
        #expect(lines.contains("  Time (mean ± σ):    1.000 ms ± 0.000 ms    [2 runs]"))
    }

    @Test(arguments: [
        (UInt64(10_000_000_000), 2, 5, "0:15"),
        (UInt64(1), 1, 1, "0:00"),
        (UInt64(3_600_000_000_000), 1, 3, "2:00:00"),
        (UInt64(61_500_000_000), 1, 2, "1:02"),
    ])
    func etaIsTheMeanStepTimeTimesTheStepsLeft(elapsed: UInt64, finished: Int, total: Int, expected: String) {
        #expect(MeasureProgress.estimate(elapsedNanoseconds: elapsed, finished: finished, total: total) == expected)
    }

    @Test func noEtaBeforeTheFirstStepIsDone() {
        #expect(MeasureProgress.estimate(elapsedNanoseconds: 5_000_000_000, finished: 0, total: 10) == nil)
    }

    @Test func prepareRunsBeforeEveryRunUntimed() throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("runs")
        let log = directory.url.appendingPathComponent("log").path
        let run = try Binary.run([
            "measure", "--runs", "3", "--warmup", "1", "-o", runs.path,
            "--prepare", "sleep 0.05; echo a >> \(log)", "--prepare", "sleep 0.05; echo b >> \(log)",
            "/bin/true", "/bin/true",
        ])
        #expect(run.exitCode == 0, "\(run.standardError)")
        // Before every run, warm-up included, each command's own --prepare, interleaved like the runs.
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text == String(repeating: "a\nb\n", count: 4))
        // The 50 ms of --prepare are not part of any sample.
        for label in ["A", "B"] {
            let values = try Self.values(runs, label)
            #expect(values.count == 3 && values.allSatisfy { $0 < 50_000_000 }, "\(values)")
        }
    }

    @Test func aFailingPrepareStopsTheMeasurementAndLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("out/runs")
        let run = try Binary.run([
            "measure", "-o", runs.path, "--prepare", "echo cache >&2; exit 4", "/bin/true", "/bin/true",
        ])
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("the --prepare command of A (echo cache >&2; exit 4) exited with status 4"))
        #expect(run.standardError.contains("cache"))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("out").path))
    }

    @Test func noShellRunsTheWordsDirectly() throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("runs")
        // Without a shell `""` is a two-character word, so `test -n ""` succeeds; `true` is found on PATH.
        let direct = try Binary.run(["measure", "-N", "--runs", "2", "-o", runs.path, "test -n \"\"", "true"])
        #expect(direct.exitCode == 0, "\(direct.standardError)")
        #expect(try Self.values(runs, "A").count == 2)
        // Through the shell the same line is `test -n` of an empty string: it fails.
        let shell = try Binary.run(["measure", "--runs", "2", "-o", runs.path, "--run-id", "s", "test -n \"\"", "true"])
        #expect(shell.exitCode == 2)
        #expect(shell.standardError.contains("exited with status 1"))
        let missing = try Binary.run([
            "measure", "--no-shell", "-o", runs.path, "--run-id", "m", "no-such-program-x", "true",
        ])
        #expect(missing.exitCode == 2)
        #expect(missing.standardError.contains("cannot start no-such-program-x"))
        let empty = try Binary.run(["measure", "-N", "-o", runs.path, "  ", "true"])
        #expect(empty.exitCode == 2)
        #expect(empty.standardError.contains("needs a program"))
    }

    @Test func aFailingCommandLeavesNoEmptyDirectory() throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("runs")
        _ = try directory.write("runs/X/keep.jsonl", "")
        // B fails in its first round: A has one sample, B none.
        let run = try Binary.run(["measure", "--warmup", "0", "-o", runs.path, "/bin/true", "sh -c 'exit 3'"])
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("exited with status 3"))
        let left = try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted()
        #expect(left == ["A", "X"], "B's empty directory is removed; runs/ and X existed before")
        #expect(try Self.values(runs, "A").count == 1)
    }
}
