import BenchstatTestSupport
import Foundation
import PropertyBased
import Statistics
import Testing

/// Invariants of the statistics on random samples (issue 7): p-values in [0, 1], intervals that hold
/// their estimate, symmetric tests, adjusted p-values never below the raw ones.
@Suite struct StatisticsPropertyTests {
    /// 2…30 positive samples spread over up to three orders of magnitude, with ties now and then.
    static let samples = zip(Gen.int(in: 0...3), Gen.double(in: 0.001...1000).array(of: 2...30)).map {
        ties, values in
        ties == 0 ? values.map { ($0 * 4).rounded() / 4 + 1 } : values
    }

    static let confidence = Gen.element(of: [0.5, 0.8, 0.9, 0.95, 0.99])

    @Test func welchOnLogsIsSymmetricAndBounded() async {
        await propertyCheck(count: 200, input: Self.samples, Self.samples, Self.confidence) { base, head, level in
            guard let level, let forward = try? GeometricMeanRatio.compare(base: base, head: head, confidence: level),
                let backward = try? GeometricMeanRatio.compare(base: head, head: base, confidence: level)
            else { return }
            if let p = forward.pValue {
                #expect(p >= 0 && p <= 1)
                #expect(abs(p - (backward.pValue ?? -1)) <= 1e-12)
            }
            #expect(abs(log(forward.ratio) + log(backward.ratio)) <= 1e-9)
            if let interval = forward.confidenceInterval {
                #expect(interval.lower <= forward.ratio * (1 + 1e-12) && forward.ratio <= interval.upper * (1 + 1e-12))
            }
        }
    }

    @Test func tTestIntervalHoldsTheDifference() async {
        await propertyCheck(count: 200, input: Self.samples, Self.samples, Self.confidence) { base, head, level in
            guard let level, let result = try? TTest.twoSample(base: base, head: head, confidence: level) else {
                return
            }
            if let p = result.pValue { #expect(p >= 0 && p <= 1) }
            if let interval = result.confidenceInterval {
                let slack = 1e-12 * max(1, abs(result.meanDifference))
                #expect(interval.lower - slack <= result.meanDifference)
                #expect(result.meanDifference <= interval.upper + slack)
            }
        }
    }

    @Test func mannWhitneyIsSymmetricAndBounded() async {
        await propertyCheck(count: 200, input: Self.samples, Self.samples) { base, head in
            guard let forward = try? MannWhitneyU.test(base: base, head: head),
                let backward = try? MannWhitneyU.test(base: head, head: base)
            else { return }
            #expect(forward.pValue >= 0 && forward.pValue <= 1)
            #expect(abs(forward.pValue - backward.pValue) <= 1e-12)
            #expect(abs(forward.probabilityHeadGreater + backward.probabilityHeadGreater - 1) <= 1e-12)
        }
    }

    @Test func hodgesLehmannIntervalHoldsTheShift() async {
        await propertyCheck(count: 200, input: Self.samples, Self.samples, Self.confidence) { base, head, level in
            guard let level, let result = try? HodgesLehmann.shift(base: base, head: head, confidence: level) else {
                return
            }
            #expect(result.confidenceInterval.contains(result.estimate))
            if let swapped = try? HodgesLehmann.shift(base: head, head: base, confidence: level) {
                #expect(abs(result.estimate + swapped.estimate) <= 1e-9 * max(1, abs(result.estimate)))
            }
        }
    }

    /// Found by `adjustedPValuesAreAtLeastRaw`: p·m/m rounded one ulp below p.
    @Test func benjaminiHochbergNeverRoundsBelowRaw() throws {
        let raw = [Double](repeating: 0, count: 17) + [4.315294819995009e-308] + [Double](repeating: 0, count: 15)
        let adjusted = try MultipleComparisons.adjust(raw, method: .benjaminiHochberg)
        #expect(adjusted[17] >= raw[17])
    }

    /// Adjusted p-values lie in [raw p, 1], for every method; permuting the inputs permutes the outputs.
    @Test func adjustedPValuesAreAtLeastRaw() async {
        let pValues = Gen.double(in: 0...1).array(of: 1...40)
        await propertyCheck(count: 300, input: pValues, Gen.int(in: 0...1_000)) { raw, seed in
            for method in PValueAdjustment.allCases {
                guard let adjusted = try? MultipleComparisons.adjust(raw, method: method) else {
                    Issue.record("adjust failed for \(method)")
                    continue
                }
                #expect(adjusted.count == raw.count)
                for (p, q) in zip(raw, adjusted) {
                    #expect(q >= p && q <= 1, "\(method): \(p) → \(q)")
                }
                var generator = SplitMix64(seed: UInt64(seed))
                let order = Array(raw.indices).shuffled(using: &generator)
                if let permuted = try? MultipleComparisons.adjust(order.map { raw[$0] }, method: method) {
                    for (position, index) in order.enumerated() {
                        #expect(abs(permuted[position] - adjusted[index]) <= 1e-12)
                    }
                }
                // One more test that changed nothing (p = 1) never lowers an adjusted p-value.
                if let more = try? MultipleComparisons.adjust(raw + [1], method: method) {
                    for (before, after) in zip(adjusted, more) { #expect(after >= before - 1e-15) }
                }
            }
        }
    }
}
