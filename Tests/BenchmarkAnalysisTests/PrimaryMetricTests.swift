import BenchmarkModel
import BenchstatTestSupport
import Testing

@testable import BenchmarkAnalysis

/// A benchmark's primary metric is its first comparison in the order compared — base series in
/// file order, then those only in the head — whatever units follow it, and only primary metrics
/// enter the suite's geometric mean.
@Suite struct PrimaryMetricTests {
    static let runs: [[Double]] = [[100, 101, 102, 100, 101]]

    @Test func firstOfEachNameInComparedOrder() throws {
        let base = [
            DatasetBuilder.series("a", unit: "ns", runs: Self.runs),
            DatasetBuilder.series("b", unit: "B", runs: Self.runs),
            DatasetBuilder.series("a", unit: "B", runs: Self.runs),
            DatasetBuilder.series("b", unit: "ns", runs: Self.runs),
            DatasetBuilder.series("a", unit: "allocs", runs: Self.runs),
        ]
        // In the head only: "c" in two units (its first is primary), and "a" in a fourth unit
        // ("a" is already primary through its base series).
        let head =
            base + [
                DatasetBuilder.series("c", unit: "B", runs: Self.runs),
                DatasetBuilder.series("a", unit: "instructions", runs: Self.runs),
                DatasetBuilder.series("c", unit: "ns", runs: Self.runs),
            ]
        let result = try Analyzer.analyze(dataset: DatasetBuilder.dataset(base: base, head: head))
        var primary: [String: Bool] = [:]
        for comparison in result.comparisons {
            primary["\(comparison.benchmark.name) \(comparison.unit.baseUnit)"] = comparison.isPrimaryMetric
        }
        #expect(
            primary == [
                "a s": true, "b B": true, "a B": false, "b s": false, "a allocs": false, "c B": true,
                "a instructions": false, "c s": false,
            ])
        // "c" is missing in the base, so has no change: the mean is over "a" and "b".
        #expect(result.summaries.first?.geomeanCount == 2)
    }

    /// Names that differ in their last byte only, or that are prefixes of one another, are other
    /// benchmarks: each is primary.
    @Test func nearNamesAreOtherBenchmarks() throws {
        let names = (0..<300).map { "bench-\($0)" } + ["bench-", "bench-1\u{0}", "bench-10 "]
        let base = names.map { DatasetBuilder.series($0, unit: "ns", runs: Self.runs) }
        let result = try Analyzer.analyze(dataset: DatasetBuilder.dataset(base: base, head: base))
        #expect(result.comparisons.count == names.count)
        #expect(result.comparisons.filter { !$0.isPrimaryMetric }.isEmpty)
    }
}
