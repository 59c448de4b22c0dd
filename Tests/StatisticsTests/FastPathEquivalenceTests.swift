import Foundation
import PropertyBased
import Statistics
import Testing

/// The O(n) and memoised paths the analysis takes for speed (issue 6) must give the very bits of
/// the full computations they replace: the pinned outputs depend on the last digits.
@Suite struct FastPathEquivalenceTests {
    static let samples = zip(Gen.int(in: 0...3), Gen.double(in: 0.001...1000).array(of: 1...40)).map {
        ties, values in
        ties == 0 ? values.map { ($0 * 4).rounded() / 4 + 1 } : values
    }

    @Test func sampleMomentsEqualDescriptiveStatistics() async {
        await propertyCheck(count: 300, input: Self.samples) { values in
            guard let full = try? DescriptiveStatistics(values), let fast = try? SampleMoments(values) else {
                Issue.record("a valid sample was rejected")
                return
            }
            #expect(fast.count == full.count)
            #expect(fast.mean.bitPattern == full.mean.bitPattern)
            #expect(fast.variance?.bitPattern == full.variance?.bitPattern)
            #expect(fast.standardDeviation?.bitPattern == full.standardDeviation?.bitPattern)
            #expect(fast.minimum == full.minimum && fast.maximum == full.maximum)
            #expect(fast.isConstant == full.isConstant)
        }
    }

    @Test func sampleMomentsRejectWhatDescriptiveStatisticsRejects() {
        #expect(throws: StatisticsError.emptySample) { try SampleMoments([]) }
        #expect(throws: StatisticsError.nonFinite(index: 2)) { try SampleMoments([1, 2, .nan, 4]) }
        #expect(throws: StatisticsError.nonFinite(index: 0)) { try SampleMoments([.infinity]) }
        let constant = try? SampleMoments([3, 3, 3])
        #expect(constant?.variance == 0 && constant?.mean == 3)
        #expect((try? SampleMoments([5]))?.variance == nil)
    }

    @Test func tukeyCountEqualsTheFences() async {
        await propertyCheck(count: 300, input: Self.samples) { values in
            guard values.count >= 4, let flags = try? Outliers.tukeyFences(values, logScale: true) else { return }
            let sortedLogs = values.map { log($0) }.sorted()
            #expect((try? Outliers.tukeyOutlierCount(sorted: sortedLogs)) == flags.count)
        }
    }

    @Test func tukeyCountFindsPlantedOutliers() throws {
        // Type 7 on seven values: Q1 = 1.5, Q3 = 4.5, IQR 3, fences at −3 and 9.
        #expect(try Outliers.tukeyOutlierCount(sorted: [-5, 1, 2, 3, 4, 5, 50]) == 2)
        #expect(try Outliers.tukeyOutlierCount(sorted: [1, 2, 3, 4, 5]) == 0)
    }

    @Test(arguments: [(0.975, 19.0), (0.975, 1.0), (0.995, 7.5), (0.6, 1e6), (0.025, 3.25)])
    func rememberedQuantilesEqualGSL(_ p: Double, _ df: Double) throws {
        let direct = try GSL.tQuantile(p, df: df)
        #expect(try Statistics.StudentTQuantile.value(p, df: df).bitPattern == direct.bitPattern)
        #expect(try Statistics.StudentTQuantile.value(p, df: df).bitPattern == direct.bitPattern)  // from the memo
    }

    @Test func rememberedQuantilesStillReject() {
        #expect(throws: GSLError.self) { try Statistics.StudentTQuantile.value(1.5, df: 3) }
        #expect(throws: GSLError.self) { try Statistics.StudentTQuantile.value(0.5, df: 0) }
    }

    @Test(arguments: [(20, 20), (3, 7), (7, 3), (50, 50)])
    func sharedUDistributionEqualsAFreshOne(m: Int, n: Int) throws {
        let fresh = try MannWhitneyDistribution(m: m, n: n)
        let shared = try MannWhitneyDistribution.shared(m: m, n: n)
        let again = try MannWhitneyDistribution.shared(m: m, n: n)
        for u in 0...(m * n) {
            #expect(shared.survival(u).bitPattern == fresh.survival(u).bitPattern)
            #expect(again.survival(u).bitPattern == fresh.survival(u).bitPattern)
        }
        #expect(throws: StatisticsError.self) { try MannWhitneyDistribution.shared(m: 0, n: 3) }
    }
}
