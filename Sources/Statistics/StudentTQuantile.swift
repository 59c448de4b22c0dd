/// Student t quantiles (`GSL.tQuantile`: GSL's `gsl_cdf_tdist_Pinv` polished by Newton steps on
/// the accurate tails), remembered per (p, ν). A suite's benchmarks ask for the same few levels
/// and degrees of freedom thousands of times (every side with 20 samples needs t₀.₉₇₅,₁₉), and each
/// quantile costs several incomplete-beta evaluations. Fractional ν recur too: a comparison whose
/// noise comes from `--history` has the history's ν (plus the current runs'), the same for every
/// benchmark with as many past runs; a Welch–Satterthwaite ν that never recurs costs one insertion.
/// The value returned is the one
/// `GSL.tQuantile` computes, bit for bit; failures are not remembered. Shared by the threads of an
/// analysis, behind a lock.
public enum StudentTQuantile {
    /// The p-quantile of Student's t distribution with `df` degrees of freedom.
    /// - Throws: `GSLError` as `GSL.tQuantile` does (p outside (0, 1), df ≤ 0).
    public static func value(_ p: Double, df: Double) throws(GSLError) -> Double {
        return try memo.value(for: SIMD2(p.bitPattern, df.bitPattern)) { () throws(GSLError) in
            try GSL.tQuantile(p, df: df)
        }
    }

    /// Beyond this many entries the table starts again.
    private static let memo = SharedMemo<SIMD2<UInt64>, Double>(capacity: 100_000)
}
