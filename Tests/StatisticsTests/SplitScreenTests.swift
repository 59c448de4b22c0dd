import Testing

@testable import Statistics

@Suite("The split step's window screen")
struct SplitScreenTests {
    /// A window of `count` values: noise of `spread` around `level` (a shift of `shift` spreads
    /// after `shiftAt`), rounded to `step` when given (ties), from a seeded generator.
    private struct Window {
        var state: UInt64

        mutating func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }

        mutating func values(
            count: Int, level: Double, spread: Double, shift: Double, shiftAt: Int, step: Double?
        ) -> [Double] {
            (0..<count).map { index in
                // A sum of three uniforms: close enough to normal noise for the t-test's behaviour.
                let noise = (uniform() + uniform() + uniform() - 1.5) * spread
                let value = level + noise + (index >= shiftAt ? shift * spread : 0)
                guard let step else { return value }
                return (value / step).rounded() * step
            }
        }
    }

    /// Windows of 3–60 values at magnitudes from 10⁻⁶ to 10¹², spreads from 10⁻⁹ to 1 of the magnitude
    /// (on both sides of the screen's least relative spread, 10⁻⁶)
    /// shifts from none to 12 spreads, some
    /// rounded into ties, some constant: the window's change points are the same with the screen as
    /// without it, and every window the screen clears has no split that passes the test.
    @Test(arguments: [0.002, 0.01, 0.05, 0.2])
    func samePointsAsWithoutTheScreen(_ level: Double) {
        var window = Window(state: 0x9E37_79B9_7F4A_7C15 ^ UInt64(level * 1e6))
        let bound = SegmentComparison.criticalBound(level: level)
        let magnitudes = [1e-6, 1.0, 250.0, 3.5e4, 1e9, 1e12]
        let relativeSpreads = [1e-9, 5e-7, 1.2e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.05, 0.3, 1.0]
        let shifts = [0.0, 0.0, 0.0, 0.5, 1.0, 2.0, 4.0, 12.0]
        var cleared = 0
        var differed = 0
        var clearedWithASignificantSplit = 0
        for case_ in 0..<4_000 {
            let count = 3 + Int(window.uniform() * 58)
            let magnitude = magnitudes[case_ % magnitudes.count]
            let spread = magnitude * relativeSpreads[(case_ / magnitudes.count) % relativeSpreads.count]
            let shift = shifts[Int(window.uniform() * Double(shifts.count))]
            let shiftAt = Int(window.uniform() * Double(count))
            let step: Double? = case_ % 5 == 0 ? spread / 2 : nil
            var values = window.values(
                count: count, level: magnitude, spread: spread, shift: shift, shiftAt: shiftAt, step: step)
            if case_ % 89 == 0 { values = Array(repeating: magnitude, count: count) }
            let screen = SplitScreen.Bounds(level: level, windowLength: count)
            let screened = HunterChangePoints.detectInWindow(values, level: level, belowCritical: bound, screen: screen)
            let reference = HunterChangePoints.detectInWindow(values, level: level, belowCritical: bound)
            if screened != reference { differed += 1 }
            #expect(screened == reference, "case \(case_): \(values)")
            if SplitScreen.clears(values[...], bounds: screen) {
                cleared += 1
                let significant = (1..<count).contains { split in
                    SegmentComparison.isSignificant(
                        before: values[..<split], after: values[split...], level: level, belowCritical: bound)
                }
                if significant { clearedWithASignificantSplit += 1 }
            }
        }
        #expect(differed == 0)
        #expect(clearedWithASignificantSplit == 0)
        print("DEBUG level \(level) cleared \(cleared)")
        // The screen does its work: a good share of the windows is cleared at the levels the split
        // step uses (10 × the default 0.001), fewer at loose levels, where some split of most windows
        // passes by chance.
        #expect(cleared > (level <= 0.01 ? 600 : 50), "cleared \(cleared) of 4000")
    }

    /// The screen's bound is Student's critical value at the window's df (scipy:
    /// `t.ppf(0.995, 48)` = 2.6822040269502154 for a window of 50 at level 0.01), less 10⁻⁶ of itself; the
    /// normal bound where no quantile applies.
    @Test func boundIsStudentsCriticalValue() {
        let normal = SegmentComparison.criticalBound(level: 0.01)
        let bounds = SplitScreen.Bounds(level: 0.01, windowLength: 50)
        #expect(abs(bounds.bound(count: 50) / (1 - 1e-6) - 2.682_204_026_950_215_4) < 1e-9)
        #expect(bounds.bound(count: 50) > normal)
        // t.ppf(0.995, 23) = 2.807335683769999: a shorter interval, a higher bound.
        #expect(abs(bounds.bound(count: 25) / (1 - 1e-6) - 2.807_335_683_769_999) < 1e-9)
        #expect(bounds.bound(count: 2) == 0)
        #expect(bounds.bound(count: 51) == 0)
        // Outside the rounding argument's limits, no screen: t₀.₉₉₅,₁ = 63.66 > 10·√1; t₀.₉₉₅,₂ = 9.92 is not.
        #expect(bounds.bound(count: 3) == 0)
        #expect(bounds.bound(count: 4) > 9.9)
        let tiny = SplitScreen.Bounds(
            level: 1e-7, windowLength: 50)
        #expect((3...50).allSatisfy { tiny.bound(count: $0) == 0 })
        let long = SplitScreen.Bounds(level: 0.01, windowLength: 200)
        #expect(long.bound(count: 128) > 0 && long.bound(count: 129) == 0)
        #expect(SplitScreen.Bounds(level: 1, windowLength: 50).bound(count: 50) == 0)
        // No candidate in one value; two values have no t and pass only at level 1.
        #expect(SplitScreen.clears([5][...], bounds: bounds))
        #expect(SplitScreen.clears([5, 500][...], bounds: bounds))
        #expect(
            !SplitScreen.clears([5, 500][...], bounds: SplitScreen.Bounds(level: 1, windowLength: 50)))
    }

    /// Windows a review found the first version of the screen cleared although a split passed the
    /// test: a 3-value interval at a level of 10⁻⁹ (t ≈ 9.6·10⁶, where cancellation in the sums of
    /// squares exceeded the margin), values near 10¹⁵³ (the bound times the pooled variance overflowed)
    /// and near 10⁻¹⁶⁰ (the spread guard underflowed). None is cleared now, and the window's points
    /// are those of the search without the screen.
    @Test(arguments: [
        ([1.210207220529977, 3.6478289509690915, 3.64782895142345], 1e-9),
        (
            [
                7.62e152, 1.81e151, -4.11e152, -1.22e152, 1.03e153, -1.06e153, 6.21e152, -1.83e153, 1.46e153, 4.5e152,
                1.96e153, 1.63e153, 2.55e153, 2.96e153, 2.82e153, 6.31e152, 3.27e153, 3.09e153, 3.16e153, 2.64e153,
                1.38e153, 1.79e153, -9.38e152, 2.6e153, 1.73e153,
            ].map { $0 + 2e153 }, 0.01
        ),
        ([-2.2014809242566732e-160, -2.149459130060903e-160, 5.872918116019696e-162], 0.01),
    ])
    func outsideTheLimits(_ values: [Double], _ level: Double) {
        let normal = SegmentComparison.criticalBound(level: level)
        let screen = SplitScreen.Bounds(level: level, windowLength: values.count)
        #expect(!SplitScreen.clears(values[...], bounds: screen))
        let screened = HunterChangePoints.detectInWindow(values, level: level, belowCritical: normal, screen: screen)
        #expect(screened == HunterChangePoints.detectInWindow(values, level: level, belowCritical: normal))
    }

    /// Windows the screen must leave to E-divisive: a clear shift, a constant window, a window whose
    /// spread is below 10⁻⁶ of its magnitude, two values, and the bound 0 (no shortcut).
    @Test func leavesWhatItCannotDecide() {
        let bound = SegmentComparison.criticalBound(level: 0.01)
        let noise = [0.3, -0.2, 0.1, -0.4, 0.25, -0.1, 0.05, -0.3, 0.2, 0.0]
        let quiet = noise.map { 100 + $0 }
        #expect(SplitScreen.noSplitReaches(bound, in: quiet[...]))
        #expect(!SplitScreen.noSplitReaches(bound, in: (quiet + quiet.map { $0 + 5 })[...]))
        #expect(!SplitScreen.noSplitReaches(bound, in: Array(repeating: 7, count: 20)[...]))
        #expect(!SplitScreen.noSplitReaches(bound, in: noise.map { 1e12 + $0 }[...]))
        #expect(SplitScreen.noSplitReaches(bound, in: noise.map { 1e4 + $0 }[...]))
        #expect(!SplitScreen.noSplitReaches(bound, in: [1, 2][...]))
        #expect(!SplitScreen.noSplitReaches(0, in: quiet[...]))
        // One value far out at an end: the split that isolates it has a large t.
        #expect(!SplitScreen.noSplitReaches(bound, in: (quiet + [140])[...]))
    }
}
