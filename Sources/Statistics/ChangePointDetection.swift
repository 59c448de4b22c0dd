internal import Foundation

// Change-point detection in one ordered series: E-divisive means (Matteson & James 2014) with the
// significance test, sliding windows and merge step of Hunter / Apache Otava (Fleming et al. 2023).
// Knows nothing of benchmarks: the series is any [Double] in time order.

/// The E-divisive means statistic of Matteson & James (2014), "A Nonparametric Approach for
/// Multiple Change Point Analysis of Multivariate Data", JASA 109(505), with exponent α = 1.
///
/// For a split of `z[start..<κ]` into X = `z[start..<τ]` (n values) and Y = `z[τ..<κ]` (m values):
///
///     Q̂(τ, κ) = 2/(m+n) Σᵢ Σⱼ |Xᵢ − Yⱼ| − 2m/((m+n)(n−1)) Σᵢ<ₖ |Xᵢ − Xₖ| − 2n/((m+n)(m−1)) Σⱼ<ₖ |Yⱼ − Yₖ|
///
/// (a within-part term is 0 when that part has one value). The candidate change point of an
/// interval is the τ of the (τ, κ) that maximises Q̂ over start < τ < κ ≤ end, the first maximum in
/// (τ, κ) order — the same candidate as Apache Otava's `PairDistanceCalculator`.
public enum EDivisive {
    /// A candidate: `index` is the first element after the change; `qhat` the maximised Q̂.
    public struct Candidate: Sendable, Equatable {
        /// The index (in the series passed) of the first value after the change.
        public let index: Int
        /// The maximum of Q̂ over κ for this τ.
        public let qhat: Double
    }

    /// The weights of Q̂'s three sums for parts of n and m values: 2/(m+n), 2m/((m+n)(n−1)) (0 for
    /// n = 1) and 2n/((m+n)(m−1)) (0 for m = 1), computed once for parts up to `size` values (every
    /// series asks for the same ones) — the same numbers as computed in place, so Q̂ is bit for bit
    /// the same.
    struct Weights: Sendable {
        let cross: Double
        let withinX: Double
        let withinY: Double

        init(n: Int, m: Int) {
            let n = Double(n)
            let m = Double(m)
            cross = 2 / (m + n)
            withinX = n > 1 ? 2 * m / ((m + n) * (n - 1)) : 0
            withinY = m > 1 ? 2 * n / ((m + n) * (m - 1)) : 0
        }

        private init(cross: Double, withinX: Double, withinY: Double) {
            self.cross = cross
            self.withinX = withinX
            self.withinY = withinY
        }

        /// Q̂ from the three sums.
        func q(cross: Double, withinX: Double, withinY: Double) -> Double {
            self.cross * cross - self.withinX * withinX - self.withinY * withinY
        }

        /// Parts of fewer values than this are looked up in `table`.
        static let size = 64
        /// `table[n * size + m]`.
        static let table: [Weights] = (0..<size * size).map { index in
            let (n, m) = index.quotientAndRemainder(dividingBy: size)
            return n > 0 && m > 0 ? Weights(n: n, m: m) : Weights(cross: 0, withinX: 0, withinY: 0)
        }
    }

