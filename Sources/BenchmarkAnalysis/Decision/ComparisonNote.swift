import BenchmarkModel

/// A remark about one comparison that does not decide it, shown as a footnote: outliers, a mode
/// that differs between labels, how `--paired` matched the samples. Reports turn it into words.
public enum ComparisonNote: Sendable, Hashable {
    /// `count` samples of `label` lie outside Tukey's fences on the log scale (Tukey 1977).
    case outliers(count: Int, label: String)
    /// Base and head declare different modes; `used` (from `label`, the base) was used.
    case modeDiffers(used: MeasurementMode, label: String)
    /// `--paired` matched `pairs` pairs, by (run, iteration) when `byRun`, else by iteration.
    case paired(pairs: Int, byRun: Bool)
    /// `--paired` left `count` samples without a partner out.
    case pairedSamplesLeftOut(count: Int)
    /// `--paired` found no iteration fields: compared unpaired.
    case pairedWithoutIterations
    /// `--paired` found too few pairs (or no spread in their differences): compared unpaired.
    case pairedTooFew(pairs: Int)
    /// One run per side and no history: the input cannot show between-run drift, which the
    /// interval and p-value therefore leave out.
    case driftNotMeasured
    /// The base's centre lies `percent` away from the mean of its history runs, `sigmas` history
    /// standard deviations: outside the 99% prediction interval of one more history run.
    case baseRunOutsideHistory(percent: Double, sigmas: Double)
    /// The 20%-trimmed means of the logs (Yuen 1974) change by `trimmedChangePercent`, which differs
    /// from the default estimate by more than the threshold: a heavy tail is pulling the mean.
    case robustEstimateDisagrees(trimmedChangePercent: Double)
    /// The between-run variance was borrowed across the suite with a prior worth
    /// `priorDegreesOfFreedom` runs (`ModerationStep`).
    case varianceBorrowed(priorDegreesOfFreedom: Double)
    /// What the same benchmark's comparison in another mode saw (for a decided change).
    case otherMode(mode: MeasurementMode, changePercent: Double, interval: ClosedRange<Double>?, verdict: Verdict)
}
