import BenchmarkModel
import Foundation
import Statistics

/// Runs one analysis: pairs each head label's benchmarks with the base label's, estimates every
/// change, corrects the p-values for multiple comparisons across the whole analysis, decides each
/// verdict, summarises the suite and applies the gate.
public enum Analyzer {
    /// Analyses `dataset`.
    /// - Parameters:
    ///   - base: the baseline label; default `base` when present, else the first label.
    ///   - head: the one label to compare; default every label other than the baseline.
    ///   - history: past baseline runs (`--history`), or nil.
    /// - Throws: `AnalysisError` for unknown labels, fewer than two labels, or a benchmark whose units
    ///   differ between base and head.
    public static func analyze(
        dataset: consuming Dataset, base: String? = nil, head: String? = nil, history: [LabelData]? = nil,
        options: AnalysisOptions = AnalysisOptions()
    ) throws(AnalysisError) -> AnalysisResult {
        var (baseData, heads) = try resolveLabels(dataset, base: base, head: head)
        var warnings = dataset.warnings.map(\.description)
        // From here the labels are the only references this function holds to the samples: once
        // compared, they are dropped, so that a caller that handed its dataset over (`consume`)
        // has them freed before the verdicts' texts and the report are built.
        _ = consume dataset
        let historyNoise = history.map { HistoryNoise(runs: $0) }
        var comparisons: [Comparison] = []
        for position in heads.indices {
            let headData = heads[position]
            let (pairs, ignored) = try pair(base: baseData, head: headData, thresholds: options.thresholds)
            if ignored > 0 {
                warnings.append("\(ignored) benchmark(s) left out by the configuration's ignore rules")
            }
            var compared = try compareAll(
                pairs, base: baseData, head: headData, history: historyNoise, options: options)
            var seenNames = Set<String>(minimumCapacity: pairs.count)
            for index in compared.indices {
                compared[index].isPrimaryMetric = seenNames.insert(compared[index].benchmark.name).inserted
            }
            // One head (the usual case) takes the array as it is; more are appended without a copy each.
            if comparisons.isEmpty { comparisons = compared } else { comparisons.append(contentsOf: compared) }
            heads[position].series = []
        }
        baseData.series = []
        try applyCorrection(&comparisons, options: options)
        try decide(&comparisons, options: options)
        order(&comparisons, heads: heads.map(\.label))
        let summaries = try heads.map { headData throws(AnalysisError) in
            try summarize(comparisons, of: headData, base: baseData, confidence: options.confidence)
        }
        return AnalysisResult(
            baseLabel: baseData.label, headLabels: heads.map(\.label), options: options, comparisons: comparisons,
            summaries: summaries, gate: Gate.evaluate(comparisons, strict: options.strict), warnings: warnings,
            historyRuns: historyNoise?.runCount)
    }

    // MARK: Labels and pairing

