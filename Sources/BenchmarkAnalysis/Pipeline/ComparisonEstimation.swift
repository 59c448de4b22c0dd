import BenchmarkModel
import Foundation
import Statistics

/// Step 4 of the analysis: one benchmark's comparison. A benchmark on one side only is `missing`;
/// otherwise the methods of `MethodRegistry` are asked in order and the first that applies
/// estimates the change; the sides are summarised (`SideSummarizer`) and the notes gathered.
struct ComparisonEstimation {
    let baseLabel: String
    let headLabel: String
    let history: HistoryNoise?
    let options: AnalysisOptions
    let methods: [any ComparisonMethod]

    /// The comparison of one benchmark's sides, moved in: a copy of a series is a retain of each of
    /// its references (and a release when it goes), and binding the sides of a pair copied each
    /// several times (700,000 copies at 100,000 one-sample benchmarks).
    func compare(
        base pairBase: consuming BenchmarkSeries?, head pairHead: consuming BenchmarkSeries?
    ) throws(AnalysisError) -> Comparison {
        let identity: (benchmark: BenchmarkIdentity, mode: MeasurementMode, unit: MeasurementUnit)
        if let base = pairBase?.benchmark, let mode = pairBase?.mode, let unit = pairBase?.unit {
            identity = (base, mode, unit)
        } else if let head = pairHead?.benchmark, let mode = pairHead?.mode, let unit = pairHead?.unit {
            identity = (head, mode, unit)
        } else {
            // `SeriesPairing` never makes a pair without a series.
            throw .statistics(.invalidArgument("an empty benchmark pair"), subject: "(pairing)")
        }
        let name = identity.benchmark.name
        let mode = identity.mode
        let historyEstimate = pairBase.flatMap { history?.estimate(for: $0) }
        let subject = ComparisonSubject(
            benchmark: identity.benchmark, mode: mode, unit: identity.unit, headLabel: headLabel,
            thresholdPercent: options.thresholds.percent(for: name, mode: mode),
            historyPercent: historyEstimate.map { expm1($0.logSigma) * 100 })
        let summarizer = SideSummarizer(
            centre: options.test, confidence: options.confidence, keepsSamples: options.keepsSamples)
        guard (pairBase?.sampleCount ?? 0) > 0, (pairHead?.sampleCount ?? 0) > 0 else {
            return try missing(base: pairBase, head: pairHead, subject: subject, summarizer: summarizer)
        }
        guard let base = consume pairBase, let head = consume pairHead else {
            throw .statistics(.invalidArgument("an empty benchmark pair"), subject: name)
        }
        // A series with zeros has no logarithms; exact counts take it.
        let zeros = ExactCountsMethod.applies(base: base, head: head)
        let sides = ComparedSides(
            baseLabel: baseLabel, headLabel: headLabel, base: base, head: head,
            baseLogs: zeros ? nil : try LogSamples(series: base), headLogs: zeros ? nil : try LogSamples(series: head))
        let context = MethodContext(confidence: options.confidence, alpha: options.alpha, history: historyEstimate)
        var notes: [ComparisonNote] = []
        for method in methods {
            let outcome: MethodOutcome
            do {
                outcome = try method.estimate(sides, context: context)
            } catch {
                throw .statistics(error, subject: name)
            }
            switch outcome {
            case .notApplicable(let declined):
                notes += declined
            case .decided(let estimate, let decision, let baseSummary, let headSummary):
                return Comparison(
                    subject: subject, base: baseSummary, head: headSummary, method: estimate.method,
                    estimate: estimate, decision: decision, notes: notes)
            case .estimate(let estimate, let methodNotes):
                notes = methodNotes + notes
                return try estimated(
                    sides, estimate: estimate, subject: subject, history: historyEstimate, summarizer: summarizer,
                    notes: notes)
            }
        }
        throw .statistics(.invalidArgument("no method applies"), subject: name)
    }

