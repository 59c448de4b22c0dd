internal import Foundation

/// The digamma, trigamma and tetragamma functions ψ(x), ψ′(x), ψ″(x) for finite x > 0, which the
/// empirical-Bayes variance prior (`ModeratedVariance`) needs.
///
/// Method (Abramowitz & Stegun 1964, 6.3.5, 6.3.18, 6.4.6, 6.4.11): the recurrences
/// ψ⁽ᵏ⁾(x) = ψ⁽ᵏ⁾(x + 1) − (−1)ᵏ·k!/x^{k+1} carry x up to at least 12, where the asymptotic
/// (Bernoulli-number) series is summed through its x⁻¹⁶ term; the first omitted term is below
/// 1e-17 relative. Agrees with R's `digamma`, `trigamma` and `psigamma(x, 2)` to about 1e-15
/// (checked in the tests against values written by R). GSL's `gsl_sf_psi*` would do the same, but its
/// header `gsl_sf_psi.h` is not part of the CGSL shim.
public enum Polygamma {
    /// The point from which the asymptotic series is used.
    private static let asymptoticFrom = 12.0

    /// Throws unless x is finite and > 0.
    private static func validate(_ x: Double, _ name: String) throws(StatisticsError) {
        guard x.isFinite, x > 0 else { throw .invalidArgument("\(name) needs a finite x > 0 (got \(x))") }
    }

    /// ψ(x) = d/dx ln Γ(x), for finite x > 0 (Abramowitz & Stegun 6.3.5 and 6.3.18).
    /// - Throws: `.invalidArgument` for x ≤ 0 or non-finite x.
    public static func digamma(_ x: Double) throws(StatisticsError) -> Double {
        try validate(x, "digamma")
        var y = x
        var shift = 0.0
        while y < asymptoticFrom {
            shift += 1 / y
            y += 1
        }
        let r = 1 / (y * y)
        // ln y − 1/(2y) − Σ B₂ₖ/(2k·y²ᵏ), k = 1…7.
        let series =
            r
            * (1.0 / 12
                - r
                * (1.0 / 120
                    - r
                    * (1.0 / 252
                        - r * (1.0 / 240 - r * (1.0 / 132 - r * (691.0 / 32760 - r * (1.0 / 12)))))))
        return log(y) - 0.5 / y - series - shift
    }

    /// ψ′(x), the trigamma function, for finite x > 0 (Abramowitz & Stegun 6.4.6 and 6.4.11).
    /// - Throws: `.invalidArgument` for x ≤ 0 or non-finite x.
    public static func trigamma(_ x: Double) throws(StatisticsError) -> Double {
        try validate(x, "trigamma")
        var y = x
        var shift = 0.0
        while y < asymptoticFrom {
            shift += 1 / (y * y)
            y += 1
        }
        let r = 1 / (y * y)
        // 1/y + 1/(2y²) + Σ B₂ₖ/y²ᵏ⁺¹, k = 1…7.
        let series =
            r
            * (1.0 / 6
                - r
                * (1.0 / 30
                    - r * (1.0 / 42 - r * (1.0 / 30 - r * (5.0 / 66 - r * (691.0 / 2730 - r * (7.0 / 6)))))))
        return shift + (1 + 0.5 / y + series) / y
    }

    /// ψ″(x), the tetragamma function, for finite x > 0 (Abramowitz & Stegun 6.4.6 and 6.4.11).
    /// - Throws: `.invalidArgument` for x ≤ 0 or non-finite x.
    public static func tetragamma(_ x: Double) throws(StatisticsError) -> Double {
        try validate(x, "tetragamma")
        var y = x
        var shift = 0.0
        while y < asymptoticFrom {
            shift += 2 / (y * y * y)
            y += 1
        }
        let r = 1 / (y * y)
        // −1/y² − 1/y³ − Σ (2k+1)·B₂ₖ/y²ᵏ⁺², k = 1…7.
        let series =
            r
            * (1.0 / 2
                - r
                * (1.0 / 6
                    - r * (1.0 / 6 - r * (3.0 / 10 - r * (5.0 / 6 - r * (691.0 / 210 - r * (35.0 / 2)))))))
        return -shift - r * (1 + 1 / y + series)
    }
}
