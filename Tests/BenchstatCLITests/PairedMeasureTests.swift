import BenchstatTestSupport
import Foundation
import Testing

/// `benchstat measure` on two real commands, then `analyze --paired`.
@Suite struct PairedMeasureTests {
    static func loop(_ count: Int) -> String {
        "sh -c 'i=0; while [ $i -lt \(count) ]; do i=$((i+1)); done'"
    }

    @Test func measureThenAnalyzePaired() throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("runs")
        let measure = try Binary.run([
            "measure", "--runs", "12", "--name", "base", "--name", "head", "--benchmark", "loop", "-o", runs.path,
            Self.loop(2000), Self.loop(2200),
        ])
        #expect(measure.exitCode == 0, "\(measure.standardError)")
        let analysis = try Binary.run(["analyze", runs.path, "--paired", "--format", "json"])
        #expect(analysis.exitCode == 0 || analysis.exitCode == 1, "\(analysis.standardError)")
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(analysis.standardOutput.utf8)) as? [String: Any])
        let comparisons = try #require(root["comparisons"] as? [[String: Any]])
        #expect(comparisons.count == 1)
        let comparison = try #require(comparisons.first)
        #expect(comparison["test"] as? String == "paired-t-log")
        #expect(comparison["noise"] as? String == "within-run")
        let notes = try #require(comparison["notes"] as? [String])
        #expect(notes.contains { $0.hasPrefix("paired: 12 pairs by (run, iteration)") }, "\(notes)")
        // Without --paired the same files get the default test.
        let unpaired = try Binary.run(["analyze", runs.path, "--format", "json"])
        #expect(unpaired.standardOutput.contains("\"welch-log\""))
        #expect(!unpaired.standardOutput.contains("paired"))
    }
}
