import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@Suite("github-action-benchmark history")
struct GitHubActionBenchmarkTests {
    static let directory = "\(Fixtures.peers)/gab"

    @Test(arguments: ["data.js", "benchmark-data.json"])
    func historyFileIsOneRunPerEntry(_ file: String) throws {
        let path = "\(Self.directory)/\(file)"
        #expect(try InputFormatDetector.detect(path: path) == .githubActionBenchmark)
        #expect(DatasetLoader.isHistoryFile(path))
        let history = try DatasetLoader.loadHistoryFile(path: path)
        #expect(history.warnings.isEmpty)
        #expect(
            history.labels.map(\.label) == [
                "Rust Benchmark@f2c217c6a9a1", "Rust Benchmark@d7ef49bfc3dc", "Rust Benchmark@fb61066817d1",
            ])
        let first = try #require(history.labels.first)
        #expect(first.series.map(\.benchmark.name) == ["tests::fib_10", "tests::fib_20"])
        #expect(first.series("tests::fib_20", "s")?.allValues == [157_478.66 * 1e-9])
        #expect(history.labels.map { $0.series.count } == [2, 2, 2])
    }

    @Test func asAnInputItIsOneLabelWithARunPerEntry() throws {
        let (label, _) = try loadSingle("\(Self.directory)/data.js")
        let fib = try #require(label.series("tests::fib_10", "s"))
        #expect(fib.runs.count == 3)
        #expect(fib.runs.first?.source.line == 30)
    }

    @Test func biggerIsBetterToolsTurnTheUnitAround() throws {
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile(
                "data.js",
                """
                window.BENCHMARK_DATA = {"lastUpdate": 1, "repoUrl": "", "entries": {"S": [
                  {"commit": {"id": "abc"}, "date": 1, "tool": "customBiggerIsBetter",
                   "benches": [{"name": "load", "value": "31", "unit": "Percent"}]}]}};
                """)
            let history = try DatasetLoader.loadHistoryFile(path: path)
            let series = try #require(history.labels.first?.series.first)
            #expect(series.unit.direction == .higherIsBetter)
            #expect(series.allValues == [31])
        }
    }

    @Test func sqliteStoreIsNotAHistoryFile() throws {
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile("h.db", "SQLite format 3\u{0}rest")
            #expect(!DatasetLoader.isHistoryFile(path))
        }
    }

    static func doc(_ value: String) -> String {
        """
        window.BENCHMARK_DATA = {
          "lastUpdate": 1,
          "entries": {
            "S": [
              {"commit": {"id": "abc"}, "date": 1, "tool": "cargo",
               "benches": [{"name": "parse", "value": \(value), "unit": "ns/iter"}]}
            ]
          }
        }
        """
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "NaN", content: doc("NaN"), kind: .nonFiniteValue, line: 6, fragment: "finite", fileName: "d.js"),
        BadInput(
            name: "negative", content: doc("-3"), kind: .valueOutOfRange, line: 6, fragment: "value must be > 0",
            fileName: "d.js"),
        BadInput(
            name: "huge", content: doc("1e400"), kind: .nonFiniteValue, line: 6, fragment: "finite", fileName: "d.js"),
        BadInput(
            name: "value not numeric", content: doc("\"fast\""), kind: .wrongType, line: 6,
            fragment: "benches[0].value\": expected a number", fileName: "d.js"),
        BadInput(
            name: "truncated", content: String(doc("1").prefix(90)), kind: .malformedLine, line: 5,
            fragment: "invalid JSON", fileName: "d.js"),
        BadInput(
            name: "not the action's data", content: "window.BENCHMARK_DATA = {\"x\": 1}\n", kind: .unknownFormat,
            line: 1, fragment: "not github-action-benchmark data", fileName: "d.js"),
        BadInput(
            name: "no commit id", content: doc("1").replacingOccurrences(of: "\"id\": \"abc\"", with: "\"sha\": 1"),
            kind: .missingField, line: 5, fragment: "commit.id", fileName: "d.js"),
    ]

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }
}
