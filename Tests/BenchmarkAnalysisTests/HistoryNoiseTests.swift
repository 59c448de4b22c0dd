import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

/// `HistoryNoise` from run centres: the streaming initialiser (`uniqueSeries:`, what
/// `analyze --history STORE` uses) and the one that merges series of one key (`series:`).
@Suite struct HistoryNoiseTests {
    private static func benchmark(_ name: String, unit: String = "ns") -> BenchmarkSeries {
        BenchmarkSeries(
            benchmark: BenchmarkIdentity(name: name, parameters: []), unit: MeasurementUnit.parse(unit),
            mode: .walltime, runs: [BenchmarkRun(id: "r", values: [1], source: SourceLocation(file: "f.json"))])
    }

    /// Series of distinct keys (some of two or fewer runs, which give no estimate; one name in two
    /// base units) give, benchmark by benchmark, the very estimates of the merging initialiser.
    @Test(arguments: 0..<8)
    func uniqueSeriesGiveTheMergedEstimates(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let keys = (0..<30).map { ("bench-\($0 % 20)", $0 < 20 ? "ns" : "B") }
        let series = keys.map { key in
            let runs = Int(generator.next() % 12)
            let centres = (0..<runs).map { _ in Double(generator.next() % 1_000_000) / 100_000 }
            return HistoryNoise.Series(
                name: key.0, baseUnit: MeasurementUnit.parse(key.1).baseUnit, logCentres: centres)
        }
        let streamed = HistoryNoise(uniqueSeries: series.lazy.map { $0 }, runCount: 11)
        let merged = HistoryNoise(series: series, runCount: 11)
        #expect(streamed.runCount == 11)
        var estimated = 0
        for (name, unit) in keys {
            let subject = Self.benchmark(name, unit: unit)
            let estimate = streamed.estimate(for: subject)
            #expect(estimate == merged.estimate(for: subject), "\(name) \(unit)")
            let baseUnit = MeasurementUnit.parse(unit).baseUnit
            let runs = series.first { $0.name == name && $0.baseUnit == baseUnit }?.logCentres.count ?? 0
            #expect((estimate != nil) == (runs >= 3), "\(name) \(unit): \(runs) runs")
            if estimate != nil { estimated += 1 }
        }
        #expect(estimated > 0)
    }

    /// A key given twice keeps its first series' estimate (the merging initialiser joins them).
    @Test func aRepeatedKeyKeepsTheFirstSeries() throws {
        let baseUnit = MeasurementUnit.parse("ns").baseUnit
        let first = HistoryNoise.Series(name: "a", baseUnit: baseUnit, logCentres: [1, 2, 1, 2, 1])
        let again = HistoryNoise.Series(name: "a", baseUnit: baseUnit, logCentres: [5, 9, 5, 9])
        let streamed = HistoryNoise(uniqueSeries: [first, again], runCount: 9)
        let alone = HistoryNoise(series: [first], runCount: 9)
        let subject = Self.benchmark("a")
        let estimate = try #require(streamed.estimate(for: subject))
        #expect(estimate == alone.estimate(for: subject))
        #expect(estimate.runs == 5)
        #expect(HistoryNoise(series: [first, again], runCount: 9).estimate(for: subject)?.runs == 9)
    }
}
