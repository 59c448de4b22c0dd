// The only file that imports the GNU Scientific Library. Every GSL call in the package goes
// through a function here, so that the error handling lives in one place:
//
// * GSL's default error handler prints and calls `abort()`; it is switched off once, before the
//   first call, by `GSL.ensureHandlerOff()`.
// * Functions that return a status code have it turned into a `GSLError`.
// * Functions that signal a domain error only by returning NaN (the CDFs and their inverses)
//   have their arguments checked first and their result checked after; a NaN becomes a
//   `GSLError` too, so no NaN leaves this file unannounced.

internal import CGSL

/// A failure reported by the GNU Scientific Library, or an argument that GSL would reject.
///
/// `code` is GSL's own status code (`GSL_EDOM`, `GSL_EINVAL`, …) where GSL returned one, and
/// `GSLError.domainCode` where this wrapper detected an invalid argument or a NaN result.
public struct GSLError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The GSL status code (for example `GSL_EDOM` = 1).
    public let code: Int32
    /// The GSL function that failed, for example `gsl_cdf_tdist_Pinv`.
    public let function: String
    /// What went wrong, in words.
    public let message: String

    /// GSL's `GSL_EDOM`: an argument lies outside the function's domain.
    public static let domainCode: Int32 = 1

    public var description: String { "\(function): \(message) (GSL status \(code))" }
}

/// Plain Swift functions over the GNU Scientific Library. Each documents the GSL function it calls.
public enum GSL {
    /// Switches GSL's aborting error handler off. Runs once; every wrapper touches it first.
    /// The corresponding GSL function is `gsl_set_error_handler_off`.
    private static let handlerOff: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()

    /// Makes sure GSL's default (aborting) error handler is off. Idempotent and thread-safe.
    @inline(__always)
    public static func ensureHandlerOff() { _ = handlerOff }

    // MARK: Errors

    private static func check(_ status: Int32, _ function: String) throws(GSLError) {
        guard status == 0 else {  // GSL_SUCCESS
            let text = gsl_strerror(status).map { String(cString: $0) } ?? "unknown error"
            throw GSLError(code: status, function: function, message: text)
        }
    }

    // The messages are autoclosures: interpolating the arguments on every successful call cost more
    // than many of the GSL functions themselves (issue 6).
    private static func finite(
        _ value: Double, _ function: String, _ arguments: @autoclosure () -> String
    ) throws(GSLError) -> Double {
        guard !value.isNaN else {
            throw GSLError(code: GSLError.domainCode, function: function, message: "no value for \(arguments())")
        }
        return value
    }

    private static func domain(_ condition: Bool, _ function: String, _ what: @autoclosure () -> String)
        throws(GSLError)
    {
        guard condition else { throw GSLError(code: GSLError.domainCode, function: function, message: what()) }
    }

    // MARK: Student's t distribution

    /// Lower tail P(T ≤ t) of Student's t with `df` degrees of freedom (`df` > 0, may be fractional).
    /// Computed as `tSurvival(-t, df:)`; see there for the method.
    public static func tCDF(_ t: Double, df: Double) throws(GSLError) -> Double {
        try domain(df > 0 && !t.isNaN, "gsl_cdf_tdist_P", "df must be > 0 and t a number (df=\(df), t=\(t))")
        return try tSurvival(-t, df: df)
    }

