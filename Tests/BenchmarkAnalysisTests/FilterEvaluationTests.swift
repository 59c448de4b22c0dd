import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Testing

/// `--filter` evaluated against series: Go's keys (`.name`, `.fullname`, `/param`, configuration,
/// `.unit`, `.file`) with Go's meanings, and the filter applied before pairing.
@Suite struct FilterEvaluationTests {
    static let goFile = FileMetadata(
        path: "base/go.txt", format: "go",
        entries: [KeyValue("goos", "linux"), KeyValue("goarch", "amd64"), KeyValue("pkg", "example.com/enc")])

    static func goFields(_ name: String, unit: String = "ns/op") -> BenchmarkFields {
        let parameters: [KeyValue] =
            name.contains("format=json")
            ? [KeyValue("format", "json"), KeyValue("gomaxprocs", "48")]
            : [KeyValue("format", "gob"), KeyValue("gomaxprocs", "48")]
        return BenchmarkFields(
            benchmark: BenchmarkIdentity(name: name, parameters: parameters), unit: MeasurementUnit.parse(unit),
            label: "old", file: goFile)
    }

    /// Go's documented fields of `BenchmarkEncode/format=json-48` (benchproc/syntax, "Keys").
    @Test func goFieldsFollowBenchfmt() {
        let fields = Self.goFields("BenchmarkEncode/format=json-48")
        #expect(fields.value(.name) == "Encode")
        #expect(fields.value(.fullName) == "Encode/format=json-48")
        #expect(fields.value(.parameter("format")) == "json")
        #expect(fields.value(.parameter("gomaxprocs")) == "48")
        #expect(fields.value(.configuration("goos")) == "linux")
        #expect(fields.value(.label) == "old")
        #expect(fields.value(.parameter("absent")) == nil)
        // A name without parts: .name drops the -N suffix.
        #expect(Self.goFields("BenchmarkWordCount-2").value(.name) == "WordCount")
    }

    /// A name qualified by its package (`go test ./...` of two packages): `.name` and `.fullname`
    /// drop the qualifier, `pkg` is the package of the name, not the file's last `pkg:` line.
    @Test func packageQualifiedGoName() {
        let file = FileMetadata(
            path: "go.txt", format: "go", entries: [KeyValue("pkg", "example.com/a"), KeyValue("pkg", "example.com/b")])
        let fields = BenchmarkFields(
            benchmark: BenchmarkIdentity(name: "example.com/a.BenchmarkParse-8"), unit: MeasurementUnit.parse("ns/op"),
            label: "base", file: file)
        #expect(fields.value(.name) == "Parse")
        #expect(fields.value(.fullName) == "Parse-8")
        #expect(fields.value(.configuration("pkg")) == "example.com/a")
    }

    /// Go's example filter (cmd/benchstat doc) and variants: which of the four series match.
    @Test(arguments: [
        ("/format:json goos:linux .unit:(ns/op OR B/op)", [true, false, true, false]),
        ("/format:json", [true, false, true, false]),
        ("-/format:json", [false, true, false, true]),
        (".unit:sec/op", [true, true, false, false]),
        (".unit:B/op OR /format:gob", [false, true, true, true]),
        (".name:Encode goos:darwin", [false, false, false, false]),
        (".fullname:/json/", [true, false, true, false]),
        (".fullname:Encode/format=j*", [true, false, true, false]),
        (".fullname:Encode", [false, false, false, false]),
        ("*", [true, true, true, true]),
        ("NOT (.unit:B/op OR /format:gob)", [true, false, false, false]),
        (".file:old", [true, true, true, true]),
        ("/absent:\"\"", [true, true, true, true]),
    ])
    func goExample(_ expression: String, _ expected: [Bool]) throws {
        let filter = try FilterParser.parse(expression)
        let series = [
            Self.goFields("BenchmarkEncode/format=json-48"), Self.goFields("BenchmarkEncode/format=gob-48"),
            Self.goFields("BenchmarkEncode/format=json-48", unit: "B/op"),
            Self.goFields("BenchmarkEncode/format=gob-48", unit: "B/op"),
        ]
        #expect(series.map(filter.matches) == expected)
    }

