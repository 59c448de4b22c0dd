import BenchmarkModel

/// Step 1 of the analysis: which label is the baseline and which are compared against it
/// (DESIGN.md: `--base`, default `base` when present, else the first label; `--head`, default every
/// other label).
enum LabelResolution {
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
