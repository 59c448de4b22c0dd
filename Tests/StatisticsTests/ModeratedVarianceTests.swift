import Foundation
import PropertyBased
import Statistics
import Testing

/// Empirical-Bayes moderated variances against `Reference/moderated_variance.json`, written by
/// `generate_moderated_variance.R` with limma itself (`squeezeVar(legacy = TRUE)`, `fitFDist`,
/// `.squeezeVar` for the capped prior, `trigammaInverse`) and R's `digamma`, `trigamma`, `psigamma`.
@Suite struct ModeratedVarianceTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let variances: [Double]
        let degreesOfFreedom: [Double]
        let priorDegreesOfFreedom: Double
        let priorVariance: Double
        let posteriorVariances: [Double]
        let fitFDistScale: Double
        let fitFDistDf2: Double
        let cap: Double
        let cappedPosteriorVariances: [Double]
        var testDescription: String { name }
    }

    struct PolygammaValues: Decodable, Sendable {
        let x: [Double]
        let digamma: [Double]
        let trigamma: [Double]
        let tetragamma: [Double]
    }

    struct InverseValues: Decodable, Sendable {
        let x: [Double]
        let y: [Double]
    }

    struct File: Decodable, Sendable {
        let limma: String
        let polygamma: PolygammaValues
        let trigammaInverse: InverseValues
        let cases: [Case]
    }

    static let file = referenceFile("moderated_variance.json", as: File.self)

    /// 1e-10 relative. The fit is a handful of sums of logs, digammas and trigammas (R and this code
    /// agree to ~1e-15 on each) followed by Newton's method to limma's own stopping rule; the
    /// stopping step is < 1e-8 relative, so the result carries that step's square (~1e-16), not
    /// 1e-8. The loss is in var(e) − mean(ψ′(d/2)), a difference of similar numbers, which
    /// amplifies the ~1e-15 input error by (var e)/v — at most ~1e3 in these cases.
    static let tolerance = 1e-10

    @Test func referenceFileLoads() {
        #expect(Self.file != nil, "Reference/moderated_variance.json is missing or malformed")
        #expect((Self.file?.cases.count ?? 0) >= 8)
    }

    @Test(arguments: file?.cases ?? [])
    func squeezeMatchesLimma(_ c: Case) throws {
        let result = try ModeratedVariance.squeeze(variances: c.variances, degreesOfFreedom: c.degreesOfFreedom)
        let s0 = try #require(result.priorVariance)
        #expect(close(s0, c.priorVariance, Self.tolerance), "s0² \(s0) vs limma \(c.priorVariance)")
        if c.priorDegreesOfFreedom.isInfinite {
            #expect(result.priorDegreesOfFreedom == .infinity)
        } else {
            #expect(
                close(result.priorDegreesOfFreedom, c.priorDegreesOfFreedom, Self.tolerance),
                "d0 \(result.priorDegreesOfFreedom) vs limma \(c.priorDegreesOfFreedom)")
        }
        #expect(result.posteriorVariances.count == c.posteriorVariances.count)
        for (index, (mine, theirs)) in zip(result.posteriorVariances, c.posteriorVariances).enumerated() {
            #expect(close(mine, theirs, Self.tolerance), "feature \(index): \(mine) vs limma \(theirs)")
        }
        for (index, df) in c.degreesOfFreedom.enumerated() {
            #expect(result.posteriorDegreesOfFreedom[index] == result.priorDegreesOfFreedom + df)
        }
        #expect(result.usableFeatureCount == c.degreesOfFreedom.filter { $0 > 0 }.count)

        // fitFDist on its own gives the same prior.
        let prior = try #require(
            try ModeratedVariance.fitPrior(variances: c.variances, degreesOfFreedom: c.degreesOfFreedom))
        #expect(close(prior.variance, c.fitFDistScale, Self.tolerance))
        #expect(
            c.fitFDistDf2.isInfinite
                ? prior.degreesOfFreedom.isInfinite : close(prior.degreesOfFreedom, c.fitFDistDf2, Self.tolerance))
    }

    @Test(arguments: file?.cases ?? [])
    func cappedPriorMatchesLimmaPosteriors(_ c: Case) throws {
        let result = try ModeratedVariance.squeeze(
            variances: c.variances, degreesOfFreedom: c.degreesOfFreedom, maximumPriorDegreesOfFreedom: c.cap)
        #expect(result.priorDegreesOfFreedom <= c.cap)
        #expect(result.fittedPriorDegreesOfFreedom.map { $0 == .infinity || $0 > 0 } == true)
        for (index, (mine, theirs)) in zip(result.posteriorVariances, c.cappedPosteriorVariances).enumerated() {
            #expect(close(mine, theirs, Self.tolerance), "feature \(index): \(mine) vs limma \(theirs)")
        }
    }

    @Test func polygammaMatchesR() throws {
        let values = try #require(Self.file?.polygamma)
        for (index, x) in values.x.enumerated() {
            // Near ψ's root (x ≈ 1.4616) only absolute accuracy is meaningful.
            #expect(close(try Polygamma.digamma(x), values.digamma[index], 1e-14, scale: 1), "ψ(\(x))")
            #expect(close(try Polygamma.trigamma(x), values.trigamma[index], 1e-14), "ψ′(\(x))")
            #expect(close(try Polygamma.tetragamma(x), values.tetragamma[index], 1e-13), "ψ″(\(x))")
        }
        #expect(throws: StatisticsError.self) { try Polygamma.digamma(0) }
        #expect(throws: StatisticsError.self) { try Polygamma.trigamma(-1) }
        #expect(throws: StatisticsError.self) { try Polygamma.tetragamma(.infinity) }
    }

    @Test func trigammaInverseMatchesLimma() throws {
        let values = try #require(Self.file?.trigammaInverse)
        for (x, y) in zip(values.x, values.y) {
            #expect(close(try ModeratedVariance.trigammaInverse(x), y, Self.tolerance), "x = \(x)")
        }
        #expect(throws: StatisticsError.self) { try ModeratedVariance.trigammaInverse(0) }
    }

    @Test func tooFewFeaturesMeansNoModeration() throws {
        let variances = [0.5, .nan, 2.0, 0.7]
        let df = [3.0, 3, 3, 0]
        let result = try ModeratedVariance.squeeze(variances: variances, degreesOfFreedom: df)
        #expect(result.usableFeatureCount == 2)
        #expect(result.priorDegreesOfFreedom == 0 && result.priorVariance == nil)
        #expect(result.posteriorVariances[0] == 0.5 && result.posteriorVariances[2] == 2.0)
        #expect(result.posteriorDegreesOfFreedom == df)
        // Two usable features still have a fitFDist prior (limma fits n ≥ 2), and the minimum can be 2.
        #expect(try ModeratedVariance.fitPrior(variances: variances, degreesOfFreedom: df) != nil)
        let two = try ModeratedVariance.squeeze(variances: variances, degreesOfFreedom: df, minimumFeatureCount: 2)
        #expect(two.priorVariance != nil)
        #expect(try ModeratedVariance.fitPrior(variances: [1], degreesOfFreedom: [2]) == nil)
    }

    @Test func excludedFeaturesGetThePrior() throws {
        let variances = [0.5, .nan, 2.0, 0.7, 1.1, .infinity, 0.9]
        let df = [3.0, 3, 3, 0, 3, 2, 3]
        let result = try ModeratedVariance.squeeze(
            variances: variances, degreesOfFreedom: df, maximumPriorDegreesOfFreedom: 4)
        let s0 = try #require(result.priorVariance)
        #expect(result.usableFeatureCount == 4)
        for index in [1, 3, 5] {
            #expect(result.posteriorVariances[index] == s0)
            #expect(result.posteriorDegreesOfFreedom[index] == result.priorDegreesOfFreedom)
        }
        #expect(result.posteriorVariances.allSatisfy { $0.isFinite })
        // The fit ignores the excluded features entirely.
        let clean = try ModeratedVariance.squeeze(
            variances: [0.5, 2.0, 1.1, 0.9], degreesOfFreedom: [3, 3, 3, 3], maximumPriorDegreesOfFreedom: 4)
        #expect(clean.priorVariance == s0 && clean.priorDegreesOfFreedom == result.priorDegreesOfFreedom)
    }

    @Test func invalidInputsThrow() {
        #expect(throws: StatisticsError.self) {
            try ModeratedVariance.squeeze(variances: [1, 2, -1], degreesOfFreedom: [1, 1, 1])
        }
        #expect(throws: StatisticsError.self) {
            try ModeratedVariance.squeeze(variances: [1, 2, 1], degreesOfFreedom: [1, -1, 1])
        }
        #expect(throws: StatisticsError.self) {
            try ModeratedVariance.squeeze(variances: [1, 2, 1], degreesOfFreedom: [1, .infinity, 1])
        }
        #expect(throws: StatisticsError.self) {
            try ModeratedVariance.squeeze(variances: [1, 2], degreesOfFreedom: [1, 1, 1])
        }
        #expect(throws: StatisticsError.self) {
            try ModeratedVariance.squeeze(
                variances: [1, 2, 3], degreesOfFreedom: [1, 1, 1], maximumPriorDegreesOfFreedom: -1)
        }
        #expect(throws: StatisticsError.self) {
            try ModeratedVariance.squeeze(variances: [1, 2, 3], degreesOfFreedom: [1, 1, 1], minimumFeatureCount: 1)
        }
    }

    /// 3…40 features with variances over four orders of magnitude and 1…10 degrees of freedom.
    static let features = zip(Gen.double(in: 1e-4...1).array(of: 3...40), Gen.int(in: 1...10).array(of: 40))

    /// A posterior is a weighted mean of s0² and s²_g: it never leaves the interval between them.
    @Test func posteriorsLieBetweenPriorAndSample() async {
        await propertyCheck(count: 200, input: Self.features, Gen.element(of: [nil, 0.5, 5, 50])) { features, cap in
            let (variances, dfs) = features
            let df = Array(dfs.prefix(variances.count)).map(Double.init)
            guard
                let result = try? ModeratedVariance.squeeze(
                    variances: variances, degreesOfFreedom: df, maximumPriorDegreesOfFreedom: cap ?? nil)
            else {
                Issue.record("valid features must not throw")
                return
            }
            guard let s0 = result.priorVariance else { return }
            for (posterior, sample) in zip(result.posteriorVariances, variances) {
                let slack = 1e-12 * max(s0, sample)
                #expect(posterior >= min(s0, sample) - slack && posterior <= max(s0, sample) + slack)
            }
        }
    }
}
