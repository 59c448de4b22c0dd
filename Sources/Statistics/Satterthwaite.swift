/// One independent variance estimate entering a sum: its value and its degrees of freedom.
public struct VarianceComponent: Sendable, Equatable {
    /// The estimated variance (≥ 0).
    public let variance: Double
    /// Its degrees of freedom (> 0).
    public let degreesOfFreedom: Double

    /// Creates a component.
    public init(variance: Double, degreesOfFreedom: Double) {
        self.variance = variance
        self.degreesOfFreedom = degreesOfFreedom
    }
}

/// Satterthwaite's approximation of the degrees of freedom of a sum of independent variance
/// estimates (Satterthwaite 1946; Welch 1947 for the two-sample case):
///
///     ν = (ΣVᵢ)² / Σ(Vᵢ² / νᵢ)
///
/// For V = s²_x/n_x + s²_y/n_y with ν = n − 1 each this is the Welch–Satterthwaite ν of scipy's
/// `ttest_ind(equal_var=False)` (checked in the tests). Summed in the order given.
public enum Satterthwaite {
    /// The total variance ΣVᵢ and its degrees of freedom, or nil when the total is 0 (no variance,
    /// so no degrees of freedom to speak of).
    public static func combine(_ components: [VarianceComponent]) -> (variance: Double, degreesOfFreedom: Double)? {
        var total = 0.0
        var denominator = 0.0
        for component in components {
            total += component.variance
            denominator += component.variance * component.variance / component.degreesOfFreedom
        }
        guard total > 0 else { return nil }
        return (total, total * total / denominator)
    }
}
