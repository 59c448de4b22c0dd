import Statistics
import Testing

@Suite struct EquivalenceAndPowerTests {
    @Test(arguments: Reference.shared?.equivalence ?? [])
    func tostMatchesStatsmodels(_ c: EquivalenceCase) throws {
        let r = try EquivalenceTest.tost(
            base: c.base, head: c.head, lowerMargin: c.lower, upperMargin: c.upper, alpha: c.alpha)
        #expect(relativeError(try #require(r.lowerPValue), c.pLower) <= tTestTolerance)
        #expect(relativeError(try #require(r.upperPValue), c.pUpper) <= tTestTolerance)
        #expect(relativeError(try #require(r.pValue), c.p) <= tTestTolerance)
        #expect(relativeError(try #require(r.test.degreesOfFreedom), c.df) <= tTestTolerance)
        #expect(r.isEquivalent == c.equivalent)
    }

    @Test func tostDegenerate() throws {
        let r = try EquivalenceTest.tost(base: [1, 1, 1], head: [1, 1], lowerMargin: -0.1, upperMargin: 0.1)
        #expect(r.pValue == nil && !r.isEquivalent && r.degeneracy == .identicalConstantSamples)
        #expect(throws: StatisticsError.self) {
            try EquivalenceTest.tost(base: [1, 2], head: [1, 2], lowerMargin: 0.1, upperMargin: -0.1)
        }
    }

    @Test(arguments: Reference.shared?.power ?? [])
    func powerMatchesStatsmodels(_ c: PowerCase) throws {
        let n = try PowerAnalysis.samplesPerSide(
            effect: c.effect, standardDeviation: c.standardDeviation, alpha: c.alpha, power: c.power)
        #expect(n == c.samplesPerSide)
        for (probe, expected) in zip(c.probeN, c.probePower) {
            let power = try PowerAnalysis.power(
                samplesPerSide: probe, effect: c.effect, standardDeviation: c.standardDeviation, alpha: c.alpha)
            #expect(abs(power - expected) <= powerTolerance * max(expected, 1e-3), "n=\(probe)")
        }
    }

    @Test func powerDegenerate() throws {
        #expect(try PowerAnalysis.samplesPerSide(effect: 0.1, standardDeviation: 0, alpha: 0.05, power: 0.8) == nil)
        #expect(throws: StatisticsError.self) {
            try PowerAnalysis.samplesPerSide(effect: 0, standardDeviation: 1, alpha: 0.05, power: 0.8)
        }
        #expect(throws: StatisticsError.self) {
            try PowerAnalysis.samplesPerSide(effect: 1, standardDeviation: 1, alpha: 0.05, power: 1)
        }
        // A tiny effect needs a huge n; the search must still terminate and agree with the normal approximation.
        let huge = try #require(
            try PowerAnalysis.samplesPerSide(effect: 1e-4, standardDeviation: 1, alpha: 0.05, power: 0.8))
        #expect(abs(Double(huge) - 1_569_772_000) / 1_569_772_000 < 1e-3)
    }
}
