/// A screen run on a window before E-divisive (`EDivisive.candidate`) is asked for its candidate:
/// whether **no** split of the window into a non-empty part before and a non-empty part after could
/// pass the split step's t-test (`SegmentComparison.isSignificant`: p ≤ the level, so |t| at least
/// Student's critical value at the window's df, `Bounds`). E-divisive proposes one of those splits,
/// and a window whose candidate fails the test yields no change point; so when no split at all can
/// pass, the O(w²) candidate search is not needed — most windows of a series that did not change.
///
/// Every split's Student t (pooled variance from the population standard deviations, as
/// `SegmentComparison` computes it, Otava's `TTestSignificanceTester`) is computed in O(1) from
/// running sums of the values less the window's mean (O(w) in all). The screen clears a window only
/// when every |t| lies below the bound less 10⁻⁵ of itself, where the test's own |t| is certainly below
/// the bound. The two computations differ by rounding — the test sums the raw values, so a difference
/// of its means errs by up to ~2nε·M (M the largest magnitude); the screen sums them less their mean —
/// and the screen is used only where that difference is bounded far inside the margin: intervals of
/// 3–128 values whose bound lies between 1 and 10·√df (near the critical value the within-part sum
/// of squares is then at least 1/101 of the total), a standard deviation of at least 10⁻⁶·M,
/// magnitudes between 10⁻¹⁰⁰ and 10¹⁰⁰ (no square overflows or underflows) and levels of at least
/// 10⁻⁶ (1 − level/2 rounds by less than 10⁻⁹ of the tail). There a split's standard error near the
/// critical value is at least 1.4·10⁻⁷·M/√df, the means' rounding moves t by at most 3.2·10⁻⁹·n^1.5
/// ≤ 4.7·10⁻⁶ — inside the margin of at least 10⁻⁵ — and the sums of squares' (relative n·ε·101) by
/// far less. (Instruction counts, whose runs differ by ~10⁻⁴, are screened.) Everything else —
/// constant or nearly constant windows, a pooled variance that rounds to zero (constant parts, whose t
/// is infinite or NaN), tiny levels, two-value splits at loose bounds — is not cleared: E-divisive
/// decides it. `HunterChangePoints.detect` returns the same points with and without the screen
/// (`SplitScreenTests`, with the cases a review found outside these limits).
enum SplitScreen {
    /// The margin taken below the bound.
    static let margin = 1e-5
    /// The least ratio of the window's standard deviation (population) to its largest magnitude for
    /// which the screen's rounding is bounded as stated.
    static let leastRelativeSpread = 1e-6

    /// The longest interval screened.
    static let longestInterval = 128
    /// The smallest level screened.
    static let leastLevel = 1e-6
    /// The magnitudes screened: from 10⁻¹⁰⁰ to 10¹⁰⁰.
    static let magnitudes = 1e-100...1e100

    /// The screen's bounds for intervals of every length up to a window's, at one level: for `count`
    /// values, a bound below Student's two-sided critical value for the level at the df of every
    /// split (n₁ + n₂ − 2 = count − 2, whatever the split): the quantile (`StudentTQuantile`) less
    /// 10⁻⁶ of itself, far more than the p-value's error moves it; never below the normal bound
    /// (`SegmentComparison.criticalBound(level:)`, the shortcut `isSignificant` takes below it); 0 (no
    /// screen) outside the limits of the type's rounding argument.
    struct Bounds: Sendable {
        /// The split step's level.
        let level: Double
        /// `byCount[count]`, for counts up to the window's length (0 where none applies).
        private let byCount: [Double]

        /// The bounds for `level` and intervals of up to `windowLength` values; computed once per
        /// level and window length and shared (every series asks for the same ones).
        init(level: Double, windowLength: Int) {
            self.level = level
            self.byCount = SplitScreen.sharedBounds.value(
                for: SIMD2(level.bitPattern, UInt64(max(0, windowLength)))
            ) { () -> [Double] in
                let normalBound = SegmentComparison.criticalBound(level: level)
                return (0...max(2, windowLength)).map { count in
                    guard count >= 3, count <= SplitScreen.longestInterval, level >= SplitScreen.leastLevel,
                        level < 1,
                        let quantile = try? StudentTQuantile.value(1 - level / 2, df: Double(count - 2)),
                        quantile.isFinite
                    else { return 0 }
                    let bound = max(normalBound, quantile * (1 - 1e-6))
                    // Within the limits of the rounding argument (see the type), else no screen.
                    return bound >= 1 && bound * bound <= 100 * Double(count - 2) ? bound : 0
                }
            }
        }

