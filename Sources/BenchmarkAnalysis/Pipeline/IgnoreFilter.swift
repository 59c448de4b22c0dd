import BenchmarkModel

/// Step 2 of the analysis: the configuration's `ignore = true` rules (`ThresholdPolicy.ignores`)
/// remove benchmarks before they are paired, so an ignored benchmark is never compared, checked for
/// units or counted.
enum IgnoreFilter {
    /// `label` without the series the policy ignores, and the keys of the ones it removed. A label
    /// with nothing to ignore is returned as it is (no copy).
    static func apply(_ label: LabelData, policy: ThresholdPolicy) -> (LabelData, ignored: Set<SeriesKey>) {
        guard !policy.overrides.isEmpty, label.series.contains(where: { policy.ignores($0.benchmark.name) }) else {
            return (label, [])
        }
        var kept = label
        var ignored = Set<SeriesKey>()
        kept.series = label.series.filter { series in
            guard policy.ignores(series.benchmark.name) else { return true }
            ignored.insert(SeriesKey(series))
            return false
        }
        return (kept, ignored)
    }
}
