/// A two-sided confidence interval [`lower`, `upper`] with its confidence `level` (for example 0.95).
///
/// For distribution-free intervals built from order statistics, `level` is the confidence the
/// interval actually achieves, which can exceed the requested one (see each result type).
public struct ConfidenceInterval: Sendable, Equatable, Hashable, Codable {
    /// The lower end.
    public var lower: Double
    /// The upper end.
    public var upper: Double
    /// The confidence level in (0, 1].
    public var level: Double

    /// Creates an interval.
    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// `upper − lower`.
    public var width: Double { upper - lower }

    /// Whether `value` lies within the closed interval.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
