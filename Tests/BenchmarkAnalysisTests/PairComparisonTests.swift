import BenchmarkModel
import BenchstatTestSupport
import Testing

@testable import BenchmarkAnalysis

/// `Analyzer.comparePairs` with `releasing`: the same comparisons as without it, each compared
/// pair's runs freed and nothing else, and a caller that keeps its own copy of the dataset keeps
/// every sample.
@Suite struct PairComparisonTests {
    /// 3,000 base series (past the parallel threshold), the head shifted by 5 % on every third,
    /// with base-only and head-only benchmarks.
    static func labels() -> (base: [BenchmarkSeries], head: [BenchmarkSeries]) {
        let base = (0..<3000).map { i in
            DatasetBuilder.series("bench/\(i)", runs: [(0..<6).map { Double(100 + i % 7) + Double($0) * 0.5 }])
        }
        var head = base.enumerated().filter { $0.offset % 50 != 7 }.map { offset, series in
            offset % 3 == 0
                ? DatasetBuilder.series(series.benchmark.name, runs: [series.allValues.map { $0 * 1.05 }]) : series
        }
        head.append(DatasetBuilder.series("only/head", runs: [[1, 2, 3]]))
        return (base, head)
    }

    static func estimation(options: AnalysisOptions = AnalysisOptions()) -> ComparisonEstimation {
        ComparisonEstimation(
            baseLabel: "base", headLabel: "head", history: nil, options: options,
            methods: MethodRegistry.methods(for: options))
    }

    /// What a report shows of a comparison, as one comparable string.
    static func shown(_ comparison: Comparison) -> String {
        [
            comparison.benchmark.name, "\(comparison.base?.centre as Double?)", "\(comparison.head?.centre as Double?)",
            "\(comparison.base?.count as Int?)", "\(comparison.head?.count as Int?)",
            "\(comparison.change?.percent as Double?)", "\(comparison.change?.interval as ClosedRange<Double>?)",
            "\(comparison.pValue as Double?)", "\(comparison.method)",
        ].joined(separator: "|")
    }

    @Test(arguments: [false, true])
    func releasingComparesAsKeeping(plot: Bool) throws {
        var options = AnalysisOptions()
        options.keepsSamples = plot
        let (base, head) = Self.labels()
        let pairs = try SeriesPairing.pair(
            base: DatasetBuilder.label("base", base), head: DatasetBuilder.label("head", head))
        var keptBase = base
        var keptHead = head
        let kept = try Analyzer.comparePairs(
            pairs, base: &keptBase, head: &keptHead, estimation: Self.estimation(options: options), releasing: false)
        var releasedBase = base
        var releasedHead = head
        let released = try Analyzer.comparePairs(
            pairs, base: &releasedBase, head: &releasedHead, estimation: Self.estimation(options: options),
            releasing: true)
        #expect(released.map(Self.shown) == kept.map(Self.shown))
        #expect(released.filter { $0.change != nil }.count == 2940)
        // A plot keeps the samples in the comparisons, whatever the series lost.
        #expect(released.map { $0.base?.samplesByRun ?? [] } == kept.map { $0.base?.samplesByRun ?? [] })
        #expect(released.map { $0.head?.samplesByRun ?? [] } == kept.map { $0.head?.samplesByRun ?? [] })
        if plot { #expect(released[3].head?.samplesByRun == [head[3].allValues]) }
        // Every paired series lost its runs and kept its name; the caller's arrays are untouched.
        #expect(releasedBase.allSatisfy { $0.runs.isEmpty })
        #expect(releasedHead.allSatisfy { $0.runs.isEmpty })
        #expect(releasedHead.map(\.benchmark.name) == head.map(\.benchmark.name))
        #expect(keptBase.allSatisfy { !$0.runs.isEmpty } && keptHead.allSatisfy { !$0.runs.isEmpty })
        #expect(base.allSatisfy { $0.sampleCount == 6 })
    }

    @Test func aDatasetTheCallerKeepsKeepsItsSamples() throws {
        let (base, head) = Self.labels()
        let dataset = DatasetBuilder.dataset(base: base, head: head)
        let first = try Analyzer.analyze(dataset: dataset)
        #expect(dataset.labels.allSatisfy { $0.series.allSatisfy { $0.sampleCount > 0 } })
        let second = try Analyzer.analyze(dataset: dataset)
        #expect(second.comparisons.map(Self.shown) == first.comparisons.map(Self.shown))
        #expect(first.comparisons.count == 3001)
    }
}
