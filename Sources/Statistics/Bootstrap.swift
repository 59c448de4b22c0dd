/// Bootstrap confidence intervals (Efron 1979) for any statistic of one sample or of two
/// samples: the percentile interval and the bias-corrected and accelerated (BCa) interval of
/// Efron (1987), with the jackknife estimate of the acceleration.
///
/// Resampling draws indices with GSL's Mersenne Twister (`RandomSource`, seeded): the same
/// inputs and `seed` give bit-identical results on every run and platform. Two-sample variants
/// resample each sample independently (base first, then head, for each replicate).
///
/// Interval ends are type-7 quantiles (linear interpolation) of the replicates, as scipy's
/// `scipy.stats.bootstrap`. BCa follows scipy's conventions too: the bias correction
/// z₀ = Φ⁻¹((#{θ* < θ̂} + #{θ* ≤ θ̂}) / 2B) and, for two samples, the acceleration from the
/// jackknife of each sample in turn (Efron & Tibshirani 1993, §14.3 and §15.4).
///
/// A statistic that is constant over the replicates (a constant sample, n = 1) gives no interval:
/// `confidenceInterval == nil` and `degeneracy == .constantReplicates`.
public enum Bootstrap {
    /// The percentile interval of `statistic` over `values`.
    /// - Throws: `.emptySample`, `.nonFinite(index:)`, `.invalidArgument` (resamples < 2,
    ///   confidence), `.numericalFailure` (the statistic returned NaN or ±Inf).
    public static func percentile(
        _ values: [Double], resamples: Int = 10_000, confidence: Double = 0.95, seed: UInt = 0,
        statistic: ([Double]) -> Double
    ) throws(StatisticsError) -> BootstrapResult {
        try run([values], method: .percentile, resamples: resamples, confidence: confidence, seed: seed) {
            statistic($0[0])
        }
    }

    /// The BCa interval of `statistic` over `values`.
    /// - Throws: as `percentile`.
    public static func bca(
        _ values: [Double], resamples: Int = 10_000, confidence: Double = 0.95, seed: UInt = 0,
        statistic: ([Double]) -> Double
    ) throws(StatisticsError) -> BootstrapResult {
        try run([values], method: .bca, resamples: resamples, confidence: confidence, seed: seed) {
            statistic($0[0])
        }
    }

    /// The percentile interval of a two-sample `statistic(base, head)` (a difference or a ratio).
    /// - Throws: as `percentile`.
    public static func percentile(
        base: [Double], head: [Double], resamples: Int = 10_000, confidence: Double = 0.95, seed: UInt = 0,
        statistic: ([Double], [Double]) -> Double
    ) throws(StatisticsError) -> BootstrapResult {
        try run([base, head], method: .percentile, resamples: resamples, confidence: confidence, seed: seed) {
            statistic($0[0], $0[1])
        }
    }

    /// The BCa interval of a two-sample `statistic(base, head)` (a difference or a ratio).
    /// - Throws: as `percentile`.
    public static func bca(
        base: [Double], head: [Double], resamples: Int = 10_000, confidence: Double = 0.95, seed: UInt = 0,
        statistic: ([Double], [Double]) -> Double
    ) throws(StatisticsError) -> BootstrapResult {
        try run([base, head], method: .bca, resamples: resamples, confidence: confidence, seed: seed) {
            statistic($0[0], $0[1])
        }
    }