    /// Other tools' names: `.name` is the part before `/` (Google Benchmark, criterion) or `[`
    /// (pytest), a hyperfine command as a whole; parameters come from the loader.
    @Test(arguments: [
        ("BM_Sort/1024/threads:4", "google-benchmark", "BM_Sort"),
        ("sort/std/1000", "criterion", "sort"),
        ("tests/test_x.py::test_sort[100]", "pytest-benchmark", "tests/test_x.py::test_sort"),
        ("./bin/tool --fast", "hyperfine", "./bin/tool --fast"),
    ])
    func baseNameOfOtherFormats(_ name: String, _ format: String, _ base: String) {
        let fields = BenchmarkFields(
            benchmark: BenchmarkIdentity(name: name), unit: MeasurementUnit.parse("s"), label: "base",
            file: FileMetadata(path: "f", format: format, entries: []))
        #expect(fields.value(.name) == base)
        #expect(fields.value(.fullName) == name)
    }

    /// Applied before pairing: a filtered-out benchmark is not compared, counted or corrected for;
    /// a configuration key is read per run (two base files with different `cpu`).
    @Test func filterRunsBeforePairing() throws {
        let fast = FileMetadata(path: "base/fast.txt", format: "go", entries: [KeyValue("cpu", "fast")])
        let slow = FileMetadata(path: "base/slow.txt", format: "go", entries: [KeyValue("cpu", "slow")])
        let headFile = FileMetadata(path: "head/h.txt", format: "go", entries: [KeyValue("cpu", "fast")])
        func series(_ name: String, _ runs: [(String, [Double])]) -> BenchmarkSeries {
            BenchmarkSeries(
                benchmark: BenchmarkIdentity(name: name), unit: MeasurementUnit.parse("ns/op"), mode: .walltime,
                runs: runs.map { BenchmarkRun(id: $0.0, values: $0.1, source: SourceLocation(file: $0.0, line: 1)) })
        }
        let noisy = (0..<10).map { 100 + Double($0 % 3) }
        let dataset = Dataset(
            labels: [
                LabelData(
                    label: "base",
                    series: [
                        series("BenchmarkA", [("base/fast.txt", noisy), ("base/slow.txt", noisy.map { $0 * 3 })]),
                        series("BenchmarkB", [("base/fast.txt", noisy)]),
                    ], files: [fast, slow]),
                LabelData(
                    label: "head",
                    series: [
                        series("BenchmarkA", [("head/h.txt", noisy)]), series("BenchmarkB", [("head/h.txt", noisy)]),
                    ],
                    files: [headFile]),
            ], warnings: [])
        var options = AnalysisOptions()
        options.filter = try FilterParser.parse("cpu:fast .name:A")
        let result = try Analyzer.analyze(dataset: dataset, options: options)
        #expect(result.comparisons.map(\.benchmark.name) == ["BenchmarkA"])
        // Only the fast run is left in base: identical samples, no slow run tripling the centre.
        let only = try #require(result.comparisons.first)
        #expect(only.base?.runs == 1)
        #expect(abs(only.change?.percent ?? 99) < 0.01)
        #expect(result.summaries.first?.counts.values.reduce(0, +) == 1)
    }

    /// A filter that leaves nothing is an input error that repeats the filter.
    @Test func filterMatchingNothingIsAnError() throws {
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("a", runs: [[1, 2, 3]])],
            head: [DatasetBuilder.series("a", runs: [[1, 2, 3]])])
        var options = AnalysisOptions()
        options.filter = try FilterParser.parse(".name:zzz")
        #expect {
            try Analyzer.analyze(dataset: dataset, options: options)
        } throws: { error in
            (error as? AnalysisError)?.description
                == "the filter .name:\"zzz\" matches no benchmark, so nothing was compared"
        }
    }
}
