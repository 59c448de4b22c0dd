import BenchmarkModel

/// Builds small datasets in memory for analysis tests.
enum DatasetBuilder {
    /// One series of `name` with `runs` (each an array of values) in `unit`.
    static func series(
        _ name: String, unit: String = "ns", mode: MeasurementMode? = nil, runs: [[Double]]
    ) -> BenchmarkSeries {
        let parsed = MeasurementUnit.parse(unit)
        return BenchmarkSeries(
            benchmark: BenchmarkIdentity(name: name), unit: parsed,
            mode: mode ?? parsed.impliedMode ?? .walltime,
            runs: runs.enumerated().map { index, values in
                BenchmarkRun(
                    id: "r\(index + 1)", values: values.map { $0 * parsed.scale },
                    source: SourceLocation(file: "\(name).jsonl", line: 1))
            })
    }

    static func label(_ name: String, _ series: [BenchmarkSeries], metadata: [KeyValue] = []) -> LabelData {
        LabelData(
            label: name, series: series,
            files: [FileMetadata(path: "\(name).jsonl", format: .canonicalJSONLines, entries: metadata)])
    }

    static func dataset(base: [BenchmarkSeries], head: [BenchmarkSeries]) -> Dataset {
        Dataset(labels: [label("base", base), label("head", head)], warnings: [])
    }
}
