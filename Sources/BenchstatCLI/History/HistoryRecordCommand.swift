import ArgumentParser
import BenchmarkHistory
import BenchmarkIngest
import BenchmarkModel
import Foundation

/// `benchstat history record PATH… --commit SHA`.
struct HistoryRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record one run (any input analyze reads) under a commit, branch and machine.",
        discussion: """
            All PATHs together are one run of the baseline: every file is one sub-run, as in one label of \
            `analyze`. The run is written in one transaction (a killed record leaves nothing behind); \
            a commit already recorded for the branch and machine is refused unless --replace. The machine key \
            defaults to the host name and CPU model, and is printed. Metadata the files carry (Go's cpu:, \
            Google Benchmark's context, …) is kept with the run.
            """
    )

    @Argument(help: "Files or directories holding the run's samples.")
    var paths: [String] = []

    @Option(help: "The commit measured (required).")
    var commit: String

    @Option(help: "The branch (default main).")
    var branch: String = "main"

    @Option(help: "The machine key (default: host name / CPU model).")
    var machine: String?

    @Option(help: "Commit time, ISO 8601 or seconds since 1970 (default now); orders the runs.")
    var time: String?

    @Flag(help: "Replace a run already recorded for this commit, branch and machine.")
    var replace = false

    @Option(help: "The callgrind/cachegrind event to read (default Ir).")
    var callgrindEvent: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or directory to record") }
        if commit.isEmpty { throw ValidationError("--commit must not be empty") }
        if let time, parseTime(time) == nil {
            throw ValidationError("--time must be ISO 8601 (2026-12-04T10:00:00Z) or seconds since 1970, got \(time)")
        }
    }

    func run() throws {
        var options = LoadOptions()
        if let callgrindEvent { options.callgrindEvent = callgrindEvent }
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.loadLabel(
                named: commit, inputs: try Self.inputs(RawArguments.paths(paths)), options: options)
        } catch let error as InputError {
            throw CommandFailure(error.description)
        }
        guard let label = dataset.labels.first else { throw CommandFailure("nothing to record in \(paths)") }
        // Refused before the store is opened, so that a run that cannot be recorded creates nothing.
        if label.series.isEmpty {
            throw CommandFailure("\(store.location): the run of commit \(commit) holds no benchmark samples")
        }
        for warning in dataset.warnings { CommandLineEntry.writeMessageToStandardError("warning: \(warning)\n") }
        let info = RunInfo(
            commit: commit, branch: branch, machine: machine ?? MachineIdentity.current,
            time: time.flatMap(parseTime) ?? Date().timeIntervalSince1970)
        let opened = try store.open(create: true)
        let stored = try withStore { () throws(HistoryError) in try opened.record(info, label: label, replace: replace)
        }
        print(
            "recorded commit \(info.commit) (branch \(info.branch), machine \(info.machine)): "
                + "\(stored.seriesCount) series, \(stored.sampleCount) samples in \(opened.displayName)")
    }

    /// Directories are expanded to the files in them (sorted; hidden files and *.md skipped), as the
    /// runs of one label; criterion directories stay whole. Paths are in `BytePath`'s carrier form
    /// (names that are not UTF-8 are found and listed through their bytes).
    static func inputs(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            let kind = FileSystem.kind(path)
            guard kind.exists else {
                throw CommandFailure("\(BytePath.display(path)): no such file or directory")
            }
            guard kind.isDirectory, !FileSystem.kind(path + "/new/sample.json").exists else {
                result.append(path)
                continue
            }
            let entries = (try? FileSystem.names(in: path)) ?? []
            for entry in entries.sorted(by: { BytePath($0).bytes.lexicographicallyPrecedes(BytePath($1).bytes) })
            where !entry.hasPrefix(".") && !entry.hasSuffix(".md") {
                result.append((path as NSString).appendingPathComponent(entry))
            }
        }
        return result
    }
}
