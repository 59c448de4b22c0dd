import BenchmarkIngest
import BenchmarkModel
import Foundation
import Testing

@Suite("Google Benchmark JSON")
struct GoogleBenchmarkTests {
    @Test func realRepetitions() throws {
        let path = "\(Fixtures.peers)/gbench/base/gbench_reps.json"
        let (label, warnings) = try loadSingle(path)
        let times = label.series.filter { $0.unit.baseUnit == "s" }
        #expect(
            times.map(\.benchmark.name)
                == [
                    "BM_Sort/1024/1", "BM_Sort/8192/7", "BM_Hash/256", "BM_Hash/4096", "BM_WordSplit",
                ].filter { name in times.contains { $0.benchmark.name == name } })
        #expect(Set(times.map(\.benchmark.name)).count == 5)
        for series in times {
            #expect(series.sampleCount == 5, "\(series.benchmark)")
            #expect(series.runs.count == 1)
            #expect(series.mode == .walltime)
        }
        let hashRate = try #require(label.series("BM_Hash/256", "B/s"))
        #expect(hashRate.unit.direction == .higherIsBetter)
        #expect(hashRate.sampleCount == 5)
        #expect(label.series("BM_Hash/256", "items/s") != nil)
        let word = try #require(label.series("BM_WordSplit", "s"))
        #expect(word.unit.written == "us")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        let rows = ((json as? [String: Any])?["benchmarks"] as? [[String: Any]]) ?? []
        let firstWord = try #require(rows.first { ($0["name"] as? String) == "BM_WordSplit" })
        let expected = try #require(firstWord["real_time"] as? Double) * 1e-6
        #expect(abs((word.allValues.first ?? 0) - expected) <= 1e-15 * expected)
        #expect(warnings.contains { $0.message.contains("aggregate rows") })
        #expect(warnings.contains { $0.message.contains("words") })
        #expect(label.files.first?.value(for: "host_name") == "vm")
    }

    /// Aggregate rows are said once per analysis, naming how many files had them.
    @Test func aggregateRowsAreOneWarningForAllFiles() throws {
        let base = "\(Fixtures.peers)/gbench/base/gbench_reps.json"
        let dataset = try DatasetLoader.load(paths: ["\(Fixtures.peers)/gbench/base", "\(Fixtures.peers)/gbench/head"])
        let aggregates = dataset.warnings.filter { $0.message.contains("aggregate rows") }
        #expect(aggregates.count == 1)
        #expect(aggregates.first?.location.file == base)
        #expect(
            aggregates.first?.message.hasPrefix("skipped 40 aggregate rows (mean, median, stddev, cv) in 2 files")
                == true)
        let single = try DatasetLoader.load(paths: [base])
        #expect(
            single.warnings.filter { $0.message.contains("aggregate rows") }.map(\.message) == [
                "skipped 20 aggregate rows (mean, median, stddev, cv); the per-repetition rows are the samples"
            ])
    }

    /// User counters that cannot be loaded are said once per analysis too, naming how many files
    /// had them (the real files of base and head both count `words`).
    @Test func skippedUserCountersAreOneWarningForAllFiles() throws {
        let base = "\(Fixtures.peers)/gbench/base/gbench_reps.json"
        let dataset = try DatasetLoader.load(paths: ["\(Fixtures.peers)/gbench/base", "\(Fixtures.peers)/gbench/head"])
        let counters = dataset.warnings.filter { $0.message.hasPrefix("user counters not loaded") }
        #expect(counters.count == 1)
        #expect(counters.first?.location.file == base)
        #expect(counters.first?.message.contains("(in 4 files: this one and 3 more): words") == true)
        let single = try DatasetLoader.load(paths: [base])
        #expect(
            single.warnings.filter { $0.message.hasPrefix("user counters") }.map(\.message) == [
                "user counters not loaded (their unit is not in the JSON): words"
            ])
    }

    @Test func cpuTimeOption() throws {
        let path = "\(Fixtures.peers)/gbench/base/gbench_single.json"
        let real = try loadSingle(path).0
        let cpu = try loadSingle(path, options: LoadOptions(googleBenchmarkTime: .cpuTime)).0
        #expect(real.series.count == cpu.series.count)
        #expect(real.series.first?.allValues != cpu.series.first?.allValues)
    }

    static func row(_ body: String) -> String {
        """
        {
          "context": {"host_name": "h"},
          "benchmarks": [
            {"name": "BM_A", "run_type": "iteration", "iterations": 10, "real_time": 5, "cpu_time": 5, "time_unit": "ns"},
            \(body)
          ]
        }
        """
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "real_time is a string",
            content: row(#"{"name": "BM_B", "run_type": "iteration", "real_time": "5", "time_unit": "ns"}"#),
            kind: .wrongType, line: 5, fragment: "benchmarks[1].real_time\": expected a number", fileName: "g.json"),
        BadInput(
            name: "missing real_time", content: row(#"{"name": "BM_B", "run_type": "iteration", "time_unit": "ns"}"#),
            kind: .missingField, line: 5, fragment: "benchmarks[1].real_time", fileName: "g.json"),
        BadInput(
            name: "negative time",
            content: row(#"{"name": "BM_B", "run_type": "iteration", "real_time": -5, "time_unit": "ns"}"#),
            kind: .valueOutOfRange, line: 5, fragment: "value must be > 0", fileName: "g.json"),
        BadInput(
            name: "zero time",
            content: row(#"{"name": "BM_B", "run_type": "iteration", "real_time": 0, "time_unit": "ms"}"#),
            kind: .valueOutOfRange, line: 5, fragment: "value must be > 0", fileName: "g.json"),
        BadInput(
            name: "NaN time",
            content: row(#"{"name": "BM_B", "run_type": "iteration", "real_time": NaN, "time_unit": "ns"}"#),
            kind: .nonFiniteValue, line: 5, fragment: "finite", fileName: "g.json"),
        BadInput(
            name: "bad time unit",
            content: row(#"{"name": "BM_B", "run_type": "iteration", "real_time": 1, "time_unit": "parsecs"}"#),
            kind: .wrongType, line: 5, fragment: "expected ns, us, ms or s", fileName: "g.json"),
        BadInput(
            name: "truncated", content: String(row("{\"name\": \"BM_B\"}").dropLast(8)), kind: .malformedLine,
            line: 5, fragment: "invalid JSON", fileName: "g.json"),
        BadInput(
            name: "only aggregates",
            content:
                #"{"context": {}, "benchmarks": [{"name": "BM_A_mean", "run_type": "aggregate", "real_time": 1}]}"#,
            kind: .noResults, line: nil, fragment: "no per-repetition rows", fileName: "g.json"),
    ]

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }
}
