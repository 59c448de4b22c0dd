import ArgumentParser
import BenchmarkHistory
import BenchmarkIngest
import BenchmarkModel
import Foundation

/// `benchstat history import DIR`.
struct HistoryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a --history directory (one sub-directory or file per run) into the store.",
        discussion: """
            Each entry of DIR is one past run, its name taken as the commit, in byte-wise sorted order (the \
            order `analyze --history DIR` reads). The runs get times one second apart ending at --time \
            (default now), so that their order is kept. All runs are written in one transaction.
            """
    )

    @Argument(help: "A directory of past runs (the layout of analyze --history DIR).")
    var directory: String

    @Option(help: "The branch (default main).")
    var branch: String = "main"

    @Option(help: "The machine key (default: host name / CPU model).")
    var machine: String?

    @Option(help: "Time of the newest run, ISO 8601 or seconds since 1970 (default now).")
    var time: String?

    @Flag(help: "Replace runs already recorded for the same commit, branch and machine.")
    var replace = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.loadHistoryDataset(directory: RawArguments.path(directory))
        } catch {
            throw CommandFailure(error.description)
        }
        for warning in dataset.warnings { CommandLineEntry.writeMessageToStandardError("warning: \(warning)\n") }
        guard !dataset.labels.isEmpty else { throw CommandFailure("\(directory): no runs to import") }
        // Refused before the store is opened, so that runs that cannot be recorded create nothing.
        if let empty = dataset.labels.first(where: { $0.series.isEmpty }) {
            throw CommandFailure("\(store.location): the run of commit \(empty.label) holds no benchmark samples")
        }
        let end = time.flatMap(parseTime) ?? Date().timeIntervalSince1970
        let machineKey = machine ?? MachineIdentity.current
        let count = dataset.labels.count
        let batch = dataset.labels.enumerated().map { position, label in
            (
                info: RunInfo(
                    commit: label.label, branch: branch, machine: machineKey, time: end - Double(count - 1 - position)),
                label: label
            )
        }
        let opened = try store.open(create: true)
        let stored = try withStore { () throws(HistoryError) in try opened.record(batch, replace: replace) }
        print(
            "imported \(stored.count) run(s) from \(directory) (branch \(branch), machine \(machineKey)) "
                + "into \(opened.displayName)")
    }
}

/// `benchstat history export`.
struct HistoryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored sample as canonical JSON Lines (no lock-in).",
        discussion: """
            One line per sample: {"benchmark", "mode", "unit", "value", "run", "commit", "branch", "machine", \
            "time"} — the canonical format of DESIGN.md (values in the base unit: s, instructions, B, …; `run` \
            is the sub-run, a file of the recorded input) plus where and when it was recorded. `analyze` and \
            every tool that reads the canonical format read it (they ignore the extra keys).
            """
    )

    @Option(help: "Only runs of this branch.")
    var branch: String?

    @Option(help: "Only runs of this machine.")
    var machine: String?

    @Option(help: "Write to FILE (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        try store.refuse(output: output)
        let opened = try store.open(create: false)
        let runs = try withStore { () throws(HistoryError) in
            try opened.runs(RunFilter(branch: branch, machine: machine))
        }
        var bytes: [UInt8] = []
        // A run at a time, so that a large store is not held in memory twice.
        for run in runs {
            let labels = try withStore { () throws(HistoryError) in try opened.labels(for: [run]) }
            let tail =
                ", \"commit\": \(jsonString(run.info.commit)), \"branch\": \(jsonString(run.info.branch)), "
                + "\"machine\": \(jsonString(run.info.machine)), \"time\": \(jsonString(formatTime(run.info.time)))}\n"
            for label in labels {
                for series in label.series {
                    let head =
                        "{\"benchmark\": \(jsonString(series.benchmark.name)), \"mode\": "
                        + "\(jsonString(series.mode.rawValue)), \"unit\": \(jsonString(series.unit.baseUnit)), \"value\": "
                    for benchmarkRun in series.runs {
                        let runField = ", \"run\": \(jsonString(benchmarkRun.id))"
                        for value in benchmarkRun.values {
                            bytes.append(contentsOf: Array((head + jsonNumber(value) + runField + tail).utf8))
                        }
                    }
                }
            }
        }
        try OutputWriter.write(bytes: bytes, to: output)
    }
}
