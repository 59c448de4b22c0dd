import Foundation
import Statistics
import Testing

/// The paired t-test against scipy.
@Suite struct PairedTTestTests {
    // Reference values, generated once with Python 3 and scipy 1.17.1:
    //
    //     import numpy as np
    //     from scipy import stats
    //     x = [10.2, 11.5, 9.8, 12.1, 10.9, 11.3, 10.0, 12.4]
    //     y = [10.6, 11.9, 10.1, 12.8, 11.0, 11.9, 10.5, 12.7]
    //     r = stats.ttest_rel(np.log(y), np.log(x))
    //     ci = r.confidence_interval(0.95)
    //     print(r.statistic, r.pvalue, r.df, ci.low, ci.high, (np.log(y) - np.log(x)).mean())
    static let base = [10.2, 11.5, 9.8, 12.1, 10.9, 11.3, 10.0, 12.4]
    static let head = [10.6, 11.9, 10.1, 12.8, 11.0, 11.9, 10.5, 12.7]

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b)) || abs(a - b) <= tolerance * abs(b)
    }

    @Test func matchesScipyTtestRelOnLogs() throws {
        let r = try PairedTTest.test(base: Self.base.map { log($0) }, head: Self.head.map { log($0) })
        let t = try #require(r.t)
        let p = try #require(r.pValue)
        let ci = try #require(r.confidenceInterval)
        #expect(abs(t - 6.581022514074416) <= 1e-9 * 6.581022514074416, "t = \(t)")
        #expect(abs(p - 0.00030972918814577686) <= 1e-9 * 0.00030972918814577686, "p = \(p)")
        #expect(r.degreesOfFreedom == 7)
        #expect(abs(ci.lower - 0.023434393967446534) <= 1e-9 * 0.023434393967446534, "\(ci.lower)")
        #expect(abs(ci.upper - 0.04971916729632517) <= 1e-9 * 0.04971916729632517, "\(ci.upper)")
        #expect(abs(r.meanDifference - 0.03657678063188585) <= 1e-9 * 0.03657678063188585)
    }

    @Test func degenerateAndInvalidInputs() throws {
        let one = try PairedTTest.test(base: [1], head: [2])
        #expect(one.degeneracy == .tooFewSamples && one.pValue == nil)
        let constant = try PairedTTest.test(base: [1, 2, 3], head: [2, 3, 4])
        #expect(constant.degeneracy == .zeroVariance && constant.pValue == nil)
        #expect(throws: StatisticsError.self) { try PairedTTest.test(base: [1, 2], head: [1, 2, 3]) }
        #expect(throws: StatisticsError.self) { try PairedTTest.test(base: [], head: []) }
    }
}
