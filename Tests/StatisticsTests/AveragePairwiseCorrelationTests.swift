import Foundation
import Statistics
import Testing

/// The average pairwise correlation against `Reference/pairwise_correlation.json`, written by
/// `generate_pairwise_correlation.py` from numpy's `corrcoef` (every pair computed directly), and
/// its standard error under independence against the spread of 4,000 simulated averages.
@Suite struct AveragePairwiseCorrelationTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let vectors: [[Double]]
        let value: Double
        let standardErrorUnderIndependence: Double
        let vectorCount: Int
        var testDescription: String { name }
    }

    struct Null: Decodable, Sendable {
        let count: Int
        let length: Int
        let standardDeviation: Double
        let draws: Int
    }

    struct File: Decodable, Sendable {
        let cases: [Case]
        let null: [Null]
    }

    static let file = referenceFile("pairwise_correlation.json", as: File.self)

    /// 1e-12 absolute: ρ̄ lies in [−1, 1] and both sides sum at most 30 products of unit-scale terms.
    static let tolerance = 1e-12

    @Test func referenceFileLoads() {
        #expect(Self.file != nil, "Reference/pairwise_correlation.json is missing or malformed")
        #expect((Self.file?.cases.count ?? 0) >= 7)
    }

    @Test(arguments: file?.cases ?? [])
    func matchesNumpyCorrcoef(_ c: Case) throws {
        let result = try #require(try AveragePairwiseCorrelation(vectors: c.vectors))
        #expect(abs(result.value - c.value) <= Self.tolerance, "ρ̄ \(result.value) vs numpy \(c.value)")
        #expect(result.vectorCount == c.vectorCount)
        #expect(abs(result.standardErrorUnderIndependence - c.standardErrorUnderIndependence) <= Self.tolerance)
    }

    /// The formula's standard error against the simulated spread of ρ̄ for independent vectors:
    /// within 10% (ρ̄ is nearly a scaled χ²₁ − 1, whose kurtosis makes the simulated SD's own
    /// relative error about 3% with 4,000 draws).
    @Test(arguments: file?.null ?? [])
    func standardErrorMatchesSimulation(_ null: Null) throws {
        let vectors = (0..<null.count).map { row in (0..<null.length).map { Double(row * null.length + $0 + 1) } }
        let result = try #require(try AveragePairwiseCorrelation(vectors: vectors))
        let ratio = result.standardErrorUnderIndependence / null.standardDeviation
        #expect(abs(ratio - 1) < 0.10, "n \(null.count), m \(null.length): formula/simulation \(ratio)")
    }

    @Test func sharedDirectionsGiveOneAndOpposedOnesTheMinimum() throws {
        let same = try #require(try AveragePairwiseCorrelation(vectors: [[1, 2, 3], [10, 30, 50], [-4, -3, -2]]))
        #expect(abs(same.value - 1) < 1e-15)
        // Two vectors pointing opposite ways: −1 = −1/(n − 1).
        let opposed = try #require(try AveragePairwiseCorrelation(vectors: [[1, 0], [0, 1]]))
        #expect(abs(opposed.value + 1) < 1e-15)
        #expect(AveragePairwiseCorrelation.effectiveCount(20, correlation: 0) == 20)
        #expect(AveragePairwiseCorrelation.effectiveCount(20, correlation: 1) == 1)
        #expect(AveragePairwiseCorrelation.effectiveCount(20, correlation: -0.3) == 20)
        #expect(abs(AveragePairwiseCorrelation.effectiveCount(20, correlation: 0.5) - 20 / 10.5) < 1e-12)
    }

    @Test func fewerThanTwoVaryingVectorsGiveNothing() throws {
        #expect(try AveragePairwiseCorrelation(vectors: []) == nil)
        #expect(try AveragePairwiseCorrelation(vectors: [[1, 2]]) == nil)
        #expect(try AveragePairwiseCorrelation(vectors: [[1, 2], [3, 3], [0, 0]]) == nil)
    }

    @Test func badInputsThrow() {
        #expect(throws: StatisticsError.self) { try AveragePairwiseCorrelation(vectors: [[1], [2]]) }
        #expect(throws: StatisticsError.self) { try AveragePairwiseCorrelation(vectors: [[1, 2], [1, 2, 3]]) }
        #expect(throws: StatisticsError.nonFinite(index: 3)) {
            try AveragePairwiseCorrelation(vectors: [[1, 2], [3, .nan]])
        }
    }
}
