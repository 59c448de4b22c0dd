import BenchmarkHistory
import BenchmarkIngest
import BenchmarkModel
import Dispatch
import Foundation
import Statistics

/// What `analyze --history` reads: a directory of past runs (the original layout), or a store.
enum HistorySource {
    /// The past baseline runs at `location` (one `LabelData` per run, as `DatasetLoader.loadHistory`
    /// returns them) and the notes to show with the report.
    ///
    /// A directory is the original layout; github-action-benchmark's `data.js` or
    /// `benchmark-data.json` is read as one past run per entry. A file or a `postgresql://` URL is a store: its newest
    /// `last` runs of `branch` on `machine`; for each benchmark, only the runs since its last change
    /// point among them (Hunter/Otava with default settings on the run centres) are kept, so that a
    /// past step in a benchmark is not mistaken for noise.
    static func load(
        _ location: String, branch: String, machine: String?, last: Int, options: LoadOptions
    ) throws -> (runs: [LabelData], warnings: [InputWarning]) {
        if !ConnectionURL.isPostgres(location), FileSystem.kind(location).isDirectory {
            do {
                let loaded = try DatasetLoader.loadHistoryDataset(directory: location, options: options)
                return (loaded.labels, loaded.warnings)
            } catch {
                throw CommandFailure(error.description)
            }
        }
        if !ConnectionURL.isPostgres(location), DatasetLoader.isHistoryFile(location) {
            do {
                let loaded = try DatasetLoader.loadHistoryFile(path: location, options: options)
                return (loaded.labels, loaded.warnings)
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
                return (
                    [],
                    [
                        InputWarning(
                            location: place,
                            message: "no runs of branch \(branch) on machine \(machineKey) in the history "
                                + "(machines with runs of \(branch): \(known)); pass --history-machine")
                    ]
                )
            }
            // The analysis reads one number of each past run of a benchmark: the mean of its logs
            // (HistoryNoise). The store keeps it per run and series, so each past run is handed over as
            // one value, exp(mean log), instead of every sample: the same noise estimate at a fraction
            // of the cost (20,000 benchmarks × 30 runs: 0.1 s instead of 4 s). Tested against the
            // directory of the same runs (HistoryCommandTests).
            let family = try SeriesChangePoints.machineSeries(store: store, runs: runs) { _ in true }
            let sources = runs.map { SourceLocation(file: "\(store.displayName)#\($0.info.commit)") }
            let commits = runs.map(\.info.commit)
            let cuts = ResultSlots<Int>(count: family.count)
            DispatchQueue.concurrentPerform(iterations: family.count) { index in
                let centres = family[index].points.map(\.centre)
                guard centres.count >= 3, centres.allSatisfy(\.isFinite),
                    let last = try? HunterChangePoints.detect(centres).changePoints.last
                else { return }
                cuts.set(index, last.index)
            }
            var perRun = [[BenchmarkSeries]](repeating: [], count: runs.count)
            var cut: [(name: String, commit: String)] = []
            for (index, series) in family.enumerated() {
                let firstKept = cuts.get(index) ?? 0
                if firstKept > 0 { cut.append((series.series.name, series.run(at: firstKept).info.commit)) }
                let unit = series.series.measurementUnit
                let identity = BenchmarkIdentity(name: series.series.name)
                for offset in firstKept..<series.count {
                    guard let logMean = series.points[offset].logMean else { continue }
                    let position = series.runPositions[offset]
                    perRun[position].append(
                        BenchmarkSeries(
                            benchmark: identity, unit: unit, mode: series.series.mode,
                            runs: [
                                BenchmarkRun(id: commits[position], values: [exp(logMean)], source: sources[position])
                            ]
                        ))
                }
            }
            let labels = runs.enumerated().map { position, run in
                LabelData(label: run.info.commit, series: perRun[position], files: [])
            }
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
            return (labels, warnings)
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
