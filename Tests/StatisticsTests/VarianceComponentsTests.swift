import Foundation
import Statistics
import Testing

/// The variance arithmetic the analysis uses (one-way ANOVA, Satterthwaite, the t interval of a
/// mean, pooled variance, plain sums) against `Reference/variance_components.json`, written once by
/// `generate_variance_components.py` with scipy and numpy.
@Suite struct VarianceComponentsTests {
    struct AnovaCase: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let groups: [[Double]]
        let f: Double
        let meanSquareWithin: Double
        let meanSquareBetween: Double
        let betweenGroupVariance: Double
        let degreesOfFreedomBetween: Double
        let degreesOfFreedomWithin: Double
        var testDescription: String { name }
    }

    struct Component: Decodable, Sendable {
        let variance: Double
        let degreesOfFreedom: Double
    }

    struct SatterthwaiteCase: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let components: [Component]
        let variance: Double
        let degreesOfFreedom: Double
        var testDescription: String { name }
    }

    struct IntervalCase: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let mean: Double
        let standardDeviation: Double
        let count: Int
        let confidence: Double
        let lower: Double
        let upper: Double
        var testDescription: String { name }
    }

    struct PooledCase: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let samples: [[Double]]
        let pooled: Double
        let means: [Double]
        var testDescription: String { name }
    }

    struct File: Decodable, Sendable {
        let anova: [AnovaCase]
        let satterthwaite: [SatterthwaiteCase]
        let meanIntervals: [IntervalCase]
        let pooled: [PooledCase]
    }

    static let file = referenceFile("variance_components.json", as: File.self)

    /// Sums of squares over a handful of values: scipy/numpy and the plain sums agree to a few ulps.
    static let tolerance = 1e-12

    @Test func referenceFileLoads() {
        #expect(Self.file != nil, "Reference/variance_components.json is missing or malformed")
        #expect((Self.file?.anova.count ?? 0) >= 5)
    }

    @Test(arguments: file?.anova ?? [])
    func oneWayANOVAMatchesScipy(_ c: AnovaCase) throws {
        let anova = try #require(OneWayANOVA(groups: c.groups))
        #expect(close(anova.f, c.f, Self.tolerance), "F \(anova.f) vs scipy \(c.f)")
        #expect(close(anova.meanSquareWithin, c.meanSquareWithin, Self.tolerance))
        #expect(close(anova.meanSquareBetween, c.meanSquareBetween, Self.tolerance))
        #expect(
            close(anova.betweenGroupVariance, c.betweenGroupVariance, Self.tolerance, scale: c.meanSquareWithin))
        #expect(anova.degreesOfFreedomBetween == c.degreesOfFreedomBetween)
        #expect(anova.degreesOfFreedomWithin == c.degreesOfFreedomWithin)
    }

    @Test func oneWayANOVARefusesWhatHasNoWithinGroupFreedom() {
        #expect(OneWayANOVA(groups: [[1, 2, 3]]) == nil, "one group")
        #expect(OneWayANOVA(groups: [[1], [2]]) == nil, "N − r = 0")
        #expect(OneWayANOVA(groups: [[1, 2], []]) == nil, "an empty group")
        // The offsets form (what `init(groups:)` delegates to): an empty group between two others,
        // and ends that do not cover the values, are refused too.
        #expect(OneWayANOVA(values: [1, 2, 3, 4], groupEnds: [2, 2, 4]) == nil, "an empty group")
        #expect(OneWayANOVA(values: [1, 2, 3, 4, 5], groupEnds: [2, 4]) == nil, "a value in no group")
        #expect(
            OneWayANOVA(values: [1, 2, 5, 3, 4], groupEnds: [3, 5]) == OneWayANOVA(groups: [[1, 2, 5], [3, 4]]))
        // Identical group means: no between-group component, whatever the within spread.
        let flat = OneWayANOVA(groups: [[1, 3], [1, 3], [3, 1]])
        #expect(flat?.betweenGroupVariance == 0)
    }

    @Test(arguments: file?.satterthwaite ?? [])
    func satterthwaiteMatchesScipyWelchDegreesOfFreedom(_ c: SatterthwaiteCase) throws {
        let combined = try #require(
            Satterthwaite.combine(
                c.components.map { VarianceComponent(variance: $0.variance, degreesOfFreedom: $0.degreesOfFreedom) }))
        #expect(close(combined.variance, c.variance, 1e-15))
        #expect(close(combined.degreesOfFreedom, c.degreesOfFreedom, 1e-12), "ν \(combined.degreesOfFreedom)")
    }

    @Test func satterthwaiteOfNoVarianceIsNil() {
        #expect(Satterthwaite.combine([VarianceComponent(variance: 0, degreesOfFreedom: 3)]) == nil)
        // One component keeps its own degrees of freedom.
        let one = Satterthwaite.combine([VarianceComponent(variance: 0.2, degreesOfFreedom: 7)])
        #expect(one.map { abs($0.degreesOfFreedom - 7) < 1e-12 } == true)
    }

    @Test(arguments: file?.meanIntervals ?? [])
    func meanIntervalMatchesScipy(_ c: IntervalCase) throws {
        let interval = try #require(
            try MeanConfidenceInterval.studentT(
                mean: c.mean, standardDeviation: c.standardDeviation, count: c.count, confidence: c.confidence))
        #expect(close(interval.lower, c.lower, 1e-10, scale: c.standardDeviation))
        #expect(close(interval.upper, c.upper, 1e-10, scale: c.standardDeviation))
        #expect(interval.level == c.confidence)
    }

    @Test func meanIntervalDegenerateAndInvalid() throws {
        #expect(try MeanConfidenceInterval.studentT(mean: 1, standardDeviation: 0, count: 5, confidence: 0.95) == nil)
        #expect(try MeanConfidenceInterval.studentT(mean: 1, standardDeviation: 1, count: 1, confidence: 0.95) == nil)
        #expect(throws: StatisticsError.self) {
            try MeanConfidenceInterval.studentT(mean: 1, standardDeviation: 1, count: 5, confidence: 1)
        }
        #expect(throws: StatisticsError.self) {
            try MeanConfidenceInterval.studentT(mean: 1, standardDeviation: -1, count: 5, confidence: 0.9)
        }
    }

    @Test(arguments: file?.pooled ?? [])
    func pooledVarianceAndPlainMeansMatchNumpy(_ c: PooledCase) throws {
        let pooled = try #require(PooledVariance.ofSamples(c.samples))
        #expect(close(pooled, c.pooled, Self.tolerance))
        for (sample, mean) in zip(c.samples, c.means) {
            #expect(close(try Summation.mean(sample), mean, Self.tolerance, scale: 1))
        }
    }

    @Test func plainSumsAreInIndexOrder() throws {
        // 1e16 + 1 − 1e16 is 0 in index order (the 1 is absorbed), 1 in any compensated sum.
        #expect(Summation.sum([1e16, 1, -1e16]) == 0)
        #expect(throws: StatisticsError.emptySample) { try Summation.mean([]) }
        #expect(Summation.variance([3]) == nil)
        #expect(Summation.variance([1, 2, 3, 4]) == 5.0 / 3.0)
        #expect(PooledVariance.ofSamples([[1], [2]]) == nil)
    }
}
