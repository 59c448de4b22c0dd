import BenchmarkModel

/// Loads pyperf's JSON (pyperf documentation, "JSON format", version 1.0).
///
/// Each `benchmarks[]` entry is named by its metadata `name` (else the file's common metadata
/// `name`); its unit is metadata `unit` (`second` by default; `byte`, `integer`). Each of its
/// `runs[]` is one pyperf worker process, so it becomes one *run*, named `<file>#<k>` (k counted
/// over runs that have values); its `values` are the samples, and `warmups` are excluded. Runs
/// with only warmups (pyperf's calibration runs) are skipped. Common metadata becomes the file's
/// metadata. A gzip-compressed file (`.json.gz`) is refused by detection with a hint.
enum PyperfLoader {
    static func load(
        _ document: JSONNode, path: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        let fields = JSONFields(file: path)
        let benchmarks = try fields.array(
            fields.member(document, "benchmarks", "", in: "the pyperf document"), "benchmarks")
        let common = document["metadata"]
        var samples = 0
        var sawRuns = false
        for (index, benchmark) in benchmarks.enumerated() {
            let where_ = "benchmarks[\(index)]"
            let metadata = benchmark["metadata"]
            guard let nameNode = metadata?["name"] ?? common?["name"] else {
                throw .missingField(
                    path, line: benchmark.line, field: "\(where_).metadata.name", in: "a pyperf benchmark")
            }
            let name = try fields.string(nameNode, "\(where_).metadata.name")
            let unitNode = metadata?["unit"] ?? common?["unit"]
            let unitText = try unitNode.map { (node) throws(InputError) in
                try fields.string(node, "\(where_).metadata.unit")
            }
            let unit = MeasurementUnit.parse(unitText ?? "second")
            let runs = try fields.array(
                fields.member(benchmark, "runs", where_, in: "a pyperf benchmark"), "\(where_).runs")
            let series = try label.series(
                name: name, parameters: [], unit: unit, mode: nil, line: benchmark.line, context: &context)
            if !runs.isEmpty { sawRuns = true }
            var runNumber = 0
            for (position, run) in runs.enumerated() {
                guard let valuesNode = run["values"] else { continue }
                let values = try fields.array(valuesNode, "\(where_).runs[\(position)].values")
                if values.isEmpty { continue }
                runNumber += 1
                let runID = "\(BytePath.display(path))#\(runNumber)"
                for (k, node) in values.enumerated() {
                    let field = "\(where_).runs[\(position)].values[\(k)]"
                    try label.append(
                        try fields.number(node, field), unit: unit, series: series, run: runID, line: node.line,
                        field: field)
                    samples += 1
                }
            }
        }
        // Benchmarks with `runs: []` are left out with a warning by the label (missing on this side);
        // runs that exist but hold only warmups are calibration runs, not results.
        if samples == 0, sawRuns {
            throw InputError(.noResults, at: SourceLocation(file: path), "no pyperf run has values (only warmups)")
        }
        return FileMetadata(path: path, format: InputFormat.pyperfJSON.rawValue, entries: JSONFields.flatten(common))
    }
}