    private static func run(
        _ samples: [[Double]], method: BootstrapResult.Method, resamples: Int, confidence: Double, seed: UInt,
        statistic: ([[Double]]) -> Double
    ) throws(StatisticsError) -> BootstrapResult {
        for sample in samples { try validateFinite(sample) }
        try validateConfidence(confidence)
        guard resamples >= 2 else { throw .invalidArgument("resamples must be ≥ 2 (got \(resamples))") }
        let estimate = statistic(samples)
        try requireFinite(estimate, what: "the statistic of the original sample")

        let random: RandomSource
        do {
            random = try RandomSource(seed: seed)
        } catch {
            throw .gsl(error)
        }
        var replicates = [Double](repeating: 0, count: resamples)
        var drawn = samples
        for b in 0..<resamples {
            for (j, sample) in samples.enumerated() {
                for i in sample.indices { drawn[j][i] = sample[random.index(below: sample.count)] }
            }
            let value = statistic(drawn)
            try requireFinite(value, what: "the statistic of bootstrap replicate \(b)")
            replicates[b] = value
        }
        let sorted = GSL.sorted(replicates)
        let replicateStats = try DescriptiveStatistics(replicates)
        let standardError = replicateStats.standardDeviation ?? 0

        func result(_ interval: ConfidenceInterval?, z0: Double?, a: Double?, _ degeneracy: BootstrapResult.Degeneracy?)
            -> BootstrapResult
        {
            BootstrapResult(
                estimate: estimate, confidenceInterval: interval, standardError: standardError, resamples: resamples,
                method: method, biasCorrection: z0, acceleration: a, degeneracy: degeneracy)
        }
        if replicateStats.isConstant { return result(nil, z0: nil, a: nil, .constantReplicates) }

        let alpha = (1 - confidence) / 2
        func quantile(_ p: Double) throws(StatisticsError) -> Double {
            try viaGSL { () throws(GSLError) in try GSL.quantile(sorted: sorted, p) }
        }
        switch method {
        case .percentile:
            let interval = ConfidenceInterval(
                lower: try quantile(alpha), upper: try quantile(1 - alpha), level: confidence)
            return result(interval, z0: nil, a: nil, nil)
        case .bca:
            let below = Double(replicates.count { $0 < estimate })
            let atOrBelow = Double(replicates.count { $0 <= estimate })
            let proportion = (below + atOrBelow) / (2 * Double(resamples))
            guard proportion > 0 && proportion < 1 else {
                return result(nil, z0: nil, a: nil, .biasCorrectionUndefined)
            }
            let z0 = try viaGSL { () throws(GSLError) in try GSL.normalQuantile(proportion) }
            let a = try acceleration(samples, statistic: statistic)
            let zAlpha = try viaGSL { () throws(GSLError) in try GSL.normalQuantile(alpha) }
            func adjusted(_ z: Double) throws(StatisticsError) -> Double {
                let shifted = z0 + z
                let level = z0 + shifted / (1 - a * shifted)
                return try viaGSL { () throws(GSLError) in try GSL.normalCDF(level) }
            }
            let lowerLevel = try adjusted(zAlpha)
            let upperLevel = try adjusted(-zAlpha)
            guard lowerLevel.isFinite, upperLevel.isFinite, lowerLevel <= upperLevel else {
                return result(nil, z0: z0, a: a, .biasCorrectionUndefined)
            }
            let interval = ConfidenceInterval(
                lower: try quantile(min(1, max(0, lowerLevel))), upper: try quantile(min(1, max(0, upperLevel))),
                level: confidence)
            return result(interval, z0: z0, a: a, nil)
        }
    }

    /// The jackknife acceleration â = Σⱼ Σᵢ Uⱼᵢ³/nⱼ³ / (6 (Σⱼ Σᵢ Uⱼᵢ²/nⱼ²)^{3/2}),
    /// Uⱼᵢ = (nⱼ − 1)(θ̄₍·₎ⱼ − θ₍ᵢ₎ⱼ), leaving out value i of sample j; 0 when the jackknife is flat
    /// or a sample has fewer than 2 values.
    private static func acceleration(
        _ samples: [[Double]], statistic: ([[Double]]) -> Double
    ) throws(StatisticsError) -> Double {
        var numerator = 0.0
        var denominator = 0.0
        for (j, sample) in samples.enumerated() where sample.count >= 2 {
            var leaveOneOut = samples
            var values = [Double](repeating: 0, count: sample.count)
            for i in sample.indices {
                var reduced = sample
                reduced.remove(at: i)
                leaveOneOut[j] = reduced
                values[i] = statistic(leaveOneOut)
                try requireFinite(values[i], what: "a jackknife statistic")
            }
            let n = Double(sample.count)
            let mean = values.reduce(0, +) / n
            for value in values {
                let u = (n - 1) * (mean - value)
                numerator += u * u * u / (n * n * n)
                denominator += u * u / (n * n)
            }
        }
        guard denominator > 0 else { return 0 }
        let a = numerator / (6 * denominator * denominator.squareRoot())
        return a.isFinite ? a : 0
    }
}

/// The result of a bootstrap.
public struct BootstrapResult: Sendable, Equatable {
    /// The interval method.
    public enum Method: Sendable, Equatable, Hashable {
        /// Quantiles α/2 and 1 − α/2 of the replicates.
        case percentile
        /// Efron's (1987) bias-corrected and accelerated quantiles.
        case bca
    }

    /// Why there is no interval.
    public enum Degeneracy: Sendable, Equatable, Hashable {
        /// Every replicate has the same value (for example a constant sample).
        case constantReplicates
        /// All replicates lie on one side of the estimate, so the BCa bias correction is infinite.
        case biasCorrectionUndefined
    }

    /// The statistic of the original sample(s).
    public let estimate: Double
    /// The interval; `nil` when degenerate.
    public let confidenceInterval: ConfidenceInterval?
    /// The standard deviation of the replicates (the bootstrap standard error).
    public let standardError: Double
    /// The number of replicates.
    public let resamples: Int
    /// The interval method.
    public let method: Method
    /// BCa's z₀; `nil` for the percentile method.
    public let biasCorrection: Double?
    /// BCa's acceleration â; `nil` for the percentile method.
    public let acceleration: Double?
    /// Set when there is no interval.
    public let degeneracy: Degeneracy?
}
