/// Fisher's F distribution (GSL's `gsl_cdf_fdist_Q`), for callers outside this module.
public enum FDistribution {
    /// P(F > x) with `df1` and `df2` degrees of freedom.
    /// - Throws: `.gsl` for degrees of freedom ≤ 0 or a NaN x.
    public static func survival(_ x: Double, df1: Double, df2: Double) throws(StatisticsError) -> Double {
        do { return try GSL.fSurvival(x, df1: df1, df2: df2) } catch { throw .gsl(error) }
    }
}
