import Testing

@testable import Statistics

/// Selection must give exactly the elements a sort puts at the asked ranks, with ties, runs of
/// equal values, sorted and reversed input, and sizes around the small-range cut-off.
@Suite struct OrderStatisticSelectionTests {
    @Test(arguments: [1, 2, 15, 16, 17, 100, 400, 2_500, 65_536])
    func sameElementsAsASort(size: Int) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(size)
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let layouts: [[Double]] = [
            (0..<size).map { _ in Double(next() % 1_000_000) / 7 },  // few ties
            (0..<size).map { _ in Double(next() % 5) },  // many ties
            (0..<size).map { Double($0) },  // sorted
            (0..<size).map { Double(size - $0) },  // reversed
            Array(repeating: 3.5, count: size),  // all equal
        ]
        for values in layouts {
            let sorted = values.sorted()
            let pairs = values.count
            let order = max(1, pairs / 20)
            let ranks = Set([(pairs - 1) / 2 + 1, pairs / 2 + 1, order, pairs - order + 1, 1, pairs]).sorted()
            var scratch = values
            let selected = OrderStatisticSelection.select(ranks: ranks, in: &scratch)
            for rank in ranks {
                #expect(selected[rank]?.bitPattern == sorted[rank - 1].bitPattern, "size \(size), rank \(rank)")
            }
            #expect(scratch.sorted() == sorted, "a permutation of the input")
        }
    }

    @Test func ranksOutsideTheArrayAreLeftOut() {
        var values = [3.0, 1, 2]
        #expect(OrderStatisticSelection.select(ranks: [0, 2, 4], in: &values) == [2: 2.0])
        var empty: [Double] = []
        #expect(OrderStatisticSelection.select(ranks: [1], in: &empty).isEmpty)
    }
}
