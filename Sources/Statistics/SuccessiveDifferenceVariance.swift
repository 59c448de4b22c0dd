/// The variance of a series from its successive differences (von Neumann, Kent, Bellinson & Hart
/// 1941): σ̂² = Σ(xᵢ₊₁ − xᵢ)² / (2(k − 1)) for k values in order. A slow drift or a single step in
/// the series inflates it far less than the ordinary variance, so past runs that moved once do not
/// make all history look noisy; under independent normal noise it is unbiased.
///
/// Its degrees of freedom are those of the scaled χ² with the same variance: von Neumann's
/// Var(δ²/(2σ²)) = (3k − 4)/(k − 1)² gives ν = 2(k − 1)²/(3k − 4) — 6.2 for 10 values, not the 8
/// or 9 a plain variance would be credited with.
public enum SuccessiveDifferenceVariance {
    /// σ̂² and its degrees of freedom, or nil for fewer than three values.
    /// - Throws: `.nonFinite(index:)` for NaN or infinite values.
    public static func estimate(_ values: [Double]) throws(StatisticsError)
        -> (variance: Double, degreesOfFreedom: Double)?
    {
        try validateFinite(values, allowEmpty: true)
        let k = values.count
        guard k >= 3 else { return nil }
        var squares = 0.0
        for index in 1..<k {
            let difference = values[index] - values[index - 1]
            squares += difference * difference
        }
        let variance = squares / (2 * Double(k - 1))
        let degreesOfFreedom = 2 * Double(k - 1) * Double(k - 1) / Double(3 * k - 4)
        return (variance, degreesOfFreedom)
    }
}
