/// The Hodges–Lehmann estimate of the shift between two samples (Hodges & Lehmann 1963) with the
/// distribution-free confidence interval of Moses (1965), as in Hollander & Wolfe,
/// *Nonparametric Statistical Methods*, §4.3.
///
/// The estimate is the median of the m·n pairwise differences headⱼ − baseᵢ (the shift that
/// makes the Mann–Whitney statistic balanced). The interval is [d₍ₖ₎, d₍ₘₙ₊₁₋ₖ₎] of the sorted
/// differences, where k is the largest order such that P(U ≤ k − 1) ≤ α/2 under the null
/// distribution of U (α = 1 − confidence); its coverage for continuous data is exactly
/// 1 − 2·P(U ≤ k − 1) ≥ confidence, reported as `achievedConfidence`.
/// * `.exact`: P(U ≤ k − 1) from `MannWhitneyDistribution` (both sizes ≤ `MannWhitneyU.defaultExactLimit`).
/// * `.normalApproximation`: k = ⌊mn/2 + ½ − z₁₋α/₂·√(mn(m + n + 1)/12)⌋, the continuity-corrected
///   normal approximation of the same rule, and the achieved level 1 − 2Φ((k − ½ − mn/2)/σ).
///
/// When even k = 1 (the full range of differences) cannot reach the level (for example m = n = 3
/// at 95%, whose maximum is 1 − 2/20 = 90%), the interval is the full range, its true
/// `achievedConfidence` is reported, and `levelReached == false`.
///
/// For a ratio, pass logarithms: the estimate and interval are then log-ratios.
///
/// - Complexity: up to `pairwiseLimit` differences they are formed and the order statistics
///   selected in place (O(mn));
///   beyond it the three order statistics are selected without forming them
///   (`ShiftOrderStatistics`, Johnson & Mizoguchi 1978 / Monahan 1984: O((m + n) log mn) time,
///   O(m + n) memory) — the same elements, so the same bits; 10⁶ samples per side take seconds.
public enum HodgesLehmann {
    /// The largest number of pairwise differences formed; beyond it they are selected without
    /// forming them.
    public static let pairwiseLimit = 1 << 16

    /// The shift of `head` relative to `base` (positive when head is larger).
    /// - Throws: `.emptySample`, `.nonFinite(index:)`, `.invalidArgument` (confidence),
    ///   `.numericalFailure` (differences overflow).
    public static func shift(
        base: [Double], head: [Double], confidence: Double = 0.95
    ) throws(StatisticsError) -> HodgesLehmannResult {
        try shift(base: base, head: head, confidence: confidence, selecting: nil)
    }

    /// The shift at several confidence levels at once, one result per level in their order, each
    /// the very result of `shift(base:head:confidence:)` at that level: the differences are formed
    /// (or their matrix built) once and every level's order statistics are selected together.
    /// - Throws: as `shift(base:head:confidence:)`; `.invalidArgument` for no level.
    public static func shifts(
        base: [Double], head: [Double], confidences: [Double]
    ) throws(StatisticsError) -> [HodgesLehmannResult] {
        try shifts(base: base, head: head, confidences: confidences, selecting: nil)
    }

    /// `shift(base:head:confidence:)`, forcing the sorted differences (`selecting == false`) or the
    /// selection (`true`); nil chooses by `pairwiseLimit`. Tests compare the two.
    static func shift(
        base: [Double], head: [Double], confidence: Double, selecting: Bool?
    ) throws(StatisticsError) -> HodgesLehmannResult {
        let results = try shifts(base: base, head: head, confidences: [confidence], selecting: selecting)
        guard let result = results.first else { throw .numericalFailure("no Hodges–Lehmann result") }
        return result
    }

    /// `shifts(base:head:confidences:)`, with `selecting` as in `shift(base:head:confidence:selecting:)`.
    static func shifts(
        base: [Double], head: [Double], confidences: [Double], selecting: Bool?
    ) throws(StatisticsError) -> [HodgesLehmannResult] {
        try validateFinite(base)
        try validateFinite(head)
        guard !confidences.isEmpty else { throw .invalidArgument("no confidence level asked for") }
        for confidence in confidences { try validateConfidence(confidence) }
        let m = head.count
        let n = base.count
        let (pairs, overflow) = m.multipliedReportingOverflow(by: n)
        guard !overflow else { throw .invalidArgument("\(m) × \(n) pairwise differences are too many to count") }
        let levels = try confidences.map { confidence throws(StatisticsError) in
            try IntervalOrder(m: m, n: n, confidence: confidence)
        }
        let lowerMedianRank = (pairs - 1) / 2 + 1
        let medianRanks = pairs % 2 == 1 ? [lowerMedianRank] : [lowerMedianRank, pairs / 2 + 1]
        let orderStatistic: (Int) throws(StatisticsError) -> Double
        let estimate: Double
        if selecting ?? (pairs > pairwiseLimit) {
            let matrix = ShiftOrderStatistics(base: base, head: head)
            let (low, high) = matrix.extremes
            try requireFinite(high, low, what: "a pairwise difference")
            orderStatistic = { (rank: Int) throws(StatisticsError) -> Double in try matrix.element(rank: rank) }
            // GSL's median of sorted data: the middle element, or the mean of the two middle ones
            // (computed by GSL from those two, so that the bits are the same).
            var middle: [Double] = []
            for rank in medianRanks { middle.append(try matrix.element(rank: rank)) }
            estimate = try viaGSL { () throws(GSLError) in try GSL.median(sorted: middle) }
        } else {
            var differences: [Double] = []
            differences.reserveCapacity(pairs)
            for h in head {
                for b in base { differences.append(h - b) }
            }
            try requireFinite(differences.max() ?? 0, differences.min() ?? 0, what: "a pairwise difference")
            // Only the median's one or two and each level's two order statistics are read: selected
            // in place, together (`OrderStatisticSelection`), not sorted — the same elements.
            let bounds = levels.flatMap { [$0.order, pairs - $0.order + 1] }
            let selected = OrderStatisticSelection.select(ranks: Set(medianRanks + bounds).sorted(), in: &differences)
            orderStatistic = { (rank: Int) throws(StatisticsError) -> Double in
                guard let value = selected[rank] else {
                    throw .numericalFailure("order statistic \(rank) not selected")
                }
                return value
            }
            let middle = medianRanks.compactMap { selected[$0] }
            estimate = try viaGSL { () throws(GSLError) in try GSL.median(sorted: middle) }
        }
        return try zip(levels, confidences).map { level, confidence throws(StatisticsError) in
            let interval = ConfidenceInterval(
                lower: try orderStatistic(level.order), upper: try orderStatistic(pairs - level.order + 1),
                level: level.achievedConfidence)
            return HodgesLehmannResult(
                estimate: estimate, confidenceInterval: interval, achievedConfidence: level.achievedConfidence,
                requestedConfidence: confidence, levelReached: level.levelReached, orderStatistic: level.order,
                method: level.method)
        }
    }
}

