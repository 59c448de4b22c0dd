import BenchmarkModel
import Testing

struct UnitCase: Sendable, CustomTestStringConvertible {
    let written: String
    let base: String
    let scale: Double
    let direction: UnitDirection
    let mode: MeasurementMode?
    var testDescription: String { written }
}

@Suite("MeasurementUnit.parse")
struct MeasurementUnitParsingTests {
    static let cases: [UnitCase] = [
        UnitCase(written: "ns", base: "s", scale: 1e-9, direction: .lowerIsBetter, mode: .walltime),
        UnitCase(written: "µs", base: "s", scale: 1e-6, direction: .lowerIsBetter, mode: .walltime),
        UnitCase(written: "us", base: "s", scale: 1e-6, direction: .lowerIsBetter, mode: .walltime),
        UnitCase(written: "ms", base: "s", scale: 1e-3, direction: .lowerIsBetter, mode: .walltime),
        UnitCase(written: "s", base: "s", scale: 1, direction: .lowerIsBetter, mode: .walltime),
        UnitCase(written: "ns/op", base: "s", scale: 1e-9, direction: .lowerIsBetter, mode: .walltime),
        UnitCase(written: "sec/op", base: "s", scale: 1, direction: .lowerIsBetter, mode: .walltime),
        UnitCase(written: "Ir", base: "instructions", scale: 1, direction: .lowerIsBetter, mode: .instrumentation),
        UnitCase(written: "instr", base: "instructions", scale: 1, direction: .lowerIsBetter, mode: .instrumentation),
        UnitCase(
            written: "estimated cycles", base: "cycles", scale: 1, direction: .lowerIsBetter, mode: .instrumentation),
        UnitCase(written: "B/op", base: "B", scale: 1, direction: .lowerIsBetter, mode: .instrumentation),
        UnitCase(written: "KiB", base: "B", scale: 1024, direction: .lowerIsBetter, mode: .instrumentation),
        UnitCase(written: "MB", base: "B", scale: 1e6, direction: .lowerIsBetter, mode: .instrumentation),
        UnitCase(written: "allocs/op", base: "allocs", scale: 1, direction: .lowerIsBetter, mode: .instrumentation),
        UnitCase(written: "ops/s", base: "ops/s", scale: 1, direction: .higherIsBetter, mode: .walltime),
        UnitCase(written: "items_per_second", base: "items/s", scale: 1, direction: .higherIsBetter, mode: .walltime),
        UnitCase(written: "MB/s", base: "B/s", scale: 1e6, direction: .higherIsBetter, mode: .walltime),
        UnitCase(written: "text-bytes", base: "text-bytes", scale: 1, direction: .lowerIsBetter, mode: nil),
        UnitCase(written: "frobs/op", base: "frobs", scale: 1, direction: .lowerIsBetter, mode: nil),
    ]

    @Test(arguments: cases)
    func parses(_ unit: UnitCase) {
        let parsed = MeasurementUnit.parse(unit.written)
        #expect(parsed.written == unit.written)
        #expect(parsed.baseUnit == unit.base)
        #expect(parsed.scale == unit.scale)
        #expect(parsed.direction == unit.direction)
        #expect(parsed.impliedMode == unit.mode)
    }

    @Test func zeroIsForbiddenOnlyForTimesAndCounts() {
        #expect(!MeasurementUnit.parse("ns").allowsZero)
        #expect(!MeasurementUnit.parse("Ir").allowsZero)
        #expect(!MeasurementUnit.parse("cycles").allowsZero)
        #expect(MeasurementUnit.parse("B/op").allowsZero)
        #expect(MeasurementUnit.parse("allocs/op").allowsZero)
        #expect(MeasurementUnit.parse("x").allowsZero)
    }
}
