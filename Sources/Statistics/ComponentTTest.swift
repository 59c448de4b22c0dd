/// One side of a two-sample comparison given as summary statistics: an estimated centre, the
/// estimated variance *of that centre* (not of a single observation), and the degrees of freedom
/// that variance estimate carries.
///
/// For n independent observations with sample variance s², the centre is their mean, its variance
/// is s²/n and its degrees of freedom n − 1. Other noise models (the mean of k run means, or a
/// variance floor from past runs) supply their own variance and degrees of freedom.
public struct CentreEstimate: Sendable, Equatable {
    /// The estimated centre (for example a mean of logarithms).
    public let centre: Double
    /// The estimated variance of `centre`; 0 for a noiseless (exact) measurement.
    public let varianceOfCentre: Double
    /// The degrees of freedom of `varianceOfCentre` (> 0).
    public let degreesOfFreedom: Double

    /// Creates a centre estimate.
    public init(centre: Double, varianceOfCentre: Double, degreesOfFreedom: Double) {
        self.centre = centre
        self.varianceOfCentre = varianceOfCentre
        self.degreesOfFreedom = degreesOfFreedom
    }
}

/// The result of `ComponentTTest.compare`.
public struct ComponentTTestResult: Sendable, Equatable {
    /// head.centre − base.centre.
    public let difference: Double
    /// √(V_base + V_head).
    public let standardError: Double
    /// difference / standardError.
    public let t: Double
    /// The Welch–Satterthwaite degrees of freedom.
    public let degreesOfFreedom: Double
    /// The two-sided p-value.
    public let pValue: Double
    /// The confidence interval for the difference.
    public let confidenceInterval: ConfidenceInterval
}

/// Welch's unequal-variances t-test from summary statistics, generalised to centres whose
/// variances come from any noise model (Welch 1947; Satterthwaite 1946).
///
/// With V_b, V_h the variances of the two centres and ν_b, ν_h their degrees of freedom:
///
///     t = (c_h − c_b) / √(V_b + V_h),   ν = (V_b + V_h)² / (V_b²/ν_b + V_h²/ν_h)
///
/// and the p-value and interval come from Student's t with ν degrees of freedom (GSL's
/// `gsl_cdf_tdist_Q` and `gsl_cdf_tdist_Pinv`). When each side is n independent observations with
/// V = s²/n and ν = n − 1 this is exactly Welch's test (scipy `ttest_ind(equal_var=False)`).
public enum ComponentTTest {
    /// Compares `head` against `base`. Returns nil when both variances are 0 (an exact
    /// measurement: no test is possible, and no p-value is invented).
    ///
    /// Satterthwaite's ν assumes the two variances are independent estimates. When one rests on the
    /// other's (a side given the other side's variance), ν overstates what is known — two variances
    /// proportional to one s² on ν₀ degrees of freedom are known to ν₀, while the formula gives up
    /// to 2ν₀ — and the caller passes `maximumDegreesOfFreedom` = ν₀ to cap it.
    /// - Throws: `StatisticsError.invalidArgument` for non-finite or negative inputs, a confidence
    ///   outside (0, 1), or a maximum that is not > 0.
    public static func compare(
        base: CentreEstimate, head: CentreEstimate, confidence: Double,
        maximumDegreesOfFreedom: Double = .infinity
    ) throws(StatisticsError) -> ComponentTTestResult? {
        guard maximumDegreesOfFreedom > 0 else {
            throw .invalidArgument("the maximum degrees of freedom must be > 0, got \(maximumDegreesOfFreedom)")
        }
        for side in [base, head] {
            guard side.centre.isFinite, side.varianceOfCentre.isFinite, side.varianceOfCentre >= 0,
                side.degreesOfFreedom > 0, side.degreesOfFreedom.isFinite
            else {
                throw .invalidArgument(
                    "centre estimates need a finite centre, a variance ≥ 0 and degrees of freedom > 0")
            }
        }
        guard confidence > 0, confidence < 1 else {
            throw .invalidArgument("confidence must lie in (0, 1), got \(confidence)")
        }
        guard
            let (variance, welchDegreesOfFreedom) = Satterthwaite.combine([
                VarianceComponent(variance: base.varianceOfCentre, degreesOfFreedom: base.degreesOfFreedom),
                VarianceComponent(variance: head.varianceOfCentre, degreesOfFreedom: head.degreesOfFreedom),
            ])
        else { return nil }
        let degreesOfFreedom = min(welchDegreesOfFreedom, maximumDegreesOfFreedom)
        let difference = head.centre - base.centre
        let standardError = variance.squareRoot()
        let t = difference / standardError
        do {
            let pValue = min(1, 2 * (try GSL.tSurvival(abs(t), df: degreesOfFreedom)))
            let critical = try StudentTQuantile.value(0.5 + confidence / 2, df: degreesOfFreedom)
            let interval = ConfidenceInterval(
                lower: difference - critical * standardError, upper: difference + critical * standardError,
                level: confidence)
            return ComponentTTestResult(
                difference: difference, standardError: standardError, t: t,
                degreesOfFreedom: degreesOfFreedom, pValue: pValue, confidenceInterval: interval)
        } catch {
            throw .gsl(error)
        }
    }
}
