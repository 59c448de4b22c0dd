/// One Welch comparison whose two sides both have runs as their unit, as `ModerationStep` needs it
/// to replace each side's between-run variance by its empirical-Bayes posterior.
struct ModerationInput: Sendable {
    /// One side: its log centre (mean of run means), the sample variance of its run means on
    /// runs − 1 degrees of freedom, and the within-run floor of its centre's variance.
    struct Side: Sendable {
        let logCentre: Double
        let runVariance: Double
        let runs: Int
        let withinFloor: Double
    }

    let base: Side
    let head: Side
}
