import BenchmarkModel

extension Analyzer {
    /// Compares every pair (`ComparisonEstimation.compare`) on every core, in pair order.
    ///
    /// With `releasing`, each pair's series lose their runs (the samples) as soon as that pair is
    /// compared, on the core that compared it: the comparisons keep what they need of them (the
    /// summaries; the samples themselves only when a plot asked for them, shared, not copied).
    /// The memory freed this way is what the verdicts' texts and the report then allocate from,
    /// instead of growing the heap: the headline suite's peak is ~2.5 MiB lower. (It does not
    /// lower the peak of a million one-sample benchmarks: the array of comparisons is one
    /// allocation of its own, which small freed blocks cannot serve.) The series keep their names
    /// and units (the messages of later steps need those). The caller passes `releasing` only
    /// when no later step reads the samples: a base compared with one head, and no `--row` (whose
    /// fields read the runs' files).
    static func comparePairs(
        _ pairs: [SeriesIndexPair], base: inout [BenchmarkSeries], head: inout [BenchmarkSeries],
        estimation: ComparisonEstimation, releasing: Bool
    ) throws(AnalysisError) -> [Comparison] {
        guard releasing else {
            return try concurrentMap(count: pairs.count) { [base, head] index throws(AnalysisError) in
                try estimation.compare(
                    base: pairs[index].base.map { base[$0] }, head: pairs[index].head.map { head[$0] })
            }
        }
        return try base.withUnsafeMutableBufferPointer { baseBuffer throws(AnalysisError) in
            try head.withUnsafeMutableBufferPointer { headBuffer throws(AnalysisError) in
                // Each series is in one pair at most (`SeriesPairing`), so each element is read and
                // then written by the one iteration that compares its pair, and by no other.
                nonisolated(unsafe) let baseSeries = baseBuffer
                nonisolated(unsafe) let headSeries = headBuffer
                return try concurrentMap(count: pairs.count) { index throws(AnalysisError) in
                    let pair = pairs[index]
                    defer {
                        if let position = pair.base { baseSeries[position].runs = [] }
                        if let position = pair.head { headSeries[position].runs = [] }
                    }
                    return try estimation.compare(
                        base: pair.base.map { baseSeries[$0] }, head: pair.head.map { headSeries[$0] })
                }
            }
        }
    }
}
