import BenchmarkModel

/// Builds series, labels and datasets in memory for tests that need data without reading files.
public enum DatasetBuilder {
    /// One series of `name` in `unit`, one run per array of `runs`.
    ///
    /// - Parameters:
    ///   - unit: the unit as written (parsed with `MeasurementUnit.parse`); `runs` are in this unit
    ///     and are stored multiplied by its scale, in its base unit, as a loader would store them.
    ///   - mode: the mode, or nil for the unit's implied mode (walltime when it implies none).
    ///   - runIDs: the runs' ids, or nil for `r1`, `r2`, ….
    ///   - source: where every run says it was read from, or nil for line 1 of `<name>.jsonl`.
    ///   - iterations: whether each run carries iteration numbers 1, 2, 3, … (as `benchstat measure`
    ///     writes them) for pairing; nil iterations otherwise.
    public static func series(
        _ name: String, unit: String = "ns", mode: MeasurementMode? = nil, runs: [[Double]], runIDs: [String]? = nil,
        source: SourceLocation? = nil, iterations: Bool = false
    ) -> BenchmarkSeries {
        let parsed = MeasurementUnit.parse(unit)
        return BenchmarkSeries(
            benchmark: BenchmarkIdentity(name: name), unit: parsed,
            mode: mode ?? parsed.impliedMode ?? .walltime,
            runs: runs.enumerated().map { index, values in
                BenchmarkRun(
                    id: runIDs?[index] ?? "r\(index + 1)", values: values.map { $0 * parsed.scale },
                    source: source ?? SourceLocation(file: "\(name).jsonl", line: 1),
                    iterations: iterations ? Array(1...values.count) : nil)
            })
    }

    /// A label `name` holding `series`, read from `files`, or by default from one canonical JSON
    /// Lines file `<name>.jsonl` whose metadata are `metadata`.
    public static func label(
        _ name: String, _ series: [BenchmarkSeries], metadata: [KeyValue] = [], files: [FileMetadata]? = nil
    ) -> LabelData {
        LabelData(
            label: name, series: series,
            files: files ?? [FileMetadata(path: "\(name).jsonl", format: "jsonl", entries: metadata)])
    }

    /// A dataset of two labels, `base` and `head`, built by `label(_:_:)`, without warnings.
    public static func dataset(base: [BenchmarkSeries], head: [BenchmarkSeries]) -> Dataset {
        Dataset(labels: [label("base", base), label("head", head)], warnings: [])
    }
}
