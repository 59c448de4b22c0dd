import BenchmarkModel
import Foundation
import NumberText
import Statistics

/// The rules that turn a change, its interval, its adjusted p-value and the threshold into a verdict
/// with a one-line reason (DESIGN.md, "Verdict"). The first rule that applies wins:
///
/// 1. No noise estimate (one sample per side, no history) → `inconclusive`.
/// 2. Exact measurement (every sample identical on each side, no history) → the threshold decides:
///    beyond it `regression`/`improvement`, within it `noise`.
/// 3. Adjusted p < α and |change| ≥ threshold → `regression` or `improvement` by the unit's direction.
/// 4. Adjusted p < α but |change| < threshold → `noise` (real but too small to matter).
/// 5. Not significant and the interval lies inside ±threshold → `noise` (equivalence shown).
/// 6. Not significant and the history noise covers the change → `noise`.
/// 7. Otherwise → `inconclusive`, with the samples per side that would settle it.
enum VerdictRule {
    struct Decision {
        let verdict: Verdict
        let reason: String
        /// For an inconclusive verdict, the observations per side that would settle it (asked of
        /// `samplesNeeded` only then); nil otherwise.
        var samplesNeeded: Int? = nil
    }

    /// The decision. `samplesNeeded` is asked only when the verdict is inconclusive (it runs a
    /// power analysis), and every text is formatted only for the rule that fires.
    static func decide(
        changePercent: Double, intervalPercent: ClosedRange<Double>?, pAdjusted: Double?, alpha: Double,
        threshold: Double, direction: UnitDirection, noise: NoiseModel, noisePercent: Double?,
        historyPercent: Double? = nil, observationsAreRuns: Bool, baseCount: Int, headCount: Int,
        samplesNeeded: () throws(StatisticsError) -> Int?
    ) throws(StatisticsError) -> Decision {
        var change: String { Format.signedPercent(changePercent) }
        var band: String { "±" + Format.percent(threshold) }
        let worse = direction == .lowerIsBetter ? changePercent > 0 : changePercent < 0
        let directional: Verdict = worse ? .regression : .improvement
        switch noise {
        case .none:
            return Decision(
                verdict: .inconclusive,
                reason: "n=\(baseCount)/\(headCount) per side, no noise estimate: repeat the runs or pass --history",
                samplesNeeded: try samplesNeeded())
        case .exact:
            if changePercent == 0 { return Decision(verdict: .noise, reason: "exact: identical on both sides") }
            if abs(changePercent) >= threshold {
                return Decision(
                    verdict: directional,
                    reason: historyPercent == nil
                        ? "exact counts, beyond the \(band) threshold (no history to judge build noise)"
                        : "exact counts, beyond the \(band) threshold; history shows no build noise")
            }
            return Decision(verdict: .noise, reason: "exact counts, within the \(band) threshold")
        default:
            break
        }
        guard let pAdjusted else {
            return Decision(verdict: .inconclusive, reason: "no test was possible", samplesNeeded: try samplesNeeded())
        }
        let p = "p=" + Format.pValue(pAdjusted)
        if pAdjusted < alpha {
            if abs(changePercent) >= threshold {
                let source = noise == .history ? " against history noise σ=\(Format.percent(noisePercent ?? 0))" : ""
                return Decision(
                    verdict: directional, reason: "\(change) is significant (\(p)\(source)), beyond \(band)")
            }
            return Decision(verdict: .noise, reason: "\(change) is significant (\(p)) but within the \(band) threshold")
        }
        if let interval = intervalPercent, interval.lowerBound > -threshold, interval.upperBound < threshold {
            return Decision(verdict: .noise, reason: "not significant (\(p)); the interval lies within \(band)")
        }
        if noise == .history {
            return Decision(
                verdict: .noise,
                reason: "\(change) is within history noise σ=\(Format.percent(noisePercent ?? 0)) (\(p))")
        }
        let needed = try samplesNeeded()
        let unit = observationsAreRuns ? "runs" : "samples"
        let settle = needed.map { "; ~\($0) \(unit) per side would resolve \(band)" } ?? ""
        return Decision(
            verdict: .inconclusive, reason: "not significant (\(p)) but the interval crosses \(band)\(settle)",
            samplesNeeded: needed)
    }
}

/// Number formatting shared by reasons (reports format their own tables).
enum Format {
    /// `+5.28%` / `-0.31%` with two decimals; `0.00%` for zero.
    static func signedPercent(_ value: Double) -> String {
        let text = PrintfNumber.format(value, "%.2f%%")
        return value > 0 ? "+" + text : text
    }

    /// `1%`, `2.5%`: a threshold or σ without needless zeros.
    static func percent(_ value: Double) -> String {
        if value == value.rounded() { return PrintfNumber.format(value, "%.0f%%") }
        if abs(value) >= 10 { return PrintfNumber.format(value, "%.1f%%") }
        return PrintfNumber.format(value, "%.2g%%")
    }

    /// A p-value to 2 significant digits, `<1e-16` below double resolution.
    static func pValue(_ p: Double) -> String {
        if p < 1e-16 { return "<1e-16" }
        if p < 0.001 { return PrintfNumber.format(p, "%.1e") }
        return PrintfNumber.format(p, "%.3g")
    }
}
