/// The standard normal distribution (GSL's `gsl_cdf_ugaussian_Pinv` and `gsl_cdf_ugaussian_Q`), for
/// callers outside this module, which do not call GSL themselves.
public enum NormalDistribution {
    /// Φ⁻¹(p).
    /// - Throws: `.gsl` for p outside (0, 1).
    public static func quantile(_ p: Double) throws(StatisticsError) -> Double {
        do { return try GSL.normalQuantile(p) } catch { throw .gsl(error) }
    }

    /// 1 − Φ(z), accurate in the upper tail.
    /// - Throws: `.gsl` for a non-finite z.
    public static func survival(_ z: Double) throws(StatisticsError) -> Double {
        do { return try GSL.normalSurvival(z) } catch { throw .gsl(error) }
    }
}
