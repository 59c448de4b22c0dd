import BenchmarkAnalysis
import BenchmarkHistory
import BenchmarkIngest
import BenchmarkModel
import Dispatch
import Foundation
import Statistics

/// What `analyze --history` read: the noise it sets, the past runs it was learnt from when they
/// were read sample by sample, and the notes to show with the report.
struct LoadedHistory {
    /// The between-run noise of each benchmark.
    var noise: HistoryNoise
    /// The past runs of a directory or file, one `LabelData` per run (as `DatasetLoader.loadHistory`
    /// returns them), for the checks against the compared labels; empty for a store, which hands
    /// over each run's centres only.
    var runs: [LabelData]
    /// Warnings met reading it, and what was used.
    var warnings: [InputWarning]
}

/// What `analyze --history` reads: a directory of past runs (the original layout), or a store.
enum HistorySource {
    /// The history at `location`.
    ///
    /// A directory is the original layout; github-action-benchmark's `data.js` or
    /// `benchmark-data.json` is read as one past run per entry. A file or a `postgresql://` URL is a store: its newest
    /// `last` runs of `branch` on `machine`; for each benchmark, only the runs since its last change
    /// point among them (Hunter/Otava with default settings on the run centres) are kept, so that a
    /// past step in a benchmark is not mistaken for noise.
    static func load(
        _ location: String, branch: String, machine: String?, last: Int, options: LoadOptions
    ) throws -> LoadedHistory {
        if !ConnectionURL.isPostgres(location), FileSystem.kind(location).isDirectory {
            do {
                let loaded = try DatasetLoader.loadHistoryDataset(directory: location, options: options)
                return LoadedHistory(
                    noise: HistoryNoise(runs: loaded.labels), runs: loaded.labels, warnings: loaded.warnings)
            } catch {
                throw CommandFailure(error.description)
            }
        }
        if !ConnectionURL.isPostgres(location), DatasetLoader.isHistoryFile(location) {
            do {
                let loaded = try DatasetLoader.loadHistoryFile(path: location, options: options)
                return LoadedHistory(
                    noise: HistoryNoise(runs: loaded.labels), runs: loaded.labels, warnings: loaded.warnings)
            } catch {
                throw CommandFailure(error.description)
            }
        }
        guard BytePath(location).isPlain else {
            // Directories are read through their bytes; the SQLite store opens its path as UTF-8.
            throw CommandFailure(
                "\(BytePath.display(location)): a history store's file name must be UTF-8 (a directory of runs "
                    + "may have any name); rename the file")
        }
        let machineKey = machine ?? MachineIdentity.current
        let store = try openStoreForReading(location)
        return try withStore { () throws(HistoryError) in
            let runs = try store.runs(RunFilter(branch: branch, machine: machineKey, last: last))
            let place = SourceLocation(file: store.displayName)
            guard !runs.isEmpty else {
                let machines = Set(try store.runs(RunFilter(branch: branch)).map(\.info.machine)).sorted()
                let known = machines.isEmpty ? "none" : machines.joined(separator: ", ")
                return LoadedHistory(
                    noise: HistoryNoise(series: [], runCount: 0), runs: [],
                    warnings: [
                        InputWarning(
                            location: place,
                            message: "no runs of branch \(branch) on machine \(machineKey) in the history "
                                + "(machines with runs of \(branch): \(known)); pass --history-machine")
                    ])
            }
            // The analysis reads one number of each past run of a benchmark: the mean of its logs
            // (HistoryNoise). The store keeps it per run and series, so it is handed over as it is,
            // without a sample or a series object: the same noise estimate at a fraction of the cost
            // (tested against the directory of the same runs, HistoryCommandTests).
            var stored: [Int64: StoredSeries] = [:]
            for series in try store.series() { stored[series.id] = series }
            // Two passes: each run's series (to place every value), then each run's values, placed
            // as they are read.
            let runIDs = runs.map(\.id)
            let changed = HistoryError(
                .engine, store: store.displayName,
                "changed while it was read (a run was recorded or replaced meanwhile); run the analysis again")
            var builder = SeriesCentresTable.Builder(seriesIDs: try store.runSeriesIDs(runIDs: runIDs))
            // The first run that is not as the first pass saw it ends the reading.
            try store.forEachRunCentres(runIDs: runIDs) { run throws(HistoryError) in
                guard builder.add(run) else { throw changed }
            }
            guard let family = builder.finish() else { throw changed }
            let cuts = ResultSlots<Int>(count: family.count)
            DispatchQueue.concurrentPerform(iterations: family.count) { index in
                let centres = Array(family.centres[family.range(index)])
                guard centres.count >= 3, centres.allSatisfy(\.isFinite),
                    let last = try? HunterChangePoints.detect(centres).changePoints.last
                else { return }
                cuts.set(index, last.index)
            }
            // Two stored series of one benchmark and base unit (its unit written two ways) are one
            // history series, their centres in run order: each history series' stored series, in the
            // store's order (one, nearly always).
            var slot: [HistorySeriesKey: Int] = [:]
            slot.reserveCapacity(family.count)
            var members: [(key: HistorySeriesKey, indices: [Int])] = []
            members.reserveCapacity(family.count)
            var cut: [(name: String, commit: String)] = []
            for index in 0..<family.count {
                guard let info = stored[family.seriesIDs[index]] else { continue }
                let range = family.range(index)
                let firstKept = range.lowerBound + (cuts.get(index) ?? 0)
                if firstKept > range.lowerBound {
                    cut.append((info.name, runs[family.position(at: firstKept)].info.commit))
                }
                let key = HistorySeriesKey(name: info.name, baseUnit: info.baseUnit)
                if let known = slot[key] {
                    members[known].indices.append(index)
                } else {
                    slot[key] = members.count
                    members.append((key, [index]))
                }
            }
            // The mean logs kept (since the last change point, NaN left out) of a stored series.
            func kept(_ index: Int) -> Range<Int> {
                let range = family.range(index)
                return (range.lowerBound + (cuts.get(index) ?? 0))..<range.upperBound
            }
            // Each benchmark's series once (`members` merged them), estimated as it is made.
            let noise = HistoryNoise(
                uniqueSeries: members.lazy.map { member in
                    guard member.indices.count > 1 else {
                        var logCentres: [Double] = []
                        let places = kept(member.indices[0])
                        logCentres.reserveCapacity(places.count)
                        for at in places where !family.logMeans[at].isNaN { logCentres.append(family.logMeans[at]) }
                        return HistoryNoise.Series(
                            name: member.key.name, baseUnit: member.key.baseUnit, logCentres: logCentres)
                    }
                    // Merged by run position, each stored series in turn.
                    var points: [(position: Int, logMean: Double)] = []
                    for index in member.indices {
                        // Labelled as `points` labels them: an array of unlabelled tuples would be
                        // converted element by element through a runtime cast.
                        let next: [(position: Int, logMean: Double)] = kept(index).compactMap { at in
                            family.logMeans[at].isNaN
                                ? nil : (position: family.position(at: at), logMean: family.logMeans[at])
                        }
                        points = (points + next).sorted { $0.position < $1.position }
                    }
                    return HistoryNoise.Series(
                        name: member.key.name, baseUnit: member.key.baseUnit, logCentres: points.map(\.logMean))
                }, runCount: runs.count)
            var warnings = [
                InputWarning(
                    location: place,
                    message: "history: the last \(runs.count) run(s) of branch \(branch) on machine \(machineKey) "
                        + "(commits \(runs[0].info.commit.prefix(12)) … \(runs[runs.count - 1].info.commit.prefix(12)))"
                )
            ]
            if !cut.isEmpty {
                let examples = cut.prefix(3).map { "\($0.name) since \($0.commit.prefix(12))" }
                warnings.append(
                    InputWarning(
                        location: place,
                        message: "history: \(cut.count) benchmark(s) changed within these runs; only the runs since "
                            + "their last change point are used (\(examples.joined(separator: ", "))"
                            + (cut.count > 3 ? ", …" : "") + ")"))
            }
            return LoadedHistory(noise: noise, runs: [], warnings: warnings)
        }
    }
}

/// Opens an existing store at `location` for reading.
func openStoreForReading(_ location: String) throws(CommandFailure) -> any HistoryStore {
    do {
        return try HistoryStores.open(location, create: false)
    } catch {
        throw CommandFailure(error.description)
    }
}

/// A benchmark's history series: its name and base unit.
private struct HistorySeriesKey: Hashable {
    let name: String
    let baseUnit: String
}
