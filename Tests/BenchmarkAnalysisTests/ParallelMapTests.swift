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
                    throw AnalysisError(benchmark: "b\(index)", message: "failed")
                }
                return Tracked(index)
            }
            Issue.record("no error thrown; built \(built.count)")
        } catch {
            #expect(error.benchmark == "b\(failing.min() ?? -1)")
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

    @Test(arguments: [0, 1, 2, 7, 100, 1000])
    func permuteAppliesAnyPermutation(count: Int) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let order = Array(0..<count).shuffled(using: &generator)
            var values = (0..<count).map { "v\($0)" }
            let expected = order.map { "v\($0)" }
            Analyzer.permute(&values, into: order)
            #expect(values == expected)
        }
    }
}
