import Statistics
import Testing

private func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

@Suite struct BootstrapTests {
    @Test(arguments: Reference.shared?.bootstrap ?? [])
    func agreesWithScipyWithinSamplingError(_ c: BootstrapCase) throws {
        let resamples = 20_000
        let r: BootstrapResult
        switch (c.kind, c.method) {
        case ("oneSample", "percentile"):
            r = try Bootstrap.percentile(
                c.head, resamples: resamples, confidence: c.confidence, seed: 7, statistic: mean)
        case ("oneSample", _):
            r = try Bootstrap.bca(c.head, resamples: resamples, confidence: c.confidence, seed: 7, statistic: mean)
        case (_, "percentile"):
            r = try Bootstrap.percentile(
                base: c.base, head: c.head, resamples: resamples, confidence: c.confidence, seed: 7
            ) { mean($1) / mean($0) }
        default:
            r = try Bootstrap.bca(base: c.base, head: c.head, resamples: resamples, confidence: c.confidence, seed: 7) {
                mean($1) / mean($0)
            }
        }
        let ci = try #require(r.confidenceInterval)
        let tolerance = bootstrapToleranceInStandardErrors * c.standardError
        #expect(abs(ci.lower - c.lower) <= tolerance)
        #expect(abs(ci.upper - c.upper) <= tolerance)
        #expect(abs(r.standardError - c.standardError) <= 0.05 * c.standardError)
    }

    @Test func sameSeedSameBits() throws {
        let x = (1...25).map { Double($0 * $0 % 17) + 0.5 }
        let a = try Bootstrap.bca(x, resamples: 2000, seed: 42, statistic: mean)
        let b = try Bootstrap.bca(x, resamples: 2000, seed: 42, statistic: mean)
        let c = try Bootstrap.bca(x, resamples: 2000, seed: 43, statistic: mean)
        let ia = try #require(a.confidenceInterval)
        let ib = try #require(b.confidenceInterval)
        #expect(ia.lower.bitPattern == ib.lower.bitPattern && ia.upper.bitPattern == ib.upper.bitPattern)
        #expect(a.standardError.bitPattern == b.standardError.bitPattern)
        #expect(a != c)
        let p1 = try Bootstrap.percentile(base: x, head: x.reversed(), resamples: 500, seed: 1) { mean($1) - mean($0) }
        let p2 = try Bootstrap.percentile(base: x, head: x.reversed(), resamples: 500, seed: 1) { mean($1) - mean($0) }
        #expect(p1 == p2)
    }

    @Test func constantSampleHasNoInterval() throws {
        let r = try Bootstrap.bca([3, 3, 3, 3], resamples: 100, statistic: mean)
        #expect(r.confidenceInterval == nil && r.degeneracy == .constantReplicates && r.estimate == 3)
        let one = try Bootstrap.percentile([5], resamples: 100, statistic: mean)
        #expect(one.confidenceInterval == nil)
        #expect(throws: StatisticsError.self) { try Bootstrap.percentile([1, 2], resamples: 1, statistic: mean) }
    }
}
