import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

/// The decision-quality defects of issue 13, each pinned by a case a wrong implementation decides
/// differently.
@Suite struct DecisionQualityTests {
    /// `count` samples around `centre` with relative spread `spread`, deterministic.
    static func noisy(_ centre: Double, count: Int = 10, spread: Double, phase: Double = 0) -> [Double] {
        (0..<count).map { centre * (1 + spread * sin(Double($0) * 2.3 + phase)) }
    }

    func only(_ result: AnalysisResult, _ name: String) throws -> Comparison {
        try #require(result.comparisons.first { $0.benchmark.name == name })
    }

    /// Defect 1: real improvements used to lower the Benjamini–Hochberg cut-off for the rest.
    @Test func improvementsDoNotLowerTheBarForRegressions() throws {
        var base: [BenchmarkSeries] = []
        var head: [BenchmarkSeries] = []
        for index in 0..<100 {
            base.append(DatasetBuilder.series("improved\(index)", runs: [Self.noisy(100, spread: 0.01)]))
            head.append(DatasetBuilder.series("improved\(index)", runs: [Self.noisy(80, spread: 0.01)]))
        }
        // +10% with enough noise for a raw p of a few percent: significant alone, not after correction.
        base.append(DatasetBuilder.series("unlucky", runs: [Self.noisy(100, spread: 0.12)]))
        head.append(DatasetBuilder.series("unlucky", runs: [Self.noisy(110, spread: 0.12, phase: 1)]))
        let result = try Analyzer.analyze(dataset: DatasetBuilder.dataset(base: base, head: head))
        let unlucky = try only(result, "unlucky")
        let raw = try #require(unlucky.pValue)
        #expect(raw < 0.05, "the case needs a raw p below α: \(raw)")
        // One two-sided family would rank it 101st of 101 and keep it at p = raw: a regression.
        #expect(unlucky.verdict != .regression, "\(String(describing: unlucky.reason))")
        #expect(result.gate.verdict == .pass)
        #expect(try only(result, "improved0").verdict == .improvement)
        // With no correction the directional p-value is the two-sided one.
        let plain = try Analyzer.analyze(
            dataset: DatasetBuilder.dataset(base: base, head: head), options: AnalysisOptions(correction: .none))
        #expect(try only(plain, "unlucky").pAdjusted == raw)
    }

