/// The sampling distribution of a comparison's log change, as far as the verdict rules need it
/// beyond the p-value: for equivalence (TOST, Schuirmann 1987: the 1 − 2α interval inside
/// ±log(1 + threshold)) and for `--strict`'s non-inferiority test.
public enum ChangeEvidence: Sendable, Hashable {
    /// log change ~ Student t with `degreesOfFreedom` and scale `standardError` (Welch, paired t).
    case studentT(logChange: Double, standardError: Double, degreesOfFreedom: Double)
    /// Only an interval of the log change at level 1 − 2α is known (rank methods: Moses's
    /// distribution-free interval of the Hodges–Lehmann shift).
    case interval(logChange: Double, lower: Double, upper: Double)
}
