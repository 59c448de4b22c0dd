/// The exact null distribution of the Mann–Whitney U statistic **given the observed pattern of
/// ties**: the permutation distribution of the mid-rank sum of one sample when every split of the
/// pooled values into groups of the two sizes is equally likely (Klotz 1966, "The Wilcoxon, ties,
/// and the computer"; the method Go's benchstat uses through go-moremath's `UDist` with ties).
///
/// Tie groups are processed in order; choosing kⱼ of a group of size tⱼ for the first sample has
/// C(tⱼ, kⱼ) ways and adds kⱼ × (twice the group's mid-rank) to twice the rank sum, so a dynamic
/// programme over (values chosen, 2 × rank sum) counts every split. GSL has no such distribution;
/// this file computes it. Counts are doubles: exact up to C(50, 25) ≈ 1.3e14 < 2⁵³.
struct MannWhitneyTiedDistribution {
    /// The largest pooled size for which the distribution is built (2 × Go's limit of 25).
    static let maximumPooledSize = 100

    /// Probability of each value of 2·U for the first sample (index = 2U).
    private let probabilities: [Double]

    /// Builds the distribution of U for a first sample of `firstSize` values, given the sizes of the
    /// tie groups of the pooled, sorted sample (`groupSizes` sums to the pooled size).
    init(firstSize: Int, groupSizes: [Int]) throws(StatisticsError) {
        let pooled = groupSizes.reduce(0, +)
        guard firstSize >= 1, firstSize < pooled, pooled <= Self.maximumPooledSize, groupSizes.allSatisfy({ $0 > 0 })
        else {
            throw .invalidArgument(
                "a tied U distribution needs 1 ≤ first size < pooled size ≤ \(Self.maximumPooledSize)")
        }
        // twiceRankSum bound: twice the largest possible rank sum of the first sample.
        let maximumTwiceSum = firstSize * (2 * pooled - firstSize + 1)
        var ways = [[Double]](repeating: [Double](repeating: 0, count: maximumTwiceSum + 1), count: firstSize + 1)
        ways[0][0] = 1
        var start = 1  // rank of the group's first value
        for size in groupSizes {
            let twiceMidRank = 2 * start + size - 1
            var next = [[Double]](repeating: [Double](repeating: 0, count: maximumTwiceSum + 1), count: firstSize + 1)
            var choose = 1.0  // C(size, k), updated as k grows
            for k in 0...min(size, firstSize) {
                if k > 0 { choose = choose * Double(size - k + 1) / Double(k) }
                let shift = k * twiceMidRank
                for chosen in 0...(firstSize - k) {
                    let row = ways[chosen]
                    for sum in 0...(maximumTwiceSum - shift) where row[sum] != 0 {
                        next[chosen + k][sum + shift] += row[sum] * choose
                    }
                }
            }
            ways = next
            start += size
        }
        let total = ways[firstSize].reduce(0, +)
        // 2U = 2R − m(m + 1).
        let offset = firstSize * (firstSize + 1)
        let maximumTwiceU = 2 * firstSize * (pooled - firstSize)
        var probabilities = [Double](repeating: 0, count: maximumTwiceU + 1)
        for (twiceSum, count) in ways[firstSize].enumerated() where count != 0 {
            let twiceU = twiceSum - offset
            if twiceU >= 0 && twiceU <= maximumTwiceU { probabilities[twiceU] += count / total }
        }
        self.probabilities = probabilities
    }

    /// P(U ≤ u) for the first sample.
    func cdf(_ u: Double) -> Double {
        let limit = Int((2 * u).rounded(.down))
        guard limit >= 0 else { return 0 }
        return min(1, probabilities.prefix(min(limit + 1, probabilities.count)).reduce(0, +))
    }
}
