import ArgumentParser
import BenchmarkAnalysis
import BenchmarkIngest
import BenchmarkModel
import BenchmarkReports
import CProcessMemory
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension ComparisonTest: ExpressibleByArgument {}
extension CorrectionMethod: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// `benchstat analyze PATH...`: load, compare, decide, report, gate (DESIGN.md).
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compare benchmark runs and decide: regression, improvement, noise or inconclusive.",
        discussion: AnalyzeHelp.discussion
    )

    @Argument(help: "Directories or files holding the runs to compare.")
    var paths: [String] = []

    @Option(help: "The baseline label (default: 'base' if present, else the first label).")
    var base: String?

    @Option(help: "Compare only this label against the baseline (default: every other label).")
    var head: String?

    @Option(
        help: ArgumentHelp(
            "The report's format (default text); give it once, and further reports as --output FORMAT=FILE.",
            valueName: "format"))
    var format: [ReportFormat] = []

    @Option(
        help: ArgumentHelp(
            "FILE: write the --format report there instead of standard output. FORMAT=FILE (repeatable): also write a FORMAT report there, from the same analysis. Atomically; never a file the run reads.",
            valueName: "FILE|FORMAT=FILE"))
    var output: [String] = []

    @Flag(
        help: "Show only regressions and improvements in the tables (text, markdown, html, csv); the gate is unchanged."
    )
    var onlyChanged = false

    @Option(
        name: .customLong("color"),
        help:
            "Colour the text report on standard output: auto (a terminal, NO_COLOR unset, TERM not dumb), always or never. Files are never coloured."
    )
    var colour: ColourChoice = .auto

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

    @Option(
        help:
            "A benchstat.toml configuration file (defaults, thresholds, per-benchmark rules); default: ./benchstat.toml when it exists."
    )
    var config: String?

    @Flag(help: "Do not read ./benchstat.toml from the working directory.")
    var noConfig = false

    @Option(help: "The callgrind/cachegrind event to read (default Ir).")
    var callgrindEvent: String?

    @Flag(help: "Also fail the gate on any comparison that does not show non-inferiority (not worse by the threshold).")
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
        if noConfig, let config {
            throw ValidationError("--no-config and --config \(config) contradict each other; give one of them")
        }
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
        let plan = try OutputPlan.make(formats: format, outputs: output)
        try plan.checkDistinct()
        let configPath = configurationPath()
        let files = plan.files.compactMap(\.path)
        // The job summary a github report appends to is checked like an output: never an input.
        let summaryPath = plan.contains(.github) ? Self.stepSummaryPath : nil
        if !files.isEmpty || summaryPath != nil {
            let roles = OutputSafety.roles(paths: paths, history: history, config: configPath)
            for path in files {
                try OutputSafety.check(output: RawArguments.path(path), against: roles)
                try OutputWriter.checkWritable(RawArguments.path(path))
            }
            if let summaryPath {
                try OutputSafety.check(output: summaryPath, against: roles, naming: "GITHUB_STEP_SUMMARY")
            }
        }
        if configPath != nil, config == nil {
            CommandLineEntry.writeMessageToStandardError(
                "benchstat: using ./\(ConfigurationFile.defaultName) (--no-config to ignore it)\n")
        }
        let configuration: ConfigurationFile?
        do {
            configuration = try configPath.map { path throws(ConfigurationError) in try ConfigurationFile.load(path) }
        } catch {
            throw CommandFailure(error.description)
        }
        var options = resolveOptions(configuration, plan: plan)
        let projections = try projection.parsed()
        ProjectionOptions.apply(projections, to: &options)
        var loadOptions = LoadOptions()
        if let callgrindEvent { loadOptions.callgrindEvent = callgrindEvent }
        let result: AnalysisResult
        let status = StatusLine()
        defer { status.clear() }
        do {
            // History is read while the inputs load (it only reads), and waited for after them.
            let historyLoad = history.map { location in
                BackgroundWork { [historyBranch, historyMachine, historyLast, loadOptions] in
                    try HistorySource.load(
                        location, branch: historyBranch, machine: historyMachine, last: historyLast,
                        options: loadOptions)
                }
            }
            status.show("loading \(paths.count) path(s)\(history == nil ? "" : " and the history")…")
            var dataset = try DatasetLoader.load(paths: paths, options: loadOptions)
            if let split = projections.split {
                dataset = LabelSplit.apply(dataset, rule: split.rule, order: split.order)
            }
            // The loaders' buffers and indexes are freed: hand their pages back before the analysis.
            _ = benchstat_return_free_memory()
            var historyNoise: HistoryNoise?
            if let history, let historyLoad {
                status.show("loading history \(BytePath.display(history))…")
                let loaded = try historyLoad.wait()
                historyNoise = loaded.noise
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
                dataset: consume dataset, base: base, head: head, historyNoise: historyNoise, options: options)
        } catch let error as InputError {
            throw CommandFailure(error.description)
        } catch let error as AnalysisError {
            throw CommandFailure(error.description)
        }
        // The samples are freed by now (only the summaries remain); on a large suite their pages,
        // spread over the loading threads' heaps, would otherwise stay resident while the report
        // is built (~13 MB at 20,000 benchmarks).
        _ = benchstat_return_free_memory()
        // One analysis, every report rendered from it; colour only on standard output.
        for target in plan.targets {
            status.show("writing the \(target.format.rawValue) report…")
            let input = ReportInput(
                result: result, colour: target.path == nil && target.format == .text && colour.isOn,
                plot: plot, onlyChanged: onlyChanged)
            // Rendered while written (the HTML page piece by piece); the status line goes before
            // the first byte reaches standard output.
            if target.path == nil { status.clear() }
            try OutputWriter.write(to: target.path) { chunks in target.format.render(input, into: &chunks) }
            status.clear()
        }
        // Warnings reach the CI log in every format: on standard error, once, as compilers write
        // them — except when the text report itself is on standard output, where it lists them.
        if !result.warnings.isEmpty, plan.standardOutput?.format != .text {
            CommandLineEntry.writeMessageToStandardError(
                result.warnings.map { ReasonText.diagnostic($0) + "\n" }.joined())
        }
        if plan.contains(.github), let summary = Self.stepSummaryPath {
            try OutputWriter.append(
                ReportFormat.markdown.render(ReportInput(result: result, onlyChanged: onlyChanged)), to: summary)
        }
        // Everything is written: the analysis is left for the process' exit to reclaim.
        ExitTeardown.keep(result)
        if result.gate.verdict == .fail { throw ExitCode(1) }
    }

    /// GitHub Actions' job summary file (`GITHUB_STEP_SUMMARY`), when set.
    private static var stepSummaryPath: String? {
        guard let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return nil }
        return path
    }

    /// The configuration file to read: `--config`, else `./benchstat.toml` when the working
    /// directory has one and `--no-config` is not given, else none.
    func configurationPath() -> String? {
        // A name that is not UTF-8 (Latin-1), recovered from the command line's bytes.
        if let config { return RawArguments.path(config) }
        guard !noConfig else { return nil }
        var info = stat()
        return lstat(ConfigurationFile.defaultName, &info) == 0 ? ConfigurationFile.defaultName : nil
    }

    /// Flags override the configuration file, which overrides the built-in defaults.
    func resolveOptions(_ file: ConfigurationFile?, plan: OutputPlan) -> AnalysisOptions {
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
        options.keepsSamples = plan.contains(.html) || plot
        return options
    }
}
