/// A screen run on a window before E-divisive (`EDivisive.candidate`) is asked for its candidate:
/// whether **no** split of the window into a non-empty part before and a non-empty part after could
/// pass the split step's t-test (`SegmentComparison.isSignificant` with the bound of
/// `SegmentComparison.criticalBound(level:)`). E-divisive proposes one of those splits, and a
/// window whose candidate fails the test yields no change point; so when no split at all can pass,
/// the O(w²) candidate search is not needed — most windows of a series that did not change.
///
/// Every split's Student t (pooled variance from the population standard deviations, as
/// `SegmentComparison` computes it, Otava's `TTestSignificanceTester`) is computed in O(1) from
/// running sums of the values less the window's mean (O(w) in all). The screen clears a window only
/// when every |t| lies below the bound less 10⁻⁵ of itself, where the test's own |t| is certainly below
/// the bound: while the window's standard deviation is at least 10⁻³ of its largest magnitude, the
/// standard error of a split whose t is near the critical value stays above ~10⁻⁴ of that magnitude,
/// and the rounding of either computation's means and sums of squares (n·ε relative) moves t by
/// ~10⁻¹⁰, far inside the margin. Windows of smaller spread (constant or nearly constant series,
/// where cancellation could decide), a pooled variance that rounds to zero (constant parts, whose t
/// is infinite or NaN), and windows of fewer than three values are not cleared: E-divisive decides
/// them. `HunterChangePoints.detect` returns the same points with and without the screen
/// (`SplitScreenTests`).
enum SplitScreen {
    /// The margin taken below the bound.
    static let margin = 1e-5
    /// The least ratio of the window's standard deviation (population) to its largest magnitude for
    /// which the screen's rounding is bounded as stated.
    static let leastRelativeSpread = 1e-3

    /// True when no split of `window` reaches `bound` (so none is significant); false when some
    /// might, or when the window is outside the screen's reach (see the type).
    static func noSplitReaches(_ bound: Double, in window: [Double]) -> Bool {
        let count = window.count
        guard bound > 0, count >= 3 else { return false }
        return window.withUnsafeBufferPointer { values -> Bool in
            var sum = 0.0
            var largest = 0.0
            for value in values {
                sum += value
                largest = max(largest, abs(value))
            }
            let mean = sum / Double(count)
            var total = 0.0
            var totalSquares = 0.0
            for value in values {
                let centred = value - mean
                total += centred
                totalSquares += centred * centred
            }
            let relativeSpread = leastRelativeSpread * largest
            guard totalSquares.isFinite, totalSquares >= Double(count) * relativeSpread * relativeSpread,
                totalSquares > 0
            else { return false }
            let limit = bound * (1 - margin)
            let limitSquared = limit * limit
            let degreesOfFreedom = Double(count - 2)
            var before = 0.0
            var beforeSquares = 0.0
            for split in 1..<count {
                let centred = values[split - 1] - mean
                before += centred
                beforeSquares += centred * centred
                let n1 = Double(split)
                let n2 = Double(count - split)
                let after = total - before
                let afterSquares = totalSquares - beforeSquares
                // A sum of squares that rounds below zero is taken as zero: a smaller pooled variance, a
                // larger |t|, so a split is never cleared for it.
                let squares1 = max(0, beforeSquares - before * before / n1)
                let squares2 = max(0, afterSquares - after * after / n2)
                // (n − 1)·sd² with sd² = SS / n, the population variance, as SegmentComparison pools it.
                let pooled = ((n1 - 1) * (squares1 / n1) + (n2 - 1) * (squares2 / n2)) / degreesOfFreedom
                guard pooled > 0 else { return false }
                let difference = before / n1 - after / n2
                if difference * difference >= limitSquared * pooled * (1 / n1 + 1 / n2) { return false }
            }
            return true
        }
    }
}
