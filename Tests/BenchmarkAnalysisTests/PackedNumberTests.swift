import Testing

@testable import BenchmarkAnalysis

/// The packed optional numbers of a comparison (`PackedOptionalDouble`, `PackedOptionalRange`)
/// give back exactly what they were given: nil as nil, and every double — NaNs, infinities, both
/// zeros, subnormals — bit for bit, except the one pattern that stands for nil.
@Suite struct PackedNumberTests {
    static let values: [Double] = [
        0, -0.0, 1, -1, .pi, .leastNonzeroMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude, .infinity,
        -.infinity, .nan, -.nan, .signalingNaN, Double(bitPattern: 0x7FF8_0000_0000_0001),
    ]

    @Test(arguments: values)
    func doubleRoundTripsBitForBit(_ value: Double) {
        #expect(PackedOptionalDouble(value).value?.bitPattern == value.bitPattern)
    }

    @Test func nilRoundTripsAndDiffersFromEveryValue() {
        #expect(PackedOptionalDouble(nil).value == nil)
        for value in Self.values { #expect(PackedOptionalDouble(value) != PackedOptionalDouble(nil)) }
    }

    @Test func theNilPatternGivenAsAValueIsANaNNotNil() {
        let nilPattern = Double(bitPattern: 0x7FF0_0000_006E_696C)
        #expect(nilPattern.isNaN)
        let held = PackedOptionalDouble(nilPattern).value
        #expect(held?.isNaN == true)
    }

    /// Equality is the optionals' (numbers, not bits): a public type holding packed numbers, such as
    /// `SideSummary`, compares as it did holding `Double?`.
    @Test func packedNumbersCompareAsOptionalsDo() {
        #expect(PackedOptionalDouble(0) == PackedOptionalDouble(-0.0))
        #expect(PackedOptionalDouble(.nan) != PackedOptionalDouble(.nan))
        #expect(PackedOptionalDouble(nil) == PackedOptionalDouble(nil))
        #expect(PackedOptionalRange(-0.0...0) == PackedOptionalRange(0...0))
        #expect(PackedOptionalRange(nil) == PackedOptionalRange(nil))
        #expect(PackedOptionalRange(1...2) != PackedOptionalRange(1...3))
        let side = { (spread: Double) in
            SideSummary(
                label: "base", count: 2, runs: 1, centre: 2, centreInterval: nil, spreadPercent: spread, outliers: 0,
                range: 1...3)
        }
        #expect(side(0) == side(-0.0))
        #expect(side(.nan) != side(.nan))
    }

    @Test func settingReplacesTheValue() {
        var packed = PackedOptionalDouble(2.5)
        packed.value = nil
        #expect(packed.value == nil)
        packed.value = -7
        #expect(packed.value == -7)
    }

    @Test(arguments: [nil, 1.0...1.0, -2.5...3.25, -Double.infinity...Double.infinity, -0.0...0.0])
    func rangeRoundTrips(_ range: ClosedRange<Double>?) {
        let held = PackedOptionalRange(range).value
        #expect(held?.lowerBound.bitPattern == range?.lowerBound.bitPattern)
        #expect(held?.upperBound.bitPattern == range?.upperBound.bitPattern)
        #expect((held == nil) == (range == nil))
    }

    @Test func decisionKeepsItsCountOrItsAbsence() {
        let reason = VerdictReason.noTestPossible
        #expect(Decision(verdict: .inconclusive, reason: reason).samplesNeeded == nil)
        #expect(Decision(verdict: .inconclusive, reason: reason, samplesNeeded: 0).samplesNeeded == 0)
        #expect(Decision(verdict: .inconclusive, reason: reason, samplesNeeded: 1 << 40).samplesNeeded == 1 << 40)
        #expect(Decision(verdict: .inconclusive, reason: reason, samplesNeeded: .max).samplesNeeded == .max)
    }

    @Test func sideSummaryKeepsItsNumbers() {
        let side = SideSummary(
            label: "base", count: 3_000_000, runs: 7, centre: 2, centreInterval: nil, spreadPercent: 0,
            outliers: 11, range: 1...3)
        #expect(side.count == 3_000_000)
        #expect(side.runs == 7)
        #expect(side.outliers == 11)
        #expect(side.centreInterval == nil)
        #expect(side.spreadPercent == 0)
        var withInterval = side
        withInterval.centreInterval = 1.5...2.5
        #expect(withInterval.centreInterval == 1.5...2.5)
        #expect(withInterval != side)
    }
}
