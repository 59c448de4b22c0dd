import ArgumentParser
import BenchmarkAnalysis
import BenchmarkHistory
import BenchmarkModel
import Foundation
import Statistics

/// `benchstat history show BENCH`.
struct HistoryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one benchmark's series: every run's centre and spread, and its change points.",
        discussion: """
            BENCH is a benchmark name or a glob (* and ?) that matches one benchmark. Each row is one run \
            (oldest first): its centre (geometric mean of the samples), spread (standard deviation of the \
            logs, in %), and a mark where a change point starts. --format html draws the series with its \
            change points and the noise band (mean ± 2σ of the run centres between change points).
            """
    )

    @Argument(help: "The benchmark's name (or a glob matching one benchmark).")
    var benchmark: String

    @Option(help: "Only runs of this branch (default main).")
    var branch: String = "main"

    @Option(help: "Only runs of this machine (default: every machine, one series each).")
    var machine: String?

    @Option(help: "Output format: text, json, csv or html.")
    var format: HistoryFormat = .text

    @Option(help: "Write to FILE (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        try store.refuse(output: output)
        let opened = try store.open(create: false)
        let pattern = GlobPattern(benchmark)
        let (family, changes) = try withStore { () throws(HistoryError) in
            let runs = try opened.runs(RunFilter(branch: branch, machine: machine))
            let family = try SeriesChangePoints.machineSeries(store: opened, runs: runs) {
                $0.name == benchmark || pattern.matches($0.name)
            }
            return (family, SeriesChangePoints.detect(family, options: HunterChangePoints.Options()).changes)
        }
        guard !family.isEmpty else {
            throw CommandFailure("\(opened.displayName): no benchmark matches \(benchmark) on branch \(branch)")
        }
        let names = Set(family.map(\.series.name))
        if names.count > 1 {
            throw CommandFailure(
                "\(opened.displayName): \(benchmark) matches \(names.count) benchmarks (\(names.sorted().prefix(5).joined(separator: ", "))…); name one"
            )
        }
        let text: String
        switch format {
        case .text: text = renderText(family, changes)
        case .csv: text = renderCSV(family, changes)
        case .json: text = renderJSON(family, changes)
        case .html: text = SeriesHTML.render(family, changes, store: opened.displayName)
        }
        try OutputWriter.write(text, to: output)
    }

    private func changeStarts(_ changes: [FoundChange], _ series: MachineSeries) -> [Int: FoundChange] {
        var result: [Int: FoundChange] = [:]
        for change in changes
        where change.series.series.id == series.series.id && change.series.machine == series.machine {
            result[change.index] = change
        }
        return result
    }

    private func renderText(_ family: [MachineSeries], _ changes: [FoundChange]) -> String {
        var out = ""
        for series in family {
            out +=
                "\(series.series.name) · \(series.series.baseUnit) · \(series.series.mode.rawValue) · machine \(series.machine)\n"
            let starts = changeStarts(changes, series)
            var rows = [["commit", "time", "n", "centre", "spread", "change point"]]
            for (index, (run, point)) in zip(series.runs, series.points).enumerated() {
                let mark = starts[index].map { String(format: "%+.2f%% (p=%.2g)", $0.percent, $0.pValue) } ?? ""
                rows.append([
                    run.info.commit, formatTime(run.info.time), String(point.count),
                    String(format: "%.6g", point.centre),
                    point.logSpread.map { String(format: "%.2f%%", (exp($0) - 1) * 100) } ?? "-", mark,
                ])
            }
            out += alignedTable(rows) + "\n"
        }
        return out
    }

    private func renderCSV(_ family: [MachineSeries], _ changes: [FoundChange]) -> String {
        var lines = [
            "benchmark,unit,machine,commit,branch,time,n,centre,log_spread,change_point_percent,change_point_p"
        ]
        for series in family {
            let starts = changeStarts(changes, series)
            for (index, (run, point)) in zip(series.runs, series.points).enumerated() {
                lines.append(
                    [
                        series.series.name, series.series.baseUnit, series.machine, run.info.commit, run.info.branch,
                        formatTime(run.info.time), String(point.count), "\(point.centre)",
                        point.logSpread.map { "\($0)" } ?? "", starts[index].map { "\($0.percent)" } ?? "",
                        starts[index].map { "\($0.pValue)" } ?? "",
                    ].map(csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func renderJSON(_ family: [MachineSeries], _ changes: [FoundChange]) -> String {
        let items = family.map { series in
            let starts = changeStarts(changes, series)
            let runs = zip(series.runs, series.points).enumerated().map { index, pair in
                let (run, point) = pair
                let change =
                    starts[index].map {
                        ", \"changePoint\": {\"percent\": \(jsonNumber($0.percent)), \"pValue\": \(jsonNumber($0.pValue))}"
                    } ?? ""
                return
                    "{\"commit\": \(jsonString(run.info.commit)), \"time\": \(jsonString(formatTime(run.info.time))), "
                    + "\"n\": \(point.count), \"centre\": \(jsonNumber(point.centre)), \"logSpread\": "
                    + "\(jsonNumber(point.logSpread))\(change)}"
            }
            return
                "{\"benchmark\": \(jsonString(series.series.name)), \"unit\": \(jsonString(series.series.baseUnit)), "
                + "\"mode\": \(jsonString(series.series.mode.rawValue)), \"machine\": \(jsonString(series.machine)), "
                + "\"runs\": [\n    " + runs.joined(separator: ",\n    ") + "]}"
        }
        return "{\"series\": [\n  " + items.joined(separator: ",\n  ") + "\n]}\n"
    }
}
