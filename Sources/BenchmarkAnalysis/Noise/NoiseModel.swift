/// Which source of noise set the uncertainty of a comparison (DESIGN.md, "Noise").
public enum NoiseModel: String, Sendable, CaseIterable {
    /// Samples within one run vary; every sample is an independent observation.
    case withinRun = "within-run"
    /// A side has several runs whose centres differ more than their samples explain: the run, not
    /// the sample, is the unit (the variance of run centres sets the uncertainty).
    case betweenRun = "between-run"
    /// Past baseline runs (`--history`) say how far a run's centre moves on its own; that spread is
    /// the noise floor.
    case history
    /// Every sample on both sides is identical: an exact measurement with no noise estimate.
    case exact
    /// Too few samples to estimate any noise (for example one sample per side) and no history.
    case none
}
