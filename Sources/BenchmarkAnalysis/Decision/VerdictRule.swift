import BenchmarkModel
import Foundation
import Statistics

/// The rules that turn a change, its adjusted p-value, its sampling distribution and the threshold
/// into a verdict with a typed reason (DESIGN.md, "Verdict"). The threshold T is applied on the log
/// scale, |log(head/base)| ≥ log(1 + T), so a verdict does not change when base and head are swapped
/// (+5.2% and −4.94% are the same size). The first rule that applies wins:
///
/// 1. No noise estimate (one sample per side, no history) → `inconclusive`.
/// 2. Exact measurement (every sample identical on each side, no history) → the threshold decides:
///    beyond it `regression`/`improvement`, within it `noise`.
/// 3. Adjusted p < α and beyond the threshold → `regression` or `improvement` by the unit's direction.
/// 4. Adjusted p < α but within the threshold → `noise` (real but too small to matter).
/// 5. Equivalence shown — the 1 − 2α interval of the log change lies inside ±log(1 + T), the two
///    one-sided tests of Schuirmann (1987) — → `noise` (with history as the noise model, the reason
///    says so).
/// 6. Otherwise → `inconclusive`, with the observations per side that would settle it.
enum VerdictRule {
    /// What the rules read of one comparison.
    struct Evidence {
        let changePercent: Double
        let pAdjusted: Double?
        let distribution: ChangeEvidence?
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
        let bound = log1p(e.thresholdPercent / 100)
        let beyond = abs(log1p(e.changePercent / 100)) >= bound
        switch e.noise {
        case .none:
            return Decision(
                verdict: .inconclusive, reason: .noNoiseEstimate(baseCount: e.baseCount, headCount: e.headCount),
                samplesNeeded: try samplesNeeded())
        case .exact:
            if e.changePercent == 0 { return Decision(verdict: .noise, reason: .identical) }
            if beyond {
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
            if beyond {
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
        if let distribution = e.distribution, try equivalenceShown(distribution, alpha: alpha, bound: bound) {
            return Decision(
                verdict: .noise,
                reason: .equivalent(
                    p: p, thresholdPercent: e.thresholdPercent, level: 1 - 2 * alpha,
                    historySigmaPercent: e.noise == .history ? (e.noisePercent ?? 0) : nil))
        }
        let needed = try samplesNeeded()
        return Decision(
            verdict: .inconclusive,
            reason: .undecided(
                p: p, thresholdPercent: e.thresholdPercent, needed: needed,
                unit: e.observationsAreRuns ? .runs : .samples),
            samplesNeeded: needed)
    }

    /// Whether the 1 − 2α interval of the log change lies inside (−bound, bound): what
    /// `equivalenceInterval` says, decided first with the remembered quantiles of the whole degrees
    /// of freedom around a fractional ν (t₁₋α is decreasing in ν, so t at ⌈ν⌉ ≤ t at ν ≤ t at ⌊ν⌋;
    /// each widened by 1e-12 against rounding): inside with the wider, or outside with the narrower,
    /// settles it without Welch's ν's own quantile, which no other benchmark asks for.
    static func equivalenceShown(_ distribution: ChangeEvidence, alpha: Double, bound: Double) throws(StatisticsError)
        -> Bool
    {
        func inside(_ lower: Double, _ upper: Double) -> Bool { lower > -bound && upper < bound }
        if case .studentT(let logChange, let standardError, let degreesOfFreedom) = distribution,
            alpha > 0, alpha < 0.5, logChange.isFinite, degreesOfFreedom.isFinite, degreesOfFreedom > 1,
            standardError >= 0,
            degreesOfFreedom != degreesOfFreedom.rounded(.down)
        {
            let wide =
                try StudentTDistribution.quantile(1 - alpha, df: degreesOfFreedom.rounded(.down)) * (1 + 1e-12)
            let narrow = try StudentTDistribution.quantile(1 - alpha, df: degreesOfFreedom.rounded(.up)) * (1 - 1e-12)
            if inside(logChange - wide * standardError, logChange + wide * standardError) { return true }
            if !inside(logChange - narrow * standardError, logChange + narrow * standardError) { return false }
        }
        guard let interval = try equivalenceInterval(distribution, alpha: alpha) else { return false }
        return inside(interval.lowerBound, interval.upperBound)
    }

    /// The 1 − 2α interval of the log change, or nil when α ≥ 0.5 leaves none.
    static func equivalenceInterval(_ distribution: ChangeEvidence, alpha: Double) throws(StatisticsError)
        -> ClosedRange<Double>?
    {
        switch distribution {
        case .studentT(let logChange, let standardError, let degreesOfFreedom):
            guard alpha > 0, alpha < 0.5 else { return nil }
            let critical = try StudentTDistribution.quantile(1 - alpha, df: degreesOfFreedom)
            return (logChange - critical * standardError)...(logChange + critical * standardError)
        case .interval(_, let lower, let upper):
            return lower...upper
        }
    }
}
