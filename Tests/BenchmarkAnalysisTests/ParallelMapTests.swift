import BenchmarkModel
import BenchstatTestSupport
import Synchronization
import Testing

@testable import BenchmarkAnalysis

/// `Analyzer.concurrentMap` must behave as a sequential loop (order, values, first error in index
/// order) and leave nothing half-built behind; `Analyzer.permute` must apply any permutation.
@Suite(.serialized) struct ParallelMapTests {
    /// Counts live instances, so a test can see every built element released again.
    final class Tracked: Sendable {
        static let live = Atomic<Int>(0)
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.live.add(1, ordering: .relaxed)
        }
        deinit { Self.live.subtract(1, ordering: .relaxed) }
    }

    @Test(arguments: [0, 1, 63, 64, 65, 1000, 4099])
    func valuesInIndexOrder(count: Int) throws {
        let values = try Analyzer.concurrentMap(count: count) { index throws(AnalysisError) in index * index }
        #expect(values == (0..<count).map { $0 * $0 })
    }

    @Test(arguments: [[17], [5000, 3], [4999, 10, 2500], [0], [4999]])
    func firstErrorInIndexOrderAndNothingLeaks(failing: [Int]) {
        let failingSet = Set(failing)
        let before = Tracked.live.load(ordering: .relaxed)
        do {
            let built = try Analyzer.concurrentMap(count: 5000) { index throws(AnalysisError) in
                if failingSet.contains(index) {
                    throw AnalysisError.tooFewLabels(found: ["b\(index)"])
                }
                return Tracked(index)
            }
            Issue.record("no error thrown; built \(built.count)")
        } catch {
            #expect(error.description.hasSuffix("(b\(failing.min() ?? -1))"), "\(error)")
        }
        #expect(Tracked.live.load(ordering: .relaxed) == before)
    }

    @Test func builtElementsAreKeptAndReleasedOnce() throws {
        let before = Tracked.live.load(ordering: .relaxed)
        do {
            let built = try Analyzer.concurrentMap(count: 3000) { index throws(AnalysisError) in Tracked(index) }
            #expect(built.map(\.value) == Array(0..<3000))
            #expect(Tracked.live.load(ordering: .relaxed) == before + 3000)
        }
        #expect(Tracked.live.load(ordering: .relaxed) == before)
    }

    @Test(arguments: [0, 5, 64, 5000])
    func concurrentUpdateTouchesEveryElementOnce(count: Int) throws {
        var values = Array(0..<count)
        try Analyzer.concurrentUpdate(&values) { (value: inout Int) throws(AnalysisError) in value = value * 3 + 1 }
        #expect(values == (0..<count).map { $0 * 3 + 1 })
    }

    @Test(arguments: [[17], [4000, 3], [4999, 10, 2500]])
    func concurrentUpdateThrowsTheFirstErrorInIndexOrder(failing: [Int]) {
        var values = Array(0..<5000)
        let failingSet = Set(failing)
        do {
            try Analyzer.concurrentUpdate(&values) { (value: inout Int) throws(AnalysisError) in
                if failingSet.contains(value) { throw AnalysisError.tooFewLabels(found: ["b\(value)"]) }
                value += 1
            }
            Issue.record("no error thrown")
        } catch {
            #expect(error.description.hasSuffix("(b\(failing.min() ?? -1))"), "\(error)")
        }
    }

    @Test(arguments: [0, 1, 2, 7, 100, 1000])
    func permuteAppliesAnyPermutation(count: Int) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let order = Array(0..<count).shuffled(using: &generator)
            var values = (0..<count).map { "v\($0)" }
            let expected = order.map { "v\($0)" }
            ComparisonOrder.permute(&values, into: order)
            #expect(values == expected)
        }
    }

    /// Several heads, modes and units, interleaved: the order is head label order, then mode, then
    /// unit, then the order of analysis — the comparator the counting sort replaced.
    @Test func orderIsHeadThenModeThenUnitThenAnalysisOrder() throws {
        let units = ["ns", "instructions", "B", "allocs", "ns"]
        let base = (0..<40).map { i in
            DatasetBuilder.series("b\(i)", unit: units[i % units.count], runs: [[100, 101, 102], [100, 102, 101]])
        }
        let dataset = Dataset(
            labels: [
                DatasetBuilder.label("base", base), DatasetBuilder.label("zeta", base.shuffled()),
                DatasetBuilder.label("alpha", Array(base.reversed())),
            ],
            warnings: [])
        let result = try Analyzer.analyze(dataset: dataset)
        let heads = ["zeta", "alpha"]
        let expected = result.comparisons.enumerated().sorted { a, b in
            let ha = heads.firstIndex(of: a.element.headLabel) ?? 0
            let hb = heads.firstIndex(of: b.element.headLabel) ?? 0
            if ha != hb { return ha < hb }
            if a.element.mode != b.element.mode { return a.element.mode < b.element.mode }
            if a.element.unit.baseUnit != b.element.unit.baseUnit {
                return a.element.unit.baseUnit < b.element.unit.baseUnit
            }
            return a.offset < b.offset
        }
        #expect(expected.map(\.offset) == Array(0..<result.comparisons.count))
        #expect(Set(result.comparisons.map(\.mode)).count == 2)
        #expect(result.headLabels == heads)
        // And the order really moved things: the analysis order interleaves the units.
        var shuffled = result.comparisons
        shuffled.reverse()
        ComparisonOrder.apply(&shuffled, heads: heads)
        #expect(shuffled.map(\.headLabel) == result.comparisons.map(\.headLabel))
        #expect(shuffled.map(\.unit.baseUnit) == result.comparisons.map(\.unit.baseUnit))
    }
}
