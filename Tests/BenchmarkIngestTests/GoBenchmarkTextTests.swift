import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@Suite("Go benchmark text")
struct GoBenchmarkTextTests {
    @Test func realGoTestOutput() throws {
        let path = "\(Fixtures.peers)/go/base/go.txt"
        let (label, warnings) = try loadSingle(path)
        #expect(label.label == "go")
        // words/op is a custom metric: unknown unit, one warning.
        #expect(warnings.count == 1)
        let names = Set(label.series.map(\.benchmark.name))
        #expect(
            names == [
                "BenchmarkSort/size=1K-2", "BenchmarkSort/size=16K-2", "BenchmarkSHA256/bytes=64-2",
                "BenchmarkSHA256/bytes=4096-2", "BenchmarkWordCount-2",
            ])
        for series in label.series {
            #expect(series.sampleCount == 10, "\(series.benchmark) \(series.unit.written)")
            #expect(series.runs.count == 1)
        }
        let sort = try #require(label.series("BenchmarkSort/size=1K-2", "s"))
        #expect(sort.unit.written == "ns/op")
        #expect(sort.mode == .walltime)
        // Exact values, read independently from the first lines of the file (it may be regenerated).
        let text = try String(contentsOfFile: path, encoding: .utf8)
        func firstFields(_ prefix: String) -> [String] {
            let line = text.split(separator: "\n").first { $0.hasPrefix(prefix) } ?? ""
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        }
        #expect(sort.allValues.first == Double(firstFields("BenchmarkSort/size=1K-2")[2]).map { $0 * 1e-9 })
        #expect(sort.benchmark.parameters == [KeyValue("size", "1K"), KeyValue("gomaxprocs", "2")])
        let bytes = try #require(label.series("BenchmarkSort/size=1K-2", "B"))
        #expect(bytes.allValues.allSatisfy { $0 == 8192 })
        #expect(bytes.mode == .instrumentation)
        let sha = try #require(label.series("BenchmarkSHA256/bytes=64-2", "B/s"))
        #expect(sha.unit.direction == .higherIsBetter)
        #expect(sha.allValues.first == Double(firstFields("BenchmarkSHA256/bytes=64-2")[4]).map { $0 * 1e6 })
        let allocs = try #require(label.series("BenchmarkSHA256/bytes=64-2", "allocs"))
        #expect(allocs.allValues.allSatisfy { $0 == 0 })
        let words = try #require(label.series("BenchmarkWordCount-2", "words"))
        #expect(words.unit.written == "words/op")
        let metadata = try #require(label.files.first)
        #expect(metadata.format == InputFormat.goBenchmarkText.rawValue)
        #expect(metadata.value(for: "cpu") == "AMD EPYC")
        #expect(metadata.value(for: "goos") == "linux")
    }

    /// Real `go test ./...` of two packages that both have `BenchmarkParse` (fixture `gomulti/`):
    /// one series per package, named `<pkg>.<name>`, never one averaged series.
    @Test func twoPackagesKeepTheirSeriesApart() throws {
        for side in ["base", "head"] {
            let path = "\(Fixtures.peers)/gomulti/\(side)/go.txt"
            let (label, _) = try loadSingle(path)
            #expect(
                label.series.map(\.benchmark.name) == [
                    "example.com/multipkg/a.BenchmarkParse-2", "example.com/multipkg/b.BenchmarkParse-2",
                ])
            // Every line of a package lands in its own series, with the parameters of the plain name.
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var expected: [String: [Double]] = [:]
            var package = ""
            for line in text.split(separator: "\n") {
                if line.hasPrefix("pkg: ") { package = String(line.dropFirst(5)) }
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if line.hasPrefix("BenchmarkParse-2"), fields.count >= 3, let value = Double(fields[2]) {
                    expected[package + ".BenchmarkParse-2", default: []].append(value * 1e-9)
                }
            }
            for series in label.series {
                #expect(series.allValues == expected[series.benchmark.name], "\(side) \(series.benchmark.name)")
                #expect(series.benchmark.parameters == [KeyValue("gomaxprocs", "2")])
            }
        }
    }

    /// Package names are added only when a file has two packages; a package's name follows its
    /// `pkg:` line, also when both packages have the same benchmark on consecutive lines.
    @Test func packageQualifiesNamesOnlyWithTwoPackages() throws {
        try withTemporaryDirectory { directory in
            let one = try directory.writeFile(
                "one.txt", "pkg: example.com/a\nBenchmarkX-8 10 5 ns/op\nBenchmarkX-8 10 6 ns/op\n")
            #expect(try loadSingle(one).0.series.map(\.benchmark.name) == ["BenchmarkX-8"])
            let two = try directory.writeFile(
                "two.txt",
                "pkg: example.com/a\nBenchmarkX-8 10 5 ns/op 3 B/op\npkg: example.com/b\nBenchmarkX-8 10 7 ns/op 4 B/op\n"
                    + "pkg: example.com/a\nBenchmarkX-8 10 6 ns/op 3 B/op\n")
            let label = try loadSingle(two).0
            #expect(label.series("example.com/a.BenchmarkX-8", "s")?.allValues == [5.0 * 1e-9, 6.0 * 1e-9])
            #expect(label.series("example.com/b.BenchmarkX-8", "s")?.allValues == [7.0 * 1e-9])
            #expect(label.series("example.com/b.BenchmarkX-8", "B")?.allValues == [4])
            #expect(label.series.count == 4)
        }
    }

    /// Values of every length on the plain path — up to 15 characters converted there, longer ones
    /// (full precision, and past 19 digits) by the general parser — read as strtod reads them,
    /// next to a second measurement on the same line; a long value that is no number is benchfmt's
    /// error.
    @Test func longValuesOnAPlainLineAreReadAsStrtodReadsThem() throws {
        let values = [
            "336.01311209055064", "90263.8871143951", "0.30000000000000004", "12345678901234567890123.5",
            "1234567.89012345", "123456789012345", "7",
        ]
        try withTemporaryDirectory { directory in
            let text = values.map { "BenchmarkX-8 10 \($0) ns/op 3 B/op\n" }.joined()
            let label = try loadSingle(try directory.writeFile("long.txt", text)).0
            let times = try #require(label.series("BenchmarkX-8", "s")).allValues
            #expect(times == values.compactMap { Double($0).map { $0 * 1e-9 } })
            #expect(label.series("BenchmarkX-8", "B")?.allValues == Array(repeating: 3, count: values.count))
            let bad = try directory.writeFile("bad.txt", "BenchmarkX-8 10 1234567890.123456.7 ns/op\n")
            do {
                _ = try loadSingle(bad)
                Issue.record("a value with two dots was read")
            } catch let error as InputError {
                #expect(error.description.contains("parsing measurement: invalid syntax"), "\(error)")
            }
        }
    }

    @Test func readerKeepsConfigurationOrderAndSkipsNoise() throws {
        let text = """
            goos: linux
            note: before
            BenchmarkBare
            Unit ns/op assume=exact
            PASS
            ok  \tpkg\t1.0s
            BenchmarkA-8   \t 10\t 100 ns/op\t 3 B/op
            note:
            BenchmarkA-8 10 101.5 ns/op 3 B/op\r
            """
        var records: [GoBenchmarkRecord] = []
        try GoBenchmarkTextReader.read(Data(text.utf8), fileName: "x.txt") { (record: GoBenchmarkRecord) in
            records.append(record)
        }
        #expect(records.count == 5)
        #expect(records[0] == .configuration(key: "goos", value: "linux", line: 1))
        #expect(records[1] == .configuration(key: "note", value: "before", line: 2))
        #expect(records[3] == .configuration(key: "note", value: "", line: 8))
        guard case .result(let last) = records[4] else {
            Issue.record("expected a result")
            return
        }
        #expect(last.name == "BenchmarkA-8")
        #expect(last.iterations == 10)
        #expect(
            last.measurements == [GoMeasurement(value: 101.5, unit: "ns/op"), GoMeasurement(value: 3, unit: "B/op")])
        #expect(last.line == 9)
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "missing iteration count", content: "goos: linux\nBenchmarkX-8 \n", kind: .malformedLine, line: 2,
            fragment: "missing iteration count"),
        BadInput(
            name: "iteration count not a number", content: "BenchmarkX-8 ten 100 ns/op\n", kind: .malformedLine,
            line: 1, fragment: "parsing iteration count: invalid syntax"),
        BadInput(
            name: "missing measurements", content: "BenchmarkX 1 100 ns/op\nBenchmarkX 10\n", kind: .malformedLine,
            line: 2, fragment: "missing measurements"),
        BadInput(
            name: "missing units (truncated)", content: "BenchmarkX 10 100 ns/op 5\n", kind: .malformedLine, line: 1,
            fragment: "missing units"),
        BadInput(
            name: "measurement garbage", content: "BenchmarkX 10 fast ns/op\n", kind: .malformedLine, line: 1,
            fragment: "parsing measurement: invalid syntax"),
        BadInput(
            name: "NaN", content: "BenchmarkX 10 NaN ns/op\n", kind: .nonFiniteValue, line: 1, fragment: "finite"),
        BadInput(
            name: "+Inf", content: "BenchmarkX 10 1 B/op\nBenchmarkX 10 +Inf B/op\n", kind: .nonFiniteValue, line: 2,
            fragment: "finite"),
        BadInput(
            name: "negative time", content: "BenchmarkX 10 -5 ns/op\n", kind: .valueOutOfRange, line: 1,
            fragment: "value must be > 0"),
        BadInput(
            name: "zero time", content: "pkg: p\n\nBenchmarkX 10 0 ns/op\n", kind: .valueOutOfRange, line: 3,
            fragment: "value must be > 0"),
        BadInput(
            name: "huge MB/s", content: "BenchmarkX 10 1e308 MB/s\n", kind: .nonFiniteValue, line: 1,
            fragment: "overflows"),
        BadInput(
            name: "only configuration", content: "goos: linux\nPASS\n", kind: .noResults, line: nil,
            fragment: "no benchmark result lines"),
        BadInput(name: "empty", content: "", kind: .emptyFile, line: nil, fragment: "empty"),
        BadInput(
            name: "garbage", content: "hello world\nthis is not a benchmark\n", kind: .unknownFormat, line: 1,
            fragment: "unknown input format"),
    ]

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }
}
