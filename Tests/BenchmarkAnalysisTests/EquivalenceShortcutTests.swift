import Foundation
import Statistics
import Testing

@testable import BenchmarkAnalysis

/// `VerdictRule.equivalenceShown` settles most TOST decisions with the quantiles of the whole
/// degrees of freedom around Welch's fractional ν; it must say exactly what the interval at ν says.
@Suite struct EquivalenceShortcutTests {
    @Test(arguments: [0.05, 0.01, 0.2])
    func sameDecisionAsTheIntervalAtFractionalDegreesOfFreedom(alpha: Double) throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D &+ UInt64(alpha * 1000)
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var inside = 0
        var outside = 0
        for _ in 0..<4000 {
            let df = 1.05 + 60 * uniform() * uniform()
            let standardError = 0.001 + 0.05 * uniform()
            let bound = log1p([0.01, 0.05, 0.1][Int(uniform() * 3) % 3])
            // Half the cases put an interval end within 1e-6 of the bound: where ⌊ν⌋ and ⌈ν⌉ disagree.
            let critical = try StudentTDistribution.quantile(1 - alpha, df: df)
            let logChange =
                uniform() < 0.5
                ? (bound - critical * standardError) * (uniform() < 0.5 ? 1 : -1) + (uniform() - 0.5) * 2e-6
                : (uniform() - 0.5) * 4 * bound
            let evidence = ChangeEvidence.studentT(
                logChange: logChange, standardError: standardError, degreesOfFreedom: df)
            guard let interval = try VerdictRule.equivalenceInterval(evidence, alpha: alpha) else {
                Issue.record("no interval at α=\(alpha)")
                continue
            }
            let expected = interval.lowerBound > -bound && interval.upperBound < bound
            #expect(try VerdictRule.equivalenceShown(evidence, alpha: alpha, bound: bound) == expected)
            if expected { inside += 1 } else { outside += 1 }
        }
        #expect(inside > 100 && outside > 100, "inside \(inside), outside \(outside)")
    }
}
