/// How p-values of a family of tests are adjusted for multiplicity.
public enum PValueAdjustment: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// No adjustment.
    case none
    /// Bonferroni: min(1, m·p). Controls the family-wise error rate.
    case bonferroni
    /// Holm (1979) step-down: controls the family-wise error rate, uniformly more powerful than Bonferroni.
    case holm
    /// Benjamini & Hochberg (1995) step-up: controls the false discovery rate for independent
    /// or positively dependent tests.
    case benjaminiHochberg
}

/// Adjusted p-values for multiple comparisons (Bonferroni; Holm 1979; Benjamini & Hochberg 1995),
/// identical to `statsmodels.stats.multitest.multipletests` (`bonferroni`, `holm`, `fdr_bh`) and
/// `scipy.stats.false_discovery_control(method="bh")`.
public enum MultipleComparisons {
    /// Adjusts `pValues` and returns them in the input order.
    ///
    /// With p₍₁₎ ≤ … ≤ p₍ₘ₎:
    /// * Holm: p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (m − j + 1)·p₍ⱼ₎).
    /// * Benjamini–Hochberg: p̃₍ᵢ₎ = minⱼ≥ᵢ min(1, m/j · p₍ⱼ₎).
    /// - Throws: `.invalidArgument` if a p-value is NaN or outside [0, 1]. An empty list gives [].
    /// - Complexity: O(m log m).
    public static func adjust(_ pValues: [Double], method: PValueAdjustment) throws(StatisticsError) -> [Double] {
        if let index = pValues.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
            throw .invalidArgument("p-value #\(index) is not in [0, 1] (got \(pValues[index]))")
        }
        let m = Double(pValues.count)
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 0, count: pValues.count)
        switch method {
        case .none:
            return pValues
        case .bonferroni:
            return pValues.map { min(1, $0 * m) }
        case .holm:
            var running = 0.0
            for (rank, index) in order.enumerated() {
                running = max(running, min(1, (m - Double(rank)) * pValues[index]))
                adjusted[index] = running
            }
        case .benjaminiHochberg:
            var running = 1.0
            for (rank, index) in order.enumerated().reversed() {
                // m / (rank + 1) ≥ 1, but p·m/(rank + 1) can round one ulp below p: never report less.
                running = min(running, max(pValues[index], pValues[index] * m / Double(rank + 1)))
                adjusted[index] = running
            }
        }
        return adjusted
    }
}
