import BenchstatTestSupport
import Testing

@testable import BenchmarkReports

/// `UnitScale` chooses its scale by the upper median of the positive values, decided per candidate
/// factor by counting the values below it; these compare it with the definition itself — sort the
/// positive values and take the one at index ⌊n/2⌋ (1 when there are none).
@Suite struct UnitScaleTests {
    /// The scale the definition picks, as (factor, suffix).
    static func bySortedMedian(baseUnit: String, values: [Double]) -> (Double, String) {
        let sorted = values.filter { $0 > 0 }.sorted()
        let typical = sorted.isEmpty ? 1 : sorted[sorted.count / 2]
        let scales: [(Double, String)]
        switch baseUnit {
        case "s": scales = [(1, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")]
        case "B": scales = [(1_073_741_824, "GiB"), (1_048_576, "MiB"), (1024, "KiB"), (1, "B")]
        default: scales = [(1e9, "G"), (1e6, "M"), (1e3, "k"), (1, "")]
        }
        return scales.first { typical >= $0.0 } ?? scales[scales.count - 1]
    }

    /// Values on and next to every factor (where a count off by one would pick the neighbour),
    /// with zeros, negatives, NaN and infinities mixed in (not positive or not finite: ignored, or
    /// above every factor), in odd and even counts.
    @Test(arguments: ["s", "B", "instructions"])
    func countingPicksWhatTheSortedMedianPicks(baseUnit: String) {
        let factors: [Double] = [1e-9, 1e-6, 1e-3, 1, 1024, 1_048_576, 1_073_741_824, 1e3, 1e6, 1e9]
        var pool = factors.flatMap { [$0, $0.nextDown, $0.nextUp, $0 * 3] }
        pool += [0, -5, .nan, .infinity, -.infinity, 1e-12, 1e15]
        var generator = SplitMix64(seed: 17)
        for count in [0, 1, 2, 3, 4, 5, 8, 9, 31] {
            for _ in 0..<300 {
                let values = (0..<count).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
                let scale = UnitScale(baseUnit: baseUnit, values: values)
                let expected = Self.bySortedMedian(baseUnit: baseUnit, values: values)
                #expect(scale.factor == expected.0 && scale.suffix == expected.1, "\(values)")
            }
        }
    }
}
