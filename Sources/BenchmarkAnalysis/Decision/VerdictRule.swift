import BenchmarkModel
import Statistics

/// The rules that turn a change, its interval, its adjusted p-value and the threshold into a verdict
/// with a typed reason (DESIGN.md, "Verdict"). The first rule that applies wins:
///
/// 1. No noise estimate (one sample per side, no history) → `inconclusive`.
/// 2. Exact measurement (every sample identical on each side, no history) → the threshold decides:
///    beyond it `regression`/`improvement`, within it `noise`.
/// 3. Adjusted p < α and |change| ≥ threshold → `regression` or `improvement` by the unit's direction.
/// 4. Adjusted p < α but |change| < threshold → `noise` (real but too small to matter).
/// 5. Not significant and the interval lies inside ±threshold → `noise` (equivalence shown).
/// 6. Not significant and the history noise covers the change → `noise`.
/// 7. Otherwise → `inconclusive`, with the observations per side that would settle it.
enum VerdictRule {
    /// What the rules read of one comparison.
    struct Evidence {
        let changePercent: Double
        let intervalPercent: ClosedRange<Double>?
        let pAdjusted: Double?
        let thresholdPercent: Double
        let direction: UnitDirection
        let noise: NoiseModel
        let noisePercent: Double?
        let hasHistory: Bool
        let observationsAreRuns: Bool
        let baseCount: Int
        let headCount: Int
    }

    /// The decision. `samplesNeeded` is asked only when the verdict is inconclusive (it runs a
    /// power analysis).
    static func decide(
        _ e: Evidence, alpha: Double, samplesNeeded: () throws(StatisticsError) -> Int?
    ) throws(StatisticsError) -> Decision {
        let worse = e.direction == .lowerIsBetter ? e.changePercent > 0 : e.changePercent < 0
        let directional: Verdict = worse ? .regression : .improvement
        switch e.noise {
        case .none:
            return Decision(
                verdict: .inconclusive, reason: .noNoiseEstimate(baseCount: e.baseCount, headCount: e.headCount),
                samplesNeeded: try samplesNeeded())
        case .exact:
            if e.changePercent == 0 { return Decision(verdict: .noise, reason: .identical) }
            if abs(e.changePercent) >= e.thresholdPercent {
                return Decision(
                    verdict: directional,
                    reason: .exactBeyondThreshold(thresholdPercent: e.thresholdPercent, judgedByHistory: e.hasHistory))
            }
            return Decision(verdict: .noise, reason: .exactWithinThreshold(thresholdPercent: e.thresholdPercent))
        case .withinRun, .betweenRun, .history:
            break
        }
        guard let p = e.pAdjusted else {
            return Decision(verdict: .inconclusive, reason: .noTestPossible, samplesNeeded: try samplesNeeded())
        }
        if p < alpha {
            if abs(e.changePercent) >= e.thresholdPercent {
                return Decision(
                    verdict: directional,
                    reason: .significant(
                        changePercent: e.changePercent, p: p, thresholdPercent: e.thresholdPercent,
                        historySigmaPercent: e.noise == .history ? (e.noisePercent ?? 0) : nil))
            }
            return Decision(
                verdict: .noise,
                reason: .significantWithinThreshold(
                    changePercent: e.changePercent, p: p, thresholdPercent: e.thresholdPercent))
        }
        if let interval = e.intervalPercent, interval.lowerBound > -e.thresholdPercent,
            interval.upperBound < e.thresholdPercent
        {
            return Decision(verdict: .noise, reason: .equivalent(p: p, thresholdPercent: e.thresholdPercent))
        }
        if e.noise == .history {
            return Decision(
                verdict: .noise,
                reason: .withinHistoryNoise(changePercent: e.changePercent, sigmaPercent: e.noisePercent ?? 0, p: p))
        }
        let needed = try samplesNeeded()
        return Decision(
            verdict: .inconclusive,
            reason: .undecided(
                p: p, thresholdPercent: e.thresholdPercent, needed: needed,
                unit: e.observationsAreRuns ? .runs : .samples),
            samplesNeeded: needed)
    }
}
