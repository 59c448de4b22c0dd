import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@Suite("Bencher Metric Format JSON")
struct BencherMetricFormatTests {
    static let directory = "\(Fixtures.peers)/bmf"

    @Test func fileFromLibtestRun() throws {
        let path = "\(Self.directory)/base/run1.json"
        #expect(try InputFormatDetector.detect(path: path) == .bencherMetricFormat)
        let (label, warnings) = try loadSingle(path)
        #expect(warnings.isEmpty)
        #expect(label.series.map(\.benchmark.name) == ["tests::copy_4k", "tests::fib_10", "tests::fib_20"])
        let fib = try #require(label.series("tests::fib_20", "s"))
        #expect(fib.allValues == [157_478.66 * 1e-9])
        #expect(fib.runs.first?.source.line == 18)
        #expect(fib.unit.written == "ns")
    }

    @Test func measuresAreSeriesWithTheirUnits() throws {
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile(
                "m.json",
                #"{"parse": {"latency": {"value": 88.0}, "throughput": {"value": 5.5}, "heap": {"value": 3}}}"#)
            let (label, warnings) = try loadSingle(path)
            #expect(label.series("parse", "s")?.allValues == [88 * 1e-9])
            #expect(label.series("parse", "ops/s")?.unit.direction == .higherIsBetter)
            #expect(label.series("parse", "heap")?.allValues == [3])
            #expect(warnings.map(\.message).contains { $0.contains("unit \"heap\" is not a known unit") })
        }
    }

    static func doc(_ value: String) -> String {
        "{\n  \"parse\": {\n    \"latency\": {\n      \"value\": \(value)\n    }\n  }\n}\n"
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "value a string", content: doc("\"12\""), kind: .wrongType, line: 4, fragment: "expected a number",
            fileName: "b.json"),
        BadInput(
            name: "NaN", content: doc("NaN"), kind: .nonFiniteValue, line: 4, fragment: "finite", fileName: "b.json"),
        BadInput(
            name: "negative", content: doc("-1"), kind: .valueOutOfRange, line: 4, fragment: "value must be > 0",
            fileName: "b.json"),
        BadInput(
            name: "huge", content: doc("1e400"), kind: .nonFiniteValue, line: 4, fragment: "finite", fileName: "b.json"),
        BadInput(
            name: "truncated", content: String(doc("1").prefix(40)), kind: .malformedLine, line: 4,
            fragment: "invalid JSON", fileName: "b.json"),
        BadInput(
            name: "metric without value",
            content: #"{"parse": {"latency": {"value": 1}}, "other": {"latency": {"lower_value": 1}}}"#,
            kind: .missingField, line: 1, fragment: "field \"other.latency.value\"", fileName: "b.json"),
    ]

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }
}
