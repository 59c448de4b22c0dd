/// The Mann–Whitney U test (Mann & Whitney 1947; Wilcoxon 1945 rank-sum test): are values of
/// `head` systematically larger or smaller than values of `base`? Distribution-free.
///
/// `u` is the U statistic **of head**: the number of pairs (head value, base value) in which the
/// head value is larger, ties counting ½, i.e. Σ ranks(head) − n_head(n_head + 1)/2. It equals
/// the statistic of scipy `mannwhitneyu(head, base)` (scipy's U1).
///
/// The two-sided p-value is 2·P(U ≥ max(U_head, U_base)), clipped to 1:
/// * exactly (`.exact`, scipy `method="exact"`) when there are no ties and both sizes are at
///   most `exactLimit` (default 50, Go benchstat's `MannWhitneyExactLimit`), from `MannWhitneyDistribution`, which this
///   module computes itself by a counting recursion (GSL has no such distribution);
/// * otherwise by the normal approximation (`.normalApproximation`) with the tie-corrected
///   variance mn/12·((N + 1) − Σ(t³ − t)/(N(N − 1))) and a continuity correction of ½
///   (scipy `method="asymptotic", use_continuity=True`).
///
/// * with `tiesExactLimit` > 0, when there are ties and both sizes are at most that limit, from the
///   exact distribution given the tie pattern (`.exactWithTies`, `MannWhitneyTiedDistribution`,
///   Klotz 1966), with Go benchstat's two-sided rule p = 2·P(U_base ≤ min(U_base, U_head)), and
///   p = 1 when U_base = U_head (go-moremath `MannWhitneyUTest`, ties limit 25).
///
/// When every value in both samples is the same there is no information: p = 1 and
/// `degeneracy == .allValuesIdentical`.
public enum MannWhitneyU {
    /// The sizes up to which the exact distribution is used when there are no ties.
    public static let defaultExactLimit = 50

    /// The smallest equal size per side at which the two-sided exact test can reach p < `alpha` at
    /// all: the smallest two-sided p of sizes n and n is 2 / C(2n, n) (complete separation, no ties),
    /// so 3 per side can never go below 0.1 and 4 per side reach 0.029. Go's benchstat warns the same way.
    public static func minimumSamplesPerSide(alpha: Double) -> Int {
        guard alpha > 0 else { return Int.max }
        var n = 1
        var choose = 2.0  // C(2n, n) for n = 1
        while 2 / choose >= alpha, n < 1000 {
            n += 1
            choose = choose * Double(2 * n) * Double(2 * n - 1) / Double(n * n)
        }
        return n
    }

    /// Tests `head` against `base`.
    /// - Parameter exactLimit: use the exact distribution when there are no ties and both sizes
    ///   are ≤ this (at most `MannWhitneyDistribution.maximumSize`); 0 forces the approximation.
    /// - Throws: `.emptySample`, `.nonFinite(index:)`, `.invalidArgument`.
    /// - Parameter tiesExactLimit: with ties, use the exact distribution given the tie pattern when
    ///   both sizes are ≤ this (default 0: the normal approximation, as scipy; Go's benchstat uses 25).
    public static func test(
        base: [Double], head: [Double], exactLimit: Int = defaultExactLimit, tiesExactLimit: Int = 0
    ) throws(StatisticsError) -> MannWhitneyResult {
        try validateFinite(base)
        try validateFinite(head)
        guard exactLimit >= 0 && exactLimit <= MannWhitneyDistribution.maximumSize else {
            throw .invalidArgument("exactLimit must lie in 0…\(MannWhitneyDistribution.maximumSize)")
        }
        let ranking = Ranking(base: base, head: head)
        let m = Double(head.count)
        let n = Double(base.count)
        let uHead = ranking.headRankSum - m * (m + 1) / 2
        let uBase = m * n - uHead
        let uMax = max(uHead, uBase)
        let effect = uHead / (m * n)

        if ranking.allTied {
            return MannWhitneyResult(
                u: uHead, pValue: 1, method: .normalApproximation, z: nil, probabilityHeadGreater: effect,
                degeneracy: .allValuesIdentical)
        }
        if !ranking.hasTies && head.count <= exactLimit && base.count <= exactLimit {
            let distribution = try MannWhitneyDistribution.shared(m: head.count, n: base.count)
            let p = min(1, 2 * distribution.survival(Int(uMax.rounded())))
            return MannWhitneyResult(
                u: uHead, pValue: p, method: .exact, z: nil, probabilityHeadGreater: effect, degeneracy: nil)
        }
        if ranking.hasTies && head.count <= tiesExactLimit && base.count <= tiesExactLimit {
            let uBaseMin = min(uBase, uHead)
            let p: Double
            if uBase == uHead {
                p = 1
            } else {
                let tail = try MannWhitneyTiedDistribution.lowerTail(
                    firstSize: base.count, groupSizes: ranking.groupSizes, u: uBaseMin)
                p = min(1, 2 * tail)
            }
            return MannWhitneyResult(
                u: uHead, pValue: p, method: .exactWithTies, z: nil, probabilityHeadGreater: effect, degeneracy: nil)
        }
        let total = m + n
        let variance = m * n / 12 * ((total + 1) - ranking.tieTerm / (total * (total - 1)))
        let z = (uMax - m * n / 2 - 0.5) / variance.squareRoot()
        try requireFinite(z, what: "the normal approximation of U")
        let tail = try viaGSL { () throws(GSLError) in try GSL.normalSurvival(z) }
        return MannWhitneyResult(
            u: uHead, pValue: min(1, 2 * tail), method: .normalApproximation, z: z,
            probabilityHeadGreater: effect, degeneracy: nil)
    }
}

