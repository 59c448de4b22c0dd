/// Student's t distribution's tails (GSL's `gsl_cdf_tdist_P`/`_Q`) and quantiles (`StudentTQuantile`),
/// for callers outside this module.
public enum StudentTDistribution {
    /// P(T ≤ t) with `df` degrees of freedom.
    public static func cdf(_ t: Double, df: Double) throws(StatisticsError) -> Double {
        do { return try GSL.tCDF(t, df: df) } catch { throw .gsl(error) }
    }

    /// P(T > t) with `df` degrees of freedom.
    public static func survival(_ t: Double, df: Double) throws(StatisticsError) -> Double {
        do { return try GSL.tSurvival(t, df: df) } catch { throw .gsl(error) }
    }

    /// The p-quantile with `df` degrees of freedom.
    public static func quantile(_ p: Double, df: Double) throws(StatisticsError) -> Double {
        do { return try StudentTQuantile.value(p, df: df) } catch { throw .gsl(error) }
    }
}
