import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

/// `--row`, `--sort` and `--col`/`--label-by`: projection syntax, group order, row order within
/// tables, and labels split from inside one label.
@Suite struct ProjectionTests {
    /// Go's projection syntax: keys, `@alpha`, `@num`, `@(…)`, comma or space separated.
    @Test(arguments: [
        (".name", 1), ("/size,goos", 2), ("/size goos", 2), ("/size@num , .name@alpha", 2), ("/format@(gob json)", 1),
    ])
    func projectionParses(_ text: String, _ parts: Int) throws {
        #expect(try ProjectionParser.parse(text, flag: "--row").parts.count == parts)
    }

    @Test(arguments: [
        ("", 1, "empty projection"), ("/size@sideways", 7, "unknown order"), ("/size@(", 8, "missing \")\""),
        ("/size@()", 7, "empty fixed order"), (".unit", 1, "unknown key"), (".config", 1, "unknown key"),
        ("/size:1K", 6, "unexpected \":\""),
    ])
    func projectionRefuses(_ text: String, _ column: Int, _ message: String) {
        #expect {
            try ProjectionParser.parse(text, flag: "--row")
        } throws: { error in
            guard let error = error as? FilterSyntaxError else { return false }
            return error.column == column && error.message.contains(message) && error.flag == "--row"
        }
    }

    /// Orders of distinct values: first seen, alphabetic, numeric with prefixes, fixed.
    @Test func projectionOrders() throws {
        let values = [["16K"], ["1K"], ["2Mi"], ["512"]]
        #expect(try ProjectionParser.parse("/size", flag: "--row").sorted(values) == values)
        #expect(
            try ProjectionParser.parse("/size@alpha", flag: "--row").sorted(values) == [
                ["16K"], ["1K"], ["2Mi"], ["512"],
            ])
        #expect(
            try ProjectionParser.parse("/size@num", flag: "--row").sorted(values) == [
                ["512"], ["1K"], ["16K"], ["2Mi"],
            ])
        #expect(
            try ProjectionParser.parse("/size@(1K 512 16K 2Mi)", flag: "--row").sorted(values)
                == [["1K"], ["512"], ["16K"], ["2Mi"]])
    }

    /// `--sort` keys parse with `-` for descending; unknown keys name their column.
    @Test func sortKeysParse() throws {
        #expect(
            try SortKey.parseList("verdict,-change")
                == [SortKey(field: .verdict), SortKey(field: .change, descending: true)])
        #expect {
            try SortKey.parseList("name,size")
        } throws: { error in
            (error as? FilterSyntaxError)?.column == 6
        }
    }

    static func noisy(_ centre: Double) -> [Double] {
        (0..<12).map { (index: Int) -> Double in
            let wiggle: Double = 0.004 * sin(Double(index) * 2.3)
            return centre * (1 + wiggle)
        }
    }

    /// Five benchmarks with changes +20%, -20%, +2% (noise), +0.1%, and one missing in head.
    static func dataset() -> Dataset {
        let changes: [(String, Double)] = [("c/up", 1.2), ("a/down", 0.8), ("b/flat", 1.0), ("d/tiny", 1.001)]
        var base = changes.map { DatasetBuilder.series($0.0, runs: [noisy(100)]) }
        base.append(DatasetBuilder.series("e/gone", runs: [noisy(100)]))
        let head = changes.map { DatasetBuilder.series($0.0, runs: [noisy(100 * $0.1)]) }
        return DatasetBuilder.dataset(base: base, head: head)
    }

    /// Each sort key orders the rows; missing values stay last in both directions.
    @Test(arguments: [
        ("name", ["a/down", "b/flat", "c/up", "d/tiny", "e/gone"]),
        ("-name", ["e/gone", "d/tiny", "c/up", "b/flat", "a/down"]),
        ("change", ["a/down", "b/flat", "d/tiny", "c/up", "e/gone"]),
        ("-change", ["c/up", "d/tiny", "b/flat", "a/down", "e/gone"]),
        ("verdict,name", ["c/up", "a/down", "b/flat", "d/tiny", "e/gone"]),
        ("", ["c/up", "a/down", "b/flat", "d/tiny", "e/gone"]),
    ])
    func sortOrdersRows(_ keys: String, _ expected: [String]) throws {
        var options = AnalysisOptions()
        options.sort = keys.isEmpty ? [] : try SortKey.parseList(keys)
        let result = try Analyzer.analyze(dataset: Self.dataset(), options: options)
        #expect(result.comparisons.map(\.benchmark.name) == expected)
    }

    /// `--row .name`: each comparison records its group, groups come together in first-seen order,
    /// and `@(…)` both orders and filters.
    @Test func rowGroupsComparisons() throws {
        let names = ["x/1", "y/1", "x/2", "y/2", "z/1"]
        let series = names.map { DatasetBuilder.series($0, runs: [Self.noisy(100)]) }
        let dataset = DatasetBuilder.dataset(base: series, head: series)
        var options = AnalysisOptions()
        options.rows = try ProjectionParser.parse(".name", flag: "--row")
        let result = try Analyzer.analyze(dataset: dataset, options: options)
        #expect(result.comparisons.map(\.benchmark.name) == ["x/1", "x/2", "y/1", "y/2", "z/1"])
        #expect(result.comparisons.map { $0.group.map(\.value) } == [["x"], ["x"], ["y"], ["y"], ["z"]])
        #expect(result.comparisons.first?.group.first?.key == ".name")
        options.rows = try ProjectionParser.parse(".name@(z x)", flag: "--row")
        let fixed = try Analyzer.analyze(dataset: DatasetBuilder.dataset(base: series, head: series), options: options)
        #expect(fixed.comparisons.map(\.benchmark.name) == ["z/1", "x/1", "x/2"])
    }

    /// Label rules: the value and the name the series keeps.
    @Test(arguments: [
        ("BenchmarkEncode/format=json-48", "go", "/format", "json", "BenchmarkEncode-48"),
        ("BenchmarkEncode/format=json/n=3-48", "go", "/format", "json", "BenchmarkEncode/n=3-48"),
        ("BM_x/threads:4/real_time", "google-benchmark", "/threads", "4", "BM_x/real_time"),
        ("t.py::test_sort[builtin-2000]", "pytest-benchmark", "param:impl", "builtin", "t.py::test_sort[*-2000]"),
        ("base", "hyperfine", "command", "base", "file"),
        ("join-list", "pyperf", "regex:-(list|gen)$", "list", "join-*"),
        ("seq 1 300", "hyperfine", "regex:[0-9]+$", "300", "seq 1 *"),
    ])
    func labelRules(_ name: String, _ format: String, _ rule: String, _ label: String, _ renamed: String) throws {
        let parameters: [KeyValue] =
            switch format {
            case "go": [KeyValue("format", "json"), KeyValue("gomaxprocs", "48")]
            case "google-benchmark": [KeyValue("threads", "4")]
            case "pytest-benchmark": [KeyValue("impl", "builtin"), KeyValue("n", "2000")]
            default: []
            }
        let series = BenchmarkSeries(
            benchmark: BenchmarkIdentity(name: name, parameters: parameters), unit: MeasurementUnit.parse("s"),
            mode: .walltime, runs: [BenchmarkRun(id: "r", values: [1], source: SourceLocation(file: "file.json"))])
        let dataset = Dataset(
            labels: [
                LabelData(
                    label: "file", series: [series],
                    files: [FileMetadata(path: "file.json", format: format, entries: [])])
            ],
            warnings: [])
        let split = LabelSplit.apply(dataset, rule: try LabelSplit.Rule.parse(rule, flag: "--label-by"))
        #expect(split.labels.map(\.label) == [label])
        #expect(split.labels.first?.series.first?.benchmark.name == renamed)
        #expect(split.warnings.isEmpty)
    }

    /// A series without the key is left out with one warning that counts them.
    @Test func seriesWithoutTheKeyAreWarnedAbout() throws {
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("a", runs: [[1]]), DatasetBuilder.series("b", runs: [[1]])], head: [])
        let split = LabelSplit.apply(dataset, rule: try LabelSplit.Rule.parse("param:size", flag: "--label-by"))
        #expect(split.labels.isEmpty)
        #expect(split.warnings.count == 1)
        #expect(split.warnings.first?.message.hasPrefix("2 series have no value for --label-by/--col /size") == true)
    }

    @Test(arguments: [("param:", 7), ("regex:(", 7), ("/a,/b", 1)])
    func labelRuleRefuses(_ text: String, _ column: Int) {
        #expect {
            try LabelSplit.Rule.parse(text, flag: "--label-by")
        } throws: { error in
            (error as? FilterSyntaxError)?.column == column
        }
    }
}