    /// Upper tail P(T > t) of Student's t with `df` degrees of freedom, accurate far in the tail.
    ///
    /// GSL's own `gsl_cdf_tdist_Q` switches to a Cornish–Fisher expansion for df > 30 and
    /// t² < 10·df, which is only accurate to about 1e-6 relative in the tail (for example t = 23,
    /// df = 53). So for df ≤ 10⁵ this computes the exact identity
    /// P(T > t) = ½·I_{df/(df+t²)}(df/2, ½) for |t| ≥ 1, and ½ − ½·I_{t²/(df+t²)}(½, df/2) for |t| < 1
    /// (no cancellation: the tail is then ≥ 0.15), with the regularized incomplete beta function
    /// `gsl_sf_beta_inc_e`; it agrees with 50-digit mpmath to 4e-12 relative. For df > 10⁵, or
    /// where the incomplete beta underflows, it uses `gsl_cdf_tdist_Q`, accurate there to 3e-13.
    /// The corresponding GSL functions are `gsl_sf_beta_inc_e` and `gsl_cdf_tdist_Q`.
    public static func tSurvival(_ t: Double, df: Double) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(df > 0 && !t.isNaN, "gsl_cdf_tdist_Q", "df must be > 0 and t a number (df=\(df), t=\(t))")
        if t < 0 { return 1 - (try tSurvival(-t, df: df)) }
        if df <= 1e5 && t.isFinite {
            let t2 = t * t
            var result = gsl_sf_result(val: 0, err: 0)
            let status =
                t < 1
                ? gsl_sf_beta_inc_e(0.5, df / 2, t2 / (df + t2), &result)
                : gsl_sf_beta_inc_e(df / 2, 0.5, df / (df + t2), &result)
            if status == 0 && result.val.isFinite {
                let value = t < 1 ? 0.5 - 0.5 * result.val : 0.5 * result.val
                if value > 0 { return value }
            }
        }
        return try finite(gsl_cdf_tdist_Q(t, df), "gsl_cdf_tdist_Q", "t=\(t), df=\(df)")
    }

    /// The quantile t such that P(T ≤ t) = p, for 0 < p < 1: GSL's `gsl_cdf_tdist_Pinv`, polished
    /// by up to three Newton steps on the accurate `tCDF` (GSL's inverse inherits the
    /// Cornish–Fisher error of its CDF for df > 30).
    /// The corresponding GSL functions are `gsl_cdf_tdist_Pinv` and `gsl_ran_tdist_pdf`.
    public static func tQuantile(_ p: Double, df: Double) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(df > 0 && p > 0 && p < 1, "gsl_cdf_tdist_Pinv", "need 0 < p < 1 and df > 0 (p=\(p), df=\(df))")
        var t = try finite(gsl_cdf_tdist_Pinv(p, df), "gsl_cdf_tdist_Pinv", "p=\(p), df=\(df)")
        for _ in 0..<3 {
            // Work in the smaller tail so that the residual keeps its relative accuracy.
            let residual = p < 0.5 ? (try tCDF(t, df: df)) - p : (1 - p) - (try tSurvival(t, df: df))
            let density = gsl_ran_tdist_pdf(t, df)
            guard density > 0, density.isFinite else { break }
            let step = residual / density
            guard step.isFinite else { break }
            t -= step
            if abs(step) <= 1e-15 * max(1, abs(t)) { break }
        }
        return t
    }

    // MARK: Standard normal distribution

    /// Lower tail Φ(z) of the standard normal distribution.
    /// The corresponding GSL function is `gsl_cdf_ugaussian_P`.
    public static func normalCDF(_ z: Double) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(!z.isNaN, "gsl_cdf_ugaussian_P", "z must be a number")
        return gsl_cdf_ugaussian_P(z)
    }

    /// Upper tail 1 − Φ(z) of the standard normal distribution, accurate far in the tail.
    /// The corresponding GSL function is `gsl_cdf_ugaussian_Q`.
    public static func normalSurvival(_ z: Double) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(!z.isNaN, "gsl_cdf_ugaussian_Q", "z must be a number")
        return gsl_cdf_ugaussian_Q(z)
    }

    /// The standard normal quantile Φ⁻¹(p), for 0 < p < 1.
    /// The corresponding GSL function is `gsl_cdf_ugaussian_Pinv`.
    public static func normalQuantile(_ p: Double) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(p > 0 && p < 1, "gsl_cdf_ugaussian_Pinv", "need 0 < p < 1 (p=\(p))")
        return try finite(gsl_cdf_ugaussian_Pinv(p), "gsl_cdf_ugaussian_Pinv", "p=\(p)")
    }

    // MARK: Binomial distribution

    /// P(X ≤ k) for X ~ Binomial(n, p).
    /// The corresponding GSL function is `gsl_cdf_binomial_P`.
    public static func binomialCDF(_ k: Int, p: Double, n: Int) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(
            k >= 0 && n >= 0 && p >= 0 && p <= 1 && n <= Int(UInt32.max), "gsl_cdf_binomial_P",
            "need k ≥ 0, n ≥ 0, 0 ≤ p ≤ 1 (k=\(k), n=\(n), p=\(p))")
        return try finite(
            gsl_cdf_binomial_P(UInt32(min(k, n)), p, UInt32(n)), "gsl_cdf_binomial_P", "k=\(k), n=\(n), p=\(p)")
    }

    /// P(X = k) for X ~ Binomial(n, p).
    /// The corresponding GSL function is `gsl_ran_binomial_pdf`.
    public static func binomialPMF(_ k: Int, p: Double, n: Int) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(
            k >= 0 && n >= 0 && p >= 0 && p <= 1 && n <= Int(UInt32.max), "gsl_ran_binomial_pdf",
            "need k ≥ 0, n ≥ 0, 0 ≤ p ≤ 1 (k=\(k), n=\(n), p=\(p))")
        return gsl_ran_binomial_pdf(UInt32(k), p, UInt32(n))
    }

    // MARK: Chi-squared distribution

    /// Upper tail P(X > x) of the χ² distribution with `df` degrees of freedom.
    /// The corresponding GSL function is `gsl_cdf_chisq_Q`.
    public static func chiSquaredSurvival(_ x: Double, df: Double) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(df > 0 && !x.isNaN, "gsl_cdf_chisq_Q", "df must be > 0 (df=\(df))")
        return try finite(gsl_cdf_chisq_Q(x, df), "gsl_cdf_chisq_Q", "x=\(x), df=\(df)")
    }

    /// The quantile x with P(X ≤ x) = `p` of the χ² distribution with `df` degrees of freedom.
    /// The corresponding GSL function is `gsl_cdf_chisq_Pinv`.
    public static func chiSquaredQuantile(_ p: Double, df: Double) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(df > 0 && p > 0 && p < 1, "gsl_cdf_chisq_Pinv", "need 0 < p < 1 and df > 0 (p=\(p), df=\(df))")
        return try finite(gsl_cdf_chisq_Pinv(p, df), "gsl_cdf_chisq_Pinv", "p=\(p), df=\(df)")
    }

    /// Upper tail P(X > x) of the F distribution with `df1` and `df2` degrees of freedom.
    /// The corresponding GSL function is `gsl_cdf_fdist_Q`.
    public static func fSurvival(_ x: Double, df1: Double, df2: Double) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(df1 > 0 && df2 > 0 && !x.isNaN, "gsl_cdf_fdist_Q", "df1 and df2 must be > 0 (\(df1), \(df2))")
        return try finite(gsl_cdf_fdist_Q(x, df1, df2), "gsl_cdf_fdist_Q", "x=\(x), df1=\(df1), df2=\(df2)")
    }

    // MARK: Numerical integration

    /// ∫ₐᵇ f(x) dx by adaptive 61-point Gauss–Kronrod quadrature on each panel between known
    /// break points (where the integrand changes quickly), each panel to
    /// |error| ≤ max(`absoluteTolerance`/panels, `relativeTolerance`·|panel|).
    /// `breakpoints` outside (a, b) are ignored. A NaN from `integrand` makes the call throw.
    /// The corresponding GSL function is `gsl_integration_qag` (QUADPACK QAG), once per panel.
    public static func integrate(
        from lower: Double, to upper: Double, breakpoints: [Double] = [], absoluteTolerance: Double = 1e-13,
        relativeTolerance: Double = 1e-10, _ integrand: (Double) -> Double
    ) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(
            lower.isFinite && upper.isFinite && lower < upper, "gsl_integration_qag",
            "need finite a < b (a=\(lower), b=\(upper))")
        let limit = 2000
        guard let workspace = gsl_integration_workspace_alloc(limit) else {
            // 8 is GSL_ENOMEM.
            throw GSLError(code: 8, function: "gsl_integration_workspace_alloc", message: "out of memory")
        }
        defer { gsl_integration_workspace_free(workspace) }
        // Strictly increasing points: QUADPACK rejects empty or vanishing sub-intervals.
        var points = [lower]
        for point in breakpoints.filter({ $0 > lower && $0 < upper }).sorted() + [upper]
        where point - (points.last ?? lower) > 1e-12 * max(1, abs(point)) {
            points.append(point)
        }
        if let last = points.last, last != upper { points[points.count - 1] = upper }
        var result = 0.0
        var error = 0.0
        let status = withoutActuallyEscaping(integrand) { escapable -> Int32 in
            var box = IntegrandBox(function: escapable)
            return withUnsafeMutablePointer(to: &box) { boxPointer -> Int32 in
                var function = gsl_function(
                    function: { x, parameters in
                        guard let parameters else { return .nan }
                        return parameters.assumingMemoryBound(to: IntegrandBox.self).pointee.function(x)
                    },
                    params: UnsafeMutableRawPointer(boxPointer))
                // One adaptive Gauss–Kronrod (61-point) integration per panel between break points,
                // without QAGP's ε-extrapolation, which misreads smooth panels as round-off.
                let panels = Double(points.count - 1)
                for (a, b) in zip(points, points.dropFirst()) {
                    var piece = 0.0
                    var pieceError = 0.0
                    let status = gsl_integration_qag(
                        &function, a, b, absoluteTolerance / panels, relativeTolerance, limit, Int32(GSL_INTEG_GAUSS61),
                        workspace, &piece, &pieceError)
                    // QUADPACK flags round-off when an integrand's own noise stops the error estimate
                    // from shrinking further; a panel whose estimate is still within 1000× the request
                    // is accepted (the status is otherwise returned as an error).
                    let requested = max(absoluteTolerance / panels, relativeTolerance * abs(piece))
                    if status != 0 && !(status == GSL_EROUND && pieceError <= 1000 * requested) { return status }
                    result += piece
                    error += pieceError
                }
                return 0
            }
        }
        try check(status, "gsl_integration_qag")
        return try finite(result, "gsl_integration_qag", "the integral")
    }

    /// Carries a Swift closure through GSL's `void *params`.
    private struct IntegrandBox {
        let function: (Double) -> Double
    }

    // MARK: Special functions

    /// The natural logarithm of the binomial coefficient C(n, k), for 0 ≤ k ≤ n.
    /// The corresponding GSL function is `gsl_sf_lnchoose_e`.
    public static func logChoose(_ n: Int, _ k: Int) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(k >= 0 && n >= k && n <= Int(UInt32.max), "gsl_sf_lnchoose_e", "need 0 ≤ k ≤ n (n=\(n), k=\(k))")
        var result = gsl_sf_result(val: 0, err: 0)
        try check(gsl_sf_lnchoose_e(UInt32(n), UInt32(k), &result), "gsl_sf_lnchoose_e")
        return result.val
    }

    /// The natural logarithm of the beta function, ln B(a, b), for a, b > 0.
    /// The corresponding GSL function is `gsl_sf_lnbeta_e`.
    public static func logBeta(_ a: Double, _ b: Double) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(a > 0 && b > 0 && a.isFinite && b.isFinite, "gsl_sf_lnbeta_e", "need a, b > 0 (a=\(a), b=\(b))")
        var result = gsl_sf_result(val: 0, err: 0)
        try check(gsl_sf_lnbeta_e(a, b, &result), "gsl_sf_lnbeta_e")
        return try finite(result.val, "gsl_sf_lnbeta_e", "a=\(a), b=\(b)")
    }

    /// The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1.
    /// The corresponding GSL function is `gsl_sf_beta_inc_e`.
    public static func betaRegularized(_ x: Double, a: Double, b: Double) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(
            a > 0 && b > 0 && a.isFinite && b.isFinite && x >= 0 && x <= 1, "gsl_sf_beta_inc_e",
            "need a, b > 0 and 0 ≤ x ≤ 1 (a=\(a), b=\(b), x=\(x))")
        var result = gsl_sf_result(val: 0, err: 0)
        try check(gsl_sf_beta_inc_e(a, b, x, &result), "gsl_sf_beta_inc_e")
        return try finite(result.val, "gsl_sf_beta_inc_e", "a=\(a), b=\(b), x=\(x)")
    }

    // MARK: Descriptive statistics

    /// The arithmetic mean. The corresponding GSL function is `gsl_stats_mean`.
    /// - Precondition handled: an empty array throws.
    public static func mean(_ values: [Double]) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(!values.isEmpty, "gsl_stats_mean", "needs at least one value")
        return values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// The unbiased sample variance (divisor n − 1), computed by GSL's two-pass algorithm about `mean`.
    /// The corresponding GSL function is `gsl_stats_variance_m`.
    public static func variance(_ values: [Double], mean: Double) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(values.count >= 2, "gsl_stats_variance_m", "needs at least two values")
        return values.withUnsafeBufferPointer { gsl_stats_variance_m($0.baseAddress, 1, $0.count, mean) }
    }

    /// Sorts a copy of `values` ascending. The corresponding GSL function is `gsl_sort`.
    public static func sorted(_ values: [Double]) -> [Double] {
        ensureHandlerOff()
        var copy = values
        copy.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
        return copy
    }

    /// The quantile of already sorted data by linear interpolation between order statistics
    /// (Hyndman & Fan type 7, as R's default and numpy's `linear`).
    /// The corresponding GSL function is `gsl_stats_quantile_from_sorted_data`.
    public static func quantile(sorted values: [Double], _ p: Double) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(
            !values.isEmpty && p >= 0 && p <= 1, "gsl_stats_quantile_from_sorted_data",
            "needs a non-empty array and 0 ≤ p ≤ 1 (p=\(p))")
        return values.withUnsafeBufferPointer {
            gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, p)
        }
    }

    /// The median of already sorted data. The corresponding GSL function is `gsl_stats_median_from_sorted_data`.
    public static func median(sorted values: [Double]) throws(GSLError) -> Double {
        ensureHandlerOff()
        try domain(!values.isEmpty, "gsl_stats_median_from_sorted_data", "needs at least one value")
        return values.withUnsafeBufferPointer {
            gsl_stats_median_from_sorted_data($0.baseAddress, 1, $0.count)
        }
    }
}