/// The result of `MannWhitneyU.test`.
public struct MannWhitneyResult: Sendable, Equatable {
    /// How the p-value was computed.
    public enum Method: Sendable, Equatable, Hashable {
        /// The exact null distribution of U (no ties, small samples).
        case exact
        /// The normal approximation with tie and continuity corrections.
        case normalApproximation
        /// The exact distribution given the observed ties (Klotz 1966).
        case exactWithTies
    }

    /// Why the test carries no information.
    public enum Degeneracy: Sendable, Equatable, Hashable {
        /// Every value of both samples is identical: p = 1 by convention.
        case allValuesIdentical
    }

    /// U of head: #(head > base) + ½·#(head = base), scipy's U1 for `mannwhitneyu(head, base)`.
    public let u: Double
    /// The two-sided p-value, in (0, 1].
    public let pValue: Double
    /// How `pValue` was computed.
    public let method: Method
    /// The continuity-corrected z of max(U_head, U_base) under the normal approximation; `nil` when exact.
    public let z: Double?
    /// U / (m·n): the probability that a random head value exceeds a random base value, ties
    /// counting ½ (the "common-language effect size", McGraw & Wong 1992).
    public let probabilityHeadGreater: Double
    /// Set when the test is degenerate.
    public let degeneracy: Degeneracy?
}

/// Mid-ranks of the pooled samples and the tie statistics the tests need.
struct Ranking {
    /// Σ of the (average) ranks of the head values, ranks starting at 1.
    let headRankSum: Double
    /// Σ(t³ − t) over groups of tied values.
    let tieTerm: Double
    /// Whether any value occurs more than once in the pooled sample.
    let hasTies: Bool
    /// Whether all pooled values are equal.
    let allTied: Bool
    /// The sizes of the groups of equal values, in ascending order of value.
    let groupSizes: [Int]

    /// Ranks the values of both samples (finite) by merging each sorted: a group of equal values
    /// takes the values equal to the smaller front of the two; the rank sum adds each head value's
    /// mid-rank in ascending order of value, as ranking the pooled sample sorted does.
    init(base: [Double], head: [Double]) {
        let base = base.sorted()
        let head = head.sorted()
        var rankSum = 0.0
        var tieTerm = 0.0
        var groups: [Int] = []
        var ranked = 0  // values ranked so far
        var nextBase = 0
        var nextHead = 0
        while nextBase < base.count || nextHead < head.count {
            let value =
                nextHead == head.count || (nextBase < base.count && base[nextBase] < head[nextHead])
                ? base[nextBase] : head[nextHead]
            var inBase = 0
            while nextBase < base.count && base[nextBase] == value {
                nextBase += 1
                inBase += 1
            }
            var inHead = 0
            while nextHead < head.count && head[nextHead] == value {
                nextHead += 1
                inHead += 1
            }
            let size = inBase + inHead
            // Ranks ranked + 1 … ranked + size, averaged.
            let averageRank = Double(2 * ranked + size + 1) / 2
            let sizeValue = Double(size)
            tieTerm += sizeValue * sizeValue * sizeValue - sizeValue
            groups.append(size)
            for _ in 0..<inHead { rankSum += averageRank }  // one addition a value, as ranks are summed
            ranked += size
        }
        headRankSum = rankSum
        groupSizes = groups
        self.tieTerm = tieTerm
        hasTies = tieTerm > 0
        allTied = groups.count <= 1
    }
}
