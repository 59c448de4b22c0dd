import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

/// `AnalysisOptions.paired`: the paired t-test on log ratios of interleaved samples.
@Suite struct PairedAnalysisTests {
    /// One run `m1` of `values` with iterations 1, 2, 3, … (as `benchstat measure` writes them).
    static func series(_ values: [Double], iterations: Bool = true) -> BenchmarkSeries {
        DatasetBuilder.series(
            "drift", unit: "s", mode: .walltime, runs: [values], runIDs: ["m1"], iterations: iterations)
    }

    /// 20 interleaved rounds over which the machine slows down by 30% (both commands alike), with
    /// ±0.3% sample noise; head is 3% slower than base in every round.
    static func drifting(headIterations: Bool = true) -> Dataset {
        let n = 20
        let drift = (0..<n).map { 1 + 0.3 * Double($0) / Double(n - 1) }
        let base = (0..<n).map { 0.1 * drift[$0] * (1 + 0.003 * sin(Double($0) * 2.7)) }
        let head = (0..<n).map { 0.103 * drift[$0] * (1 + 0.003 * cos(Double($0) * 1.9)) }
        return Dataset(
            labels: [
                DatasetBuilder.label("base", [series(base)]),
                DatasetBuilder.label("head", [series(head, iterations: headIterations)]),
            ], warnings: [])
    }

    static func options(paired: Bool) -> AnalysisOptions {
        var options = AnalysisOptions(paired: paired)
        options.thresholds.percentByMode[.walltime] = 1
        return options
    }

    @Test func pairedDetectsAShiftThatDriftHidesFromTheUnpairedTest() throws {
        let unpaired = try #require(
            try Analyzer.analyze(dataset: Self.drifting(), options: Self.options(paired: false)).comparisons.first)
        let paired = try #require(
            try Analyzer.analyze(dataset: Self.drifting(), options: Self.options(paired: true)).comparisons.first)
        #expect(unpaired.method == .welchLog)
        #expect(unpaired.verdict == .inconclusive, "\(unpaired.reason)")
        #expect(try #require(unpaired.pValue) > 0.05)
        #expect(paired.method == .pairedTLog)
        #expect(paired.noise == .withinRun)
        #expect(paired.verdict == .regression, "\(paired.reason)")
        #expect(try #require(paired.pValue) < 1e-6)
        let change = try #require(paired.change)
        #expect(abs(change.percent - 3) < 0.2, "\(change.percent)")
        let interval = try #require(change.interval)
        #expect(interval.contains(3) && interval.lowerBound > 2)
        #expect(paired.notes.first == .paired(pairs: 20, byRun: true), "\(paired.notes)")
    }

    @Test func withoutIterationsOnOneSideItFallsBackWithANote() throws {
        let c = try #require(
            try Analyzer.analyze(dataset: Self.drifting(headIterations: false), options: Self.options(paired: true))
                .comparisons.first)
        #expect(c.method == .welchLog)
        #expect(
            c.notes.contains {
                if case .pairedSamplesLeftOut(let count) = $0 { count > 0 } else { false }
            }, "\(c.notes)")
        #expect(
            c.notes.contains {
                if case .pairedTooFew = $0 { true } else { false }
            }, "\(c.notes)")
    }

    @Test func runIdsThatDifferPairByIterationAlone() throws {
        let data = Self.drifting()
        let head = try #require(data.label(named: "head")?.series.first)
        var renamed = head
        renamed.runs = head.runs.map {
            BenchmarkRun(id: "other", values: $0.values, source: $0.source, iterations: $0.iterations)
        }
        let dataset = Dataset(
            labels: [try #require(data.label(named: "base")), DatasetBuilder.label("head", [renamed])],
            warnings: [])
        let c = try #require(
            try Analyzer.analyze(dataset: dataset, options: Self.options(paired: true)).comparisons.first)
        #expect(c.method == .pairedTLog)
        #expect(c.notes.first == .paired(pairs: 20, byRun: false), "\(c.notes)")
    }
}
