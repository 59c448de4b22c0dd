import BenchmarkModel

/// `--filter` (Go benchstat's `-filter`): keeps the series, or the runs of a series, that the
/// expression matches, before anything is paired — so a filtered-out benchmark is never compared,
/// counted or corrected for.
///
/// A filter that reads file configuration keys is evaluated per run (each run knows its file, and
/// two files of one label may differ in `goos` or `cpu`); otherwise once per series.
public enum FilterStep {
    /// `label` without what `filter` rejects, and how many series were removed entirely.
    public static func apply(_ label: LabelData, filter: FilterExpression) -> (LabelData, removed: Int) {
        var files: [String: FileMetadata] = [:]
        for file in label.files where files[file.path] == nil { files[file.path] = file }
        let perRun = filter.readsConfiguration
        var kept = label
        var removed = 0
        kept.series = []
        kept.series.reserveCapacity(label.series.count)
        for var series in label.series {
            if perRun {
                series.runs = series.runs.filter { run in
                    filter.matches(
                        BenchmarkFields(
                            benchmark: series.benchmark, unit: series.unit, label: label.label,
                            file: Self.file(of: run, in: files, label: label)))
                }
            } else if !filter.matches(
                BenchmarkFields(
                    benchmark: series.benchmark, unit: series.unit, label: label.label,
                    file: series.runs.first.flatMap { Self.file(of: $0, in: files, label: label) }))
            {
                series.runs = []
            }
            if series.runs.isEmpty { removed += 1 } else { kept.series.append(series) }
        }
        return (kept, removed)
    }

    /// The metadata of the file a run was read from: by its path, else (a run named by a field,
    /// read from a file whose path is the run's source) the label's only file.
    static func file(of run: BenchmarkRun, in files: [String: FileMetadata], label: LabelData) -> FileMetadata? {
        if let file = files[run.source.file] { return file }
        return label.files.count == 1 ? label.files[0] : nil
    }
}
