import Testing

@testable import Statistics

/// The selection path of `HodgesLehmann` (issue 16: O((m + n) log mn) instead of forming the m·n
/// differences) against the sorted differences it replaces: the same order statistics, so the same
/// bits, at many sizes, with and without ties.
@Suite struct HodgesLehmannSelectionTests {
    /// Sizes (m, n) from 1 to a few hundred, square and lopsided.
    static let sizes: [(Int, Int)] = [
        (1, 1), (1, 2), (2, 1), (2, 2), (3, 5), (5, 3), (7, 7), (10, 1), (1, 40), (13, 17), (31, 30), (50, 50),
        (51, 49), (64, 3), (100, 100), (129, 257), (300, 7), (400, 400),
    ]

    @Test(arguments: sizes)
    func selectionIsBitIdenticalToSortedDifferences(_ m: Int, _ n: Int) throws {
        let random = try RandomSource(seed: UInt(m * 1000 + n))
        for trial in 0..<6 {
            // Continuous log-like values, values on a coarse grid (many ties), and one shifted side.
            let grid = trial % 3 == 1
            let draw = { (shift: Double) -> Double in
                let value = random.gaussian(sigma: 0.3) + shift
                // (+ 0 turns −0 into +0: logarithms are never −0, and the heap sort's order of −0
                // and +0, which compare equal, is not something a selection can reproduce.)
                return grid ? (value * 8).rounded() / 8 + 0 : value
            }
            let base = (0..<n).map { _ in draw(0) }
            let head = (0..<m).map { _ in draw(trial % 3 == 2 ? 0.2 : 0) }
            for confidence in [0.5, 0.9, 0.95, 0.99] {
                let sorted = try HodgesLehmann.shift(base: base, head: head, confidence: confidence, selecting: false)
                let selected = try HodgesLehmann.shift(base: base, head: head, confidence: confidence, selecting: true)
                #expect(selected.estimate.bitPattern == sorted.estimate.bitPattern, "m=\(m) n=\(n) trial \(trial)")
                #expect(selected.confidenceInterval.lower.bitPattern == sorted.confidenceInterval.lower.bitPattern)
                #expect(selected.confidenceInterval.upper.bitPattern == sorted.confidenceInterval.upper.bitPattern)
                #expect(selected == sorted)
            }
        }
    }

    /// Several levels at once (Mann–Whitney asks for 1 − α and 1 − 2α together): each result is the
    /// very result of asking for that level alone, on both paths, in the order the levels were given.
    @Test(arguments: sizes)
    func levelsTogetherAreEachLevelAlone(_ m: Int, _ n: Int) throws {
        let random = try RandomSource(seed: UInt(m * 7919 + n))
        for trial in 0..<4 {
            let grid = trial % 2 == 1
            let draw = { (shift: Double) -> Double in
                let value = random.gaussian(sigma: 0.3) + shift
                return grid ? (value * 8).rounded() / 8 + 0 : value
            }
            let base = (0..<n).map { _ in draw(0) }
            let head = (0..<m).map { _ in draw(trial >= 2 ? 0.2 : 0) }
            let levels = [0.95, 0.9, 0.5, 0.99]
            for selecting in [false, true] {
                let together = try HodgesLehmann.shifts(
                    base: base, head: head, confidences: levels, selecting: selecting)
                #expect(together.count == levels.count)
                for (level, result) in zip(levels, together) {
                    let alone = try HodgesLehmann.shift(base: base, head: head, confidence: level, selecting: selecting)
                    #expect(result == alone, "m=\(m) n=\(n) trial \(trial) level \(level)")
                    #expect(result.confidenceInterval.lower.bitPattern == alone.confidenceInterval.lower.bitPattern)
                    #expect(result.confidenceInterval.upper.bitPattern == alone.confidenceInterval.upper.bitPattern)
                }
            }
        }
    }

    /// No level is an error, not an empty answer.
    @Test func noLevelIsRefused() {
        #expect(throws: StatisticsError.self) {
            try HodgesLehmann.shifts(base: [1, 2, 3], head: [2, 3, 4], confidences: [])
        }
    }

    /// Every rank of a small matrix, against the sorted differences.
    @Test func everyRankOfASmallMatrix() throws {
        let base = [3.0, 1, 4, 1, 5, 9, 2, 6]
        let head = [2.0, 7, 1, 8, 2, 8, 1]
        let sorted = head.flatMap { h in base.map { h - $0 } }.sorted()
        let matrix = ShiftOrderStatistics(base: base, head: head)
        for rank in 1...sorted.count {
            #expect(try matrix.element(rank: rank) == sorted[rank - 1], "rank \(rank)")
        }
    }

    /// Beyond the old limit of 2·10⁷ pairs (about 4,472 per side), which was refused.
    @Test func largeSamplesAreAccepted() throws {
        let random = try RandomSource(seed: 7)
        let base = (0..<20_000).map { _ in random.gaussian(sigma: 0.1) }
        let head = (0..<20_000).map { _ in random.gaussian(sigma: 0.1) + 0.05 }
        let result = try HodgesLehmann.shift(base: base, head: head, confidence: 0.95)
        #expect(abs(result.estimate - 0.05) < 0.01)
        #expect(result.confidenceInterval.lower < result.estimate && result.estimate < result.confidenceInterval.upper)
        #expect(result.confidenceInterval.upper - result.confidenceInterval.lower < 0.01)
    }
}
