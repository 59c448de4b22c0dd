/// The exact null distribution of the Mann–Whitney U statistic for samples of sizes `m` and `n`
/// without ties (Mann & Whitney 1947): U counts the pairs (x, y) with x > y and takes the values
/// 0…mn, each of the C(m + n, m) orderings being equally likely.
///
/// GSL has no such distribution, so it is computed here by the counting recursion
/// c(i, j; u) = c(i − 1, j; u − j) + c(i, j − 1; u) (the largest of the i + j values belongs to
/// the first sample, adding j to U, or to the second, adding 0). The recursion only adds
/// non-negative counts, so tail probabilities keep full relative accuracy however small they are;
/// counts are held as `Double` (exact up to 2⁵³ and accurate to rounding beyond, C(100, 50) ≈ 10²⁹).
///
/// - Complexity: O(m²n²) time and O(m²n) memory; sizes are limited to `maximumSize` per side.
public struct MannWhitneyDistribution: Sendable {
    /// The largest sample size per side accepted: the exact test is used up to 50 per side (the
    /// `MannWhitneyExactLimit` of Go's benchstat, `golang.org/x/perf/internal/stats`, about 1.6 M
    /// additions); 100 per side costs about 25 M.
    public static let maximumSize = 100

    /// The size of the first sample.
    public let m: Int
    /// The size of the second sample.
    public let n: Int
    /// `counts[u]` = the number of orderings with U = u, for u in 0…mn.
    private let counts: [Double]
    /// C(m + n, m), the number of orderings.
    private let total: Double

    /// Builds the distribution for sizes `m`, `n` ≥ 1 (each at most `maximumSize`).
    public init(m: Int, n: Int) throws(StatisticsError) {
        guard m >= 1, n >= 1, m <= Self.maximumSize, n <= Self.maximumSize else {
            throw .invalidArgument("exact U distribution needs 1 ≤ m, n ≤ \(Self.maximumSize) (m=\(m), n=\(n))")
        }
        self.m = m
        self.n = n
        let small = min(m, n)
        let large = max(m, n)
        // table[i] holds c(i, j; ·) for the current j; it has i·j + 1 entries.
        var table = [[Double]](repeating: [1], count: small + 1)
        for j in 1...large {
            for i in 1...small {
                var next = [Double](repeating: 0, count: i * j + 1)
                let previous = table[i]  // c(i, j − 1; ·), length i(j − 1) + 1
                for u in previous.indices { next[u] = previous[u] }
                let shifted = table[i - 1]  // c(i − 1, j; ·), length (i − 1)j + 1, already at j
                for u in shifted.indices { next[u + j] += shifted[u] }
                table[i] = next
            }
        }
        counts = table[small]
        total = counts.reduce(0, +)
    }

    /// P(U ≤ u). Values below 0 give 0, values at or above mn give 1.
    public func cdf(_ u: Int) -> Double {
        if u < 0 { return 0 }
        if u >= counts.count - 1 { return 1 }
        // Sum the shorter tail for accuracy; the distribution is symmetric about mn/2.
        if 2 * u <= counts.count - 1 {
            return counts[0...u].reduce(0, +) / total
        }
        return 1 - survival(u + 1)
    }

    /// P(U ≥ u). Values at or below 0 give 1.
    public func survival(_ u: Int) -> Double {
        if u <= 0 { return 1 }
        let top = counts.count - 1
        if u > top { return 0 }
        // P(U ≥ u) = P(U ≤ mn − u) by symmetry; sum the short side directly.
        let mirrored = top - u
        if 2 * mirrored <= top {
            return counts[0...mirrored].reduce(0, +) / total
        }
        return 1 - cdf(u - 1)
    }

    /// P(U = u).
    public func probability(_ u: Int) -> Double {
        guard u >= 0 && u < counts.count else { return 0 }
        return counts[u] / total
    }
}

extension MannWhitneyDistribution {
    /// The distribution for sizes `m`, `n`, built once per process and size pair and then shared:
    /// every benchmark of a suite with 20 samples per side asks for the same table, which costs
    /// O(m²n²) to build (about a million additions at 20 × 20). The table is a pure function of
    /// the sizes, so the shared one is identical to a fresh one. Behind a lock, for the threads of
    /// an analysis.
    /// - Throws: as `init(m:n:)`.
    public static func shared(m: Int, n: Int) throws(StatisticsError) -> MannWhitneyDistribution {
        try sharedTables.value(for: SIMD2(m, n)) { () throws(StatisticsError) in
            try MannWhitneyDistribution(m: m, n: n)
        }
    }

    /// At most 64 tables are kept (each holds mn + 1 counts).
    private static let sharedTables = SharedMemo<SIMD2<Int>, MannWhitneyDistribution>(capacity: 64)
}
