import BenchmarkModel

/// Runs one analysis, as a pipeline of steps each in a file named for it:
///
/// 1. `LabelResolution` — the baseline and the labels compared against it;
/// 2. `IgnoreFilter` — the configuration's ignore rules remove benchmarks; `FilterStep` — `--filter`
///    (and the `@(…)` orders of `--row`) keep the series they match;
/// 3. `SeriesPairing` — each base series with its head series (same name and base unit);
/// 4. `ComparisonEstimation` — each pair estimated by the first applicable `ComparisonMethod`;
///    `ModerationStep` — between-run variance borrowed across the suite (two or three runs per side);
/// 5. `Correction` — p-values adjusted across the whole analysis;
/// 6. `DecisionStep` — verdicts by `VerdictRule`; `NonInferiorityStep` — what `--strict` asks;
///    `CrossModeStory` — a decided change noted with what the benchmark's other mode saw;
/// 7. `ComparisonOrder` — the report order; `RowGrouping` — `--row` sections; `ComparisonSort` — `--sort`;
/// 8. `SuiteSummarizer` — per head label, verdict counts and the suite geomean; then the `Gate`.
public enum Analyzer {
    /// Analyses `dataset`.
    /// - Parameters:
    ///   - base: the baseline label; default `base` when present, else the first label.
    ///   - head: the one label to compare; default every label other than the baseline.
    ///   - history: past baseline runs (`--history`), or nil.
    /// - Throws: `AnalysisError` for unknown labels, fewer than two labels, or a benchmark whose units
    ///   differ between base and head.
    public static func analyze(
        dataset: consuming Dataset, base: String? = nil, head: String? = nil, history: [LabelData]? = nil,
        options: AnalysisOptions = AnalysisOptions()
    ) throws(AnalysisError) -> AnalysisResult {
        try analyze(
            dataset: consume dataset, base: base, head: head, historyNoise: history.map { HistoryNoise(runs: $0) },
            options: options)
    }

    /// Analyses `dataset` with the between-run noise learnt from history already (`HistoryNoise`,
    /// e.g. from a store's per-run centres), or none when `historyNoise` is nil.
    public static func analyze(
        dataset: consuming Dataset, base: String? = nil, head: String? = nil, historyNoise: HistoryNoise?,
        options: AnalysisOptions = AnalysisOptions()
    ) throws(AnalysisError) -> AnalysisResult {
        var (baseData, heads) = try LabelResolution.resolve(dataset, base: base, head: head)
        var warnings = dataset.warnings.map(AnalysisWarning.input)
        if LabelResolution.looksLikeRuns(dataset) {
            warnings.append(.labelsLookLikeRuns(labels: dataset.labels.map(\.label)))
        }
        // From here the labels are the only references this function holds to the samples: once
        // compared, they are dropped, so that a caller that handed its dataset over (`consume`)
        // has them freed before the verdicts' texts and the report are built.
        _ = consume dataset
        let ignoredInBase: Set<SeriesKey>
        (baseData, ignoredInBase) = IgnoreFilter.apply(baseData, policy: options.thresholds)
        let filter = Self.filter(options)
        if let filter { baseData = FilterStep.apply(baseData, filter: filter).0 }
        let methods = MethodRegistry.methods(for: options)
        var comparisons: [Comparison] = []
        let release = SampleRelease()
        // Waited for on every path out: the samples are freed when `analyze` returns.
        defer { release.wait() }
        for position in heads.indices {
            var (headData, ignoredInHead) = IgnoreFilter.apply(heads[position], policy: options.thresholds)
            if let filter { headData = FilterStep.apply(headData, filter: filter).0 }
            let ignored = ignoredInBase.count + ignoredInHead.subtracting(ignoredInBase).count
            if ignored > 0 { warnings.append(.ignoredByConfiguration(count: ignored)) }
            let pairs = try SeriesPairing.pair(base: baseData, head: headData)
            let estimation = ComparisonEstimation(
                baseLabel: baseData.label, headLabel: headData.label, history: historyNoise, options: options,
                methods: methods)
            var compared = try concurrentMap(count: pairs.count) { index throws(AnalysisError) in
                try estimation.compare(
                    base: pairs[index].base.map { baseData.series[$0] },
                    head: pairs[index].head.map { headData.series[$0] })
            }
            if !compared.isEmpty, compared.allSatisfy({ $0.verdict == .missing }) {
                throw .nothingCompared(
                    baseLabel: baseData.label, baseNames: Self.names(baseData), headLabel: headData.label,
                    headNames: Self.names(headData))
            }
            if let rows = options.rows {
                RowGrouping.assign(
                    &compared, projection: rows, fields: RowGrouping.fields(base: baseData, head: headData))
            }
            PrimaryMetric.mark(&compared)
            // One head (the usual case) takes the array as it is; more are appended without a copy each.
            if comparisons.isEmpty { comparisons = compared } else { comparisons.append(contentsOf: compared) }
            // Both arrays: the filtered one shares the label's when nothing was filtered out.
            release.release(headData.series)
            release.release(heads[position].series)
            headData.series = []
            heads[position].series = []
        }
        release.release(baseData.series)
        baseData.series = []
        if let filter, comparisons.isEmpty { throw .filterMatchedNothing(expression: filter.description) }
        try ModerationStep.apply(&comparisons, options: options)
        try Correction.apply(&comparisons, method: options.correction)
        try DecisionStep.apply(&comparisons, options: options)
        try NonInferiorityStep.apply(&comparisons, options: options)
        CrossModeStory.apply(&comparisons)
        ComparisonOrder.apply(&comparisons, heads: heads.map(\.label))
        if let rows = options.rows { RowGrouping.order(&comparisons, projection: rows) }
        ComparisonSort.apply(&comparisons, keys: options.sort)
        let summaries = try heads.map { headData throws(AnalysisError) in
            try SuiteSummarizer.summarize(comparisons, of: headData, base: baseData, confidence: options.confidence)
        }
        return AnalysisResult(
            baseLabel: baseData.label, headLabels: heads.map(\.label), options: options, comparisons: comparisons,
            summaries: summaries, gate: Gate.evaluate(comparisons, strict: options.strict), warnings: warnings,
            historyRuns: historyNoise?.runCount)
    }

    /// `--filter` and the filter the `--row` projection's fixed orders imply, together; nil for none.
    private static func filter(_ options: AnalysisOptions) -> FilterExpression? {
        let terms = [options.filter, options.rows?.impliedFilter].compactMap { $0 }
        return terms.count > 1 ? .and(terms) : terms.first
    }

    /// The first few distinct benchmark names of a label, for a message.
    private static func names(_ label: LabelData) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for series in label.series where seen.insert(series.benchmark.name).inserted {
            names.append(series.benchmark.name)
            if names.count > 5 { break }
        }
        return names
    }
}
