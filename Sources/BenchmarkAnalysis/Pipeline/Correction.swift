import BenchmarkModel
import Statistics

/// Step 5 of the analysis: adjusts the p-values of every tested comparison of the analysis at once
/// for multiple comparisons (`AnalysisOptions.correction`: Benjamini & Hochberg 1995 by default).
///
/// The families are **one-sided and directional**: the regression hypotheses ("head is worse")
/// form one family and the improvement hypotheses another, each adjusted on its own with the
/// one-sided p-values (half the two-sided p in the direction of the change, 1 − p/2 against it) at
/// α/2. A suite where many benchmarks truly improved then no longer lowers the bar for calling an
/// unchanged benchmark a regression — with one two-sided family, 100 real improvements among 200
/// benchmarks let 48% of suites fail on noise. `pAdjusted` is twice the adjusted one-sided p-value
/// in the direction of the change (capped at 1), so it compares with α; with no correction it is
/// the two-sided p-value.
enum Correction {
    static func apply(_ comparisons: inout [Comparison], method: CorrectionMethod) throws(AnalysisError) {
        var tested: [Int] = []
        var regression: [Double] = []
        var improvement: [Double] = []
        for index in comparisons.indices {
            guard let p = comparisons[index].pValue, let change = comparisons[index].change else { continue }
            let up = change.percent > 0
            let worse = comparisons[index].unit.direction == .lowerIsBetter ? up : !up
            let towards = p / 2
            let against = 1 - p / 2
            tested.append(index)
            regression.append(worse ? towards : against)
            improvement.append(worse ? against : towards)
        }
        guard !tested.isEmpty else { return }
        let adjustedRegression: [Double]
        let adjustedImprovement: [Double]
        do {
            adjustedRegression = try MultipleComparisons.adjust(regression, method: method.adjustment)
            adjustedImprovement = try MultipleComparisons.adjust(improvement, method: method.adjustment)
        } catch {
            throw .statistics(error, subject: "(multiple comparisons)")
        }
        for (position, index) in tested.enumerated() {
            // The family of the observed direction: the smaller one-sided p-value.
            let oneSided =
                regression[position] <= improvement[position]
                ? adjustedRegression[position] : adjustedImprovement[position]
            comparisons[index].pAdjusted = min(1, 2 * oneSided)
        }
    }
}
