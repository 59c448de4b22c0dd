import ArgumentParser
import BenchmarkAnalysis
import BenchmarkIngest
import BenchmarkModel
import BenchmarkReports
import CProcessMemory
import Foundation

extension ComparisonTest: ExpressibleByArgument {}
extension CorrectionMethod: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// `benchstat analyze PATH...`: load, compare, decide, report, gate (DESIGN.md).
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compare benchmark runs and decide: regression, improvement, noise or inconclusive.",
        discussion: """
            PATH is a directory of label sub-directories (base/, head/, …), a directory of files (one label \
            per file), or files given directly. Exit status: 0 gate passed, 1 gate failed (a regression; \
            with --strict also an inconclusive comparison), 2 usage or input error, or a report that cannot be \
            written. A reader that closes the pipe early (| head) leaves the gate's status.
            """
    )

    @Argument(help: "Directories or files holding the runs to compare.")
    var paths: [String] = []

    @Option(help: "The baseline label (default: 'base' if present, else the first label).")
    var base: String?

    @Option(help: "Compare only this label against the baseline (default: every other label).")
    var head: String?

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(help: "Write the report to FILE (atomically; never a file the run reads) instead of standard output.")
    var output: String?

    @Option(help: "Significance level for adjusted p-values (default 0.05).")
    var alpha: Double?

    @Option(help: "Confidence level of intervals (default 0.95).")
    var confidence: Double?

    @Option(help: "Test: welch (t on logs, the default), mann-whitney, or yuen (20%-trimmed means of logs).")
    var test: ComparisonTest?

    @Option(help: "Multiple-comparison correction: bh (default), holm or none.")
    var correction: CorrectionMethod?

    @Option(help: "Practical threshold in percent for every mode.")
    var threshold: Double?

    @Option(help: "Practical threshold in percent for instrumentation (default 1).")
    var thresholdInstrumentation: Double?

    @Option(help: "Practical threshold in percent for walltime (default 5).")
    var thresholdWalltime: Double?

    @Option(
        help:
            "Past baseline runs that set each benchmark's noise floor: a directory (one sub-directory or file per run), github-action-benchmark's data.js or benchmark-data.json (one run per entry), or a history store (a SQLite file or postgresql:// URL)."
    )
    var history: String?

    @Option(help: "With a history store: use runs of this branch (default main).")
    var historyBranch: String = "main"

    @Option(help: "With a history store: use runs of this machine (default: this host / CPU model).")
    var historyMachine: String?

    @Option(help: "With a history store: use the last N runs (default 30).")
    var historyLast: Int = 30

    @Option(help: "A benchstat.toml configuration file (defaults, thresholds, per-benchmark rules).")
    var config: String?

    @Option(help: "The callgrind/cachegrind event to read (default Ir).")
    var callgrindEvent: String?

    @Flag(help: "Also fail the gate on inconclusive comparisons.")
    var strict = false

    @Flag(
        help:
            "Pair interleaved base and head samples by (run, iteration) and use the paired t-test on log ratios.")
    var paired = false

    @Flag(
        help:
            "Do not borrow between-run variance across the suite (empirical Bayes) for comparisons with runs on both sides."
    )
    var noModeration = false

    @Flag(help: "Draw each comparison's base and head distributions under its row (text format).")
    var plot = false

    @OptionGroup(title: "Projections (Go benchstat's -filter, -row, -col)")
    var projection: ProjectionOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one directory or file to analyse") }
        _ = try projection.parsed()
        if historyLast < 1 { throw ValidationError("--history-last must be ≥ 1, got \(historyLast)") }
        if let alpha, !(alpha > 0 && alpha < 1) { throw ValidationError("--alpha must lie in (0, 1), got \(alpha)") }
        if let confidence, !(confidence > 0 && confidence < 1) {
            throw ValidationError("--confidence must lie in (0, 1), got \(confidence)")
        }
        for (name, value) in [
            ("--threshold", threshold), ("--threshold-instrumentation", thresholdInstrumentation),
            ("--threshold-walltime", thresholdWalltime),
        ] {
            if let value, !(value >= 0 && value.isFinite) {
                throw ValidationError("\(name) must be a percentage ≥ 0, got \(value)")
            }
        }
    }

    func run() throws {
        // Paths that are not UTF-8 (Latin-1 file names), recovered from the command line's bytes.
        let paths = RawArguments.paths(self.paths)
        let history = self.history.map(RawArguments.path)
        if let output {
            try OutputSafety.check(
                output: RawArguments.path(output),
                against: OutputSafety.roles(paths: paths, history: history, config: config.map(RawArguments.path)))
        }
        let configuration: ConfigurationFile?
        do {
            configuration = try config.map { path throws(ConfigurationError) in try ConfigurationFile.load(path) }
        } catch {
            throw CommandFailure(error.description)
        }
        var options = resolveOptions(configuration)
        let projections = try projection.parsed()
        ProjectionOptions.apply(projections, to: &options)
        var loadOptions = LoadOptions()
        if let callgrindEvent { loadOptions.callgrindEvent = callgrindEvent }
        let result: AnalysisResult
        let status = StatusLine()
        defer { status.clear() }
        do {
            status.show("loading \(paths.count) path(s)…")
            var dataset = try DatasetLoader.load(paths: paths, options: loadOptions)
            if let split = projections.split {
                dataset = LabelSplit.apply(dataset, rule: split.rule, order: split.order)
            }
            // The loaders' buffers and indexes are freed: hand their pages back before the analysis.
            _ = benchstat_return_free_memory()
            var historyRuns: [LabelData]?
            if let history {
                status.show("loading history \(BytePath.display(history))…")
                let loaded = try HistorySource.load(
                    history, branch: historyBranch, machine: historyMachine, last: historyLast, options: loadOptions)
                historyRuns = loaded.runs
                try ValgrindToolCheck.check(dataset.labels + loaded.runs)
                // History warnings are reported like input warnings, with a history run identical
                // to a compared label warned about (issue 16).
                dataset.warnings += HistoryCheck.warnings(
                    history: Dataset(labels: loaded.runs, warnings: loaded.warnings), dataset: dataset, base: base,
                    head: head)
            }
            let series = dataset.labels.reduce(0) { $0 + $1.series.count }
            status.show("comparing \(series) series in \(dataset.labels.count) labels…")
            // Handed over, so that the analysis frees the samples once it has compared them.
            result = try Analyzer.analyze(
                dataset: consume dataset, base: base, head: head, history: historyRuns, options: options)
        } catch let error as InputError {
            throw CommandFailure(error.description)
        } catch let error as AnalysisError {
            throw CommandFailure(error.description)
        }
        // The samples are freed by now (only the summaries remain); on a large suite their pages,
        // spread over the loading threads' heaps, would otherwise stay resident while the report
        // is built (~13 MB at 20,000 benchmarks).
        _ = benchstat_return_free_memory()
        status.show("writing the \(format.rawValue) report…")
        let colour = output == nil && format == .text && Terminal.standardOutputSupportsColour
        let report = format.renderUTF8(ReportInput(result: result, colour: colour, plot: plot))
        status.clear()
        try OutputWriter.write(bytes: report, to: output)
        // Warnings reach the CI log in every format: on standard error, once, as compilers write
        // them — except when the text report itself is on standard output, where it lists them.
        if !result.warnings.isEmpty, format != .text || output != nil {
            CommandLineEntry.writeToStandardError(
                result.warnings.map { ReasonText.diagnostic($0) + "\n" }.joined())
        }
        if format == .github, let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"],
            !summary.isEmpty
        {
            try OutputWriter.append(ReportFormat.markdown.render(ReportInput(result: result)), to: summary)
        }
        if result.gate.verdict == .fail { throw ExitCode(1) }
    }

    /// Flags override the configuration file, which overrides the built-in defaults.
    func resolveOptions(_ file: ConfigurationFile?) -> AnalysisOptions {
        var options = AnalysisOptions()
        if let file { file.apply(to: &options) }
        if let alpha { options.alpha = alpha }
        if let confidence { options.confidence = confidence }
        if let test { options.test = test }
        if let correction { options.correction = correction }
        if let threshold {
            for mode in MeasurementMode.allCases { options.thresholds.percentByMode[mode] = threshold }
        }
        if let thresholdInstrumentation {
            options.thresholds.percentByMode[.instrumentation] = thresholdInstrumentation
        }
        if let thresholdWalltime { options.thresholds.percentByMode[.walltime] = thresholdWalltime }
        if strict { options.strict = true }
        if paired { options.paired = true }
        if noModeration { options.moderatedVariance = false }
        // Only the HTML report and --plot draw the samples; the other reports need the summaries alone.
        options.keepsSamples = format == .html || plot
        return options
    }
}