    /// Defect 3: a history whose builds alternate between two layout states has a MAD of 0 but a
    /// real spread; a 1.1% change is not an exact regression against it.
    @Test func historyInTwoLayoutStatesIsNotExact() throws {
        let states = [1000.0, 1011, 1000, 1011, 1000, 1011, 1000, 1011, 1000, 1011]
        let history = states.enumerated().map { index, value in
            DatasetBuilder.label("run\(index)", [DatasetBuilder.series("ir", unit: "instructions", runs: [[value]])])
        }
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("ir", unit: "instructions", runs: [[1000]])],
            head: [DatasetBuilder.series("ir", unit: "instructions", runs: [[1011]])])
        let c = try only(try Analyzer.analyze(dataset: dataset, history: history), "ir")
        #expect(c.noise == .history)
        #expect(c.verdict != .regression, "\(String(describing: c.reason))")
        let p = try #require(c.pValue)
        #expect(p > 0.05)
    }

    /// Both sides' variances from one ten-run history: the comparison knows the history's
    /// degrees of freedom (von Neumann's 2(k − 1)²/(3k − 4) = 6.23 for k = 10), not twice them as
    /// Welch–Satterthwaite would claim for two independent estimates (coverage 92.2% → 94.2%).
    @Test func oneRunPerSideWithHistoryHasTheHistorysDegreesOfFreedom() throws {
        let wander = [0.0, 0.03, -0.02, 0.01, -0.03, 0.02, 0.025, -0.01, 0.0, 0.015]
        let history = wander.enumerated().map { index, shift in
            DatasetBuilder.label(
                "run\(index)", [DatasetBuilder.series("b", runs: [Self.noisy(100 * (1 + shift), spread: 0.001)])])
        }
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("b", runs: [Self.noisy(100, spread: 0.001)])],
            head: [DatasetBuilder.series("b", runs: [Self.noisy(104, spread: 0.001, phase: 1)])])
        let c = try only(try Analyzer.analyze(dataset: dataset, history: history), "b")
        #expect(c.noise == .history)
        guard case .studentT(_, _, let df) = c.evidence else {
            Issue.record("\(String(describing: c.evidence))")
            return
        }
        #expect(abs(df - 162.0 / 26) < 1e-9, "ν = \(df)")
    }

    /// Defect 3: a base run far off its history is said to be.
    @Test func aBaseRunOffItsHistoryIsNoted() throws {
        let wander = [0.0, 0.004, -0.003, 0.002, -0.004, 0.001, 0.003, -0.002, 0.0]
        let history = wander.enumerated().map { index, shift in
            DatasetBuilder.label(
                "run\(index)", [DatasetBuilder.series("b", runs: [Self.noisy(100 * (1 + shift), spread: 0.001)])])
        }
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("b", runs: [Self.noisy(111, spread: 0.001)])],
            head: [DatasetBuilder.series("b", runs: [Self.noisy(100, spread: 0.001)])])
        let c = try only(try Analyzer.analyze(dataset: dataset, history: history), "b")
        let note = c.notes.first {
            if case .baseRunOutsideHistory = $0 { true } else { false }
        }
        guard case .baseRunOutsideHistory(let percent, let sigmas) = note else {
            Issue.record("no note: \(c.notes)")
            return
        }
        #expect(abs(percent - 11) < 0.5 && sigmas > 5)
    }

    /// Defect 5: one run per side cannot show drift; every such comparison and the gate say so.
    @Test func oneRunPerSideSaysDriftIsNotMeasured() throws {
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("k", runs: [Self.noisy(100, spread: 0.01)])],
            head: [DatasetBuilder.series("k", runs: [Self.noisy(101, spread: 0.01)])])
        let result = try Analyzer.analyze(dataset: dataset)
        #expect(try only(result, "k").notes.contains(.driftNotMeasured))
        #expect(result.gate.reasons.contains(.driftNotMeasured(count: 1)))
        // Two runs per side measure it: no note.
        let runs = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("k", runs: [Self.noisy(100, spread: 0.01), Self.noisy(100.5, spread: 0.01)])],
            head: [DatasetBuilder.series("k", runs: [Self.noisy(101, spread: 0.01), Self.noisy(100.8, spread: 0.01)])])
        let measured = try Analyzer.analyze(dataset: runs)
        #expect(!(try only(measured, "k").notes.contains(.driftNotMeasured)))
        #expect(!measured.gate.reasons.contains { if case .driftNotMeasured = $0 { true } else { false } })
    }

    /// Defect 6: one run against five: the single run's centre is credited with the run-level
    /// degrees of freedom of the other side (at most runs − 1), not its samples'.
    @Test func oneRunAgainstFiveHasRunLevelDegreesOfFreedom() throws {
        let five = (0..<5).map { Self.noisy(100 * (1 + 0.02 * sin(Double($0))), count: 30, spread: 0.002) }
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("k", runs: [Self.noisy(100, count: 30, spread: 0.002)])],
            head: [DatasetBuilder.series("k", runs: five)])
        let c = try only(try Analyzer.analyze(dataset: dataset), "k")
        guard case .studentT(_, _, let df) = c.evidence else {
            Issue.record("\(String(describing: c.evidence))")
            return
        }
        // Both sides' variances rest on the five runs' between-run estimate (4 degrees of freedom):
        // Welch–Satterthwaite would count it twice (ν ≈ 5.5); it is credited once.
        #expect(df <= 4.0 + 1e-9, "ν = \(df): the five runs' 4 degrees of freedom at most")
        #expect(df >= 4.0 - 1e-9, "ν = \(df): the cap, not fewer")
    }

    /// Defect 7: the runs that would settle a comparison are never as many as there already are.
    @Test(arguments: [ComparisonTest.welch, .mannWhitney], [CorrectionMethod.bh, .holm, .none])
    func samplesNeededExceedWhatIsThere(test: ComparisonTest, correction: CorrectionMethod) throws {
        let base = (0..<5).map { Self.noisy(100 + Double($0), count: 5, spread: 0.01) }
        let head = (0..<5).map { Self.noisy(103 + Double($0) * 1.5, count: 5, spread: 0.01) }
        var series: ([BenchmarkSeries], [BenchmarkSeries]) = ([], [])
        for index in 0..<20 {
            series.0.append(DatasetBuilder.series("k\(index)", runs: base))
            series.1.append(DatasetBuilder.series("k\(index)", runs: head))
        }
        let result = try Analyzer.analyze(
            dataset: DatasetBuilder.dataset(base: series.0, head: series.1),
            options: AnalysisOptions(test: test, correction: correction))
        for c in result.comparisons where c.verdict == .inconclusive {
            if let needed = c.samplesNeeded { #expect(needed > 5, "\(needed) with 5 runs per side") }
        }
    }

    /// Defect 8: the threshold is symmetric on the log scale, so swapping sides keeps the verdict.
    @Test func swappingSidesKeepsAVerdictNearTheThreshold() throws {
        let up = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("ir", unit: "instructions", runs: [[1000, 1000]])],
            head: [DatasetBuilder.series("ir", unit: "instructions", runs: [[1052, 1052]])])
        let down = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("ir", unit: "instructions", runs: [[1052, 1052]])],
            head: [DatasetBuilder.series("ir", unit: "instructions", runs: [[1000, 1000]])])
        let options = AnalysisOptions(thresholds: ThresholdPolicy(instrumentationPercent: 5))
        let a = try only(try Analyzer.analyze(dataset: up, options: options), "ir")
        let b = try only(try Analyzer.analyze(dataset: down, options: options), "ir")
        #expect(a.verdict == .regression)
        // −4.94% is the same size as +5.2%: an improvement, not noise.
        #expect(b.verdict == .improvement)
    }

    /// Defect 9: `--strict` asks for non-inferiority, not for every verdict to be decided.
    @Test func strictFailsOnlyWithoutShownNonInferiority() throws {
        // Precise and unchanged, but the interval crosses a 1% threshold on neither side: decided
        // noise. Noisy and unchanged: undecided, but clearly not 5% worse.
        let dataset = DatasetBuilder.dataset(
            base: [
                DatasetBuilder.series("precise", runs: [Self.noisy(100, count: 20, spread: 0.002)]),
                DatasetBuilder.series("noisy", runs: [Self.noisy(100, count: 40, spread: 0.02)]),
            ],
            head: [
                DatasetBuilder.series("precise", runs: [Self.noisy(100, count: 20, spread: 0.002, phase: 1)]),
                DatasetBuilder.series("noisy", runs: [Self.noisy(96, count: 40, spread: 0.02, phase: 2)]),
            ])
        let options = AnalysisOptions(strict: true)
        let result = try Analyzer.analyze(dataset: dataset, options: options)
        #expect(try only(result, "precise").nonInferiorityShown == true)
        #expect(try only(result, "noisy").nonInferiorityShown == true)
        #expect(result.gate.verdict == .pass, "\(result.gate.reasons)")
        // One value per side: nothing is shown, so strict fails.
        let once = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("once", runs: [[100]])], head: [DatasetBuilder.series("once", runs: [[99]])])
        let strict = try Analyzer.analyze(dataset: once, options: options)
        #expect(strict.gate.verdict == .fail)
        guard case .notShownNonInferior(1, _) = strict.gate.reasons.first else {
            Issue.record("\(strict.gate.reasons)")
            return
        }
    }

    /// Defect 10: with history, Mann–Whitney tests the shift against history noise instead of
    /// capping p at 1 − confidence, so a larger α does not turn history noise into a regression.
    @Test func mannWhitneyWithHistoryTestsAgainstIt() throws {
        let wander = [0.0, 0.03, -0.02, 0.04, -0.03, 0.01, -0.04, 0.02, 0.05, -0.01]
        let history = wander.enumerated().map { index, shift in
            DatasetBuilder.label(
                "run\(index)", [DatasetBuilder.series("k", runs: [Self.noisy(100 * (1 + shift), spread: 0.001)])])
        }
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("k", runs: [Self.noisy(100, count: 12, spread: 0.001)])],
            head: [DatasetBuilder.series("k", runs: [Self.noisy(104, count: 12, spread: 0.001)])])
        let options = AnalysisOptions(alpha: 0.1, test: .mannWhitney)
        let c = try only(try Analyzer.analyze(dataset: dataset, history: history, options: options), "k")
        #expect(c.noise == .history)
        let p = try #require(c.pValue)
        // z = log(1.04) / (σ·√2), σ ≈ 3.3%: p ≈ 0.4 — far from "p = 1 − confidence = 0.05".
        #expect(p > 0.2, "p = \(p)")
        #expect(c.verdict == .inconclusive)
    }

    /// One story per benchmark: an instruction-count change is told with what walltime saw.
    @Test func aChangeInOneModeIsToldWithTheOtherMode() throws {
        let dataset = DatasetBuilder.dataset(
            base: [
                DatasetBuilder.series("k", unit: "instructions", runs: [[1000, 1000, 1000]]),
                DatasetBuilder.series("k", unit: "ns", runs: [Self.noisy(100, count: 20, spread: 0.05)]),
            ],
            head: [
                DatasetBuilder.series("k", unit: "instructions", runs: [[1030, 1030, 1030]]),
                DatasetBuilder.series("k", unit: "ns", runs: [Self.noisy(100, count: 20, spread: 0.05, phase: 1)]),
            ])
        let result = try Analyzer.analyze(dataset: dataset)
        let counts = try #require(result.comparisons.first { $0.mode == .instrumentation })
        #expect(counts.verdict == .regression)
        let note = counts.notes.first {
            if case .otherMode = $0 { true } else { false }
        }
        guard case .otherMode(.walltime, _, let interval, _) = note else {
            Issue.record("\(counts.notes)")
            return
        }
        #expect(interval?.contains(0) == true)
        // The undecided walltime row gets no such note.
        let time = try #require(result.comparisons.first { $0.mode == .walltime })
        #expect(!time.notes.contains { if case .otherMode = $0 { true } else { false } })
    }

    /// Defect 4: two runs per side are powerless alone; borrowing the between-run variance across
    /// the suite (empirical Bayes, prior capped at 10 degrees of freedom) detects a +20% change.
    @Test func twoRunsPerSideBorrowVarianceAcrossTheSuite() throws {
        var base: [BenchmarkSeries] = []
        var head: [BenchmarkSeries] = []
        for index in 0..<20 {
            // Run effects of ±1–3% around each benchmark's centre, on both sides.
            let wobble = 0.01 + 0.02 * Double(index % 3) / 2
            let shift = index == 0 ? 1.2 : 1.0
            base.append(
                DatasetBuilder.series(
                    "b\(index)",
                    runs: [
                        Self.noisy(100 * (1 + wobble), spread: 0.002), Self.noisy(100 * (1 - wobble), spread: 0.002),
                    ]))
            head.append(
                DatasetBuilder.series(
                    "b\(index)",
                    runs: [
                        Self.noisy(100 * shift * (1 - wobble * 0.8), spread: 0.002, phase: 1),
                        Self.noisy(100 * shift * (1 + wobble * 0.6), spread: 0.002, phase: 2),
                    ]))
        }
        let dataset = DatasetBuilder.dataset(base: base, head: head)
        let moderated = try Analyzer.analyze(dataset: dataset)
        let changed = try only(moderated, "b0")
        #expect(changed.verdict == .regression, "\(String(describing: changed.reason))")
        let prior = try #require(changed.priorDegreesOfFreedom)
        #expect(prior > 0 && prior <= 10)
        #expect(changed.notes.contains(.varianceBorrowed(priorDegreesOfFreedom: prior)))
        #expect(moderated.comparisons.filter { $0.verdict == .regression }.count == 1)
        var options = AnalysisOptions()
        options.moderatedVariance = false
        let alone = try only(try Analyzer.analyze(dataset: dataset, options: options), "b0")
        #expect(alone.verdict == .inconclusive, "1 degree of freedom per side cannot show +20%")
        #expect(alone.priorDegreesOfFreedom == nil)
    }

    /// How the runs of a suite line up across its benchmarks, for `borrowedVarianceIsWorthWhatTheSuiteKnows`.
    enum RunLayout: String, CaseIterable, Sendable {
        /// Every benchmark's run effect is its own: run 1 is fast for some benchmarks, slow for others.
        case ownRunEffects
        /// One machine state per run: run 1 is slow for every benchmark.
        case sharedRunEffects
        /// Each benchmark ran in runs of its own (no run id in common): the sharing cannot be seen.
        case unmatchedRuns
    }

    /// The prior's credit follows how much the suite knows beyond a comparison's own runs
    /// (`SharedRunEffect`): near the cap when run effects are each benchmark's own, one degree of
    /// freedom per side (its runs − 1) when one machine state per run moves them all, and the
    /// comparison's own degrees of freedom when runs cannot be matched across benchmarks.
    @Test(arguments: RunLayout.allCases)
    func borrowedVarianceIsWorthWhatTheSuiteKnows(_ layout: RunLayout) throws {
        var base: [BenchmarkSeries] = []
        var head: [BenchmarkSeries] = []
        for index in 0..<20 {
            let wobble = 0.01 + 0.02 * Double(index % 3) / 2
            // Own effects: signs that balance across the suite on each side.
            let baseSign = layout == .sharedRunEffects ? 1.0 : (index % 2 == 0 ? 1.0 : -1.0)
            let headSign = layout == .sharedRunEffects ? 1.0 : ((index / 2) % 2 == 0 ? 1.0 : -1.0)
            let ids = layout == .unmatchedRuns ? ["b\(index)-1", "b\(index)-2"] : nil
            base.append(
                DatasetBuilder.series(
                    "b\(index)",
                    runs: [
                        Self.noisy(100 * (1 + baseSign * wobble), spread: 0.002),
                        Self.noisy(100 * (1 - baseSign * wobble), spread: 0.002),
                    ], runIDs: ids))
            head.append(
                DatasetBuilder.series(
                    "b\(index)",
                    runs: [
                        Self.noisy(100 * (1 - headSign * wobble * 0.8), spread: 0.002, phase: 1),
                        Self.noisy(100 * (1 + headSign * wobble * 0.6), spread: 0.002, phase: 2),
                    ], runIDs: ids))
        }
        let result = try Analyzer.analyze(dataset: DatasetBuilder.dataset(base: base, head: head))
        let credited = try #require(try only(result, "b1").priorDegreesOfFreedom)
        switch layout {
        case .ownRunEffects:
            // Balanced signs: ρ̄ ≈ −0.05, bound ≈ +0.05, n_eff ≈ 10: (2·10 − 1)·1 ≫ the fitted prior.
            #expect(credited > 2, "own run effects: the suite's prior is credited beyond the runs (\(credited))")
            #expect(credited <= 10, "the cap")
        case .sharedRunEffects:
            #expect(credited == 1, "one machine state per run: one degree of freedom per side")
        case .unmatchedRuns:
            #expect(credited == 2, "runs not matched across benchmarks: the comparison's own 1 + 1")
        }
        #expect(result.comparisons.allSatisfy { $0.priorDegreesOfFreedom == credited })
    }

    /// Defect 11: a heavy right tail pulls the mean of logs; the trimmed means say so, and
    /// `--test yuen` is not fooled.
    @Test func aHeavyTailIsNotedAndYuenResistsIt() throws {
        let base = Self.noisy(100, count: 20, spread: 0.01)
        let head = Self.noisy(100, count: 18, spread: 0.01, phase: 1) + [900, 1100]
        let dataset = DatasetBuilder.dataset(
            base: [DatasetBuilder.series("tail", runs: [base])], head: [DatasetBuilder.series("tail", runs: [head])])
        let welch = try only(try Analyzer.analyze(dataset: dataset), "tail")
        #expect((welch.change?.percent ?? 0) > 15)
        let note = welch.notes.first {
            if case .robustEstimateDisagrees = $0 { true } else { false }
        }
        guard case .robustEstimateDisagrees(let trimmed) = note else {
            Issue.record("no note: \(welch.notes)")
            return
        }
        #expect(abs(trimmed) < 2)
        let yuen = try only(try Analyzer.analyze(dataset: dataset, options: AnalysisOptions(test: .yuen)), "tail")
        #expect(yuen.method == .yuenTrimmedLog)
        #expect(abs(yuen.change?.percent ?? 100) < 2)
        #expect(yuen.verdict != .regression)
    }
}
