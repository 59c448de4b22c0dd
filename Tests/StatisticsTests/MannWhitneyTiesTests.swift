import BenchstatTestSupport
import Foundation
import Testing

@testable import Statistics

/// The exact U distribution given ties (Klotz 1966) against brute-force enumeration of every split,
/// and against the p-values Go's benchstat prints (which uses the same distribution up to 25 per side).
@Suite struct MannWhitneyTiesTests {
    /// Every way to choose `k` indices of `0..<n`.
    static func subsets(_ n: Int, _ k: Int) -> [[Int]] {
        if k == 0 { return [[]] }
        if n < k { return [] }
        return subsets(n - 1, k) + subsets(n - 1, k - 1).map { $0 + [n - 1] }
    }

    /// P(U_base ≤ u) by enumerating every assignment of pooled positions to the base sample.
    static func bruteForceCDF(base: [Double], head: [Double], u: Double) -> Double {
        let pooled = (base + head).sorted()
        var midRank: [Double] = Array(repeating: 0, count: pooled.count)
        var start = 0
        while start < pooled.count {
            var end = start
            while end + 1 < pooled.count && pooled[end + 1] == pooled[start] { end += 1 }
            for k in start...end { midRank[k] = Double(start + end + 2) / 2 }
            start = end + 1
        }
        let m = base.count
        let all = subsets(pooled.count, m)
        let hits = all.filter { choice in
            let rankSum = choice.reduce(0.0) { $0 + midRank[$1] }
            return rankSum - Double(m * (m + 1)) / 2 <= u + 1e-9
        }
        return Double(hits.count) / Double(all.count)
    }

    @Test(arguments: [
        ([1.0, 2, 2, 3, 5], [2.0, 3, 3, 4, 6, 6]),
        ([10.0, 10, 10, 11], [10.0, 12, 12, 12, 13]),
        ([1.0, 1, 2, 2, 3, 3], [1.0, 2, 3, 4, 4]),
    ])
    func matchesBruteForce(base: [Double], head: [Double]) throws {
        let ranking = Ranking(base: base, head: head)
        let distribution = try MannWhitneyTiedDistribution(firstSize: base.count, groupSizes: ranking.groupSizes)
        let maximum = Double(base.count * head.count)
        var u = 0.0
        while u <= maximum {
            let expected = Self.bruteForceCDF(base: base, head: head, u: u)
            #expect(abs(distribution.cdf(u) - expected) < 1e-12, "u=\(u)")
            u += 0.5
        }
        #expect(abs(distribution.cdf(maximum) - 1) < 1e-12)
    }

    /// The ranking merges the two samples sorted apart; ranking the pooled sample sorted (mid-ranks
    /// of its groups of equal values, added value by value) gives the same bits: rank sum, tie
    /// term, group sizes and flags. Samples with many ties, signed zeros, negatives, one side
    /// entirely below or above the other, and equal samples.
    @Test(arguments: 0..<40)
    func mergedRankingEqualsPooledRanking(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let levels = [-2.5, -0.0, 0.0, 1, 1.5, 3, 1e300, -1e-300]
        func sample(_ count: Int, shift: Double) -> [Double] {
            (0..<count).map { _ in levels[Int(generator.next() % UInt64(levels.count))] + shift }
        }
        let baseCount = 1 + Int(generator.next() % 25)
        let headCount = 1 + Int(generator.next() % 25)
        let base = sample(baseCount, shift: 0)
        let head =
            switch seed % 4 {
            case 0: sample(headCount, shift: 1e301)  // every head value above every base value
            case 1: base  // the same values
            default: sample(headCount, shift: 0)
            }
        let ranking = Ranking(base: base, head: head)
        let pooled = (base.map { ($0, false) } + head.map { ($0, true) }).sorted { $0.0 < $1.0 }
        var rankSum = 0.0
        var tieTerm = 0.0
        var groups: [Int] = []
        var start = 0
        while start < pooled.count {
            var end = start
            while end + 1 < pooled.count && pooled[end + 1].0 == pooled[start].0 { end += 1 }
            let size = Double(end - start + 1)
            tieTerm += size * size * size - size
            groups.append(end - start + 1)
            for k in start...end where pooled[k].1 { rankSum += Double(start + end + 2) / 2 }
            start = end + 1
        }
        #expect(ranking.headRankSum.bitPattern == rankSum.bitPattern)
        #expect(ranking.tieTerm.bitPattern == tieTerm.bitPattern)
        #expect(ranking.groupSizes == groups)
        #expect(ranking.hasTies == (tieTerm > 0))
        #expect(ranking.allTied == (groups.count == 1))
    }

