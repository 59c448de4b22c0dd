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

    /// The weights of Q̂'s two within sums for parts of n and m values: 2m/((m+n)(n−1)) (0 for
    /// n = 1) and 2n/((m+n)(m−1)) (0 for m = 1). (The cross sum's, 2/(m+n), depends on m + n = κ
    /// alone and is computed once per κ.)
    struct Weights: Sendable {
        let withinX: Double
        let withinY: Double

        init(n: Int, m: Int) {
            let n = Double(n)
            let m = Double(m)
            withinX = n > 1 ? 2 * m / ((m + n) * (n - 1)) : 0
            withinY = m > 1 ? 2 * n / ((m + n) * (m - 1)) : 0
        }

        /// Parts of fewer values in all than this are looked up in `withinXByTotal` and `withinYByTotal`.
        static let size = 64
        /// `withinXByTotal[(n + m) * size + n]`: the within-X weight of parts of n and m values, laid out
        /// so that one κ's weights for every τ are consecutive (every series asks for the same ones; the
        /// same numbers as computed in place, so Q̂ is bit for bit the same).
        static let withinXByTotal: [Double] = table { $0.withinX }
        /// `withinYByTotal[(n + m) * size + n]`, as `withinXByTotal`.
        static let withinYByTotal: [Double] = table { $0.withinY }

        private static func table(_ weight: (Weights) -> Double) -> [Double] {
            (0..<size * size).map { index in
                let (total, n) = index.quotientAndRemainder(dividingBy: size)
                return n > 0 && n < total ? weight(Weights(n: n, m: total - n)) : 0
            }
        }
    }

    /// The best candidate in `series[start..<end]`, or nil when the interval has fewer than two values.
    ///
    /// Q̂ is evaluated κ by κ (κ the end of Y), every τ < κ at once: row κ − 1 of the distance matrix's
    /// running sums, `row[i] = Σ_{i' < i} |z_{i'} − z_{κ−1}|`, is computed once and read by every τ,
    /// and each τ keeps its own running cross and within-Y sums and its best Q̂. Each τ's sums take
    /// their terms in the order a τ-by-τ loop takes them (κ increasing), and the first maximum in
    /// (τ, κ) order is the first τ whose best is the largest, so the candidate and its Q̂ are bit for
    /// bit those of the τ-major double loop (`EDivisiveLoopOrderTests`); the loop over τ carries no
    /// dependence from one τ to the next, so the compiler vectorises it.
    /// - Complexity: O((end − start)²) time, O(end − start) memory.
    public static func candidate(in series: [Double], start: Int, end: Int) -> Candidate? {
        let length = end - start
        guard length >= 2, start >= 0, end <= series.count else { return nil }
        // Scratch of 8 × (length + 1) values (on the stack when small): two rows of running sums; per τ
        // the within-X sum, the cross and within-Y running sums and the best Q̂; the within weights of a
        // κ past the tables.
        let width = length + 1
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 8 * width) { scratch -> Candidate? in
            guard let base = scratch.baseAddress else { return nil }
            let row = base
            let withinXAt = base + width
            let cross = base + 2 * width
            let withinY = base + 3 * width
            let best = base + 4 * width
            let computedX = base + 5 * width
            let computedY = base + 6 * width
            let nextRow = base + 7 * width
            // Only the sums and the bests are read before they are written.
            cross.initialize(repeating: 0, count: width)
            withinY.initialize(repeating: 0, count: width)
            best.initialize(repeating: -.infinity, count: width)
            return series.withUnsafeBufferPointer { all -> Candidate? in
                Weights.withinXByTotal.withUnsafeBufferPointer { tableX -> Candidate? in
                    Weights.withinYByTotal.withUnsafeBufferPointer { tableY -> Candidate? in
                        guard let first = all.baseAddress, let tableX = tableX.baseAddress,
                            let tableY = tableY.baseAddress
                        else { return nil }
                        let z = first + start
                        var firstQ = 0.0  // Q̂(1, 2), the first evaluated: a NaN there stays the maximum
                        var withinX = 0.0  // Σ_{i<k<τ} |z_i − z_k| for the τ first met at this κ
                        var previousDiagonal = 0.0
                        // Q̂(τ, κ) for every τ < κ, given row κ − 1 of the running sums.
                        func evaluate(kappa: Int, row: UnsafeMutablePointer<Double>) {
                            let last = kappa - 1
                            if last >= 2 { withinX += previousDiagonal }
                            withinXAt[last] = withinX
                            let diagonal = row[last]
                            previousDiagonal = diagonal
                            let weightX: UnsafePointer<Double>
                            let weightY: UnsafePointer<Double>
                            if kappa < Weights.size {
                                weightX = tableX + kappa * Weights.size
                                weightY = tableY + kappa * Weights.size
                            } else {
                                for tau in 1..<kappa {
                                    let weights = Weights(n: tau, m: kappa - tau)
                                    computedX[tau] = weights.withinX
                                    computedY[tau] = weights.withinY
                                }
                                weightX = UnsafePointer(computedX)
                                weightY = UnsafePointer(computedY)
                            }
                            let crossWeight = 2 / Double(kappa)  // 2/(m + n): m + n is κ exactly
                            for tau in 1..<kappa {
                                let crossSum = cross[tau] + row[tau]
                                let withinYSum = withinY[tau] + (diagonal - row[tau])
                                cross[tau] = crossSum
                                withinY[tau] = withinYSum
                                let q =
                                    crossWeight * crossSum - weightX[tau] * withinXAt[tau] - weightY[tau]
                                    * withinYSum
                                best[tau] = q > best[tau] ? q : best[tau]
                            }
                            if kappa == 2 {
                                firstQ = crossWeight * cross[1] - weightX[1] * withinXAt[1] - weightY[1] * withinY[1]
                            }
                        }
                        // Rows are running sums, one long chain of additions each: two are summed in one
                        // pass (two independent chains), then evaluated in κ order.
                        var kappa = 2
                        while kappa <= length {
                            let last = kappa - 1
                            let zLast = z[last]
                            row[0] = 0
                            if kappa < length {
                                let zNext = z[last + 1]
                                var running = 0.0
                                var runningNext = 0.0
                                nextRow[0] = 0
                                for i in 0..<last {
                                    let zi = z[i]
                                    running += abs(zi - zLast)
                                    runningNext += abs(zi - zNext)
                                    row[i + 1] = running
                                    nextRow[i + 1] = runningNext
                                }
                                runningNext += abs(zLast - zNext)
                                nextRow[last + 1] = runningNext
                                evaluate(kappa: kappa, row: row)
                                evaluate(kappa: kappa + 1, row: nextRow)
                                kappa += 2
                            } else {
                                var running = 0.0
                                for i in 0..<last {
                                    running += abs(z[i] - zLast)
                                    row[i + 1] = running
                                }
                                evaluate(kappa: kappa, row: row)
                                kappa += 1
                            }
                        }
                        if firstQ.isNaN { return Candidate(index: start + 1, qhat: firstQ) }
                        var bestTau = 1
                        var bestQ = firstQ
                        for tau in 1..<length where best[tau] > bestQ {
                            bestQ = best[tau]
                            bestTau = tau
                        }
                        return Candidate(index: start + bestTau, qhat: bestQ)
                    }
                }
            }
        }
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
        let parts = Self.parts(before: before, after: after)
        meanBefore = parts.mean1
        meanAfter = parts.mean2
        standardDeviationBefore = parts.sd1
        standardDeviationAfter = parts.sd2
        countBefore = before.count
        countAfter = after.count
        pValue = parts.t.map { Self.pValue(t: $0, df: parts.df) } ?? 1
    }

    /// Whether `SegmentComparison(before:after:).pValue <= level`, decided without the incomplete
    /// beta function when |t| < `belowCritical`, a bound below the two-sided critical value of
    /// `level` at every df (`criticalBound(level:)`): p > level there for certain.
    static func isSignificant(
        before: ArraySlice<Double>, after: ArraySlice<Double>, level: Double, belowCritical bound: Double
    ) -> Bool {
        let parts = Self.parts(before: before, after: after)
        guard let t = parts.t else { return 1 <= level }
        if abs(t) < bound { return false }  // false for a NaN t too, as p is then NaN
        return Self.pValue(t: t, df: parts.df) <= level
    }

    /// A bound below Student's two-sided critical value for `level` at every df: the normal one,
    /// z₁₋ₗₑᵥₑₗ/₂ (t's tails are heavier than the normal's), less 10⁻⁶ of itself — far more than the
    /// p-value's error (`GSL.tSurvival`: 4e-12 relative) moves it. 0 (no shortcut) when unavailable.
    static func criticalBound(level: Double) -> Double {
        guard level > 0, level < 1, let z = try? GSL.normalQuantile(1 - level / 2), z > 0 else { return 0 }
        return z * (1 - 1e-6)
    }

    /// The means, population standard deviations and t (nil when the parts hold two values in all)
    /// with its degrees of freedom.
    private static func parts(
        before: ArraySlice<Double>, after: ArraySlice<Double>
    ) -> (mean1: Double, mean2: Double, sd1: Double, sd2: Double, t: Double?, df: Double) {
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
        guard n1 + n2 > 2 else { return (mean1, mean2, sd1, sd2, nil, 0) }
        let df = Double(n1 + n2 - 2)
        let pooled = (Double(n1 - 1) * sd1 * sd1 + Double(n2 - 1) * sd2 * sd2) / df
        let denominator = (pooled * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        return (mean1, mean2, sd1, sd2, (mean1 - mean2) / denominator, df)
    }

    /// The two-sided p-value of t at df (NaN for a NaN t, 0 for an infinite one).
    private static func pValue(t: Double, df: Double) -> Double {
        if t.isNaN { return .nan }
        if t.isInfinite { return 0 }
        return (try? GSL.tSurvival(abs(t), df: df)).map { min(1, 2 * $0) } ?? .nan
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
        let bound = SegmentComparison.criticalBound(level: options.firstPassPValue)
        let screen = SplitScreen.Bounds(level: options.firstPassPValue, windowLength: options.windowLength)
        var indices: [Int] = []
        var start = 0
        while start < series.count {
            let end = min(start + options.windowLength, series.count)
            let found = detectInWindow(
                start..<end, of: series, level: options.firstPassPValue, belowCritical: bound, screen: screen
            ).map { $0 + start }
            start = max(found.last ?? 0, start + step)
            for index in found where !indices.contains(index) { indices.append(index) }
        }
        indices.sort()
        return retest(indices, series: series)
    }

    /// E-divisive with the t-test in one window: indices local to `window`, sorted. With `screen`, an
    /// iteration whose intervals `SplitScreen` clears all ends the search without E-divisive (its
    /// best candidate, whichever it is, would fail the test: the same points, `SplitScreenTests`).
    static func detectInWindow(
        _ window: [Double], level: Double, belowCritical bound: Double = 0, screen: SplitScreen.Bounds? = nil
    ) -> [Int] {
        detectInWindow(window.indices, of: window, level: level, belowCritical: bound, screen: screen)
    }

    /// `detectInWindow(_:level:belowCritical:screen:)` on `series[window]`, read in place.
    static func detectInWindow(
        _ window: Range<Int>, of series: [Double], level: Double, belowCritical bound: Double,
        screen: SplitScreen.Bounds?
    ) -> [Int] {
        // The first iteration's only interval is the whole window.
        if let screen, SplitScreen.clears(series[window], bounds: screen) { return [] }
        let offset = window.lowerBound
        var points: [Int] = []
        while true {
            let bounds = intervals(points, count: window.count)
            if let screen, !points.isEmpty,
                bounds.allSatisfy({
                    SplitScreen.clears(series[($0.lowerBound + offset)..<($0.upperBound + offset)], bounds: screen)
                })
            {
                break
            }
            var best: EDivisive.Candidate?
            var bestInterval = 0..<0
            for interval in bounds where interval.count > 1 {
                guard
                    let candidate = EDivisive.candidate(
                        in: series, start: interval.lowerBound + offset, end: interval.upperBound + offset)
                else { continue }
                if best == nil || candidate.qhat > (best?.qhat ?? -.infinity) {
                    best = candidate
                    bestInterval = interval
                }
            }
            guard let best else { break }
            guard
                SegmentComparison.isSignificant(
                    before: series[(bestInterval.lowerBound + offset)..<best.index],
                    after: series[best.index..<(bestInterval.upperBound + offset)], level: level, belowCritical: bound)
            else { break }  // NaN is not significant
            points.append(best.index - offset)
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
