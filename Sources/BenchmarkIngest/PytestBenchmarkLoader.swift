import BenchmarkModel

/// Loads pytest-benchmark's JSON (`--benchmark-json`, `--benchmark-save`; pytest-benchmark
/// documentation, "Usage").
///
/// Each `benchmarks[]` entry is named by `fullname` (else `name`); its `params` become
/// parameters; its samples are `stats.data`, the per-round times in seconds, which
/// pytest-benchmark writes only with `--benchmark-save-data` (for saved runs) or with raw data
/// enabled. When `data` is absent only summary statistics exist (rounds, mean, stddev): no
/// samples are invented; such a benchmark is skipped with a warning, and a file where every
/// benchmark lacks data is an error (`noResults`) that says how to re-run. `machine_info` and
/// `commit_info` become metadata. The whole file is one run.
enum PytestBenchmarkLoader {
    static func load(
        _ document: JSONNode, path: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        let fields = JSONFields(file: path)
        let benchmarks = try fields.array(
            fields.member(document, "benchmarks", "", in: "the pytest-benchmark document"), "benchmarks")
        let seconds = MeasurementUnit.parse("s")
        var samples = 0
        var summaryOnly: [String] = []
        for (index, benchmark) in benchmarks.enumerated() {
            let where_ = "benchmarks[\(index)]"
            var nameNode = benchmark["fullname"]
            if nameNode == nil { nameNode = try fields.member(benchmark, "name", where_, in: "a benchmark") }
            guard let nameNode else { continue }
            let name = try fields.string(nameNode, "\(where_).fullname")
            let stats = try fields.member(benchmark, "stats", where_, in: "a benchmark")
            guard let dataNode = stats["data"] else {
                _ = try fields.member(stats, "rounds", "\(where_).stats", in: "the stats")
                summaryOnly.append(name)
                continue
            }
            let data = try fields.array(dataNode, "\(where_).stats.data")
            var parameters: [KeyValue] = []
            if let params = benchmark["params"], case .object(let members) = params.value {
                for (key, value) in members {
                    parameters.append(KeyValue(key, JSONFields.scalarText(value) ?? "\(value.typeDescription)"))
                }
            }
            let series = try label.series(
                name: name, parameters: parameters, unit: seconds, mode: nil, line: benchmark.line, context: &context)
            for (position, node) in data.enumerated() {
                let field = "\(where_).stats.data[\(position)]"
                try label.append(
                    try fields.number(node, field), unit: seconds, series: series, run: nil, line: node.line,
                    field: field)
                samples += 1
            }
        }
        let hint =
            "only summary statistics (rounds, mean, stddev) are stored, not the per-round times; re-run "
            + "pytest-benchmark with --benchmark-save-data (with --benchmark-save/--benchmark-autosave) or "
            + "--benchmark-json from a version that writes stats.data"
        if samples == 0 {
            throw InputError(.noResults, at: SourceLocation(file: path), "no benchmark has raw data: \(hint)")
        }
        if !summaryOnly.isEmpty {
            context.warn(
                SourceLocation(file: path),
                "skipped \(summaryOnly.count) benchmarks without raw data (\(summaryOnly.prefix(3).joined(separator: ", "))"
                    + "\(summaryOnly.count > 3 ? ", …" : "")): \(hint)")
        }
        var entries = JSONFields.flatten(document["machine_info"], prefix: "machine_info")
        entries += JSONFields.flatten(document["commit_info"], prefix: "commit_info")
        if let version = document["version"].flatMap(JSONFields.scalarText) {
            entries.append(KeyValue("version", version))
        }
        return FileMetadata(path: path, format: InputFormat.pytestBenchmarkJSON.rawValue, entries: entries)
    }
}