    /// The lower-tail programme (bounded sums, in-place table) gives the very bits of the full
    /// distribution's CDF at every u, on tie patterns up to 25 + 25 values.
    @Test(arguments: [
        (5, [1, 3, 1, 2, 1, 1, 2]), (10, Array(repeating: 1, count: 20)), (20, Array(repeating: 1, count: 40)),
        (20, [3, 1, 1, 2, 5, 1, 1, 1, 4, 2, 1, 1, 3, 2, 1, 1, 1, 2, 3, 1, 2, 2]), (25, [25, 25]),
        (25, Array(repeating: 2, count: 25)), (1, [1, 1, 1]), (7, [4, 1, 9, 2, 1, 3]), (19, [40, 1]),
        (24, [3, 1, 1, 20, 1]), (3, [6, 1, 1, 2, 5]), (12, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]),
    ])
    func lowerTailEqualsTheFullDistribution(firstSize: Int, groupSizes: [Int]) throws {
        let full = try MannWhitneyTiedDistribution(firstSize: firstSize, groupSizes: groupSizes)
        let pooled = groupSizes.reduce(0, +)
        let maximum = Double(firstSize * (pooled - firstSize))
        var u = -1.0
        while u <= maximum + 1 {
            let tail = try MannWhitneyTiedDistribution.lowerTail(firstSize: firstSize, groupSizes: groupSizes, u: u)
            #expect(tail.bitPattern == full.cdf(u).bitPattern, "u=\(u)")
            u += 0.5
        }
    }

    /// The same on random tie patterns and first sizes (pooled sizes 2 to 50, mostly values of their
    /// own with a few ties, as timings rounded to a few digits give), at every u: the table's rows,
    /// stored from their least possible sum, must hold every count the full programme holds.
    @Test(arguments: 0..<6)
    func lowerTailEqualsTheFullDistributionOnRandomPatterns(seed: Int) throws {
        let random = try RandomSource(seed: UInt(1000 + seed))
        for _ in 0..<25 {
            let pooled = 2 + random.index(below: 49)
            var groupSizes: [Int] = []
            var left = pooled
            while left > 0 {
                // Three in four values alone; otherwise a group of 2 to 5 (clipped to what is left).
                let size = random.index(below: 4) == 0 ? min(left, 2 + random.index(below: 4)) : 1
                groupSizes.append(size)
                left -= size
            }
            let firstSize = 1 + random.index(below: pooled - 1)
            let full = try MannWhitneyTiedDistribution(firstSize: firstSize, groupSizes: groupSizes)
            let maximum = Double(firstSize * (pooled - firstSize))
            // Every half-step up to 10 (where the least rank sums decide), then about 60 more.
            let stride = max(0.5, (maximum / 60 * 2).rounded(.down) / 2)
            var u = -0.5
            while u <= maximum + 0.5 {
                let tail = try MannWhitneyTiedDistribution.lowerTail(firstSize: firstSize, groupSizes: groupSizes, u: u)
                #expect(tail.bitPattern == full.cdf(u).bitPattern, "m=\(firstSize) groups \(groupSizes) u=\(u)")
                u += u < 10 ? 0.5 : stride
            }
        }
    }

    @Test func lowerTailRejectsWhatTheDistributionRejects() {
        #expect(throws: StatisticsError.self) {
            try MannWhitneyTiedDistribution.lowerTail(firstSize: 0, groupSizes: [1, 2], u: 1)
        }
        #expect(throws: StatisticsError.self) {
            try MannWhitneyTiedDistribution.lowerTail(firstSize: 3, groupSizes: [1, 2], u: 1)
        }
        #expect(throws: StatisticsError.self) {
            try MannWhitneyTiedDistribution.lowerTail(firstSize: 1, groupSizes: [1, 0, 2], u: 1)
        }
    }

    /// Go benchstat's `crcIgnore.stdout`, first row: CRC32/poly=IEEE/size=15/align=0-8, p=0.008.
    @Test func reproducesGoOnTiedData() throws {
        let old = [44.6, 47.3, 44.6, 46.3, 50.7, 45.8, 46.8, 44.3, 47.7, 50.6]
        let new = [43.6, 45.4, 43.4, 45.3, 43.9, 46.0, 45.1, 43.8, 43.8, 44.9]
        let result = try MannWhitneyU.test(base: old, head: new, tiesExactLimit: 25)
        #expect(result.method == .exactWithTies)
        #expect(abs(result.pValue - 0.008) <= 0.0005)
        // Without the tie-exact path it is the normal approximation, as scipy's asymptotic method.
        #expect(try MannWhitneyU.test(base: old, head: new).method == .normalApproximation)
    }
}

/// The smallest size per side at which the exact Mann–Whitney test can reach α (2 / C(2n, n) < α).
@Suite struct MannWhitneyMinimumSizeTests {
    @Test(arguments: [(0.05, 4), (0.1, 4), (0.11, 3), (0.01, 5), (0.001, 7)])
    func minimumSamples(alpha: Double, expected: Int) {
        #expect(MannWhitneyU.minimumSamplesPerSide(alpha: alpha) == expected)
    }

    @Test func completeSeparationAtTheMinimumReachesAlpha() throws {
        let n = MannWhitneyU.minimumSamplesPerSide(alpha: 0.05)
        let base = (0..<n).map(Double.init)
        let head = (0..<n).map { Double($0 + 100) }
        #expect(try MannWhitneyU.test(base: base, head: head).pValue < 0.05)
        let fewer = Array(base.dropLast())
        let fewerHead = Array(head.dropLast())
        #expect(try MannWhitneyU.test(base: fewer, head: fewerHead).pValue >= 0.05)
    }
}
