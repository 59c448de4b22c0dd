import BenchmarkModel
import Statistics

/// Step 6 of the analysis: the verdict of every comparison not decided when it was compared
/// (`VerdictRule`), with the power analysis' sample size for inconclusive ones.
enum DecisionStep {
    static func apply(_ comparisons: inout [Comparison], options: AnalysisOptions) throws(AnalysisError) {
        // Independent per comparison (the p-values are already adjusted): on every core, in place.
        try Analyzer.concurrentUpdate(&comparisons) { (comparison: inout Comparison) throws(AnalysisError) in
            guard comparison.decision == nil, let change = comparison.change else { return }
            let evidence = VerdictRule.Evidence(
                changePercent: change.percent, intervalPercent: change.interval, pAdjusted: comparison.pAdjusted,
                thresholdPercent: comparison.thresholdPercent, direction: comparison.unit.direction,
                noise: comparison.noise, noisePercent: comparison.noisePercent,
                hasHistory: comparison.historyPercent != nil,
                observationsAreRuns: comparison.noise == .betweenRun || comparison.noise == .history,
                baseCount: comparison.base?.count ?? 0, headCount: comparison.head?.count ?? 0)
            let question = comparison.sampleSizeQuestion
            do throws(StatisticsError) {
                comparison.decision = try VerdictRule.decide(evidence, alpha: options.alpha) {
                    () throws(StatisticsError) in
                    // Only an inconclusive verdict reports the sample size.
                    try question.answer(alpha: options.alpha, power: options.power)
                }
            } catch {
                throw .statistics(error, subject: comparison.benchmark.name)
            }
        }
    }
}
