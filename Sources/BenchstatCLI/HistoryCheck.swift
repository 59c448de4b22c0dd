import BenchmarkModel

/// What `--history` adds to the report's warnings: the warnings met loading it (cut-short runs,
/// unknown units, …), and a warning for each past run whose samples are exactly those of a label
/// being compared against the baseline — a history that is the head itself would make every change
/// look like noise.
enum HistoryCheck {
    static func warnings(history: Dataset, dataset: Dataset, base: String?, head: String?) -> [InputWarning] {
        var warnings = history.warnings
        let baseLabel = base ?? (dataset.label(named: "base") != nil ? "base" : dataset.labels.first?.label)
        let compared = dataset.labels.filter { label in
            label.label != baseLabel && (head == nil || label.label == head)
        }
        for run in history.labels {
            guard let same = compared.first(where: { identical($0, run) }) else { continue }
            let location = run.files.first.map { SourceLocation(file: $0.path) } ?? SourceLocation(file: run.label)
            warnings.append(
                InputWarning(
                    location: location,
                    message: "history run \"\(run.label)\" holds exactly the samples of label \"\(same.label)\", "
                        + "which is compared against the baseline: --history should hold past baseline runs, not "
                        + "the change being judged"))
        }
        return warnings
    }

    /// Whether two labels hold the same series (name byte for byte, unit) with the same samples.
    private static func identical(_ a: LabelData, _ b: LabelData) -> Bool {
        guard a.series.count == b.series.count, !a.series.isEmpty else { return false }
        for (x, y) in zip(a.series, b.series) {
            guard x.benchmark.name.utf8.elementsEqual(y.benchmark.name.utf8), x.unit.baseUnit == y.unit.baseUnit,
                x.sampleCount == y.sampleCount, x.allValues == y.allValues
            else { return false }
        }
        return true
    }
}