    static func resolveLabels(_ dataset: Dataset, base: String?, head: String?) throws(AnalysisError)
        -> (LabelData, [LabelData])
    {
        let names = dataset.labels.map(\.label)
        guard names.count >= 2 else {
            throw AnalysisError(
                benchmark: nil,
                message: "need at least two labels to compare, found \(names.count)"
                    + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"))
        }
        let baseName = base ?? (names.contains("base") ? "base" : names[0])
        guard let baseData = dataset.label(named: baseName) else {
            throw AnalysisError(
                benchmark: nil, message: "no label \"\(baseName)\"; labels are: \(names.joined(separator: ", "))")
        }
        if let head {
            guard let headData = dataset.label(named: head) else {
                throw AnalysisError(
                    benchmark: nil, message: "no label \"\(head)\"; labels are: \(names.joined(separator: ", "))")
            }
            guard head != baseName else {
                throw AnalysisError(benchmark: nil, message: "--head and --base name the same label \"\(head)\"")
            }
            return (baseData, [headData])
        }
        return (baseData, dataset.labels.filter { $0.label != baseName })
    }

    struct SeriesPair {
        let base: BenchmarkSeries?
        let head: BenchmarkSeries?
        var any: BenchmarkSeries? { base ?? head }
    }

    /// A pair by position in the base and head labels' series (small, where a `SeriesPair` holds
    /// two series: 3 MB at 20,000 pairs, alive through the whole comparison).
    struct SeriesIndexPair {
        let base: Int?
        let head: Int?

        func series(base baseData: LabelData, head headData: LabelData) -> SeriesPair {
            SeriesPair(base: base.map { baseData.series[$0] }, head: head.map { headData.series[$0] })
        }
    }

    static func pair(base: LabelData, head: LabelData, thresholds: ThresholdPolicy) throws(AnalysisError)
        -> ([SeriesIndexPair], ignored: Int)
    {
        // headIndex[i]: the head series with base series i's (name, base unit), or -1. Labels written
        // by the same tool list their benchmarks in the same order, so each base series is first
        // compared with the head series at its own position; a dictionary finds the others.
        var headIndex = [Int](repeating: -1, count: base.series.count)
        var headTaken = [Bool](repeating: false, count: head.series.count)
        var unplaced: [Int] = []
        for (index, series) in base.series.enumerated() {
            if index < head.series.count, Self.sameKey(series, head.series[index]) {
                headIndex[index] = index
                headTaken[index] = true
            } else {
                unplaced.append(index)
            }
        }
        if !unplaced.isEmpty {
            var headByKey: [SeriesKey: Int] = [:]
            for (index, series) in head.series.enumerated() where !headTaken[index] {
                // Keys are unique within a label: no entry is overwritten.
                headByKey[SeriesKey(series)] = index
            }
            for index in unplaced {
                if let found = headByKey[SeriesKey(base.series[index])] {
                    headIndex[index] = found
                    headTaken[found] = true
                }
            }
            try checkUnitsOverlap(base: base, head: head, paired: headIndex)
        }
        var pairs: [SeriesIndexPair] = []
        pairs.reserveCapacity(max(base.series.count, head.series.count))
        var ignored = 0
        for (index, series) in base.series.enumerated() {
            if thresholds.ignores(series.benchmark.name) {
                ignored += 1
                continue
            }
            pairs.append(SeriesIndexPair(base: index, head: headIndex[index] >= 0 ? headIndex[index] : nil))
        }
        for (index, series) in head.series.enumerated() where !headTaken[index] {
            if thresholds.ignores(series.benchmark.name) {
                ignored += 1
                continue
            }
            pairs.append(SeriesIndexPair(base: nil, head: index))
        }
        return (pairs, ignored)
    }

    /// Whether two series have the same (name, base unit).
    private static func sameKey(_ a: BenchmarkSeries, _ b: BenchmarkSeries) -> Bool {
        a.benchmark.name == b.benchmark.name && a.unit.baseUnit == b.unit.baseUnit
    }

    /// Throws when a benchmark is measured in base and head but in disjoint sets of units (`ns/op`
    /// in one, only `instructions` in the other). Only a name none of whose (name, unit) series
    /// has a partner in head can be in that case, so unit sets are gathered for those names alone;
    /// base's file order decides which error is reported, and it names where head's first sample of
    /// the benchmark was read.
    static func checkUnitsOverlap(
        base: LabelData, head: LabelData, paired headIndex: [Int]
    ) throws(AnalysisError) {
        var matchedNames = Set<String>()
        var unmatchedNames = Set<String>()
        for (index, series) in base.series.enumerated() {
            if headIndex[index] >= 0 {
                matchedNames.insert(series.benchmark.name)
            } else {
                unmatchedNames.insert(series.benchmark.name)
            }
        }
        let candidates = unmatchedNames.subtracting(matchedNames)
        guard !candidates.isEmpty else { return }
        var headUnitsByName: [String: Set<String>] = [:]
        for series in head.series where candidates.contains(series.benchmark.name) {
            headUnitsByName[series.benchmark.name, default: []].insert(series.unit.baseUnit)
        }
        var baseUnitsByName: [String: Set<String>] = [:]
        for series in base.series where candidates.contains(series.benchmark.name) {
            baseUnitsByName[series.benchmark.name, default: []].insert(series.unit.baseUnit)
        }
        for series in base.series {
            let name = series.benchmark.name
            guard let baseUnits = baseUnitsByName[name], let headUnits = headUnitsByName[name] else { continue }
            let headSeries = head.series.first { $0.benchmark.name == name }
            throw AnalysisError(
                benchmark: name, location: headSeries?.runs.first?.source,
                message: "is measured in \(baseUnits.sorted().joined(separator: ", ")) in \"\(base.label)\" "
                    + "but in \(headUnits.sorted().joined(separator: ", ")) in \"\(head.label)\"; "
                    + "units must match to compare")
        }
    }

    // MARK: One comparison

    static func compare(
        _ pair: SeriesPair, baseLabel: String, headLabel: String, history: HistoryNoise?, options: AnalysisOptions
    ) throws(AnalysisError) -> Comparison {
        guard let any = pair.any else {
            throw AnalysisError(benchmark: nil, message: "internal: an empty benchmark pair")
        }
        let name = any.benchmark.name
        let mode = pair.base?.mode ?? any.mode
        let threshold = options.thresholds.percent(for: name, mode: mode)
        let testName = options.test == .welch ? "welch-log" : "mann-whitney"
        if ZeroValuedComparison.applies(pair),
            let comparison = ZeroValuedComparison.compare(
                pair, baseLabel: baseLabel, headLabel: headLabel, threshold: threshold, test: testName)
        {
            return comparison
        }
        let baseSamples = try pair.base.map { series throws(AnalysisError) in try LogSamples(series: series) }
        let headSamples = try pair.head.map { series throws(AnalysisError) in try LogSamples(series: series) }
        guard let baseSamples, let headSamples, baseSamples.count > 0, headSamples.count > 0 else {
            let only = pair.base == nil ? "only in \(headLabel) (new benchmark)" : "only in \(baseLabel) (removed)"
            return Comparison(
                benchmark: any.benchmark, mode: mode, unit: any.unit, headLabel: headLabel,
                base: try baseSamples.map { s throws(AnalysisError) in
                    try summary(
                        s, label: baseLabel, interval: nil, test: options.test, name: name,
                        confidence: options.confidence, keepsSamples: options.keepsSamples)
                },
                head: try headSamples.map { s throws(AnalysisError) in
                    try summary(
                        s, label: headLabel, interval: nil, test: options.test, name: name,
                        confidence: options.confidence, keepsSamples: options.keepsSamples)
                },
                change: nil, pValue: nil, pAdjusted: nil, test: testName, noise: .none, noisePercent: nil,
                thresholdPercent: threshold, samplesNeeded: nil, verdict: .missing, reason: only, notes: [])
        }
        let historyEstimate = pair.base.flatMap { history?.estimate(for: $0) }
        var estimate: ChangeEstimate
        var pairedNotes: [String] = []
        var pairedEstimate: ChangeEstimate?
        if options.paired, let base = pair.base, let head = pair.head {
            (pairedEstimate, pairedNotes) = try paired(base: base, head: head, name: name, options: options)
        }
        do {
            if let pairedEstimate {
                estimate = pairedEstimate
            } else {
                estimate = try unpaired(
                    base: baseSamples, head: headSamples, history: historyEstimate, options: options)
            }
        } catch {
            throw .statistics(error, benchmark: name)
        }
        let baseSummary = try summary(
            baseSamples, label: baseLabel, interval: estimate.baseCentreInterval, test: options.test, name: name,
            confidence: options.confidence, keepsSamples: options.keepsSamples)
        let headSummary = try summary(
            headSamples, label: headLabel, interval: estimate.headCentreInterval, test: options.test, name: name,
            confidence: options.confidence, keepsSamples: options.keepsSamples)
        let change = RelativeChange(
            percent: percent(fromLog: estimate.logChange),
            interval: estimate.logInterval.map { percent(fromLog: $0.lowerBound)...percent(fromLog: $0.upperBound) })
        var notes = pairedNotes
        if baseSummary.outliers > 0 { notes.append("\(baseSummary.outliers) outlier(s) in \(baseLabel)") }
        if headSummary.outliers > 0 { notes.append("\(headSummary.outliers) outlier(s) in \(headLabel)") }
        if pair.base?.mode != pair.head?.mode {
            notes.append("mode differs between labels; \(mode.rawValue) from \(baseLabel) used")
        }
        var comparison = Comparison(
            benchmark: any.benchmark, mode: mode, unit: pair.base?.unit ?? any.unit, headLabel: headLabel,
            base: baseSummary, head: headSummary, change: change, pValue: estimate.pValue, pAdjusted: nil,
            test: estimate.testName, noise: estimate.noise, noisePercent: estimate.noisePercent,
            thresholdPercent: threshold, samplesNeeded: nil, verdict: .inconclusive, reason: "", notes: notes)
        comparison.historyPercent = historyEstimate.map { expm1($0.logSigma) * 100 }
        comparison.observationSigma = estimate.observationSigma
        return comparison
    }

    static func percent(fromLog value: Double) -> Double { expm1(value) * 100 }

    /// The default (unpaired) estimate of `options.test`.
    static func unpaired(
        base: LogSamples, head: LogSamples, history: HistoryNoise.Estimate?, options: AnalysisOptions
    ) throws(StatisticsError) -> ChangeEstimate {
        switch options.test {
        case .welch:
            try WelchLogComparator.estimate(base: base, head: head, history: history, confidence: options.confidence)
        case .mannWhitney:
            try MannWhitneyComparator.estimate(
                base: base, head: head, history: history, confidence: options.confidence)
        }
    }

    /// The `--paired` estimate with its notes, or nil and a note saying why the unpaired test is used.
    static func paired(
        base: BenchmarkSeries, head: BenchmarkSeries, name: String, options: AnalysisOptions
    ) throws(AnalysisError) -> (ChangeEstimate?, [String]) {
        guard let pairs = PairedComparator.pairs(base: base, head: head) else {
            return (nil, ["--paired: no iteration fields, so the samples were compared unpaired"])
        }
        var notes: [String] = []
        if pairs.unpaired > 0 { notes.append("--paired: \(pairs.unpaired) unpaired sample(s) left out") }
        let estimate: ChangeEstimate?
        do {
            estimate = try PairedComparator.estimate(pairs, confidence: options.confidence)
        } catch {
            throw .statistics(error, benchmark: name)
        }
        guard let estimate else {
            notes.append(
                "--paired: \(pairs.baseLogs.count) pair(s), too few (or without spread) for the paired test, so the samples were "
                    + "compared unpaired")
            return (nil, notes)
        }
        let key = pairs.byRun ? "(run, iteration)" : "iteration (run ids differ between labels)"
        notes.insert("paired: \(pairs.baseLogs.count) pairs by \(key)", at: 0)
        return (estimate, notes)
    }

    static func summary(
        _ samples: LogSamples, label: String, interval logInterval: ClosedRange<Double>?, test: ComparisonTest,
        name: String, confidence: Double, keepsSamples: Bool
    ) throws(AnalysisError) -> SideSummary {
        do {
            let logStats = try SampleMoments(samples.all)
            let raw = samples.rawRange
            let outlierCount =
                samples.count >= 4 ? try Outliers.tukeyOutlierCount(sorted: GSL.sorted(samples.all)) : 0
            let centre: Double
            var interval: ClosedRange<Double>?
            switch test {
            case .welch:
                // An exact measurement keeps its exact value (exp∘log would perturb the last digits).
                centre = samples.isConstant ? (samples.raw.first ?? exp(logStats.mean)) : exp(logStats.mean)
                interval = logInterval.map { exp($0.lowerBound)...exp($0.upperBound) }
            case .mannWhitney:
                centre = try DescriptiveStatistics(samples.raw).median
                if samples.count >= 2, !samples.isConstant {
                    let result = try MedianConfidenceInterval.compute(samples.raw, confidence: confidence)
                    if result.levelReached {
                        interval = result.confidenceInterval.lower...result.confidenceInterval.upper
                    }
                }
            }
            return SideSummary(
                label: label, count: samples.count, runs: samples.runCount, centre: centre, centreInterval: interval,
                spreadPercent: logStats.standardDeviation.map { expm1($0) * 100 }, outliers: outlierCount,
                range: raw, samplesByRun: keepsSamples ? samples.rawByRun : [])
        } catch {
            throw .statistics(error, benchmark: name)
        }
    }

    // MARK: Correction, verdicts, order

    static func applyCorrection(_ comparisons: inout [Comparison], options: AnalysisOptions) throws(AnalysisError) {
        let tested = comparisons.indices.filter { comparisons[$0].pValue != nil }
        let raw = tested.compactMap { comparisons[$0].pValue }
        guard !raw.isEmpty else { return }
        let adjusted: [Double]
        do {
            adjusted = try MultipleComparisons.adjust(raw, method: options.correction.adjustment)
        } catch {
            throw .statistics(error, benchmark: "(multiple comparisons)")
        }
        for (index, value) in zip(tested, adjusted) { comparisons[index].pAdjusted = value }
    }

    static func decide(_ comparisons: inout [Comparison], options: AnalysisOptions) throws(AnalysisError) {
        // Independent per comparison (the p-values are already adjusted): on every core, in place.
        try concurrentUpdate(&comparisons) { (comparison: inout Comparison) throws(AnalysisError) in
            guard let decided = try decide(comparison, options: options) else { return }
            comparison.verdict = decided.verdict
            comparison.reason = decided.reason
            comparison.samplesNeeded = decided.samplesNeeded
        }
    }

    /// The verdict, reason and (for an inconclusive verdict) sample size of one comparison, or nil
    /// when it was decided when it was made (missing, zero-valued) or has no change.
    private static func decide(
        _ c: Comparison, options: AnalysisOptions
    ) throws(AnalysisError) -> (verdict: Verdict, reason: String, samplesNeeded: Int?)? {
        guard c.reason.isEmpty, let change = c.change else { return nil }
        let decided: VerdictRule.Decision
        do {
            decided = try VerdictRule.decide(
                changePercent: change.percent, intervalPercent: change.interval, pAdjusted: c.pAdjusted,
                alpha: options.alpha, threshold: c.thresholdPercent, direction: c.unit.direction, noise: c.noise,
                noisePercent: c.noisePercent, historyPercent: c.historyPercent,
                observationsAreRuns: c.noise == .betweenRun || c.noise == .history, baseCount: c.base?.count ?? 0,
                headCount: c.head?.count ?? 0
            ) { () throws(StatisticsError) in
                // Only an inconclusive verdict reports the sample size.
                try c.sampleSizeQuestion.answer(alpha: options.alpha, power: options.power)
            }
        } catch {
            throw .statistics(error, benchmark: c.benchmark.name)
        }
        return (decided.verdict, decided.reason, decided.samplesNeeded)
    }

    /// Head label order, then mode, then unit; within a group the order benchmarks were first seen.
    static func order(_ comparisons: inout [Comparison], heads: [String]) {
        // Each comparison's group — its (head, mode, unit) — as an integer, and the groups' ranks in
        // the order; then a stable counting sort by rank: O(n) with no comparisons of strings
        // (a comparator that searched `heads` and compared unit strings was a tenth of a
        // 20,000-row analysis). Consecutive comparisons mostly share their group, so the last one
        // is tried before the dictionary.
        var headRank: [String: Int] = [:]
        for (rank, head) in heads.enumerated() where headRank[head] == nil { headRank[head] = rank }
        var groupIndex: [GroupKey: Int] = [:]
        var groups: [GroupKey] = []
        var groupOf = [Int](repeating: 0, count: comparisons.count)
        var last: (head: String, mode: MeasurementMode, unit: String, group: Int)?
        for index in comparisons.indices {
            let headLabel = comparisons[index].headLabel
            let mode = comparisons[index].mode
            let unit = comparisons[index].unit.baseUnit
            if let last, last.mode == mode, last.head == headLabel, last.unit == unit {
                groupOf[index] = last.group
                continue
            }
            let key = GroupKey(head: headRank[headLabel] ?? 0, mode: mode, unit: unit)
            let group: Int
            if let known = groupIndex[key] {
                group = known
            } else {
                group = groups.count
                groups.append(key)
                groupIndex[key] = group
            }
            groupOf[index] = group
            last = (headLabel, mode, unit, group)
        }
        guard groups.count > 1 else { return }
        // Rank of each group: head label order, then mode, then unit.
        let ranked = groups.indices.sorted { a, b in
            let x = groups[a]
            let y = groups[b]
            if x.head != y.head { return x.head < y.head }
            if x.mode != y.mode { return x.mode < y.mode }
            return x.unit < y.unit
        }
        var rankOf = [Int](repeating: 0, count: groups.count)
        for (rank, group) in ranked.enumerated() { rankOf[group] = rank }
        var start = [Int](repeating: 0, count: groups.count + 1)
        for group in groupOf { start[rankOf[group] + 1] += 1 }
        for rank in 0..<groups.count { start[rank + 1] += start[rank] }
        var order = [Int](repeating: 0, count: comparisons.count)
        for (index, group) in groupOf.enumerated() {
            order[start[rankOf[group]]] = index
            start[rankOf[group]] += 1
        }
        permute(&comparisons, into: order)
    }

    /// A table group: head label (by its rank), mode and base unit.
    private struct GroupKey: Hashable {
        let head: Int
        let mode: MeasurementMode
        let unit: String
    }

    /// Rearranges `values` in place so that position i holds what was at `order[i]` (a
    /// permutation), following each cycle with swaps: no second array of the (large) elements.
    static func permute<T>(_ values: inout [T], into order: [Int]) {
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            // Position `position` wants the value now at `order[position]`.
            var position = start
            placed[position] = true
            while !placed[order[position]] {
                values.swapAt(position, order[position])
                position = order[position]
                placed[position] = true
            }
        }
    }