    /// The best candidate in `series[start..<end]`, or nil when the interval has fewer than two values.
    /// - Complexity: O((end − start)²) time and memory (row prefix sums of the distance matrix).
    public static func candidate(in series: [Double], start: Int, end: Int) -> Candidate? {
        let length = end - start
        guard length >= 2, start >= 0, end <= series.count else { return nil }
        // prefix[j * (length + 1) + k] = Σ_{i < k} |z[start+i] − z[start+j]| for k ≤ j. Both loops run over
        // unsafe buffers (indices are within bounds by construction): this is the inner loop of every
        // change-point search, 20,000 series at a time.
        let width = length + 1
        var best: Candidate?
        let weightTable = Weights.table
        // Every entry is written: row j's first entry is 0, then running sums up to column j, then 0.
        let prefix = [Double](unsafeUninitializedCapacity: length * width) { prefix, initialized in
            series.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                let z = UnsafeBufferPointer(start: base + start, count: length)
                for j in 0..<length {
                    let zj = z[j]
                    var running = 0.0
                    let row = j * width
                    prefix[row] = 0
                    // Q̂ reads row j only up to column j (sums over i < τ ≤ j): the rest is left 0.
                    for i in 0..<j {
                        running += abs(z[i] - zj)
                        prefix[row + i + 1] = running
                    }
                    for k in (j + 1)..<width { prefix[row + k] = 0 }
                }
            }
            initialized = length * width
        }
        prefix.withUnsafeBufferPointer { prefix in
            weightTable.withUnsafeBufferPointer { weightTable in
                var withinX = 0.0  // Σ_{i<k<τ} |z_i − z_k| over X = [start, τ)
                var bestQ = -Double.infinity
                var bestTau = 0
                for tau in 1..<length {  // local τ: X = [0, τ), n = τ
                    if tau >= 2 { withinX += prefix[(tau - 1) * width + (tau - 1)] }
                    var cross = 0.0
                    var withinY = 0.0
                    for kappa in (tau + 1)...length {  // Y = [τ, κ), m = κ − τ
                        let row = (kappa - 1) * width
                        cross += prefix[row + tau]
                        withinY += prefix[row + kappa - 1] - prefix[row + tau]
                        let weights =
                            kappa - tau < Weights.size && tau < Weights.size
                            ? weightTable[tau &* Weights.size &+ (kappa - tau)] : Weights(n: tau, m: kappa - tau)
                        let q = weights.q(cross: cross, withinX: withinX, withinY: withinY)
                        if bestTau == 0 || q > bestQ {
                            bestQ = q
                            bestTau = tau
                        }
                    }
                }
                if bestTau > 0 { best = Candidate(index: start + bestTau, qhat: bestQ) }
            }
        }
        return best
    }
}

/// The two-sample test Apache Otava uses to decide whether a candidate splits a series into parts
/// with different means (`TTestSignificanceTester`, Fleming et al. 2023): Student's pooled-variance
/// t-test (`scipy.stats.ttest_ind_from_stats`, equal variances, two-sided) fed with the population
/// standard deviations (ddof = 0) of both parts, as Otava does; p = 1 when the parts hold two values
/// in all. A part of one value has standard deviation 0.
public struct SegmentComparison: Sendable, Equatable {
    /// Mean of the values before the change.
    public let meanBefore: Double
    /// Mean of the values after the change.
    public let meanAfter: Double
    /// Population standard deviation (ddof = 0) before the change.
    public let standardDeviationBefore: Double
    /// Population standard deviation (ddof = 0) after the change.
    public let standardDeviationAfter: Double
    /// Number of values before the change (in the interval tested).
    public let countBefore: Int
    /// Number of values after the change (in the interval tested).
    public let countAfter: Int
    /// Two-sided p-value; NaN when both parts are constant and equal (0/0), as in scipy.
    public let pValue: Double

