import BenchmarkModel

/// Step 1 of the analysis: which label is the baseline and which are compared against it
/// (DESIGN.md: `--base`, default `base` when present, else the first label; `--head`, default every
/// other label).
enum LabelResolution {
    /// Whether the labels look like the run files of one label: no `base` or `head`, at least two
    /// labels, each read from one file, all with the same benchmarks and units.
    static func looksLikeRuns(_ dataset: Dataset) -> Bool {
        let labels = dataset.labels
        guard labels.count >= 2, !labels.contains(where: { $0.label == "base" || $0.label == "head" }),
            labels.allSatisfy({ $0.files.count == 1 }),
            // Labels split from one file (`--label-by`, `--col`) are variants, not runs.
            Set(labels.map { $0.files[0].path }).count == labels.count
        else { return false }
        let keys = labels.map { Set($0.series.map(SeriesKey.init)) }
        return keys.allSatisfy { $0 == keys[0] } && !keys[0].isEmpty
    }

    static func resolve(_ dataset: Dataset, base: String?, head: String?) throws(AnalysisError)
        -> (base: LabelData, heads: [LabelData])
    {
        let names = dataset.labels.map(\.label)
        guard names.count >= 2 else { throw .tooFewLabels(found: names) }
        let baseName = base ?? (names.contains("base") ? "base" : names[0])
        guard let baseData = dataset.label(named: baseName) else {
            throw .unknownLabel(baseName, available: names)
        }
        if let head {
            guard let headData = dataset.label(named: head) else { throw .unknownLabel(head, available: names) }
            guard head != baseName else { throw .sameLabelAsBaseAndHead(head) }
            return (baseData, [headData])
        }
        return (baseData, dataset.labels.filter { $0.label != baseName })
    }
}
