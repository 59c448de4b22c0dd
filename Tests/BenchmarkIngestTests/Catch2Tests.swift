import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@Suite("Catch2 XML")
struct Catch2Tests {
    static let base = "\(Fixtures.peers)/catch2/base"

    @Test func realReportIsOneSamplePerBenchmark() throws {
        let path = "\(Self.base)/run1.xml"
        #expect(try InputFormatDetector.detect(path: path) == .catch2XML)
        let (label, warnings) = try loadSingle(path)
        #expect(warnings.isEmpty)
        #expect(label.series.map(\.benchmark.name) == ["fib 20", "fib 25", "sort 1000 ints"])
        let fib = try #require(label.series("fib 20", "s"))
        #expect(fib.allValues == [12292.3 * 1e-9])
        #expect(fib.unit.written == "ns")
        #expect(fib.mode == .walltime)
        #expect(fib.runs.first?.source.line == 7)
        #expect(label.series("fib 25", "s")?.allValues == [170925 * 1e-9])
        #expect(label.files.first?.format == "catch2")
        #expect(label.files.first?.value(for: "testcase.filename") == "bench.cpp")
    }

    @Test func eachFileIsOneRun() throws {
        let dataset = try DatasetLoader.loadLabel(
            named: "base", inputs: (1...3).map { "\(Self.base)/run\($0).xml" })
        let series = try #require(dataset.labels.first?.series("sort 1000 ints", "s"))
        #expect(series.runs.count == 3)
        #expect(series.runs.allSatisfy { $0.values.count == 1 })
    }

    static func report(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Catch name="b">
          <Group name="b">
            <TestCase name="one" filename="b.cpp" line="3">
        \(body)
            </TestCase>
          </Group>
        </Catch>
        """
    }

    static func result(_ mean: String, name: String = "fast") -> String {
        """
              <BenchmarkResults name="\(name)" samples="20">
                <mean value="\(mean)" lowerBound="1" upperBound="2" ci="0.95"/>
              </BenchmarkResults>
        """
    }

    @Test func sameNameInTwoTestCasesIsQualified() throws {
        try withTemporaryDirectory { directory in
            let text = Self.report(Self.result("10")).replacingOccurrences(
                of: "    </TestCase>",
                with: "    </TestCase>\n    <TestCase name=\"two\">\n\(Self.result("20"))\n    </TestCase>")
            let path = try directory.writeFile("r.xml", text)
            let (label, _) = try loadSingle(path)
            #expect(label.series.map(\.benchmark.name) == ["one/fast", "two/fast"])
        }
    }

    @Test func failedBenchmarkIsSkippedWithWarning() throws {
        try withTemporaryDirectory { directory in
            let failed = """
                      <BenchmarkResults name="throws" samples="20">
                        <failed message="boom &amp; bust"/>
                      </BenchmarkResults>
                """
            let path = try directory.writeFile("r.xml", Self.report(Self.result("10") + "\n" + failed))
            let (label, warnings) = try loadSingle(path)
            #expect(label.series.map(\.benchmark.name) == ["fast"])
            #expect(warnings.map(\.message) == ["skipped benchmark \"throws\": it failed (boom & bust)"])
        }
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "truncated", content: String(report(result("10")).prefix(200)), kind: .malformedLine, line: 6,
            fragment: "is not closed", fileName: "c.xml"),
        BadInput(
            name: "NaN mean", content: report(result("nan")), kind: .nonFiniteValue, line: 6, fragment: "finite",
            fileName: "c.xml"),
        BadInput(
            name: "negative mean", content: report(result("-5")), kind: .valueOutOfRange, line: 6,
            fragment: "value must be > 0", fileName: "c.xml"),
        BadInput(
            name: "huge mean", content: report(result("1e400")), kind: .nonFiniteValue, line: 6, fragment: "finite",
            fileName: "c.xml"),
        BadInput(
            name: "mean not a number", content: report(result("fast")), kind: .wrongType, line: 6,
            fragment: "expected a number of nanoseconds", fileName: "c.xml"),
        BadInput(
            name: "no benchmarks", content: report(""), kind: .noResults, line: nil,
            fragment: "no <BenchmarkResults>", fileName: "c.xml"),
        BadInput(
            name: "mismatched tag", content: report(result("10")).replacingOccurrences(of: "</Group>", with: "</Grop>"),
            kind: .malformedLine, line: 9, fragment: "closes <Group>", fileName: "c.xml"),
        BadInput(
            name: "not Catch2", content: "<?xml version=\"1.0\"?>\n<testsuites/>\n", kind: .unknownFormat, line: 1,
            fragment: "XML that is not Catch2", fileName: "c.xml"),
    ]

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }
}
