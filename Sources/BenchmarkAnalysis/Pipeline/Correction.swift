import Statistics

/// Step 5 of the analysis: adjusts the p-values of every tested comparison of the analysis at once
/// for multiple comparisons (`AnalysisOptions.correction`: Benjamini & Hochberg 1995 by default).
enum Correction {
    static func apply(_ comparisons: inout [Comparison], method: CorrectionMethod) throws(AnalysisError) {
        let tested = comparisons.indices.filter { comparisons[$0].pValue != nil }
        let raw = tested.compactMap { comparisons[$0].pValue }
        guard !raw.isEmpty else { return }
        let adjusted: [Double]
        do {
            adjusted = try MultipleComparisons.adjust(raw, method: method.adjustment)
        } catch {
            throw .statistics(error, subject: "(multiple comparisons)")
        }
        for (index, value) in zip(tested, adjusted) { comparisons[index].pAdjusted = value }
    }
}
