/// One Welch comparison whose two sides both have runs as their unit, as `ModerationStep` needs it
/// to replace each side's between-run variance by its empirical-Bayes posterior.
///
/// A class, so that a `Comparison` holds 8 bytes for it: most comparisons have none (a side of one
/// run), and 96 bytes inline in each were an eighth of a comparison.
final class ModerationInput: Sendable {
    /// One side: its log centre (mean of run means), the sample variance of its run means on
    /// runs − 1 degrees of freedom, the within-run floor of its centre's variance, and each run's
    /// identity and mean log (so the step can see whether runs move every benchmark together).
    struct Side: Sendable {
        let logCentre: Double
        let runVariance: Double
        let runs: Int
        let withinFloor: Double
        /// The runs' identities (`BenchmarkRun.id`), in the order of `runMeans` (both empty when a
        /// side has more runs than `ModerationStep.maximumRunsModerated`: nothing borrows then).
        let runIDs: [String]
        /// The mean log of each run.
        let runMeans: [Double]
    }

    let base: Side
    let head: Side

    init(base: Side, head: Side) {
        self.base = base
        self.head = head
    }
}
