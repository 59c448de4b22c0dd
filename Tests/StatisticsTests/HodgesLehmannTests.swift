import Statistics
import Testing

@Suite struct HodgesLehmannTests {
    @Test(arguments: Reference.shared?.hodgesLehmann ?? [])
    func matchesDefinition(_ c: HodgesLehmannCase) throws {
        let r = try HodgesLehmann.shift(base: c.base, head: c.head, confidence: c.confidence)
        #expect(r.estimate == c.estimate)
        #expect(r.orderStatistic == c.k)
        #expect(r.levelReached == c.levelReached)
        #expect("\(r.method)" == c.method)
        #expect(r.confidenceInterval.lower == c.lower && r.confidenceInterval.upper == c.upper)
        #expect(relativeError(r.achievedConfidence, c.achieved) <= levelTolerance)
        #expect(r.confidenceInterval.level == r.achievedConfidence)
        if r.levelReached { #expect(r.achievedConfidence >= c.confidence - 1e-12) }
    }

    @Test(arguments: Reference.shared?.medianCI ?? [])
    func medianCIMatchesBinomialDefinition(_ c: MedianCICase) throws {
        let r = try MedianConfidenceInterval.compute(c.values, confidence: c.confidence)
        #expect(r.median == c.median)
        #expect(r.orderStatistic == c.k)
        #expect(r.levelReached == c.levelReached)
        #expect(r.confidenceInterval.lower == c.lower && r.confidenceInterval.upper == c.upper)
        #expect(
            relativeError(r.achievedConfidence, c.achieved) <= levelTolerance
                || abs(r.achievedConfidence - c.achieved) < 1e-15)
        if r.levelReached { #expect(r.achievedConfidence >= c.confidence) }
    }

    @Test func smallSamplesSayTheLevelIsUnreachable() throws {
        let r = try MedianConfidenceInterval.compute([3, 1, 2], confidence: 0.95)
        #expect(!r.levelReached && r.confidenceInterval.lower == 1 && r.confidenceInterval.upper == 3)
        #expect(abs(r.achievedConfidence - 0.75) < 1e-15)
        let hl = try HodgesLehmann.shift(base: [1, 2, 3], head: [2, 3, 4], confidence: 0.95)
        #expect(!hl.levelReached && abs(hl.achievedConfidence - 0.9) < 1e-15)
        #expect(throws: StatisticsError.emptySample) { try MedianConfidenceInterval.compute([], confidence: 0.9) }
    }
}
