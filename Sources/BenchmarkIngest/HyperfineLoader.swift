import BenchmarkModel

/// Loads hyperfine's `--export-json` output (hyperfine README, "Export formats").
///
/// Each `results[]` entry is a benchmark named by its `command`; `times` (seconds, one per run
/// of the command) are the samples; `parameters` (from `--parameter-scan`/`--parameter-list`)
/// become the identity's parameters. The whole file is one run. Metadata: each command and its
/// exit codes summary.
enum HyperfineLoader {
    static func load(
        _ document: JSONNode, path: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        let fields = JSONFields(file: path)
        let results = try fields.array(fields.member(document, "results", "", in: "the hyperfine document"), "results")
        let seconds = MeasurementUnit.parse("s")
        var entries: [KeyValue] = []
        var samples = 0
        for (index, result) in results.enumerated() {
            let where_ = "results[\(index)]"
            let command = try fields.string(
                fields.member(result, "command", where_, in: "a hyperfine result"), "\(where_).command")
            let times = try fields.array(
                fields.member(result, "times", where_, in: "a hyperfine result"), "\(where_).times")
            var parameters: [KeyValue] = []
            if let node = result["parameters"] {
                for (key, value) in try fields.object(node, "\(where_).parameters") {
                    parameters.append(KeyValue(key, JSONFields.scalarText(value) ?? ""))
                }
            }
            entries.append(KeyValue("command", command))
            let series = try label.series(
                name: command, parameters: parameters, unit: seconds, mode: nil, line: result.line, context: &context)
            for (position, time) in times.enumerated() {
                let field = "\(where_).times[\(position)]"
                try label.append(
                    try fields.number(time, field), unit: seconds, series: series, run: nil, line: time.line,
                    field: field)
                samples += 1
            }
        }
        if samples == 0 {
            throw InputError(.noResults, at: SourceLocation(file: path), "no hyperfine results with times")
        }
        return FileMetadata(path: path, format: InputFormat.hyperfineJSON.rawValue, entries: entries)
    }
}