    /// A comparison with an estimate: the sides summarised with the method's centre intervals, and
    /// the outlier and mode notes after the method's.
    private func estimated(
        _ sides: ComparedSides, estimate: ChangeEstimate, subject: ComparisonSubject,
        history: HistoryNoise.Estimate?, summarizer: SideSummarizer, notes: [ComparisonNote]
    ) throws(AnalysisError) -> Comparison {
        guard let baseLogs = sides.baseLogs, let headLogs = sides.headLogs else {
            throw .statistics(
                .invalidArgument("a log-scale estimate without logarithms"), subject: subject.benchmark.name)
        }
        let name = subject.benchmark.name
        let baseSummary = try summarizer.summary(
            baseLogs, label: baseLabel, interval: estimate.baseCentreInterval, name: name)
        let headSummary = try summarizer.summary(
            headLogs, label: headLabel, interval: estimate.headCentreInterval, name: name)
        var notes = notes
        if baseSummary.outliers > 0 { notes.append(.outliers(count: baseSummary.outliers, label: baseLabel)) }
        if headSummary.outliers > 0 { notes.append(.outliers(count: headSummary.outliers, label: headLabel)) }
        if sides.base.mode != sides.head.mode { notes.append(.modeDiffers(used: subject.mode, label: baseLabel)) }
        if estimate.method == .welchLog, let change = estimate.change,
            let robust = Self.trimmedLogChange(base: baseLogs, head: headLogs),
            abs(log1p(change.percent / 100) - robust) > log1p(subject.thresholdPercent / 100)
        {
            // A heavy tail pulls the mean of logs; the trimmed means disagree by more than the threshold.
            notes.append(.robustEstimateDisagrees(trimmedChangePercent: expm1(robust) * 100))
        }
        if subject.historyPercent == nil, baseLogs.runCount == 1, headLogs.runCount == 1, estimate.noise != .none {
            // Nothing in the input shows how far a run's centre moves between runs.
            notes.append(.driftNotMeasured)
        }
        if let history,
            let outlier = history.judge(baseCentre: try? Summation.mean(baseLogs.runMeans))
        {
            notes.append(.baseRunOutsideHistory(percent: outlier.percent, sigmas: outlier.sigmas))
        }
        return Comparison(
            subject: subject, base: baseSummary, head: headSummary, method: estimate.method, estimate: estimate,
            decision: nil, notes: notes)
    }

    /// The difference of the 20%-trimmed means of the logs (of the run means when both sides have
    /// several runs), Yuen's location (Yuen 1974), or nil when it cannot be computed — or when the
    /// trim removes nothing on either side (fewer than 5 values: ⌊0.2·n⌋ = 0), where it is the
    /// difference of the plain means, the estimate itself.
    static func trimmedLogChange(base: LogSamples, head: LogSamples) -> Double? {
        let useRuns = base.runCount >= 2 && head.runCount >= 2
        let counts = useRuns ? (base.runCount, head.runCount) : (base.all.count, head.all.count)
        func trimsNothing(_ n: Int) -> Bool { YuenTTest.trimmedPerEnd(count: n, trim: YuenTrimmedLogMethod.trim) == 0 }
        if trimsNothing(counts.0), trimsNothing(counts.1) { return nil }
        func trimmed(_ side: LogSamples) -> Double? {
            useRuns
                ? try? YuenTTest.trimmedMean(side.runMeans, trim: YuenTrimmedLogMethod.trim)
                : try? YuenTTest.trimmedMean(sorted: side.sortedAll, trim: YuenTrimmedLogMethod.trim)
        }
        guard let b = trimmed(base), let h = trimmed(head) else { return nil }
        return h - b
    }

    /// A benchmark present on one side only (or with no samples on one side).
    private func missing(
        base: BenchmarkSeries?, head: BenchmarkSeries?, subject: ComparisonSubject, summarizer: SideSummarizer
    ) throws(AnalysisError) -> Comparison {
        let name = subject.benchmark.name
        // A side with zeros (Go's 0 B/op) has no logarithms: summarised on its raw values, as
        // exact counts are — a new zero-allocation benchmark is missing on one side, not an error.
        func summary(_ series: BenchmarkSeries?, label: String) throws(AnalysisError) -> SideSummary? {
            guard let series, series.sampleCount > 0 else { return nil }
            if series.storedRuns.containsZero {
                return ExactCountsMethod.summary(
                    series, label: label, centre: (try? Summation.mean(series.allValues)) ?? 0)
            }
            return try summarizer.summary(try LogSamples(series: series), label: label, interval: nil, name: name)
        }
        let side: ComparisonSide = base == nil ? .head : .base
        return Comparison(
            subject: subject, base: try summary(base, label: baseLabel),
            head: try summary(head, label: headLabel),
            method: MethodRegistry.identifier(for: options.test), estimate: nil,
            decision: Decision(
                verdict: .missing, reason: .onlyIn(side: side, label: side == .base ? baseLabel : headLabel)),
            notes: [])
    }
}
