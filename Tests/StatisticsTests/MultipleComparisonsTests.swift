import Statistics
import Testing

@Suite struct MultipleComparisonsTests {
    @Test(arguments: Reference.shared?.multipleComparisons ?? [])
    func matchesStatsmodels(_ c: MultipleComparisonsCase) throws {
        let pairs: [(PValueAdjustment, [Double])] = [
            (.none, c.p), (.bonferroni, c.bonferroni), (.holm, c.holm), (.benjaminiHochberg, c.benjaminiHochberg),
            (.benjaminiHochberg, c.benjaminiHochbergScipy),
        ]
        for (method, expected) in pairs {
            let adjusted = try MultipleComparisons.adjust(c.p, method: method)
            #expect(adjusted.count == expected.count)
            for (a, e) in zip(adjusted, expected) { #expect(relativeError(a, e) <= adjustmentTolerance, "\(method)") }
        }
    }

    @Test func rejectsInvalid() throws {
        #expect(try MultipleComparisons.adjust([], method: .holm) == [])
        #expect(throws: StatisticsError.self) { try MultipleComparisons.adjust([0.5, .nan], method: .holm) }
        #expect(throws: StatisticsError.self) { try MultipleComparisons.adjust([1.5], method: .benjaminiHochberg) }
    }
}
