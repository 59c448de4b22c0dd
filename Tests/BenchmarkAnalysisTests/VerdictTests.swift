import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

/// Each verdict rule, on data built so that exactly one rule applies.
@Suite struct VerdictTests {
    /// A deterministic, slightly noisy sample around `centre` (±0.5%).
    static func noisy(_ centre: Double, count: Int = 20, spread: Double = 0.005) -> [Double] {
        (0..<count).map { centre * (1 + spread * sin(Double($0) * 2.3)) }
    }

    func only(_ result: AnalysisResult, _ name: String) throws -> Comparison {
        try #require(result.comparisons.first { $0.benchmark.name == name })
    }

    @Test func clearRegressionAndImprovement() throws {
        let dataset = DatasetBuilder.dataset(
            base: [
                DatasetBuilder.series("slower", runs: [Self.noisy(100)]),
                DatasetBuilder.series("faster", runs: [Self.noisy(100)]),
            ],
            head: [
                DatasetBuilder.series("slower", runs: [Self.noisy(110)]),
                DatasetBuilder.series("faster", runs: [Self.noisy(90)]),
            ])
        let result = try Analyzer.analyze(dataset: dataset)
        let slower = try only(result, "slower")
        #expect(slower.verdict == .regression)
        #expect(abs((slower.change?.percent ?? 0) - 10) < 0.01)
        #expect(try only(result, "faster").verdict == .improvement)
        #expect(result.gate.verdict == .fail)
        #expect(
            result.gate.reasons.first == .regressions(count: 1, named: [NamedSeries(name: "slower", baseUnit: "s")]))
    }

    @Test func higherIsBetterFlipsTheDirection() throws {
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("throughput", unit: "ops/s", runs: [Self.noisy(1000)])],
            head: [DatasetBuilder.series("throughput", unit: "ops/s", runs: [Self.noisy(800)])])
        let result = try Analyzer.analyze(dataset: dataset)
        let c = try only(result, "throughput")
        #expect((c.change?.percent ?? 0) < -19)
        #expect(c.verdict == .regression)
    }

    @Test func significantButBelowThresholdIsNoise() throws {
        // 0.5% slower with almost no noise: significant, but under the 5% walltime threshold.
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("tiny", runs: [Self.noisy(100, spread: 0.0005)])],
            head: [DatasetBuilder.series("tiny", runs: [Self.noisy(100.5, spread: 0.0005)])])
        let c = try only(try Analyzer.analyze(dataset: dataset), "tiny")
        #expect((c.pAdjusted ?? 1) < 0.05)
        #expect(c.verdict == .noise)
        guard case .significantWithinThreshold(_, _, 5) = c.reason else {
            Issue.record("\(String(describing: c.reason))")
            return
        }
    }

    @Test func exactCountsRestOnTheThreshold() throws {
        let dataset = DatasetBuilder.dataset(
            base: [
                DatasetBuilder.series("same", unit: "instructions", runs: [[1000, 1000, 1000]]),
                DatasetBuilder.series("small", unit: "instructions", runs: [[1000, 1000, 1000]]),
                DatasetBuilder.series("big", unit: "instructions", runs: [[1000, 1000, 1000]]),
            ],
            head: [
                DatasetBuilder.series("same", unit: "instructions", runs: [[1000, 1000, 1000]]),
                DatasetBuilder.series("small", unit: "instructions", runs: [[1005, 1005, 1005]]),
                DatasetBuilder.series("big", unit: "instructions", runs: [[1030, 1030, 1030]]),
            ])
        let result = try Analyzer.analyze(dataset: dataset)
        for name in ["same", "small", "big"] {
            let c = try only(result, name)
            #expect(c.noise == .exact)
            #expect(c.pValue == nil, "an exact measurement must not get a p-value")
        }
        #expect(try only(result, "same").verdict == .noise)
        #expect(try only(result, "small").verdict == .noise)
        #expect(try only(result, "big").verdict == .regression)
        #expect(try only(result, "big").reason == .exactBeyondThreshold(thresholdPercent: 1, judgedByHistory: false))
    }

    @Test func oneValuePerSideIsInconclusive() throws {
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("once", mode: .instrumentation, runs: [[194_400]])],
            head: [DatasetBuilder.series("once", mode: .instrumentation, runs: [[205_300]])])
        let c = try only(try Analyzer.analyze(dataset: dataset), "once")
        #expect(c.verdict == .inconclusive)
        #expect(c.noise == NoiseModel.none)
        #expect(c.reason == .noNoiseEstimate(baseCount: 1, headCount: 1))
        #expect(c.change?.interval == nil)
    }

    @Test func historyNoiseDecidesALoneInstrumentationChange() throws {
        // Ten past runs whose centre wanders by a few percent: σ ≈ 3%.
        let wander = [0.0, 0.03, -0.02, 0.04, -0.03, 0.01, -0.04, 0.02, 0.05, -0.01]
        let history = wander.enumerated().map { index, shift in
            DatasetBuilder.label(
                "run\(index)",
                [DatasetBuilder.series("globals", mode: .instrumentation, runs: [[194_400 * (1 + shift)]])])
        }
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("globals", mode: .instrumentation, runs: [[194_400]])],
            head: [DatasetBuilder.series("globals", mode: .instrumentation, runs: [[205_300]])])
        let result = try Analyzer.analyze(dataset: dataset, history: history)
        let c = try only(result, "globals")
        #expect(c.noise == .history)
        // +5.6% against σ ≈ 3%: not significant, but not shown to be within ±1% either — undecided,
        // not "noise" (the interval is far wider than the threshold).
        #expect(c.verdict == .inconclusive)
        #expect(result.historyRuns == 10)
        // The same change with a quiet history (σ ≈ 0.1%) is a regression.
        let quiet = wander.enumerated().map { index, shift in
            DatasetBuilder.label(
                "run\(index)",
                [DatasetBuilder.series("globals", mode: .instrumentation, runs: [[194_400 * (1 + shift / 30)]])])
        }
        let strict = try only(try Analyzer.analyze(dataset: dataset, history: quiet), "globals")
        #expect(strict.verdict == .regression)
        // A tiny change against that quiet history is noise: equivalence within ±1% is shown.
        let tiny = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("globals", mode: .instrumentation, runs: [[194_400]])],
            head: [DatasetBuilder.series("globals", mode: .instrumentation, runs: [[194_450]])])
        let equivalent = try only(try Analyzer.analyze(dataset: tiny, history: quiet), "globals")
        #expect(equivalent.verdict == .noise)
        guard case .equivalent(_, 1, let level, .some) = equivalent.reason else {
            Issue.record("\(String(describing: equivalent.reason))")
            return
        }
        #expect(abs(level - 0.9) < 1e-12)
    }

    @Test func aHistoryThatNeverMovedMakesOneValuePerSideExact() throws {
        let history = (0..<5).map { index in
            DatasetBuilder.label(
                "run\(index)", [DatasetBuilder.series("ir", unit: "instructions", runs: [[1_000_000]])])
        }
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("ir", unit: "instructions", runs: [[1_000_000]])],
            head: [DatasetBuilder.series("ir", unit: "instructions", runs: [[1_020_000]])])
        let c = try only(try Analyzer.analyze(dataset: dataset, history: history), "ir")
        #expect(c.noise == .exact)
        #expect(c.verdict == .regression)
        #expect(c.reason == .exactBeyondThreshold(thresholdPercent: 1, judgedByHistory: true))
    }

    @Test func runsAreTheUnitEvenWhenTheyLookAlike() throws {
        // Two runs per side that agree closely: still compared as runs (1 degree of freedom per side),
        // so a 3% shift is not declared from 20 pooled samples.
        let base = [Self.noisy(100, count: 10, spread: 0.01), Self.noisy(100.2, count: 10, spread: 0.01)]
        let head = [Self.noisy(103, count: 10, spread: 0.01), Self.noisy(103.3, count: 10, spread: 0.01)]
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("k", runs: base)], head: [DatasetBuilder.series("k", runs: head)])
        let c = try only(try Analyzer.analyze(dataset: dataset, options: AnalysisOptions(correction: .none)), "k")
        #expect(c.noise == .betweenRun)
        #expect(c.base?.runs == 2)
        // Welch on the two run means per side: df ≈ 2, so the interval is wide.
        let interval = try #require(c.change?.interval)
        #expect(interval.upperBound - interval.lowerBound > 1)
    }

    @Test func differingRunsMakeTheRunTheUnit() throws {
        // Three runs per side; within a run ±0.1%, but run centres move by ±4%. Head is 2% slower.
        let offsets = [0.96, 1.0, 1.04]
        let base = offsets.map { Self.noisy(100 * $0, count: 10, spread: 0.001) }
        let head = offsets.reversed().map { Self.noisy(102 * $0, count: 10, spread: 0.001) }
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("layout", runs: base)], head: [DatasetBuilder.series("layout", runs: head)])
        let c = try only(try Analyzer.analyze(dataset: dataset), "layout")
        #expect(c.noise == .betweenRun)
        #expect((c.pValue ?? 0) > 0.05, "pooling samples would call this significant")
        #expect(c.verdict == .inconclusive)
    }

    @Test func missingOnEitherSide() throws {
        let dataset = DatasetBuilder.dataset(
            base: [
                DatasetBuilder.series("gone", runs: [Self.noisy(100)]),
                DatasetBuilder.series("kept", runs: [Self.noisy(100)]),
            ],
            head: [
                DatasetBuilder.series("new", runs: [Self.noisy(100)]),
                DatasetBuilder.series("kept", runs: [Self.noisy(100)]),
            ])
        let result = try Analyzer.analyze(dataset: dataset)
        #expect(try only(result, "gone").verdict == .missing)
        #expect(try only(result, "new").verdict == .missing)
        #expect(try only(result, "new").reason == .onlyIn(side: .head, label: "head"))
        #expect(result.gate.verdict == .pass)
        // Sharing nothing at all is an input error naming both sides.
        let disjoint = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("gone", runs: [Self.noisy(100)])],
            head: [DatasetBuilder.series("new", runs: [Self.noisy(100)])])
        #expect(throws: AnalysisError.self) { try Analyzer.analyze(dataset: disjoint) }
        do {
            _ = try Analyzer.analyze(dataset: disjoint)
        } catch {
            #expect(error.description.contains("base has \"gone\", head has \"new\""))
        }
    }

    @Test func incompatibleUnitsAreAnError() throws {
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("x", unit: "ns", runs: [[1, 2]])],
            head: [DatasetBuilder.series("x", unit: "instructions", runs: [[1, 2]])])
        #expect(throws: AnalysisError.self) { try Analyzer.analyze(dataset: dataset) }
    }

    @Test func unitsThatOverlapAreNotAnErrorAndTheFirstDisjointNameIsReported() throws {
        // "a" shares ns with head (B only in base): compared. "b" and "c" are disjoint: "b" comes
        // first in base's order, although head lists "c" first.
        let overlapping = DatasetBuilder.dataset(
            base: [
                DatasetBuilder.series("a", unit: "ns", runs: [[1, 2]]),
                DatasetBuilder.series("a", unit: "B", runs: [[1, 2]]),
            ],
            head: [DatasetBuilder.series("a", unit: "ns", runs: [[1, 2]])])
        #expect(try Analyzer.analyze(dataset: overlapping).comparisons.count == 2)
        let disjoint = DatasetBuilder.dataset(
            base: [
                DatasetBuilder.series("a", unit: "ns", runs: [[1, 2]]),
                DatasetBuilder.series("b", unit: "ns", runs: [[1, 2]]),
                DatasetBuilder.series("c", unit: "ns", runs: [[1, 2]]),
            ],
            head: [
                DatasetBuilder.series("a", unit: "ns", runs: [[1, 2]]),
                DatasetBuilder.series("c", unit: "instructions", runs: [[1, 2]]),
                DatasetBuilder.series("b", unit: "instructions", runs: [[1, 2]]),
            ])
        do {
            _ = try Analyzer.analyze(dataset: disjoint)
            Issue.record("disjoint units were accepted")
        } catch {
            guard case .incompatibleUnits(let benchmark, _, let baseUnits, _, let headUnits, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(benchmark == "b" && baseUnits == ["s"] && headUnits == ["instructions"])
            #expect(error.description.contains("units must match"))
        }
    }

    @Test func swappingSidesNegatesTheLogChange() throws {
        let a = [DatasetBuilder.series("k", runs: [Self.noisy(100)])]
        let b = [DatasetBuilder.series("k", runs: [Self.noisy(107)])]
        let forward = try only(try Analyzer.analyze(dataset: DatasetBuilder.dataset(base: a, head: b)), "k")
        let backward = try only(try Analyzer.analyze(dataset: DatasetBuilder.dataset(base: b, head: a)), "k")
        let f = log1p((forward.change?.percent ?? 0) / 100)
        let r = log1p((backward.change?.percent ?? 0) / 100)
        #expect(abs(f + r) < 1e-12)
        #expect(forward.verdict == .regression)
        #expect(backward.verdict == .improvement)
        #expect(abs((forward.pValue ?? 0) - (backward.pValue ?? 1)) < 1e-12)
    }

    @Test(arguments: [CorrectionMethod.bh, .holm, .none])
    func adjustedPIsNeverBelowRaw(correction: CorrectionMethod) throws {
        let names = (0..<8).map { "b\($0)" }
        let dataset = DatasetBuilder.dataset(
            base: names.map { DatasetBuilder.series($0, runs: [Self.noisy(100)]) },
            head: names.enumerated().map { i, n in DatasetBuilder.series(n, runs: [Self.noisy(100 + Double(i) * 0.2)]) }
        )
        let result = try Analyzer.analyze(dataset: dataset, options: AnalysisOptions(correction: correction))
        for c in result.comparisons {
            let raw = try #require(c.pValue)
            let adjusted = try #require(c.pAdjusted)
            #expect(adjusted >= raw - 1e-15)
            if correction == .none { #expect(adjusted == raw) }
        }
    }

    @Test func mannWhitneyUsesMediansAndHodgesLehmann() throws {
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("k", runs: [[10, 11, 12, 13, 14]])],
            head: [DatasetBuilder.series("k", runs: [[15, 16, 17, 18, 19]])])
        let c = try only(
            try Analyzer.analyze(dataset: dataset, options: AnalysisOptions(test: .mannWhitney)), "k")
        #expect(c.method == .mannWhitney)
        // Exact two-sided MWU p for complete separation at 5 vs 5: 2/252.
        #expect(abs((c.pValue ?? 0) - 2.0 / 252.0) < 1e-12)
        #expect(abs((c.base?.centre ?? 0) - 12e-9) < 1e-21)
        #expect(c.verdict == .regression)
    }

    @Test func mannWhitneyOnThreeRunsSaysFourAreNeeded() throws {
        // Three runs per side, completely separated by 20%: the rank test cannot reach p < 0.05 (min 0.1).
        let base = (0..<3).map { Self.noisy(100 + Double($0), count: 5, spread: 0.002) }
        let head = (0..<3).map { Self.noisy(120 + Double($0), count: 5, spread: 0.002) }
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("k", runs: base)], head: [DatasetBuilder.series("k", runs: head)])
        let c = try only(try Analyzer.analyze(dataset: dataset, options: AnalysisOptions(test: .mannWhitney)), "k")
        #expect(c.verdict == .inconclusive)
        #expect(c.samplesNeeded == 4)
        guard case .undecided(_, _, 4, .runs) = c.reason else {
            Issue.record("\(String(describing: c.reason))")
            return
        }
    }

    /// Each mode's threshold reaches its comparisons, with and without an override that matches
    /// another benchmark (without any, the thresholds are looked up once per analysis).
    @Test(arguments: [false, true])
    func eachModeGetsItsThreshold(withOverride: Bool) throws {
        let policy = ThresholdPolicy(
            instrumentationPercent: 2.5, walltimePercent: 7.5,
            overrides: withOverride
                ? [ThresholdOverride(pattern: GlobPattern("other/*"), percent: 40, ignore: nil)] : [])
        let base = [
            DatasetBuilder.series("w", runs: [Self.noisy(100)]),
            DatasetBuilder.series("i", unit: "instructions", runs: [Self.noisy(100)]),
        ]
        let head = [
            DatasetBuilder.series("w", runs: [Self.noisy(101)]),
            DatasetBuilder.series("i", unit: "instructions", runs: [Self.noisy(101)]),
        ]
        let result = try Analyzer.analyze(
            dataset: DatasetBuilder.dataset(base: base, head: head), options: AnalysisOptions(thresholds: policy))
        #expect(try only(result, "w").thresholdPercent == 7.5)
        #expect(try only(result, "i").thresholdPercent == 2.5)
    }

    @Test func configGlobOverridesThreshold() throws {
        let policy = ThresholdPolicy(
            overrides: [ThresholdOverride(pattern: GlobPattern("linter/*"), percent: 20, ignore: nil)])
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("linter/a", runs: [Self.noisy(100)])],
            head: [DatasetBuilder.series("linter/a", runs: [Self.noisy(110)])])
        let c = try only(
            try Analyzer.analyze(dataset: dataset, options: AnalysisOptions(thresholds: policy)), "linter/a")
        #expect(c.thresholdPercent == 20)
        #expect(c.verdict == .noise)
    }

    @Test func environmentDifferenceIsReported() throws {
        let dataset = Dataset(
            labels: [
                DatasetBuilder.label(
                    "base", [DatasetBuilder.series("k", runs: [Self.noisy(100)])], metadata: [KeyValue("cpu", "A")]),
                DatasetBuilder.label(
                    "head", [DatasetBuilder.series("k", runs: [Self.noisy(100)])], metadata: [KeyValue("cpu", "B")]),
            ], warnings: [])
        let result = try Analyzer.analyze(dataset: dataset)
        #expect(
            result.summaries.first?.environmentDifferences.first
                == EnvironmentDifference(
                    key: "cpu", baseLabel: "base", baseValues: ["A"], headLabel: "head", headValues: ["B"]))
    }
}

@Suite struct GlobPatternTests {
    @Test(arguments: [
        ("linter/*", "linter/all-rules[numpy/globals.py]", true),
        ("linter/*", "ty_check_file[cold]", false),
        ("*[cold]", "ty_check_file[cold]", false),  // [cold] is a character set
        ("*globals*", "linter/default-rules[numpy/globals.py]", true),
        ("a?c", "abc", true),
        ("a?c", "abbc", false),
        ("*", "", true),
    ])
    func matches(pattern: String, name: String, expected: Bool) {
        #expect(GlobPattern(pattern).matches(name) == expected)
    }
}
