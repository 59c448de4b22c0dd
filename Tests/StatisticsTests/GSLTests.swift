import Statistics
import Testing

/// The Student t tails every p-value and interval rests on. GSL's `gsl_cdf_tdist_Q` uses a
/// Cornish–Fisher expansion for df > 30 that is off by up to ~1e-6 relative in the tail, so
/// `GSL.tSurvival` uses the incomplete beta function instead; these cases pin that.
@Suite struct GSLTests {
    /// P(T > t) against 50-digit mpmath.
    @Test(arguments: Reference.shared?.studentT.tails ?? [])
    func tSurvivalMatchesMpmath(_ c: StudentTTail) throws {
        let q = try GSL.tSurvival(c.t, df: c.df)
        #expect(relativeError(q, c.survival) <= 1e-11)
        let p = try GSL.tCDF(-c.t, df: c.df)
        #expect(relativeError(p, c.survival) <= 1e-11)
    }

    /// Quantiles against scipy `t.ppf`.
    @Test(arguments: Reference.shared?.studentT.quantiles ?? [])
    func tQuantileMatchesScipy(_ c: StudentTQuantile) throws {
        #expect(close(try GSL.tQuantile(c.p, df: c.df), c.quantile, 1e-12, scale: 1e-300))
    }

    /// χ² quantiles against scipy 1.17 `chi2.ppf(p, df)` (printed once, pasted here), 1e-10
    /// relative: GSL inverts its incomplete gamma by Newton steps to about 1e-12.
    @Test(arguments: [
        (0.5, 1.0, 0.454936423119572), (0.5, 2.0, 1.386294361119891), (0.5, 2.7, 2.070302460548431),
        (0.5, 11.0, 10.340998074391827), (0.2, 3.0, 1.0051740130523492), (0.975, 24.5, 40.00600647977937),
    ])
    func chiSquaredQuantileMatchesScipy(_ p: Double, _ df: Double, _ expected: Double) throws {
        let value = try ChiSquaredDistribution.quantile(p, df: df)
        #expect(relativeError(value, expected) <= 1e-10, "χ²⁻¹(\(p); \(df)) = \(value) vs scipy \(expected)")
        #expect(abs(try GSL.chiSquaredSurvival(value, df: df) - (1 - p)) <= 1e-12)
    }

    @Test func domainErrorsDoNotAbort() {
        #expect(throws: StatisticsError.self) { try ChiSquaredDistribution.quantile(1, df: 3) }
        #expect(throws: StatisticsError.self) { try ChiSquaredDistribution.quantile(0.5, df: 0) }
        #expect(throws: GSLError.self) { try GSL.tQuantile(1.5, df: 3) }
        #expect(throws: GSLError.self) { try GSL.tSurvival(1, df: -1) }
        #expect(throws: GSLError.self) { try GSL.integrate(from: 1, to: 0) { $0 } }
        #expect(
            (try? GSL.integrate(from: 0, to: 1, breakpoints: [0.5, 0.5, 2]) { $0 * $0 }).map {
                abs($0 - 1.0 / 3) < 1e-14
            } == true)
    }
}
