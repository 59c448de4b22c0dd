import BenchmarkHistory
import BenchmarkModel
import Dispatch
import Foundation
import Statistics

/// One series of one machine over time: the input of change-point detection.
struct MachineSeries {
    let series: StoredSeries
    let machine: String
    /// Every run read (oldest first), shared by all series; `runPositions` index it.
    let allRuns: [StoredRun]
    /// The positions in `allRuns` of this series' runs, oldest first, parallel to `points`.
    let runPositions: [Int]
    let points: [SeriesPoint]

    /// The number of runs of this series.
    var count: Int { points.count }
    /// The run of `points[index]`.
    func run(at index: Int) -> StoredRun { allRuns[runPositions[index]] }
    /// The runs, oldest first, parallel to `points`.
    var runs: [StoredRun] { runPositions.map { allRuns[$0] } }
}

/// A change point found in a series, with what `history changes` reports.
struct FoundChange {
    let series: MachineSeries
    /// Index (in `series.runs`) of the first run after the change.
    let index: Int
    /// Relative change of the geometric mean of run centres after vs before (Welch on logs), in %.
    let percent: Double
    /// Its confidence interval in %, nil when a segment has one run or a centre ≤ 0.
    let interval: (lower: Double, upper: Double)?
    /// Otava's p-value of the split (pooled t-test on the centres between neighbouring change points).
    let pValue: Double
    /// Benjamini–Hochberg adjusted across every series tested.
    var pAdjusted: Double = 1

    var firstRun: StoredRun { series.run(at: index) }

    /// Whether the change is for the worse, given the unit's direction.
    var isRegression: Bool {
        series.series.measurementUnit.direction == .lowerIsBetter ? percent > 0 : percent < 0
    }
}

/// Change points over stored series: Hunter/Otava's split and merge on each series of run centres
/// (oldest first), the change of every point estimated between its neighbouring change points,
/// and Benjamini–Hochberg over the whole family (each change point's p, plus p = 1 for every series
/// tested where none was found: it contributes one hypothesis with no evidence).
enum SeriesChangePoints {
    /// Groups the points of `runs` (oldest first) by series and machine.
    static func machineSeries(
        store: any HistoryStore, runs: [StoredRun], seriesFilter: (StoredSeries) -> Bool
    ) throws(HistoryError) -> [MachineSeries] {
        let selected = try store.series().filter(seriesFilter)
        let ids = Set(selected.map(\.id))
        let all = try store.points(seriesIDs: ids.count == 1 ? ids : nil, runIDs: runs.map(\.id))
        var positionOfRun: [Int64: Int] = [:]
        var machineIndex: [String: Int] = [:]
        var machines: [String] = []
        var machineOfPosition: [Int] = []
        for (position, run) in runs.enumerated() {
            positionOfRun[run.id] = position
            if machineIndex[run.info.machine] == nil {
                machineIndex[run.info.machine] = machines.count
                machines.append(run.info.machine)
            }
            machineOfPosition.append(machineIndex[run.info.machine] ?? 0)
        }
        var result: [MachineSeries] = []
        for series in selected {
            guard let points = all[series.id] else { continue }
            let positions = points.map { positionOfRun[$0.runID] ?? 0 }
            if machines.count == 1 {
                result.append(
                    MachineSeries(
                        series: series, machine: machines[0], allRuns: runs, runPositions: positions, points: points))
                continue
            }
            var byMachine = [([Int], [SeriesPoint])](repeating: ([], []), count: machines.count)
            var order: [Int] = []
            for (position, point) in zip(positions, points) {
                let machine = machineOfPosition[position]
                if byMachine[machine].0.isEmpty { order.append(machine) }
                byMachine[machine].0.append(position)
                byMachine[machine].1.append(point)
            }
            for machine in order {
                result.append(
                    MachineSeries(
                        series: series, machine: machines[machine], allRuns: runs, runPositions: byMachine[machine].0,
                        points: byMachine[machine].1))
            }
        }
        return result
    }

    /// The change points of every series, with BH-adjusted p-values; `tested` counts the series.
    static func detect(
        _ family: [MachineSeries], options: HunterChangePoints.Options, confidence: Double = 0.95
    ) -> (changes: [FoundChange], tested: Int) {
        // Each series is independent: detect on every core, then assemble in family order.
        let perSeries = ResultSlots<[FoundChange]>(count: family.count)
        DispatchQueue.concurrentPerform(iterations: family.count) { position in
            let series = family[position]
            let centres = series.points.map(\.centre)
            guard centres.count >= 3, centres.allSatisfy(\.isFinite) else { return }
            guard let found = try? HunterChangePoints.detect(centres, options: options).changePoints else {
                perSeries.set(position, [])
                return
            }
            let bounds = [0] + found.map(\.index) + [centres.count]
            var result: [FoundChange] = []
            for (offset, point) in found.enumerated() {
                let before = Array(centres[bounds[offset]..<point.index])
                let after = Array(centres[point.index..<bounds[offset + 2]])
                let p = point.comparison.pValue.isNaN ? 1 : point.comparison.pValue
                let (percent, interval) = estimate(before: before, after: after, confidence: confidence)
                result.append(
                    FoundChange(series: series, index: point.index, percent: percent, interval: interval, pValue: p))
            }
            perSeries.set(position, result)
        }
        var changes: [FoundChange] = []
        var pValues: [Double] = []
        var owners: [Int?] = []  // parallel to pValues: the change it belongs to, nil for a series without
        var tested = 0
        for position in family.indices {
            guard let found = perSeries.get(position) else { continue }
            tested += 1
            if found.isEmpty {
                pValues.append(1)
                owners.append(nil)
            }
            for change in found {
                changes.append(change)
                pValues.append(change.pValue)
                owners.append(changes.count - 1)
            }
        }
        if let adjusted = try? MultipleComparisons.adjust(pValues, method: .benjaminiHochberg) {
            for (family, change) in owners.enumerated() {
                if let change { changes[change].pAdjusted = adjusted[family] }
            }
        }
        return (changes, tested)
    }

    /// Geometric-mean ratio after/before − 1 with Welch's interval on the logs (the analysis' method),
    /// or the ratio of arithmetic means without an interval when a centre is ≤ 0.
    static func estimate(before: [Double], after: [Double], confidence: Double) -> (Double, (Double, Double)?) {
        if before.allSatisfy({ $0 > 0 }), after.allSatisfy({ $0 > 0 }),
            let result = try? GeometricMeanRatio.compare(base: before, head: after, confidence: confidence)
        {
            return (
                (result.ratio - 1) * 100,
                result.confidenceInterval.map { (($0.lower - 1) * 100, ($0.upper - 1) * 100) }
            )
        }
        let meanBefore = before.reduce(0, +) / Double(max(before.count, 1))
        let meanAfter = after.reduce(0, +) / Double(max(after.count, 1))
        return (meanBefore == 0 ? 0 : (meanAfter / meanBefore - 1) * 100, nil)
    }
}

/// One slot per position, written by concurrent workers and read after they are done.
final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ position: Int, _ value: Value) {
        lock.lock()
        values[position] = value
        lock.unlock()
    }

    func get(_ position: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values[position]
    }
}
