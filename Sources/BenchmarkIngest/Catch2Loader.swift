import BenchmarkModel

/// Loads Catch2's XML report (`-r xml`) of `BENCHMARK` results (Catch2 documentation,
/// "Authoring benchmarks" and "Reporters"; Catch2 v2 and v3 write the same elements).
///
/// Each `<BenchmarkResults name="…">` is one benchmark; its sample is the `value` of its
/// `<mean>` (nanoseconds: Catch2 writes "All values in nano seconds"), the mean of Catch2's own
/// `samples` timed samples. Catch2 does not write those samples, so **each file is one run
/// holding one sample per benchmark**: give several files (several runs) per label.
/// `standardDeviation`, `outliers` and the bootstrap bounds are not loaded.
///
/// The benchmark is named by its `name`; when one name occurs under two different test cases
/// (or sections) of the file, every benchmark of the file is named
/// `<test case>/<section>/…/<name>` instead, so that the two are never merged. A
/// `<BenchmarkResults>` holding `<failed message=…>` (the benchmark threw) is skipped with a
/// warning. The `<Catch name=…>` and each test case's `filename` become metadata.
enum Catch2Loader {
    /// One benchmark result read from the file.
    private struct Result {
        let path: [String]
        let name: String
        let line: Int
        var mean: (text: String, line: Int)?
        var failure: String?
    }

    static func load(
        _ text: String, path: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        var scanner = XMLScanner(text, file: path)
        var results: [Result] = []
        var current: Result?
        var scopes: [String] = []
        var entries: [KeyValue] = []
        var sawCatch = false
        while let event = try scanner.next() {
            switch event {
            case .start(let name, let attributes, let line):
                switch name {
                case "Catch", "Catch2TestRun":
                    sawCatch = true
                    if let title = attributes["name"] { entries.append(KeyValue("catch.name", title)) }
                case "TestCase", "Section":
                    scopes.append(attributes["name"] ?? "")
                    if name == "TestCase", let source = attributes["filename"],
                        !entries.contains(KeyValue("testcase.filename", source))
                    {
                        entries.append(KeyValue("testcase.filename", source))
                    }
                case "BenchmarkResults":
                    guard let benchmark = attributes["name"], !benchmark.isEmpty else {
                        throw .missingField(path, line: line, field: "name", in: "<BenchmarkResults>")
                    }
                    current = Result(path: scopes, name: benchmark, line: line)
                case "mean" where current != nil:
                    guard let value = attributes["value"] else {
                        throw .missingField(path, line: line, field: "mean.value", in: "<mean>")
                    }
                    current?.mean = (value, line)
                case "failed" where current != nil:
                    current?.failure = attributes["message"] ?? "no message"
                default:
                    break
                }
            case .end(let name, _):
                switch name {
                case "TestCase", "Section": _ = scopes.popLast()
                case "BenchmarkResults":
                    if let result = current { results.append(result) }
                    current = nil
                default: break
                }
            }
        }
        guard sawCatch else {
            throw InputError(
                .unknownFormat, at: SourceLocation(file: path, line: 1),
                "an XML document without a <Catch> element is not a Catch2 report")
        }
        let nanoseconds = MeasurementUnit.parse("ns")
        var scopesOfName: [String: [String]] = [:]
        var qualify = false
        for result in results {
            if let seen = scopesOfName[result.name], seen != result.path { qualify = true }
            scopesOfName[result.name] = result.path
        }
        var samples = 0
        for result in results {
            if let failure = result.failure {
                context.warn(
                    SourceLocation(file: path, line: result.line),
                    "skipped benchmark \"\(result.name)\": it failed (\(failure))")
                continue
            }
            guard let mean = result.mean else {
                throw .missingField(path, line: result.line, field: "mean", in: "<BenchmarkResults>")
            }
            guard let value = Bytes.parseDouble(Substring(mean.text)) else {
                throw .wrongType(
                    path, line: mean.line, field: "mean.value", expected: "a number of nanoseconds",
                    found: "\"\(mean.text.prefix(30))\"")
            }
            let name = qualify ? (result.path + [result.name]).joined(separator: "/") : result.name
            let series = try label.series(
                name: name, unit: nanoseconds, mode: nil, line: mean.line, context: &context)
            try label.append(
                value, unit: nanoseconds, series: series, run: nil, line: mean.line, field: "mean.value")
            samples += 1
        }
        if samples == 0 {
            throw InputError(
                .noResults, at: SourceLocation(file: path),
                results.isEmpty
                    ? "no <BenchmarkResults> in the Catch2 report (were the benchmarks run? Catch2 v2 needs "
                        + "CATCH_CONFIG_ENABLE_BENCHMARKING, and --skip-benchmarks skips them)"
                    : "every benchmark in the Catch2 report failed")
        }
        return FileMetadata(path: path, format: InputFormat.catch2XML.rawValue, entries: entries)
    }
}