    // MARK: Suite summary

    static func summarize(
        _ comparisons: [Comparison], of head: LabelData, base: LabelData, confidence: Double
    ) throws(AnalysisError) -> SuiteSummary {
        var counts: [Verdict: Int] = [:]
        for verdict in Verdict.allCases { counts[verdict] = 0 }
        // One ratio per benchmark, of its primary metric; positive means "more of the unit". The
        // fields are read in place (a `for comparison in` loop would copy every comparison).
        var logRatios: [Double] = []
        for index in comparisons.indices where comparisons[index].headLabel == head.label {
            counts[comparisons[index].verdict, default: 0] += 1
            guard comparisons[index].isPrimaryMetric, let change = comparisons[index].change, change.percent > -100
            else { continue }
            logRatios.append(log1p(change.percent / 100))
        }
        var geomean: RelativeChange?
        if !logRatios.isEmpty {
            let mean = logRatios.reduce(0, +) / Double(logRatios.count)
            var interval: ClosedRange<Double>?
            if logRatios.count >= 2 {
                do {
                    let stats = try DescriptiveStatistics(logRatios)
                    if let sd = stats.standardDeviation, sd > 0 {
                        let critical = try StudentTQuantile.value(0.5 + confidence / 2, df: Double(logRatios.count - 1))
                        let half = critical * sd / Double(logRatios.count).squareRoot()
                        interval = percent(fromLog: mean - half)...percent(fromLog: mean + half)
                    }
                } catch let error as StatisticsError {
                    throw .statistics(error, benchmark: "(suite geomean)")
                } catch {
                    throw AnalysisError(benchmark: "(suite geomean)", message: "\(error)")
                }
            }
            geomean = RelativeChange(percent: percent(fromLog: mean), interval: interval)
        }
        return SuiteSummary(
            headLabel: head.label, geomean: geomean, geomeanCount: logRatios.count, counts: counts,
            environmentDifferences: EnvironmentCheck.differences(base: base, head: head))
    }
}
