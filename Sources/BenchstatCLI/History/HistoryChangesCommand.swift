import ArgumentParser
import BenchmarkAnalysis
import BenchmarkHistory
import Foundation
import Statistics

/// `benchstat history changes`.
struct HistoryChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Find the commits after which benchmarks changed (change-point detection).",
        discussion: """
            Every series (one benchmark, one machine) of run centres ordered by commit time is searched with \
            E-divisive means (Matteson & James 2014) and the split/merge significance test of Apache Otava / \
            Hunter (Fleming et al. 2023; --window 50 runs, --max-p 0.001). Each change point is reported with \
            the first commit after it, the change of the geometric mean of run centres after vs before (with a \
            Welch interval on the logs), Otava's p, and p adjusted with Benjamini–Hochberg across every series \
            tested; those with adjusted p ≤ --alpha are reported. Exit 1 when one of them is a regression that \
            starts within the newest --recent runs of its series.
            """
    )

    @Option(help: "Only benchmarks matching this glob (* and ?).")
    var benchmark: String?

    @Option(help: "Only runs at or after this time (ISO 8601 or seconds since 1970).")
    var since: String?

    @Option(help: "Only runs of this branch (default main).")
    var branch: String = "main"

    @Option(help: "Only runs of this machine (default: every machine, each its own series).")
    var machine: String?

    @Option(help: "Window length of the split step (default 50 runs).")
    var window: Int = 50

    @Option(help: "Otava's significance level of the merge step (default 0.001).")
    var maxP: Double = 0.001

    @Option(help: "False discovery rate across series (default 0.05).")
    var alpha: Double = 0.05

    @Option(help: "A regression starting within this many newest runs of its series fails (exit 1; default 10).")
    var recent: Int = 10

    @Option(help: "Output format: text, json or csv.")
    var format: HistoryFormat = .text

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if window < 2 { throw ValidationError("--window must be ≥ 2") }
        if !(maxP > 0 && maxP <= 1) { throw ValidationError("--max-p must lie in (0, 1]") }
        if !(alpha > 0 && alpha < 1) { throw ValidationError("--alpha must lie in (0, 1)") }
        if let since, parseTime(since) == nil {
            throw ValidationError("--since must be ISO 8601 or seconds, got \(since)")
        }
    }

    func run() throws {
        let opened = try store.open(create: false)
        let pattern = benchmark.map(GlobPattern.init)
        // A window longer than any history is the whole history; clamped so that no arithmetic on it
        // can overflow.
        let options = HunterChangePoints.Options(windowLength: min(window, 1 << 30), maxPValue: maxP)
        let (changes, tested) = try withStore { () throws(HistoryError) in
            let runs = try opened.runs(RunFilter(branch: branch, machine: machine, since: since.flatMap(parseTime)))
            let family = try SeriesChangePoints.machineSeries(store: opened, runs: runs) { series in
                pattern?.matches(series.name) ?? true
            }
            return SeriesChangePoints.detect(family, options: options)
        }
        let reported = changes.filter { $0.pAdjusted <= alpha }.sorted {
            ($0.series.series.name, $0.series.machine, $0.index) < ($1.series.series.name, $1.series.machine, $1.index)
        }
        let failing = reported.filter { $0.isRegression && $0.index >= $0.series.count - recent }
        switch format {
        case .text, .html:
            print(renderText(reported, tested: tested, found: changes.count, failing: failing), terminator: "")
        case .csv: print(renderCSV(reported), terminator: "")
        case .json: print(renderJSON(reported, tested: tested, failing: failing.count), terminator: "")
        }
        if !failing.isEmpty { throw ExitCode(1) }
    }

    private func interval(_ change: FoundChange) -> String {
        guard let ci = change.interval else { return "-" }
        return String(format: "[%+.2f%%, %+.2f%%]", ci.lower, ci.upper)
    }

    private func renderText(_ changes: [FoundChange], tested: Int, found: Int, failing: [FoundChange]) -> String {
        var rows = [
            [
                "benchmark", "machine", "first commit after", "time", "runs before/after", "change", "95% CI", "p",
                "p(adj)", "kind",
            ]
        ]
        for change in changes {
            rows.append([
                change.series.series.name, change.series.machine, change.firstRun.info.commit,
                formatTime(change.firstRun.info.time), "\(change.index)/\(change.series.count - change.index)",
                String(format: "%+.2f%%", change.percent), interval(change), String(format: "%.2g", change.pValue),
                String(format: "%.2g", change.pAdjusted), change.isRegression ? "regression" : "improvement",
            ])
        }
        var out = changes.isEmpty ? "" : alignedTable(rows) + "\n"
        out += "\(changes.count) change point(s) at FDR \(alpha) in \(tested) series (\(found) before the correction)"
        out += failing.isEmpty ? "\n" : "; \(failing.count) recent regression(s) within the newest \(recent) runs\n"
        return out
    }

    private func renderCSV(_ changes: [FoundChange]) -> String {
        var lines = [
            "benchmark,unit,machine,first_commit_after,time,index,runs,percent,ci_lower,ci_upper,p,p_adjusted,kind"
        ]
        for change in changes {
            lines.append(
                [
                    change.series.series.name, change.series.series.baseUnit, change.series.machine,
                    change.firstRun.info.commit, formatTime(change.firstRun.info.time), String(change.index),
                    String(change.series.count), "\(change.percent)", change.interval.map { "\($0.lower)" } ?? "",
                    change.interval.map { "\($0.upper)" } ?? "", "\(change.pValue)", "\(change.pAdjusted)",
                    change.isRegression ? "regression" : "improvement",
                ].map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func renderJSON(_ changes: [FoundChange], tested: Int, failing: Int) -> String {
        let items = changes.map { change in
            "{\"benchmark\": \(jsonString(change.series.series.name)), \"unit\": "
                + "\(jsonString(change.series.series.baseUnit)), \"machine\": \(jsonString(change.series.machine)), "
                + "\"firstCommitAfter\": \(jsonString(change.firstRun.info.commit)), \"time\": "
                + "\(jsonString(formatTime(change.firstRun.info.time))), \"index\": \(change.index), \"runs\": "
                + "\(change.series.count), \"change\": {\"percent\": \(jsonNumber(change.percent)), \"ci\": "
                + (change.interval.map { "[\(jsonNumber($0.lower)), \(jsonNumber($0.upper))]" } ?? "null")
                + "}, \"pValue\": \(jsonNumber(change.pValue)), \"pAdjusted\": \(jsonNumber(change.pAdjusted)), "
                + "\"kind\": \(jsonString(change.isRegression ? "regression" : "improvement"))}"
        }
        return "{\"seriesTested\": \(tested), \"recentRegressions\": \(failing), \"changePoints\": [\n  "
            + items.joined(separator: ",\n  ") + "\n]}\n"
    }
}
