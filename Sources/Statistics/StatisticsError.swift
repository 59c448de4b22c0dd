/// The one error type thrown by every function of the Statistics module, so callers handle a
/// single type (typed throws).
///
/// Inputs that cannot be analysed (empty, non-finite, out of domain) throw. Inputs that are valid
/// but degenerate (n < 2, zero variance, identical samples) do **not** throw: each result type
/// reports them explicitly with `nil` fields and a reason.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A sample that must contain at least one value is empty.
    case emptySample
    /// The value at `index` (in the sample where it was found) is NaN or infinite.
    case nonFinite(index: Int)
    /// The value at `index` is zero or negative where logarithms are taken (ratios, log scale).
    case nonPositive(index: Int)
    /// An argument is outside its domain (for example a confidence level outside (0, 1)).
    case invalidArgument(String)
    /// A computation overflowed or produced a non-finite number from finite inputs
    /// (for example values near `Double.greatestFiniteMagnitude`).
    case numericalFailure(String)
    /// GSL reported an error.
    case gsl(GSLError)

    public var description: String {
        switch self {
        case .emptySample: "the sample is empty"
        case .nonFinite(let index): "value #\(index) is NaN or infinite"
        case .nonPositive(let index): "value #\(index) is not > 0, so it has no logarithm"
        case .invalidArgument(let message): "invalid argument: \(message)"
        case .numericalFailure(let message): "numerical failure: \(message)"
        case .gsl(let error): "GSL error: \(error)"
        }
    }
}
