import Foundation
import PropertyBased
import Statistics
import Testing

/// Yuen's trimmed-means test against `Reference/yuen.json`, written by `generate_yuen.py` with
/// scipy's `ttest_ind(head, base, equal_var=False, trim=γ)` (statistic, p-value, df and
/// `confidence_interval`), and against Welch's test at γ = 0.
@Suite struct YuenTTestTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let base: [Double]
        let head: [Double]
        let trim: Double
        let confidence: Double
        let baseTrimmedMean: Double
        let headTrimmedMean: Double
        let baseRetained: Int
        let headRetained: Int
        let squaredStandardError: Double
        let t: Double
        let p: Double
        let df: Double
        let lower: Double
        let upper: Double
        var testDescription: String { name }
    }

    struct File: Decodable, Sendable {
        let cases: [Case]
    }

    static let file = referenceFile("yuen.json", as: File.self)

    /// 1e-10 relative: the sums run over ≤ 31 values (a few ulps apart from numpy's pairwise sums)
    /// and both sides use accurate t tails (GSL's incomplete beta here, Boost's in scipy), which
    /// agree to ~1e-12; the interval ends get an absolute floor of 1e-10·SE, as they can be near 0.
    static let tolerance = 1e-10

    @Test func referenceFileLoads() {
        #expect(Self.file != nil, "Reference/yuen.json is missing or malformed")
        #expect((Self.file?.cases.count ?? 0) >= 10)
    }

    @Test(arguments: file?.cases ?? [])
    func matchesScipyTrimmedTTest(_ c: Case) throws {
        let result = try YuenTTest.twoSample(base: c.base, head: c.head, trim: c.trim, confidence: c.confidence)
        #expect(result.degeneracy == nil)
        #expect(result.baseRetained == c.baseRetained && result.headRetained == c.headRetained)
        #expect(close(result.baseTrimmedMean, c.baseTrimmedMean, Self.tolerance))
        #expect(close(result.headTrimmedMean, c.headTrimmedMean, Self.tolerance))
        let se = try #require(result.standardError)
        #expect(close(se * se, c.squaredStandardError, Self.tolerance), "d_x + d_y \(se * se)")
        let t = try #require(result.t)
        #expect(close(t, c.t, Self.tolerance), "t \(t) vs scipy \(c.t)")
        let df = try #require(result.degreesOfFreedom)
        #expect(close(df, c.df, Self.tolerance), "ν \(df) vs scipy \(c.df)")
        let p = try #require(result.pValue)
        #expect(close(p, c.p, Self.tolerance), "p \(p) vs scipy \(c.p)")
        let interval = try #require(result.confidenceInterval)
        #expect(close(interval.lower, c.lower, Self.tolerance, scale: se), "lower \(interval.lower) vs \(c.lower)")
        #expect(close(interval.upper, c.upper, Self.tolerance, scale: se), "upper \(interval.upper) vs \(c.upper)")
        #expect(interval.level == c.confidence)
    }

    /// The trimmed mean alone, of unsorted and of pre-sorted values, is scipy's `trim_mean` and the
    /// same number either way (the kept values are summed in sorted order by both).
    @Test(arguments: file?.cases ?? [])
    func trimmedMeanAloneMatchesScipy(_ c: Case) throws {
        for (values, expected) in [(c.base, c.baseTrimmedMean), (c.head, c.headTrimmedMean)] {
            let unsorted = try YuenTTest.trimmedMean(values, trim: c.trim)
            #expect(close(unsorted, expected, Self.tolerance), "\(unsorted) vs scipy \(expected)")
            #expect(try YuenTTest.trimmedMean(sorted: values.sorted(), trim: c.trim) == unsorted)
        }
        #expect(throws: StatisticsError.nonFinite(index: 1)) { try YuenTTest.trimmedMean([1, .nan, 2]) }
        #expect(throws: StatisticsError.self) { try YuenTTest.trimmedMean(sorted: [1, 2], trim: 0.5) }
    }

    @Test func degenerateInputsHaveNoPValueAndAReason() throws {
        // n = 3 with γ = 0.4: g = 1, h = 1.
        let few = try YuenTTest.twoSample(base: [1, 2, 3], head: [1, 2, 3, 4, 5], trim: 0.4)
        #expect(few.degeneracy == .tooFewRetainedValues && few.pValue == nil && few.t == nil)
        #expect(try YuenTTest.twoSample(base: [1], head: [1, 2, 3]).degeneracy == .tooFewRetainedValues)
        // Outliers are winsorized away: both winsorized variances are 0.
        let flat = try YuenTTest.twoSample(base: [-50, 1, 1, 1, 90], head: [0, 2, 2, 2, 7])
        #expect(flat.degeneracy == .zeroWinsorizedVariance && flat.confidenceInterval == nil)
        #expect(flat.trimmedMeanDifference == 1)
        let same = try YuenTTest.twoSample(base: [-50, 1, 1, 1, 90], head: [0, 1, 1, 1, 7])
        #expect(same.degeneracy == .identicalWinsorizedSamples && same.pValue == nil)
        // One side constant: ν is h − 1 of the other.
        let oneSided = try YuenTTest.twoSample(base: [1, 1, 1, 1, 1], head: [1, 2, 3, 4, 5])
        #expect(oneSided.degreesOfFreedom.map { abs($0 - 2) < 1e-12 } == true)
    }

    @Test func invalidInputsThrow() {
        #expect(throws: StatisticsError.emptySample) { try YuenTTest.twoSample(base: [], head: [1, 2]) }
        #expect(throws: StatisticsError.nonFinite(index: 1)) {
            try YuenTTest.twoSample(base: [1, 2], head: [1, .nan])
        }
        #expect(throws: StatisticsError.self) { try YuenTTest.twoSample(base: [1, 2], head: [1, 2], trim: 0.5) }
        #expect(throws: StatisticsError.self) { try YuenTTest.twoSample(base: [1, 2], head: [1, 2], trim: -0.1) }
        #expect(throws: StatisticsError.self) {
            try YuenTTest.twoSample(base: [1, 2], head: [1, 2], confidence: 1)
        }
    }

    static let samples = Gen.double(in: -1000...1000).array(of: 2...30)

    /// With γ = 0 nothing is trimmed or winsorized: Yuen's test is Welch's, to 1e-12 — of the
    /// values' magnitude M = max |x| for the difference of means, and of M / SE for t. The two
    /// means are sums of values of size M taken in another order, a few ulps of M apart: relative to
    /// a difference near 0 that is far more than 1e-12 (in 200,000 random pairs drawn like these,
    /// 33 had means within 0.08 of each other, and relative errors up to 6e-12).
    @Test func untrimmedIsWelch() async {
        await propertyCheck(count: 200, input: Self.samples, Self.samples) { base, head in
            guard let yuen = try? YuenTTest.twoSample(base: base, head: head, trim: 0),
                let welch = try? TTest.twoSample(base: base, head: head)
            else {
                Issue.record("both tests accept any finite samples of n ≥ 2")
                return
            }
            let magnitude = (base + head).reduce(0) { max($0, abs($1)) }
            #expect(close(yuen.trimmedMeanDifference, welch.meanDifference, 1e-12, scale: magnitude))
            guard let t = yuen.t, let p = yuen.pValue, let df = yuen.degreesOfFreedom,
                let interval = yuen.confidenceInterval, let se = yuen.standardError
            else {
                #expect(welch.pValue == nil)
                return
            }
            #expect(
                close(t, welch.t ?? .nan, 1e-12, scale: magnitude / se), "t \(t) vs Welch \(welch.t ?? .nan)")
            #expect(close(df, welch.degreesOfFreedom ?? .nan, 1e-12))
            #expect(close(p, welch.pValue ?? .nan, 1e-12, scale: 1e-12))
            #expect(close(interval.lower, welch.confidenceInterval?.lower ?? .nan, 1e-12, scale: se))
            #expect(close(interval.upper, welch.confidenceInterval?.upper ?? .nan, 1e-12, scale: se))
        }
    }
}
