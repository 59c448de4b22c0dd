import Foundation
import Testing

@testable import Statistics

/// `PowerAnalysis.samplesPerSide` answers "does n reach the power?" from Lenth's series when the
/// answer is clear by a margin, and from the integral otherwise (issue 6). These tests pin that the
/// sample sizes are exactly those of the integral alone, found by the original bisection.
@Suite struct PowerSearchTests {
    /// The original search: reaches(2), then doubling from the normal guess, then bisection, every
    /// answer from the integral.
    static func referenceSamplesPerSide(effect: Double, sigma: Double, alpha: Double, power: Double) throws -> Int {
        let d = abs(effect) / sigma
        func reaches(_ n: Int) throws -> Bool {
            try PowerAnalysis.power(n: Double(n), standardizedEffect: d, alpha: alpha) >= power
        }
        if try reaches(2) { return 2 }
        let zAlpha = try GSL.normalQuantile(1 - alpha / 2)
        let zPower = try GSL.normalQuantile(power)
        let guess = 2 * (zAlpha + zPower) * (zAlpha + zPower) / (d * d)
        var below = 2
        var above = max(3, Int(guess.rounded(.up)))
        while try !reaches(above) {
            below = above
            above *= 2
        }
        while above - below > 1 {
            let middle = below + (above - below) / 2
            if try reaches(middle) { above = middle } else { below = middle }
        }
        return above
    }

    /// Standardized effects from n ≈ 2 to n ≈ 20,000 per side, irregularly spaced.
    static let effects: [Double] = (0..<60).map { 3.2 * pow(0.885, Double($0)) * (1 + 0.013 * Double($0 % 7)) }

    @Test(arguments: [(0.05, 0.8), (0.01, 0.9), (0.1, 0.5)])
    func sameSampleSizesAsTheIntegralAlone(alpha: Double, power: Double) throws {
        for d in Self.effects {
            let fast = try PowerAnalysis.samplesPerSide(effect: d, standardDeviation: 1, alpha: alpha, power: power)
            let reference = try Self.referenceSamplesPerSide(effect: d, sigma: 1, alpha: alpha, power: power)
            #expect(fast == reference, "d=\(d), alpha=\(alpha), power=\(power)")
        }
    }

    /// The series agrees with the integral far inside the decision margin, from n = 2 to 10⁶.
    @Test func seriesAgreesWithTheIntegral() throws {
        var worst = 0.0
        for n in [2, 3, 4, 5, 7, 10, 16, 25, 40, 70, 120, 300, 1000, 5000, 40000, 1_000_000] {
            for lambda in [0.0, 0.3, 1, 2, 2.8, 3.5, 5, 8] {
                let d = lambda / (Double(n) / 2).squareRoot()
                for alpha in [0.01, 0.05] {
                    let exact = try PowerAnalysis.power(n: Double(n), standardizedEffect: d, alpha: alpha)
                    let series = try #require(
                        PowerAnalysis.seriesPower(n: Double(n), standardizedEffect: d, alpha: alpha),
                        "n=\(n) λ=\(lambda)")
                    worst = max(worst, abs(series - exact))
                }
            }
        }
        #expect(worst < PowerAnalysis.decisionMargin / 1000, "worst difference \(worst)")
    }

    /// The upper rejection region alone, with the bound Φ(−λ) on the lower one, brackets the
    /// series' two-sided power (to the series' rounding, ≤ 1e-12): what lets `reaches` skip the
    /// lower term.
    @Test func upperRegionAndBoundBracketTheSeries() throws {
        var checked = 0
        for n in [2, 3, 5, 10, 40, 300, 5000] {
            for lambda in [0.0, 0.5, 1, 2, 3, 5, 7, 9] {
                let d = lambda / (Double(n) / 2).squareRoot()
                let upper = try #require(
                    PowerAnalysis.seriesUpperPower(n: Double(n), standardizedEffect: d, alpha: 0.05))
                let both = try #require(PowerAnalysis.seriesPower(n: Double(n), standardizedEffect: d, alpha: 0.05))
                #expect(upper.power <= both + 1e-12, "n=\(n) λ=\(lambda)")
                #expect(both <= upper.power + upper.lowerTailBound + 1e-12, "n=\(n) λ=\(lambda)")
                if lambda >= 7 { #expect(upper.lowerTailBound < PowerAnalysis.lowerTailNeglected) }
                checked += 1
            }
        }
        #expect(checked == 56)
    }
}
