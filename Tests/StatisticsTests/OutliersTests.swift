import Statistics
import Testing

@Suite struct OutliersTests {
    @Test(arguments: Reference.shared?.outliers ?? [])
    func matchesTukeyDefinition(_ c: OutlierCase) throws {
        let r = try Outliers.tukeyFences(c.values, k: c.k, logScale: c.logScale)
        #expect(r.lowIndices == c.low)
        #expect(r.highIndices == c.high)
        #expect(close(r.lowerFence, c.lowerFence, 1e-12, scale: abs(c.upperFence)))
        #expect(close(r.upperFence, c.upperFence, 1e-12, scale: abs(c.lowerFence)))
    }

    @Test func logScaleNeedsPositiveValues() {
        #expect(throws: StatisticsError.nonPositive(index: 2)) {
            try Outliers.tukeyFences([1, 2, -3], logScale: true)
        }
        #expect(throws: StatisticsError.emptySample) { try Outliers.tukeyFences([], logScale: false) }
    }
}
