import BenchmarkModel
import Statistics

/// Step 6 of the analysis: the verdict of every comparison not decided when it was compared
/// (`VerdictRule`), with the power analysis' sample size for inconclusive ones.
enum DecisionStep {
    static func apply(_ comparisons: inout [Comparison], options: AnalysisOptions) throws(AnalysisError) {
        // The level a comparison must reach after the correction, for the sample-size answer.
        let tested = comparisons.reduce(0) { $0 + ($1.pValue == nil ? 0 : 1) }
        let familyAlpha =
            switch options.correction {
            case .bh, .holm: options.alpha / Double(max(1, tested))
            case .none: options.alpha
            }
        // The two levels the closure needs, taken out of `options`: a closure that captured the
        // options struct copied it (retaining each of its references) once per comparison — 1.4 %
        // of a million-comparison run.
        let alpha = options.alpha
        let power = options.power
        // Independent per comparison (the p-values are already adjusted): on every core, in place.
        try Analyzer.concurrentUpdate(&comparisons) { (comparison: inout Comparison) throws(AnalysisError) in
            guard comparison.decision == nil, let change = comparison.change else { return }
            let runs = comparison.noise == .betweenRun || comparison.noise == .history
            let evidence = VerdictRule.Evidence(
                changePercent: change.percent, pAdjusted: comparison.pAdjusted, distribution: comparison.evidence,
                thresholdPercent: comparison.thresholdPercent, direction: comparison.unit.direction,
                noise: comparison.noise, noisePercent: comparison.noisePercent,
                hasHistory: comparison.historyPercent != nil, observationsAreRuns: runs,
                baseCount: comparison.base?.count ?? 0, headCount: comparison.head?.count ?? 0)
            let question = comparison.sampleSizeQuestion(observationsAreRuns: runs)
            do throws(StatisticsError) {
                comparison.decision = try VerdictRule.decide(evidence, alpha: alpha) {
                    () throws(StatisticsError) in
                    // Only an inconclusive verdict reports the sample size.
                    try question.answer(alpha: familyAlpha, power: power)
                }
            } catch {
                throw .statistics(error, subject: comparison.benchmark.name)
            }
        }
    }
}
