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

    @Test func domainErrorsDoNotAbort() {
        #expect(throws: GSLError.self) { try GSL.tQuantile(1.5, df: 3) }
        #expect(throws: GSLError.self) { try GSL.tSurvival(1, df: -1) }
        #expect(throws: GSLError.self) { try GSL.integrate(from: 1, to: 0) { $0 } }
        #expect(
            (try? GSL.integrate(from: 0, to: 1, breakpoints: [0.5, 0.5, 2]) { $0 * $0 }).map {
                abs($0 - 1.0 / 3) < 1e-14
            } == true)
    }
}
