import Foundation
import Statistics
import Testing

@Suite struct TTestTests {
    @Test(arguments: Reference.shared?.tTest ?? [])
    func matchesScipy(_ c: TTestCase) throws {
        let r = try TTest.twoSample(
            base: c.base, head: c.head, equalVariances: c.equalVariances, confidence: c.confidence)
        // The difference of two means loses |mean|/|difference| digits in any implementation;
        // scale the tolerance by that condition number (1 for well-separated data).
        let meanScale = max(
            abs(c.base.reduce(0, +) / Double(c.base.count)), abs(c.head.reduce(0, +) / Double(c.head.count)))
        let condition = max(1, meanScale / max(abs(c.meanDifference), .leastNormalMagnitude) * 1e-4)
        #expect(close(r.meanDifference, c.meanDifference, tTestTolerance * condition, scale: meanScale * 1e-6))
        if let degeneracy = c.degeneracy {
            #expect("\(try #require(r.degeneracy))" == degeneracy)
            #expect(r.t == nil && r.pValue == nil && r.confidenceInterval == nil && r.degreesOfFreedom == nil)
            return
        }
        #expect(r.degeneracy == nil)
        let t = try #require(r.t)
        let df = try #require(r.degreesOfFreedom)
        let p = try #require(r.pValue)
        let ci = try #require(r.confidenceInterval)
        let se = try #require(r.standardError)
        #expect(close(t, try #require(c.t), tTestTolerance * condition))
        #expect(close(df, try #require(c.df), tTestTolerance))
        #expect(close(p, try #require(c.p), tTestTolerance * condition * max(1, t * t / 100)))
        #expect(close(ci.lower, try #require(c.ciLower), tTestTolerance * condition, scale: se))
        #expect(close(ci.upper, try #require(c.ciUpper), tTestTolerance * condition, scale: se))
        #expect(ci.level == c.confidence)
    }

    @Test func signConventionAndErrors() throws {
        let r = try TTest.twoSample(base: [1, 2, 3], head: [4, 5, 6])
        #expect(r.meanDifference == 3 && (r.t ?? 0) > 0)
        #expect(throws: StatisticsError.emptySample) { try TTest.twoSample(base: [], head: [1, 2]) }
        #expect(throws: StatisticsError.nonFinite(index: 2)) { try TTest.twoSample(base: [1, 2, .nan], head: [1, 2]) }
        #expect(throws: StatisticsError.self) { try TTest.twoSample(base: [1, 2], head: [1, 2], confidence: 1) }
        let oneSide = try TTest.twoSample(base: [5], head: [1, 2, 3])
        #expect(oneSide.degeneracy == .tooFewSamples)
        let student = try TTest.twoSample(base: [5], head: [1, 2, 3], equalVariances: true)
        #expect(student.degeneracy == nil && student.degreesOfFreedom == 2)
    }

    @Test(arguments: Reference.shared?.geometricMeanRatio ?? [])
    func geometricMeanRatioMatchesScipy(_ c: GeometricMeanCase) throws {
        let r = try GeometricMeanRatio.compare(base: c.base, head: c.head, confidence: c.confidence)
        let logMeans = [c.base, c.head].map { x in x.map { log($0) }.reduce(0, +) / Double(x.count) }
        let condition = max(1, (logMeans.map(abs).max() ?? 0) / max(abs(log(c.ratio)), .leastNormalMagnitude) * 1e-4)
        #expect(close(r.ratio, c.ratio, tTestTolerance))
        let ci = try #require(r.confidenceInterval)
        #expect(close(ci.lower, c.ciLower, tTestTolerance))
        #expect(close(ci.upper, c.ciUpper, tTestTolerance))
        let t = try #require(r.logScaleTest.t)
        #expect(close(try #require(r.pValue), try #require(c.p), tTestTolerance * condition * max(1, t * t / 100)))
    }

    @Test func geometricMeanRatioRejectsNonPositive() {
        #expect(throws: StatisticsError.nonPositive(index: 1)) {
            try GeometricMeanRatio.compare(base: [1, 0, 2], head: [1, 2])
        }
        #expect(throws: StatisticsError.nonPositive(index: 0)) {
            try GeometricMeanRatio.compare(base: [1, 2], head: [-1, 2])
        }
    }
}
