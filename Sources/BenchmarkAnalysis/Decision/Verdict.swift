/// What benchstat concludes about one benchmark (DESIGN.md, "Verdict").
public enum Verdict: String, Sendable, CaseIterable, Comparable {
    /// Significant after correction, beyond the threshold, in the bad direction.
    case regression
    /// Significant after correction, beyond the threshold, in the good direction.
    case improvement
    /// Neither shown nor ruled out: more samples or history would settle it.
    case inconclusive
    /// Explained by noise: not significant or within the threshold, and the data are good enough to say so.
    case noise
    /// Present on one side only.
    case missing

    /// Order for reports: what needs attention first.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let order: [Verdict] = [.regression, .improvement, .inconclusive, .noise, .missing]
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