/// Moses's order k of one confidence level for sizes m and n, and the coverage it achieves
/// (`HodgesLehmann`'s rule: exact from the U distribution up to the exact limit, else the
/// continuity-corrected normal approximation).
private struct IntervalOrder {
    /// k, at least 1 (the full range when even k = 1 misses the level).
    let order: Int
    /// Whether the level was reached (k ≥ 1 before the clamp).
    let levelReached: Bool
    /// 1 − 2·P(U ≤ k − 1).
    let achievedConfidence: Double
    /// Where k came from.
    let method: MannWhitneyResult.Method

    init(m: Int, n: Int, confidence: Double) throws(StatisticsError) {
        let pairs = m * n
        let alphaHalf = (1 - confidence) / 2
        let k: Int
        if m <= MannWhitneyU.defaultExactLimit && n <= MannWhitneyU.defaultExactLimit {
            let distribution = try MannWhitneyDistribution.shared(m: m, n: n)
            k = Self.exactOrder(distribution, pairs: pairs, alphaHalf: alphaHalf)
            order = max(1, k)
            achievedConfidence = 1 - 2 * distribution.cdf(order - 1)
            method = .exact
        } else {
            let mean = Double(pairs) / 2
            let sigma = (Double(pairs) * Double(m + n + 1) / 12).squareRoot()
            let z = try viaGSL { () throws(GSLError) in try GSL.normalQuantile(1 - alphaHalf) }
            k = Int((mean + 0.5 - z * sigma).rounded(.down))
            let clamped = max(1, k)
            order = clamped
            let tail = try viaGSL { () throws(GSLError) in try GSL.normalCDF((Double(clamped) - 0.5 - mean) / sigma) }
            achievedConfidence = 1 - 2 * tail
            method = .normalApproximation
        }
        levelReached = k >= 1
    }

    /// The largest k with P(U ≤ k − 1) ≤ α/2 (k = 0 when none): O(k²) additions, the same for every
    /// benchmark of a suite, so it is remembered per (m, n, α/2).
    private static func exactOrder(_ distribution: MannWhitneyDistribution, pairs: Int, alphaHalf: Double) -> Int {
        exactOrders.value(
            for: ExactOrderKey(m: distribution.m, n: distribution.n, alphaHalf: alphaHalf.bitPattern)
        ) {
            var order = 0
            while order < pairs && distribution.cdf(order) <= alphaHalf { order += 1 }
            return order
        }
    }
}

/// The sizes and α/2 (as bits) of an exact interval's order `k`.
private struct ExactOrderKey: Hashable, Sendable {
    let m: Int
    let n: Int
    let alphaHalf: UInt64
}

/// The exact intervals' orders `k` met so far.
private let exactOrders = SharedMemo<ExactOrderKey, Int>(capacity: 64)

/// The result of `HodgesLehmann.shift`.
public struct HodgesLehmannResult: Sendable, Equatable {
    /// The median of all pairwise differences head − base.
    public let estimate: Double
    /// [d₍ₖ₎, d₍ₘₙ₊₁₋ₖ₎]; its `level` is `achievedConfidence`.
    public let confidenceInterval: ConfidenceInterval
    /// The coverage the interval actually has (≥ requested when `levelReached`).
    public let achievedConfidence: Double
    /// The confidence that was asked for.
    public let requestedConfidence: Double
    /// `false` when the sample sizes are too small for the requested level: the interval is then
    /// the full range of differences and `achievedConfidence` < `requestedConfidence`.
    public let levelReached: Bool
    /// k, the (1-based) order statistic of the lower end.
    public let orderStatistic: Int
    /// Whether k came from the exact U distribution or its normal approximation.
    public let method: MannWhitneyResult.Method
}
