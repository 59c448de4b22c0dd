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

    /// P(U ≤ u) for the first sample, computed for the lower tail alone: the same dynamic programme
    /// with every twice-rank-sum that already exceeds the tail's bound dropped (a group only adds
    /// to the sum), updated in place, and a row of the table dropped once its values could no
    /// longer reach the bound or complete the sample. Every count is an integer below
    /// C(50, 25) < 2⁵³, so each is exact whatever the order of the additions, and the result is the
    /// very bits of `init(firstSize:groupSizes:)` followed by `cdf(_:)` — at a fraction of the cost
    /// when u lies in the tail (a p-value of a real change). Pooled samples of more than 50 values,
    /// whose counts are no longer exact, take that full path.
    static func lowerTail(firstSize: Int, groupSizes: [Int], u: Double) throws(StatisticsError) -> Double {
        let pooled = groupSizes.reduce(0, +)
        guard pooled <= 50 else {
            return try MannWhitneyTiedDistribution(firstSize: firstSize, groupSizes: groupSizes).cdf(u)
        }
        guard firstSize >= 1, firstSize < pooled, groupSizes.allSatisfy({ $0 > 0 }) else {
            throw .invalidArgument(
                "a tied U distribution needs 1 ≤ first size < pooled size ≤ \(Self.maximumPooledSize)")
        }
        let limit = Int((2 * u).rounded(.down))
        guard limit >= 0 else { return 0 }
        let m = firstSize
        let offset = m * (m + 1)
        let maximumTwiceU = 2 * m * (pooled - m)
        let lastTwiceU = min(limit, maximumTwiceU)
        // Twice the rank sum of the first sample: 2U + m(m + 1).
        let bound = lastTwiceU + offset
        // cumulative[p] = the sum of the twice mid-ranks of pooled positions 0 ..< p (0-based). The
        // least that j more values can add, once the values left begin at position p, is the sum over
        // positions p ..< p + j: cumulative[p + j] − cumulative[p] (mid-ranks never fall along the
        // sorted sample).
        var cumulative = [Int](repeating: 0, count: pooled + 1)
        var position = 0
        var groupStart = 1
        for size in groupSizes {
            for _ in 0..<size {
                cumulative[position + 1] = cumulative[position] + 2 * groupStart + size - 1
                position += 1
            }
            groupStart += size
        }
        // Row r (r values chosen) only ever holds twice-sums from cumulative[r] (its r smallest
        // values) to bound − (cumulative[m] − cumulative[r]) (the m − r values still to come add at
        // least the next m − r mid-ranks), so each row stores its sums from cumulative[r] on, in a
        // width of bound − cumulative[m] + 1: about 2u + 1 instead of 2u + m(m + 1) + 1.
        let width = bound - cumulative[m] + 1
        // Even the m smallest values exceed the bound: no split lies in the tail.
        guard width >= 1 else { return 0 }
        var ways = [Double](repeating: 0, count: (m + 1) * width)
        // Per row (values chosen so far): the lowest and highest twice-sum with a count, or lo > hi.
        var low = [Int](repeating: Int.max, count: m + 1)
        var high = [Int](repeating: -1, count: m + 1)
        ways[0] = 1
        low[0] = 0
        high[0] = 0
        var start = 1  // rank of the group's first value
        var remaining = pooled
        ways.withUnsafeMutableBufferPointer { table in
            guard let base = table.baseAddress else { return }
            for size in groupSizes {
                let twiceMidRank = 2 * start + size - 1
                remaining -= size
                // Sources from the most values chosen down: a row is read before any smaller row adds
                // to it, so one table serves as both the old and the new state.
                // The first pooled position (0-based) after this group, and the least that a row
                // still needs to add once it is processed: a count whose sum cannot stay within
                // `bound` however the sample is completed is never read, so it is not made.
                let next = pooled - remaining
                func least(_ values: Int) -> Int {
                    values <= remaining ? cumulative[next + values] - cumulative[next] : Int.max / 4
                }
                for chosen in stride(from: min(m, pooled - remaining - size), through: 0, by: -1)
                where low[chosen] <= high[chosen] {
                    let largestK = min(size, m - chosen)
                    guard largestK >= 1 else { continue }
                    let source = base + chosen * width + (low[chosen] - cumulative[chosen])
                    var choose = 1.0  // C(size, k), updated as k grows
                    for k in 1...largestK {
                        choose = choose * Double(size - k + 1) / Double(k)
                        let shift = k * twiceMidRank
                        let top = min(high[chosen], bound - shift - least(m - chosen - k))
                        // Not `break`: a larger k leaves fewer values to add, so its bound may be higher.
                        guard low[chosen] <= top else { continue }
                        let target =
                            base + (chosen + k) * width + (low[chosen] + shift - cumulative[chosen + k])
                        let count = top - low[chosen] + 1
                        if size == 1 {
                            // A value of its own (no tie): C(1, 1) = 1, and x · 1 is x.
                            for i in 0..<count { target[i] += source[i] }
                        } else {
                            for i in 0..<count { target[i] += source[i] * choose }
                        }
                        low[chosen + k] = min(low[chosen + k], low[chosen] + shift)
                        high[chosen + k] = max(high[chosen + k], top + shift)
                    }
                }
                start += size
                // A row that cannot be completed from the values left is of no further use; the
                // counts of a row that could not stay within `bound` are not read again (and later
                // groups write no higher: the least still to add only grows).
                for chosen in 0..<m {
                    if chosen + remaining < m {
                        low[chosen] = Int.max
                    } else {
                        high[chosen] = min(high[chosen], bound - least(m - chosen))
                    }
                }
            }
        }
        let total = binomial(pooled, m)
        var cdf = 0.0
        let row = m * width
        for twiceU in 0...lastTwiceU {
            let column = twiceU + offset - cumulative[m]
            let count = column >= 0 ? ways[row + column] : 0
            cdf += count / total
        }
        return min(1, cdf)
    }

    /// C(n, k) as a double, exact for n ≤ 50 (at most C(50, 25) ≈ 1.3e14; the products stay below 2⁶⁴).
    private static func binomial(_ n: Int, _ k: Int) -> Double {
        var value: UInt64 = 1
        for i in 0..<min(k, n - k) { value = value * UInt64(n - i) / UInt64(i + 1) }
        return Double(value)
    }
}
