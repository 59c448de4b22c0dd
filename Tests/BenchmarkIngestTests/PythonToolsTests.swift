import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@Suite("pytest-benchmark JSON")
struct PytestBenchmarkTests {
    @Test func realFileWithData() throws {
        let (label, warnings) = try loadSingle(
            "\(Fixtures.peers)/pytest_benchmark/base/pytest_benchmark_with_data.json")
        #expect(warnings.isEmpty)
        #expect(
            label.series.map(\.benchmark.name) == [
                "test_bench.py::test_sort", "test_bench.py::test_sha256[16]", "test_bench.py::test_sha256[256]",
                "test_bench.py::test_word_count",
            ])
        #expect(label.series.map(\.sampleCount) == [27, 906, 399, 32])
        #expect(label.series[1].benchmark.parameters == [KeyValue("kib", "16")])
        #expect(label.series[0].allValues.first == 0.0017012969999541383)
        #expect(label.files.first?.format == InputFormat.pytestBenchmarkJSON.rawValue)
    }

    @Test func statsOnlyIsAnErrorThatSaysWhy() throws {
        let path = "\(Fixtures.peers)/pytest_benchmark/base/pytest_benchmark_stats_only.json"
        let error = inputError { () throws(InputError) in _ = try DatasetLoader.load(paths: [path]) }
        #expect(error?.kind == .noResults)
        #expect(error?.description.contains("--benchmark-save-data") == true)
    }

    static func doc(_ data: String) -> String {
        """
        {"machine_info": {"node": "vm"},
         "benchmarks": [
          {"name": "t", "fullname": "f.py::t",
           "stats": {"rounds": 2, "mean": 1, "data": [\(data)]}}
         ]}
        """
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "string sample", content: doc(#"0.1, "x""#), kind: .wrongType, line: 4,
            fragment: "benchmarks[0].stats.data[1]\": expected a number", fileName: "p.json"),
        BadInput(
            name: "negative", content: doc("-0.1"), kind: .valueOutOfRange, line: 4, fragment: "value must be > 0",
            fileName: "p.json"),
        BadInput(
            name: "zero", content: doc("0"), kind: .valueOutOfRange, line: 4, fragment: "value must be > 0",
            fileName: "p.json"),
        BadInput(
            name: "NaN", content: doc("NaN"), kind: .nonFiniteValue, line: 4, fragment: "finite", fileName: "p.json"),
        BadInput(
            name: "missing stats", content: #"{"machine_info": {}, "benchmarks": [{"name": "t"}]}"#,
            kind: .missingField, line: 1, fragment: "benchmarks[0].stats", fileName: "p.json"),
        BadInput(
            name: "truncated", content: String(doc("0.1").prefix(60)), kind: .malformedLine, line: 3,
            fragment: "invalid JSON", fileName: "p.json"),
    ]

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }
}

@Suite("pyperf JSON")
struct PyperfTests {
    @Test func realFile() throws {
        let path = "\(Fixtures.peers)/pyperf/base/pyperf.json"
        let (label, warnings) = try loadSingle(path)
        #expect(warnings.isEmpty)
        #expect(label.series.map(\.benchmark.name) == ["sort", "sha256", "word_count"])
        for series in label.series {
            #expect(series.runs.count == 3, "calibration run (warmups only) skipped")
            #expect(series.runs.map(\.values.count) == [5, 5, 5])
            #expect(series.runs.first?.id == "\(path)#1")
            #expect(series.unit.baseUnit == "s")
        }
        #expect(label.series[0].allValues.first == 0.001713097718749168)
    }

    @Test func timeitNameFromCommonMetadata() throws {
        let (label, _) = try loadSingle("\(Fixtures.peers)/pyperf/base/pyperf_timeit.json")
        #expect(label.series.map(\.benchmark.name) == ["join"])
        #expect(label.files.first?.value(for: "name") == "join")
    }

    static func doc(_ values: String, name: String = #""name": "b""#) -> String {
        """
        {"version": "1.0", "metadata": {"unit": "second"},
         "benchmarks": [{"metadata": {\(name)},
           "runs": [{"warmups": [[1, 0.5]], "values": [\(values)]}]}]}
        """
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "string value", content: doc(#"0.1, "x""#), kind: .wrongType, line: 3,
            fragment: "benchmarks[0].runs[0].values[1]\": expected a number", fileName: "pp.json"),
        BadInput(
            name: "missing name", content: doc("0.1", name: ""), kind: .missingField, line: 2,
            fragment: "benchmarks[0].metadata.name", fileName: "pp.json"),
        BadInput(
            name: "negative", content: doc("-1"), kind: .valueOutOfRange, line: 3, fragment: "value must be > 0",
            fileName: "pp.json"),
        BadInput(
            name: "zero", content: doc("0"), kind: .valueOutOfRange, line: 3, fragment: "value must be > 0",
            fileName: "pp.json"),
        BadInput(
            name: "Infinity", content: doc("Infinity"), kind: .nonFiniteValue, line: 3, fragment: "finite",
            fileName: "pp.json"),
        BadInput(
            name: "only warmups", content: doc(""), kind: .noResults, line: nil, fragment: "only warmups",
            fileName: "pp.json"),
    ]

    @Test func gzipIsRefusedWithAHint() throws {
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile("pyperf.json.gz", Data([0x1F, 0x8B, 0x08, 0x00, 0x41]))
            let error = inputError { () throws(InputError) in _ = try DatasetLoader.load(paths: [path]) }
            #expect(error?.kind == .unknownFormat)
            #expect(error?.description.hasPrefix("\(path): the file is gzip-compressed") == true)
        }
    }

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }
}
