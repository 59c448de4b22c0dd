/// Schuirmann's (1987) two one-sided tests (TOST) for equivalence: is the difference of means
/// mean(head) − mean(base) shown to lie inside (`lowerMargin`, `upperMargin`)?
///
/// Two one-sided Welch t-tests (Welch 1947): H₀₁: Δ ≤ lower vs Δ > lower, and H₀₂: Δ ≥ upper vs
/// Δ < upper. Equivalence is shown at level α when both reject, i.e. `pValue = max(p₁, p₂) ≤ α`
/// (equivalently the 1 − 2α t interval lies inside the margins). Matches statsmodels
/// `ttost_ind(head, base, lower, upper, usevar="unequal")`.
///
/// It works on whatever scale it is given. The benchmark layer passes logarithms of the values
/// and margins log(1 − m), log(1 + m) to ask "is the ratio within ±m?".
public enum EquivalenceTest {
    /// TOST of `head` against `base` with margins `lowerMargin` < `upperMargin`.
    /// - Parameter alpha: the level of each one-sided test (0 < α < 0.5), used for `isEquivalent`.
    /// - Returns: `nil` p-values with `degeneracy` set when the Welch test is undefined (n < 2 on
    ///   a side, or both samples constant); such a result never claims equivalence.
    /// - Throws: `.emptySample`, `.nonFinite(index:)`, `.invalidArgument` (margins, alpha).
    public static func tost(
        base: [Double], head: [Double], lowerMargin: Double, upperMargin: Double, alpha: Double = 0.05,
        equalVariances: Bool = false
    ) throws(StatisticsError) -> EquivalenceResult {
        guard lowerMargin.isFinite, upperMargin.isFinite, lowerMargin < upperMargin else {
            throw .invalidArgument("margins must be finite with lower < upper (got \(lowerMargin), \(upperMargin))")
        }
        guard alpha > 0 && alpha < 0.5 else { throw .invalidArgument("alpha must lie in (0, 0.5) (got \(alpha))") }
        let test = try TTest.twoSample(
            base: base, head: head, equalVariances: equalVariances, confidence: 1 - 2 * alpha)
        guard let se = test.standardError, let df = test.degreesOfFreedom else {
            return EquivalenceResult(
                meanDifference: test.meanDifference, lowerPValue: nil, upperPValue: nil, alpha: alpha,
                test: test)
        }
        let tLower = (test.meanDifference - lowerMargin) / se
        let tUpper = (test.meanDifference - upperMargin) / se
        try requireFinite(tLower, tUpper, what: "a TOST t statistic")
        let pLower = try viaGSL { () throws(GSLError) in try GSL.tSurvival(tLower, df: df) }
        let pUpper = try viaGSL { () throws(GSLError) in try GSL.tCDF(tUpper, df: df) }
        return EquivalenceResult(
            meanDifference: test.meanDifference, lowerPValue: pLower, upperPValue: pUpper, alpha: alpha, test: test)
    }
}

/// The result of `EquivalenceTest.tost`.
public struct EquivalenceResult: Sendable, Equatable {
    /// mean(head) − mean(base).
    public let meanDifference: Double
    /// p of H₀: Δ ≤ lowerMargin (one-sided, upper tail).
    public let lowerPValue: Double?
    /// p of H₀: Δ ≥ upperMargin (one-sided, lower tail).
    public let upperPValue: Double?
    /// The level the test was asked for.
    public let alpha: Double
    /// The underlying two-sided t-test, whose interval is at level 1 − 2α.
    public let test: TTestResult

    /// max(lowerPValue, upperPValue): the TOST p-value; `nil` when degenerate.
    public var pValue: Double? {
        guard let lowerPValue, let upperPValue else { return nil }
        return max(lowerPValue, upperPValue)
    }

    /// Why no p-value exists, if so.
    public var degeneracy: TTestResult.Degeneracy? { test.degeneracy }

    /// Whether equivalence is shown at level `alpha` (both one-sided tests reject); `false` when degenerate.
    public func isEquivalent(alpha: Double) -> Bool {
        guard let pValue else { return false }
        return pValue <= alpha
    }

    /// Whether equivalence is shown at the level the test was run with.
    public var isEquivalent: Bool { isEquivalent(alpha: alpha) }
}
