/// Which method estimated a comparison: what reports show and switch on, and what the JSON
/// report's `test` field holds (`docs/benchstat.schema.json`). One case per `ComparisonMethod`.
public enum MethodIdentifier: String, Sendable, Hashable, CaseIterable {
    /// Welch's t on the logarithms of the samples (Welch 1947): `WelchLogMethod`.
    case welchLog = "welch-log"
    /// The Mann–Whitney U test with the Hodges–Lehmann shift (Mann & Whitney 1947; Hodges &
    /// Lehmann 1963): `MannWhitneyMethod`.
    case mannWhitney = "mann-whitney"
    /// The paired t-test on log ratios of interleaved samples (Student 1908): `PairedTLogMethod`.
    case pairedTLog = "paired-t-log"
    /// Yuen's trimmed-means test on the logarithms (Yuen 1974): `YuenTrimmedLogMethod`.
    case yuenTrimmedLog = "yuen-trimmed-log"
    /// Counters that can be zero, decided on their exact values: `ExactCountsMethod`.
    case exactCounts = "exact-counts"
}