/// A seeded pseudo-random number generator: GSL's Mersenne Twister (`gsl_rng_mt19937`,
/// Matsumoto & Nishimura 1998). The same seed yields the same sequence on every platform.
///
/// It owns a C object, so it is a non-copyable value: it cannot be shared between threads by accident.
public struct RandomSource: ~Copyable {
    private let generator: UnsafeMutablePointer<gsl_rng>

    /// Creates a generator seeded with `seed`. The corresponding GSL functions are
    /// `gsl_rng_alloc(benchstat_rng_mt19937())` and `gsl_rng_set`.
    /// - Throws: `GSLError` if GSL cannot allocate the generator.
    public init(seed: UInt) throws(GSLError) {
        GSL.ensureHandlerOff()
        guard let pointer = gsl_rng_alloc(benchstat_rng_mt19937()) else {
            throw GSLError(code: 8, function: "gsl_rng_alloc", message: "out of memory")  // GSL_ENOMEM
        }
        gsl_rng_set(pointer, seed)
        generator = pointer
    }

    deinit { gsl_rng_free(generator) }

    /// A uniformly distributed integer in 0..<bound (bound ≥ 1).
    /// The corresponding GSL function is `gsl_rng_uniform_int`.
    public func index(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(gsl_rng_uniform_int(generator, UInt(bound)))
    }

    /// A uniformly distributed double in [0, 1). The corresponding GSL function is `gsl_rng_uniform`.
    public func uniform() -> Double { gsl_rng_uniform(generator) }

    /// A normally distributed double with mean 0 and standard deviation `sigma`.
    /// The corresponding GSL function is `gsl_ran_gaussian_ziggurat`.
    public func gaussian(sigma: Double = 1) -> Double { gsl_ran_gaussian_ziggurat(generator, sigma) }
}
