import ArgumentParser
import BenchmarkHistory
import Foundation

/// `benchstat history list`.
struct HistoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the recorded runs, oldest first.")

    @Option(help: "Only runs of this branch.")
    var branch: String?

    @Option(help: "Only runs of this machine.")
    var machine: String?

    @Option(help: "Only the newest N runs.")
    var last: Int?

    @Option(help: "Output format: text, json or csv.")
    var format: HistoryFormat = .text

    @OptionGroup var store: StoreOptions

    func run() throws {
        let opened = try store.open(create: false)
        let runs = try withStore { () throws(HistoryError) in
            try opened.runs(RunFilter(branch: branch, machine: machine, last: last))
        }
        let header = ["id", "commit", "branch", "machine", "time", "series", "samples"]
        let rows = runs.map { run in
            [
                String(run.id), run.info.commit, run.info.branch, run.info.machine, formatTime(run.info.time),
                String(run.seriesCount), String(run.sampleCount),
            ]
        }
        switch format {
        case .text, .html:
            print(alignedTable([header] + rows), terminator: "")
            print("\(runs.count) run(s) in \(opened.displayName)")
        case .csv:
            print(([header] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n"))
        case .json:
            let items = runs.map { run in
                "{\"id\": \(run.id), \"commit\": \(jsonString(run.info.commit)), \"branch\": "
                    + "\(jsonString(run.info.branch)), \"machine\": \(jsonString(run.info.machine)), \"time\": "
                    + "\(jsonString(formatTime(run.info.time))), \"series\": \(run.seriesCount), \"samples\": "
                    + "\(run.sampleCount)}"
            }
            print(
                "{\"store\": \(jsonString(opened.displayName)), \"runs\": [\n  " + items.joined(separator: ",\n  ")
                    + "\n]}")
        }
    }
}
