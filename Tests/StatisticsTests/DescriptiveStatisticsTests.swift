import Statistics
import Testing

@Suite struct DescriptiveStatisticsTests {
    @Test(arguments: Reference.shared?.descriptive ?? [])
    func matchesNumpy(_ c: DescriptiveCase) throws {
        let s = try DescriptiveStatistics(c.values)
        #expect(s.count == c.count)
        #expect(close(s.mean, c.mean, descriptiveTolerance))
        #expect(s.minimum == c.minimum && s.maximum == c.maximum)
        #expect(close(s.median, c.median, descriptiveTolerance))
        #expect(close(s.medianAbsoluteDeviation, c.mad, descriptiveTolerance))
        #expect(close(s.scaledMAD, c.scaledMAD, descriptiveTolerance))
        if let variance = c.variance, let sd = c.standardDeviation {
            let v = try #require(s.variance)
            // numpy and GSL differ by a few ulps of the mean; near-constant samples amplify that
            // in the variance by mean²/variance, so the tolerance carries that condition number.
            let condition = variance == 0 ? 1 : max(1, c.mean * c.mean / variance)
            #expect(close(v, variance, descriptiveTolerance * condition))
            #expect(close(try #require(s.standardDeviation), sd, descriptiveTolerance * condition))
        } else {
            #expect(s.variance == nil && s.standardDeviation == nil)
        }
        if let cv = c.cv {
            let condition = (c.variance ?? 0) == 0 ? 1 : max(1, c.mean * c.mean / (c.variance ?? 1))
            #expect(close(try #require(s.coefficientOfVariation), cv, descriptiveTolerance * condition))
        } else {
            #expect(s.coefficientOfVariation == nil)
        }
        for (p, q) in zip(c.quantileLevels, c.quantiles) {
            #expect(close(try s.quantile(p), q, descriptiveTolerance, scale: abs(c.maximum)))
        }
        #expect(s.isConstant == (c.minimum == c.maximum))
    }

    @Test func degenerateInputs() throws {
        let one = try DescriptiveStatistics([4])
        #expect(one.variance == nil && one.standardDeviation == nil && one.coefficientOfVariation == nil)
        #expect(one.median == 4 && one.medianAbsoluteDeviation == 0 && one.isConstant)
        let constant = try DescriptiveStatistics([2, 2, 2])
        #expect(constant.variance == 0 && constant.coefficientOfVariation == 0 && constant.isConstant)
        let zeroMean = try DescriptiveStatistics([-1, 1])
        #expect(zeroMean.coefficientOfVariation == nil)
        #expect(throws: StatisticsError.emptySample) { try DescriptiveStatistics([]) }
        #expect(throws: StatisticsError.nonFinite(index: 1)) { try DescriptiveStatistics([1, .nan, 3]) }
        #expect(throws: StatisticsError.nonFinite(index: 0)) { try DescriptiveStatistics([.infinity]) }
        #expect(throws: StatisticsError.self) { try constant.quantile(1.5) }
        #expect(throws: StatisticsError.numericalFailure("the mean or variance is not finite")) {
            try DescriptiveStatistics([1e308, -1e308, 1.7e308])
        }
    }
}
