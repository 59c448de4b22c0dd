import BenchmarkModel
import Foundation
import Statistics

/// Step 6b of the analysis: for `--strict`, whether each comparison shows **non-inferiority** —
/// that head is not worse than base by the threshold or more (Wellek 2010, ch. 2): the one-sided
/// test of H₀: log(head/base) ≥ log(1 + T) in the regression direction, corrected across the
/// analysis like the p-values (`CorrectionMethod`), rejected at α. An exact measurement shows it
/// when its change is below the threshold; a rank method when its 1 − 2α interval ends below it;
/// a comparison without a noise estimate never does. `--strict` fails the gate on any comparison
/// that does not show it, which is the question a strict gate asks ("is anything possibly worse by
/// the threshold?"), where failing on every inconclusive verdict failed every noisy A/A suite.
enum NonInferiorityStep {
    static func apply(_ comparisons: inout [Comparison], options: AnalysisOptions) throws(AnalysisError) {
        var tested: [Int] = []
        var pValues: [Double] = []
        for index in comparisons.indices {
            // Fields read in place: a copy of the comparison would retain each of its references.
            let verdict = comparisons[index].verdict
            guard verdict != .missing else { continue }
            let bound = log1p(comparisons[index].thresholdPercent / 100)
            let sign: Double = comparisons[index].unit.direction == .lowerIsBetter ? 1 : -1
            if verdict == .regression {
                comparisons[index].nonInferiorityShown = false
                continue
            }
            switch comparisons[index].evidence {
            case .studentT(let logChange, let standardError, let degreesOfFreedom):
                let t = (sign * logChange - bound) / standardError
                do {
                    pValues.append(try StudentTDistribution.cdf(t, df: degreesOfFreedom))
                } catch {
                    throw .statistics(error, subject: comparisons[index].benchmark.name)
                }
                tested.append(index)
            case .interval(_, let lower, let upper):
                comparisons[index].nonInferiorityShown = (sign > 0 ? upper : -lower) < bound
            case nil:
                switch comparisons[index].reason {
                case .identical, .exactCountsChanged:
                    // Equal, or exact counts not in the regression direction (regressions left above).
                    comparisons[index].nonInferiorityShown = true
                default:
                    if comparisons[index].noise == .exact, let change = comparisons[index].change {
                        comparisons[index].nonInferiorityShown = sign * log1p(change.percent / 100) < bound
                    } else {
                        comparisons[index].nonInferiorityShown = false
                    }
                }
            }
        }
        guard !tested.isEmpty else { return }
        let adjusted: [Double]
        do {
            adjusted = try MultipleComparisons.adjust(pValues, method: options.correction.adjustment)
        } catch {
            throw .statistics(error, subject: "(non-inferiority)")
        }
        for (index, p) in zip(tested, adjusted) { comparisons[index].nonInferiorityShown = p < options.alpha }
    }
}
