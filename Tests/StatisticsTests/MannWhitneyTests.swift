import Statistics
import Testing

@Suite struct MannWhitneyTests {
    @Test(arguments: Reference.shared?.mannWhitney ?? [])
    func matchesScipy(_ c: MannWhitneyCase) throws {
        let r = try MannWhitneyU.test(base: c.base, head: c.head)
        #expect(r.u == c.u)
        #expect("\(r.method)" == c.method)
        #expect(c.degeneracy == r.degeneracy.map { "\($0)" })
        // `if` rather than `switch`, so that methods added later (exact with ties) need no change here.
        if r.method == .exact {
            #expect(relativeError(r.pValue, c.p) <= exactPTolerance)
            if let scipy = c.scipyExactP { #expect(relativeError(r.pValue, scipy) <= exactPTolerance) }
        } else {
            #expect(r.method == .normalApproximation)
            #expect(relativeError(r.pValue, c.p) <= asymptoticPTolerance)
        }
    }

    /// `exactLimit: 0` forces the normal approximation, also without ties.
    @Test(arguments: Reference.shared?.mannWhitney ?? [])
    func forcedApproximationMatchesScipy(_ c: MannWhitneyCase) throws {
        let r = try MannWhitneyU.test(base: c.base, head: c.head, exactLimit: 0)
        #expect(r.method == .normalApproximation)
        #expect(relativeError(r.pValue, c.asymptoticP) <= asymptoticPTolerance)
    }

    @Test func distributionSumsToOneAndIsSymmetric() throws {
        let d = try MannWhitneyDistribution(m: 7, n: 9)
        let total = (0...63).map { d.probability($0) }.reduce(0, +)
        #expect(abs(total - 1) < 1e-14)
        for u in 0...63 { #expect(d.probability(u) == d.probability(63 - u)) }
        #expect(d.cdf(-1) == 0 && d.cdf(63) == 1 && d.survival(0) == 1 && d.survival(64) == 0)
        #expect(abs(d.cdf(20) + d.survival(21) - 1) < 1e-14)
    }

    @Test func degenerateAndInvalid() throws {
        let same = try MannWhitneyU.test(base: [3, 3], head: [3, 3, 3])
        #expect(same.pValue == 1 && same.degeneracy == .allValuesIdentical)
        #expect(throws: StatisticsError.emptySample) { try MannWhitneyU.test(base: [1], head: []) }
        #expect(throws: StatisticsError.nonFinite(index: 0)) { try MannWhitneyU.test(base: [.infinity], head: [1]) }
    }
}
