import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@Suite("bencher text (libtest, criterion --output-format bencher)")
struct BencherTextTests {
    static let directory = "\(Fixtures.peers)/bencher"

    @Test func realLibtestOutput() throws {
        let path = "\(Self.directory)/libtest/base/run1.txt"
        #expect(try InputFormatDetector.detect(path: path) == .bencherText)
        let (label, warnings) = try loadSingle(path)
        #expect(warnings.isEmpty)
        #expect(
            label.series.map(\.benchmark.name) == [
                "tests::copy_4k", "tests::copy_4k", "tests::fib_10", "tests::fib_20",
            ])
        let fib = try #require(label.series("tests::fib_20", "s"))
        #expect(fib.allValues == [157_478.66 * 1e-9])
        #expect(fib.unit.written == "ns/iter")
        #expect(fib.runs.first?.source.line == 5)
        let copy = try #require(label.series("tests::copy_4k", "B/s"))
        #expect(copy.allValues == [12_082e6])
        #expect(copy.unit.direction == .higherIsBetter)
        #expect(label.series("tests::copy_4k", "s")?.allValues == [339.65 * 1e-9])
    }

    @Test func realCriterionOutputSkipsItsWarnings() throws {
        let (label, warnings) = try loadSingle("\(Self.directory)/criterion/base/run1.txt")
        #expect(warnings.isEmpty)
        #expect(label.series.map(\.benchmark.name) == ["fib 15", "fib/n=10", "fib/n=20"])
        #expect(label.series("fib 15", "s")?.allValues == [4867 * 1e-9])
        #expect(label.series("fib/n=20", "s")?.runs.first?.source.line == 11)
    }

    @Test func baseAgainstHeadComparesEveryBenchmark() throws {
        let dataset = try DatasetLoader.load(paths: [
            "\(Self.directory)/libtest/base", "\(Self.directory)/libtest/head",
        ])
        let base = try #require(dataset.labels.first)
        #expect(base.series("tests::fib_10", "s")?.runs.count == 2)
        #expect(dataset.labels.last?.series.count == 4)
    }

    static func line(_ number: String) -> String {
        "running 1 test\ntest parse ... bench:   \(number) ns/iter (+/- 3)\n\ntest result: ok.\n"
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "number missing", content: line(""), kind: .malformedLine, line: 2, fragment: "expected a number",
            fileName: "b.txt"),
        BadInput(
            name: "NaN", content: line("NaN"), kind: .nonFiniteValue, line: 2, fragment: "finite", fileName: "b.txt"),
        BadInput(
            name: "negative", content: line("-4"), kind: .valueOutOfRange, line: 2, fragment: "value must be > 0",
            fileName: "b.txt"),
        BadInput(
            name: "huge", content: line("1e400"), kind: .nonFiniteValue, line: 2, fragment: "finite",
            fileName: "b.txt"),
        BadInput(
            name: "truncated after the number", content: "test parse ... bench:   1,234", kind: .malformedLine,
            line: 1, fragment: "expected a unit", fileName: "b.txt"),
        BadInput(
            name: "no name", content: "test  ... bench: 3 ns/iter (+/- 1)\n", kind: .malformedLine, line: 1,
            fragment: "without a benchmark name", fileName: "b.txt"),
    ]

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }
}