    /// Compares `before` with `after` (both non-empty, finite).
    public init(before: ArraySlice<Double>, after: ArraySlice<Double>) {
        let n1 = before.count
        let n2 = after.count
        let mean1 = before.reduce(0, +) / Double(max(n1, 1))
        let mean2 = after.reduce(0, +) / Double(max(n2, 1))
        func populationSD(_ values: ArraySlice<Double>, _ mean: Double) -> Double {
            guard values.count >= 2 else { return 0 }
            return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        }
        let sd1 = populationSD(before, mean1)
        let sd2 = populationSD(after, mean2)
        meanBefore = mean1
        meanAfter = mean2
        standardDeviationBefore = sd1
        standardDeviationAfter = sd2
        countBefore = n1
        countAfter = n2
        guard n1 + n2 > 2 else {
            pValue = 1
            return
        }
        let df = Double(n1 + n2 - 2)
        let pooled = (Double(n1 - 1) * sd1 * sd1 + Double(n2 - 1) * sd2 * sd2) / df
        let denominator = (pooled * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        let t = (mean1 - mean2) / denominator
        if t.isNaN {
            pValue = .nan
        } else if t.isInfinite {
            pValue = 0
        } else {
            pValue = (try? GSL.tSurvival(abs(t), df: df)).map { min(1, 2 * $0) } ?? .nan
        }
    }

    /// after / before − 1 (0 when the mean before is 0), Otava's `forward_rel_change`.
    public var forwardRelativeChange: Double { meanBefore == 0 ? 0 : meanAfter / meanBefore - 1 }
    /// before / after − 1 (0 when the mean after is 0), Otava's `backward_rel_change`.
    public var backwardRelativeChange: Double { meanAfter == 0 ? 0 : meanBefore / meanAfter - 1 }
    /// max(|forward|, |backward|), Otava's `change_magnitude`.
    public var magnitude: Double { max(abs(forwardRelativeChange), abs(backwardRelativeChange)) }
    /// The p-value with NaN read as 1 (no evidence of a change).
    var pOrOne: Double { pValue.isNaN ? 1 : pValue }
}

/// One change point found by `HunterChangePoints.detect`.
public struct ChangePoint: Sendable, Equatable {
    /// Index of the first value after the change.
    public let index: Int
    /// The test of the segment before (from the previous change point) against the segment after
    /// (up to the next change point).
    public let comparison: SegmentComparison
}

/// Change-point detection as Hunter / Apache Otava does it (Fleming et al. 2023, "Hunter: Using
/// Change Point Detection to Hunt for Performance Regressions", ICPE '23,
/// https://doi.org/10.1145/3578244.3583719; otava 0.8.0 `compute_change_points`):
///
/// 1. **Split**: windows of `windowLength` values, advanced by half a window (or to the last change
///    point found); in each window, E-divisive means (`EDivisive`) proposes the best candidate of
///    every interval between the change points so far, and the candidate is kept while the t-test of
///    `SegmentComparison` on its interval has p ≤ the first-pass level (10 × `maxPValue` when
///    `maxPValue` < 0.05, 2 × when < 0.5). The union of all windows' points are the *weak* points,
///    re-tested between their neighbours over the whole series.
/// 2. **Merge**: repeatedly drop the weakest point (largest p, while some p ≥ `maxPValue`; then the
///    smallest magnitude, while some magnitude ≤ `minMagnitude`) and re-test its neighbours.
///
/// Otava's merge re-tests the two points *after* the removed one (positions k and k + 1 of the
/// shortened list), so the point before it keeps stale statistics. `otavaNeighbourQuirk` (default
/// false) reproduces that for the reference tests; by default the two true neighbours (k − 1 and k)
/// are re-tested. A NaN p (two constant, equal parts) counts as 1.
public enum HunterChangePoints {
    /// The parameters, with Otava's defaults.
    public struct Options: Sendable, Equatable {
        /// Window length of the split step (Otava's `window_len`, default 50; at least 2).
        public var windowLength: Int = 50
        /// Significance level of the merge step (Otava's `max_pvalue`, default 0.001).
        public var maxPValue: Double = 0.001
        /// Minimum relative change kept by the merge step (Otava's `min_magnitude`, default 0).
        public var minMagnitude: Double = 0
        /// Re-test the neighbours as otava 0.8.0 does (see the type's documentation).
        public var otavaNeighbourQuirk = false

        /// Creates options.
        public init(
            windowLength: Int = 50, maxPValue: Double = 0.001, minMagnitude: Double = 0,
            otavaNeighbourQuirk: Bool = false
        ) {
            self.windowLength = windowLength
            self.maxPValue = maxPValue
            self.minMagnitude = minMagnitude
            self.otavaNeighbourQuirk = otavaNeighbourQuirk
        }

        /// The level of the split step.
        public var firstPassPValue: Double {
            maxPValue < 0.05 ? maxPValue * 10 : (maxPValue < 0.5 ? maxPValue * 2 : maxPValue)
        }
    }