        /// The bound for an interval of `count` values.
        func bound(count: Int) -> Double { count < byCount.count ? byCount[count] : 0 }
    }

    private static let sharedBounds = SharedMemo<SIMD2<UInt64>, [Double]>(capacity: 64)

    /// True when no candidate of `interval` could pass the test at `bounds.level`: an interval of
    /// fewer than two values has no candidate, one of two has no t and passes only at level 1 (as
    /// `SegmentComparison.isSignificant` decides), and a longer one is cleared by
    /// `noSplitReaches(_:in:)`.
    static func clears(_ interval: ArraySlice<Double>, bounds: Bounds) -> Bool {
        switch interval.count {
        case ..<2: true
        case 2: bounds.level < 1
        default: noSplitReaches(bounds.bound(count: interval.count), in: interval)
        }
    }

    /// True when no split of `window` reaches `bound` (so none is significant); false when some
    /// might, or when the window is outside the screen's reach (see the type).
    static func noSplitReaches(_ bound: Double, in window: ArraySlice<Double>) -> Bool {
        let count = window.count
        guard bound > 0, count >= 3 else { return false }
        return window.withUnsafeBufferPointer { values -> Bool in
            // The least and greatest values, each one instruction a value (`max(_:_:)` is a compare and
            // a blend on the chain; the values are finite).
            var sum = 0.0
            var least = values[0]
            var greatest = values[0]
            for value in values {
                sum += value
                least = value < least ? value : least
                greatest = value > greatest ? value : greatest
            }
            let largest = max(abs(least), abs(greatest))
            let mean = sum / Double(count)
            var total = 0.0
            var totalSquares = 0.0
            for value in values {
                let centred = value - mean
                total += centred
                totalSquares += centred * centred
            }
            let relativeSpread = leastRelativeSpread * largest
            guard magnitudes.contains(largest), totalSquares.isFinite,
                totalSquares >= Double(count) * relativeSpread * relativeSpread, totalSquares > 0
            else { return false }
            let limit = bound * (1 - margin)
            let limitSquared = limit * limit
            let degreesOfFreedom = Double(count - 2)
            return reciprocals(upTo: count) { reciprocal -> Bool in
                var before = 0.0
                var beforeSquares = 0.0
                for split in 1..<count {
                    let centred = values[split - 1] - mean
                    before += centred
                    beforeSquares += centred * centred
                    let r1 = reciprocal[split]  // 1 / n₁
                    let r2 = reciprocal[count - split]  // 1 / n₂
                    let after = total - before
                    let afterSquares = totalSquares - beforeSquares
                    // A sum of squares that rounds below zero is taken as zero: a smaller pooled
                    // variance, a larger |t|, so a split is never cleared for it.
                    let squares1 = max(0, beforeSquares - before * before * r1)
                    let squares2 = max(0, afterSquares - after * after * r2)
                    // df × the pooled variance: (n − 1)·sd² with sd² = SS / n, the population variance,
                    // as SegmentComparison pools it.
                    let pooledTimesDF = (1 - r1) * squares1 + (1 - r2) * squares2
                    guard pooledTimesDF > 0 else { return false }
                    let difference = before * r1 - after * r2
                    // t² ≥ limit², without a division.
                    if difference * difference * degreesOfFreedom >= limitSquared * pooledTimesDF * (r1 + r2) {
                        return false
                    }
                }
                return true
            }
        }
    }

    /// 1/k for k < 65, the splits of a window of up to 64 values, computed once.
    private static let smallReciprocals: [Double] = (0...64).map { $0 == 0 ? 0 : 1 / Double($0) }

    /// Calls `body` with 1/k at index k for every k in 1…`count`.
    private static func reciprocals(upTo count: Int, _ body: (UnsafeBufferPointer<Double>) -> Bool) -> Bool {
        if count < smallReciprocals.count { return smallReciprocals.withUnsafeBufferPointer(body) }
        let computed = (0...count).map { $0 == 0 ? 0 : 1 / Double($0) }
        return computed.withUnsafeBufferPointer(body)
    }
}
