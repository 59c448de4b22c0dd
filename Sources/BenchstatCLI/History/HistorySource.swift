import BenchmarkHistory
import BenchmarkIngest
import BenchmarkModel
import Foundation
import Statistics

/// What `analyze --history` reads: a directory of past runs (the original layout), or a store.
enum HistorySource {
    /// The past baseline runs at `location` (one `LabelData` per run, as `DatasetLoader.loadHistory`
    /// returns them) and the notes to show with the report.
    ///
    /// A directory is the original layout. A file or a `postgresql://` URL is a store: its newest
    /// `last` runs of `branch` on `machine`; for each benchmark, only the runs since its last change
    /// point among them (Hunter/Otava with default settings on the run centres) are kept, so that a
    /// past step in a benchmark is not mistaken for noise.
    static func load(
        _ location: String, branch: String, machine: String?, last: Int, options: LoadOptions
    ) throws -> (runs: [LabelData], warnings: [InputWarning]) {
        var isDirectory: ObjCBool = false
        if !ConnectionURL.isPostgres(location),
            FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            do {
                return (try DatasetLoader.loadHistory(directory: location, options: options), [])
            } catch {
                throw CommandFailure(error.description)
            }
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
            var labels = try store.labels(for: runs)
            let family = try SeriesChangePoints.machineSeries(store: store, runs: runs) { _ in true }
            var cut: [String: (index: Int, commit: String)] = [:]
            for series in family {
                let centres = series.points.map(\.centre)
                guard centres.count >= 3, centres.allSatisfy(\.isFinite),
                    let last = try? HunterChangePoints.detect(centres).changePoints.last
                else { continue }
                // The index is into this series' runs; map it back to the runs list by id.
                let firstKept = series.runs[last.index]
                guard let position = runs.firstIndex(where: { $0.id == firstKept.id }) else { continue }
                cut[series.series.name + "\u{1F}" + series.series.baseUnit] = (position, firstKept.info.commit)
            }
            if !cut.isEmpty {
                for position in labels.indices {
                    labels[position].series.removeAll { series in
                        guard let entry = cut[series.benchmark.name + "\u{1F}" + series.unit.baseUnit] else {
                            return false
                        }
                        return position < entry.index
                    }
                }
            }
            var warnings = [
                InputWarning(
                    location: place,
                    message: "history: the last \(runs.count) run(s) of branch \(branch) on machine \(machineKey) "
                        + "(commits \(runs[0].info.commit.prefix(12)) … \(runs[runs.count - 1].info.commit.prefix(12)))"
                )
            ]
            if !cut.isEmpty {
                let examples = cut.sorted { $0.key < $1.key }.prefix(3).map {
                    "\($0.key.split(separator: "\u{1F}").first ?? "") since \($0.value.commit.prefix(12))"
                }
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
