import BenchmarkModel
import BenchstatTestSupport
import Dispatch
import Foundation
import Testing

@testable import BenchmarkIngest

/// A unit is held once per process and compared by reference (`MeasurementUnitTable`): units with
/// equal fields must be equal and hash alike however, wherever and on whichever thread they were
/// made, and units that differ in any field must differ.
@Suite struct MeasurementUnitIdentityTests {
    private static func unit(
        _ written: String = "ns", base: String = "s", scale: Double = 1e-9, direction: UnitDirection = .lowerIsBetter,
        mode: MeasurementMode? = .walltime
    ) -> MeasurementUnit {
        MeasurementUnit(written: written, baseUnit: base, scale: scale, direction: direction, impliedMode: mode)
    }

    @Test func equalFieldsAreOneUnit() {
        #expect(Self.unit() == Self.unit())
        #expect(Self.unit().hashValue == Self.unit().hashValue)
        #expect(MeasurementUnit.parse("ns") == Self.unit())
        #expect(Set([Self.unit(), MeasurementUnit.parse("ns"), Self.unit()]).count == 1)
        // -0 and +0 are equal numbers, so equal scales.
        #expect(Self.unit(scale: 0) == Self.unit(scale: -0.0))
    }

    @Test(arguments: [
        unit("us"), unit(base: "B"), unit(scale: 1e-6), unit(direction: .higherIsBetter), unit(mode: nil),
        unit(mode: .instrumentation),
    ])
    func anyOtherFieldIsAnotherUnit(_ other: MeasurementUnit) {
        #expect(other != Self.unit())
        #expect(Set([other, Self.unit()]).count == 2)
    }

    @Test func fieldsReadBack() {
        let unit = Self.unit("B/op", base: "B", scale: 1, direction: .higherIsBetter, mode: .instrumentation)
        #expect(unit.written == "B/op")
        #expect(unit.baseUnit == "B")
        #expect(unit.scale == 1)
        #expect(unit.direction == .higherIsBetter)
        #expect(unit.impliedMode == .instrumentation)
    }

    @Test func unitsMadeOnManyThreadsAtOnceAreOne() {
        let count = 64
        nonisolated(unsafe) var made = [MeasurementUnit?](repeating: nil, count: count)
        made.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots[index] = Self.unit("thread-unit-\(index % 4)", base: "t\(index % 4)", scale: 1)
            }
        }
        for index in 0..<count {
            #expect(made[index] == made[index % 4])
            #expect(made[index]?.written == "thread-unit-\(index % 4)")
        }
        #expect(Set(made.compactMap { $0 }).count == 4)
    }

    /// Strings compare as Swift compares them (canonical equivalence), so two spellings of one unit
    /// are one unit; yet each keeps its own bytes, as the file wrote them, whichever was met first
    /// (labels load on two threads at once, so "first" must not decide what a report shows).
    @Test func canonicallyEquivalentSpellingsAreOneUnitEachShownAsWritten() {
        let precomposed = "caf\u{E9}-spelling/op"
        let decomposed = "cafe\u{301}-spelling/op"
        let first = Self.unit(decomposed, base: "caf\u{E9}-spelling", scale: 1)
        let second = Self.unit(precomposed, base: "caf\u{E9}-spelling", scale: 1)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(Set([first, second]).count == 1)
        #expect(Array(first.written.utf8) == Array(decomposed.utf8))
        #expect(Array(second.written.utf8) == Array(precomposed.utf8))
        #expect(Self.unit(precomposed, base: "caf\u{E9}-spelling", scale: 1) == first)
        #expect(Self.unit(precomposed, base: "caf\u{E9}-spelling", scale: 2) != first)
    }

    /// Through the loaders, whose per-file caches of units are keyed by bytes (`ExactText`): a
    /// benchmark shows its unit as its own line wrote it, not as an earlier line spelled it.
    @Test(arguments: ["jsonl", "txt"])
    func loadersKeepEachLineSpellingOfAUnit(format: String) throws {
        let precomposed = "caf\u{E9}s"
        let decomposed = "cafe\u{301}s"
        let lines =
            format == "jsonl"
            ? [precomposed, decomposed].enumerated().map { index, unit in
                #"{"benchmark": "b\#(index)", "unit": "\#(unit)", "value": 1}"#
            }
            : [precomposed, decomposed].enumerated().map { index, unit in "BenchmarkB\(index) 1 1 \(unit)" }
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile("label/base.\(format)", lines.joined(separator: "\n") + "\n")
            let dataset = try DatasetLoader.loadLabel(named: "label", inputs: [path])
            let series = try #require(dataset.labels.first?.series)
            #expect(series.count == 2)
            #expect(series.map { Array($0.unit.written.utf8) } == [precomposed, decomposed].map { Array($0.utf8) })
        }
    }

    @Test func aNaNScaleIsEqualToItsCopiesOnly() {
        let first = Self.unit("nan-unit", scale: .nan)
        let copy = first
        #expect(first == copy)
        #expect(first != Self.unit("nan-unit", scale: .nan))
    }
}
