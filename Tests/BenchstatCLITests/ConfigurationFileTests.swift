import BenchstatTestSupport
import Foundation
import Testing

@testable import BenchstatCLI

/// `--config benchstat.toml`: thresholds, glob rules, ignore, defaults, and errors that name the file.
@Suite struct ConfigurationFileTests {
    static func runs(_ dir: TemporaryDirectory) throws -> String {
        let base = (0..<10).map { 1000 + Double($0 % 5) }
        try dir.write(
            "runs/base/r.jsonl",
            TemporaryDirectory.jsonl("linter/a", unit: "ns", base)
                + TemporaryDirectory.jsonl("flaky/b", unit: "ns", base))
        try dir.write(
            "runs/head/r.jsonl",
            TemporaryDirectory.jsonl("linter/a", unit: "ns", base.map { $0 * 1.1 })
                + TemporaryDirectory.jsonl("flaky/b", unit: "ns", base.map { $0 * 1.3 }))
        return dir.url.appendingPathComponent("runs").path
    }

    @Test func globRulesRaiseThresholdsAndIgnore() throws {
        let dir = try TemporaryDirectory()
        let runs = try Self.runs(dir)
        #expect(try Binary.run(["analyze", runs]).exitCode == 1)
        let config = try dir.write(
            "benchstat.toml",
            """
            [thresholds]
            walltime = 5

            [[benchmark]]
            match = "linter/*"
            threshold = 15

            [[benchmark]]
            match = "flaky/*"
            ignore = true
            """)
        let run = try Binary.run(["analyze", "--config", config.path, "--format", "json", runs])
        #expect(run.exitCode == 0, "\(run.standardOutput)\(run.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let comparisons = try #require(root["comparisons"] as? [[String: Any]])
        #expect(comparisons.count == 1)
        #expect(comparisons.first?["thresholdPercent"] as? Double == 15)
        #expect(comparisons.first?["verdict"] as? String == "noise")
        // A per-benchmark rule is more specific than a mode threshold given as a flag.
        let flag = try Binary.run(["analyze", "--config", config.path, "--threshold-walltime", "1", runs])
        #expect(flag.exitCode == 0, "the glob rule wins over the mode threshold: \(flag.standardOutput)")
        // Without the rules, the flag beats the file's mode threshold.
        let plain = try dir.write("plain.toml", "[thresholds]\nwalltime = 50\n")
        #expect(try Binary.run(["analyze", "--config", plain.path, runs]).exitCode == 0)
        #expect(try Binary.run(["analyze", "--config", plain.path, "--threshold", "5", runs]).exitCode == 1)
    }

    @Test(arguments: [
        ("[defaults]\nalpah = 0.1\n", "unknown key \"alpah\""),
        ("[defaults]\nalpha = 2\n", "defaults.alpha must lie in (0, 1)"),
        ("[thresholds]\nwalltime = -1\n", "thresholds.walltime must be a percentage"),
        ("[[benchmark]]\nthreshold = 2\n", "needs match"),
        ("[defaults]\ntest = \"ks\"\n", "defaults.test must be"),
        ("[defaults\n", ":1:"),
    ])
    func badConfigurationIsAnInputError(text: String, fragment: String) throws {
        let dir = try TemporaryDirectory()
        let runs = try Self.runs(dir)
        let config = try dir.write("bad.toml", text)
        let run = try Binary.run(["analyze", "--config", config.path, runs])
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains(config.path), "\(run.standardError)")
        #expect(run.standardError.contains(fragment), "\(run.standardError)")
    }

    @Test func defaultsSectionSetsTestAndStrict() throws {
        let dir = try TemporaryDirectory()
        try dir.write("v/base.jsonl", TemporaryDirectory.jsonl("vague", unit: "ns", [1000, 1300]))
        try dir.write("v/head.jsonl", TemporaryDirectory.jsonl("vague", unit: "ns", [1100, 1500]))
        let config = try dir.write("c.toml", "[defaults]\nstrict = true\ntest = \"mann-whitney\"\n")
        let run = try Binary.run([
            "analyze", "--config", config.path, "--format", "json", dir.url.appendingPathComponent("v").path,
        ])
        #expect(run.exitCode == 1)
        #expect(run.standardOutput.contains("\"test\":\"mann-whitney\""))
    }

    /// The error is a value: the file, the key and the problem, not only a sentence.
    @Test func errorsCarryTheFileTheKeyAndTheProblem() throws {
        let dir = try TemporaryDirectory()
        let bad = try dir.write("bad.toml", "[defaults]\nalpha = 2\n")
        do {
            _ = try ConfigurationFile.load(bad.path)
            Issue.record("alpha = 2 was accepted")
        } catch {
            #expect(error.path == bad.path)
            #expect(error.key == "defaults.alpha")
            #expect(error.problem == .invalidValue(expected: "must lie in (0, 1), got 2.0"))
        }
        let unknown = try dir.write("unknown.toml", "[defaults]\nalpah = 0.1\n")
        do {
            _ = try ConfigurationFile.load(unknown.path)
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.key == "alpah")
            guard case .unknownKey("alpah", "[defaults]", let allowed) = error.problem else {
                Issue.record("\(error)")
                return
            }
            #expect(allowed.contains("alpha"))
        }
        let broken = try dir.write("broken.toml", "x = 1\n[defaults\n")
        do {
            _ = try ConfigurationFile.load(broken.path)
            Issue.record("broken TOML was accepted")
        } catch {
            #expect(error.line == 2)
        }
    }
}