    /// The change points of `series` (in order), and the weak points of the split step.
    /// - Throws: `.nonFinite` for a NaN or infinite value, `.invalidArgument` for a window < 2 or a
    ///   level outside (0, 1].
    public static func detect(
        _ series: [Double], options: Options = Options()
    ) throws(StatisticsError) -> (changePoints: [ChangePoint], weak: [ChangePoint]) {
        if let index = series.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: index) }
        guard options.windowLength >= 2 else { throw .invalidArgument("window length must be ≥ 2") }
        guard options.maxPValue > 0 && options.maxPValue <= 1 else {
            throw .invalidArgument("max p-value must lie in (0, 1], got \(options.maxPValue)")
        }
        let weak = split(series, options: options)
        let merged = merge(weak, series: series, options: options)
        return (merged, weak)
    }

    /// The split step: weak change points with statistics over the whole series.
    static func split(_ series: [Double], options: Options) -> [ChangePoint] {
        let step = options.windowLength / 2
        var indices: [Int] = []
        var start = 0
        while start < series.count {
            let end = min(start + options.windowLength, series.count)
            let window = Array(series[start..<end])
            let found = detectInWindow(window, level: options.firstPassPValue).map { $0 + start }
            start = max(found.last ?? 0, start + step)
            for index in found where !indices.contains(index) { indices.append(index) }
        }
        indices.sort()
        return retest(indices, series: series)
    }

    /// E-divisive with the t-test in one window: indices local to `window`, sorted.
    static func detectInWindow(_ window: [Double], level: Double) -> [Int] {
        var points: [Int] = []
        while true {
            let bounds = intervals(points, count: window.count)
            var best: EDivisive.Candidate?
            var bestInterval = 0..<0
            for interval in bounds where interval.count > 1 {
                guard
                    let candidate = EDivisive.candidate(
                        in: window, start: interval.lowerBound, end: interval.upperBound)
                else { continue }
                if best == nil || candidate.qhat > (best?.qhat ?? -.infinity) {
                    best = candidate
                    bestInterval = interval
                }
            }
            guard let best else { break }
            let comparison = SegmentComparison(
                before: window[bestInterval.lowerBound..<best.index],
                after: window[best.index..<bestInterval.upperBound])
            guard comparison.pValue <= level else { break }  // NaN is not significant
            points.append(best.index)
            points.sort()
        }
        return points
    }

    /// The merge step.
    static func merge(_ weak: [ChangePoint], series: [Double], options: Options) -> [ChangePoint] {
        var points = weak
        while !points.isEmpty {
            var weakest = 0
            for position in points.indices.dropFirst()
            where points[position].comparison.pOrOne > points[weakest].comparison.pOrOne {
                weakest = position
            }
            if points[weakest].comparison.pOrOne < options.maxPValue {
                weakest = 0
                for position in points.indices.dropFirst()
                where points[position].comparison.magnitude < points[weakest].comparison.magnitude {
                    weakest = position
                }
                if points[weakest].comparison.magnitude > options.minMagnitude { return points }
            }
            points.remove(at: weakest)
            let neighbours = options.otavaNeighbourQuirk ? [weakest, weakest + 1] : [weakest - 1, weakest]
            for position in neighbours where points.indices.contains(position) {
                points[position] = retest(at: position, points.map(\.index), series: series)
            }
        }
        return points
    }

    /// Each point tested between its neighbours.
    static func retest(_ indices: [Int], series: [Double]) -> [ChangePoint] {
        indices.indices.map { retest(at: $0, indices, series: series) }
    }

    private static func retest(at position: Int, _ indices: [Int], series: [Double]) -> ChangePoint {
        let lower = position == 0 ? 0 : indices[position - 1]
        let upper = position + 1 < indices.count ? indices[position + 1] : series.count
        let index = indices[position]
        return ChangePoint(
            index: index, comparison: SegmentComparison(before: series[lower..<index], after: series[index..<upper]))
    }

    /// The non-empty intervals between sorted change points of a series of `count` values.
    static func intervals(_ points: [Int], count: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lower = 0
        for point in points + [count] {
            if point > lower { result.append(lower..<point) }
            lower = point
        }
        return result
    }
}
