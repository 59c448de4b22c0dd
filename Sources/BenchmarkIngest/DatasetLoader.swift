import BenchmarkModel
import Dispatch
import Foundation

/// The entry point of ingest: resolves `benchstat analyze PATH...` into labels, detects each
/// input's format from its content and loads it (DESIGN.md, "Input: runs/").
///
/// Labels:
/// - one directory: each entry is one label — a sub-directory by its name (its files are the
///   label's runs), a file by its stem;
/// - files given directly: each file is one label named by its stem;
/// - several paths: each path is one label (a directory among them is one label whose files are
///   runs);
/// - a criterion.rs directory is always one input (one run), never a set of labels.
///
/// Order is deterministic: the given order for paths, byte-wise sorted names inside directories.
/// Hidden files and `*.md` are skipped. Within a label each file is a separate run, unless
/// samples carry an explicit `run` field (then the run is that value, across files). Series are
/// grouped per (benchmark name, base unit) in first-seen order; runs in first-seen order.
public enum DatasetLoader {
    /// Loads every label of `paths`.
    ///
    /// - Throws: the first `InputError` met; nothing is half-loaded.
    public static func load(paths: [String], options: LoadOptions = LoadOptions()) throws(InputError) -> Dataset {
        try load(paths: paths, options: options, chunkSize: LineReader.defaultChunkSize, concurrently: true)
    }

    /// `load(paths:options:)` with the line loaders' buffer size, and whether labels may be loaded
    /// concurrently (the result is the same either way; tests compare the two).
    static func load(
        paths: [String], options: LoadOptions, chunkSize: Int, concurrently: Bool
    ) throws(InputError) -> Dataset {
        var context = IngestContext(options: options, chunkSize: chunkSize)
        let specs = try LabelDiscovery.labels(for: paths, context: &context)
        let labels = try loadLabels(specs, context: &context, concurrently: concurrently)
        try ValgrindToolCheck.check(labels)
        context.finish()
        return Dataset(labels: labels, warnings: context.warnings)
    }

    /// Whether `path` is a file of github-action-benchmark history (`data.js` or
    /// `benchmark-data.json`), which `loadHistoryFile(path:options:)` reads as past runs. Only the
    /// first bytes are read when they cannot start such a file (a SQLite store).
    public static func isHistoryFile(_ path: String) -> Bool {
        guard let (prefix, _) = try? InputFile.readPrefix(path, limit: 64) else { return false }
        let head = String(decoding: prefix.data, as: UTF8.self).drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        guard head.hasPrefix("window.BENCHMARK_DATA") || head.hasPrefix("{") else { return false }
        return (try? InputFormatDetector.detect(path: path)) == .githubActionBenchmark
    }

    /// Loads past baseline runs from a github-action-benchmark history file: each entry (one
    /// workflow run of one suite) is one past run, as one `LabelData`, in file order (oldest
    /// first within a suite).
    public static func loadHistoryFile(path: String, options: LoadOptions = LoadOptions()) throws(InputError) -> Dataset
    {
        var context = IngestContext(options: options)
        let detection = try InputFormatDetector.detect(path: path, streaming: false)
        var found: JSONNode?
        if case .whole(_, let format, let document) = detection, format == .githubActionBenchmark {
            found = document
        }
        guard let document = found else {
            throw InputError(
                .unknownFormat, at: SourceLocation(file: path),
                "a history file must be github-action-benchmark data (data.js or benchmark-data.json)")
        }
        let runs = try GitHubActionBenchmarkLoader.loadRuns(document, path: path, context: &context)
        context.finish()
        return Dataset(labels: runs, warnings: context.warnings)
    }

    /// Loads past baseline runs from `directory`: each sub-directory or file in it is one past run,
    /// returned as one `LabelData` named after it, in byte-wise sorted order. Warnings are dropped;
    /// use `loadHistoryDataset(directory:options:)` to keep them.
    public static func loadHistory(
        directory: String, options: LoadOptions = LoadOptions()
    ) throws(InputError) -> [LabelData] {
        try loadHistoryDataset(directory: directory, options: options).labels
    }

    /// `loadHistory(directory:options:)` with the warnings met on the way.
    public static func loadHistoryDataset(
        directory: String, options: LoadOptions = LoadOptions()
    ) throws(InputError) -> Dataset {
        var context = IngestContext(options: options)
        let specs = try LabelDiscovery.labelsOfEntries(of: directory, context: &context)
        let labels = try loadLabels(specs, context: &context, concurrently: true)
        try ValgrindToolCheck.check(labels)
        context.finish()
        return Dataset(labels: labels, warnings: context.warnings)
    }

    /// Loads `specs` in order, or concurrently (each label into its own context, on as many cores
    /// as there are) and then merged in label order: the labels, the warnings and the error thrown
    /// (the first in label order) are the same as loading them one after the other.
    static func loadLabels(
        _ specs: [LabelSpec], context: inout IngestContext, concurrently: Bool
    ) throws(InputError) -> [LabelData] {
        guard concurrently, specs.count > 1 else {
            var labels: [LabelData] = []
            for spec in specs {
                labels.append(try loadLabel(spec, context: &context))
            }
            return labels
        }
        let template = context.emptyCopy()
        let outcomes = LabelOutcomes(count: specs.count)
        DispatchQueue.concurrentPerform(iterations: specs.count) { position in
            // Once an earlier label has failed, its error is the one thrown: skip the later ones.
            guard !outcomes.failedBefore(position) else { return }
            var local = template
            do throws(InputError) {
                let data = try loadLabel(specs[position], context: &local)
                outcomes.set(position, .success((data, local)))
            } catch {
                outcomes.set(position, .failure(error))
            }
        }
        var labels: [LabelData] = []
        for position in specs.indices {
            switch outcomes.get(position) {
            case .success(let (data, local))?:
                context.merge(local)
                labels.append(data)
            case .failure(let error)?:
                throw error
            case nil:
                // Unreachable: a label is skipped only after an earlier one failed, and that
                // failure is thrown above first.
                throw InputError(
                    .unreadableFile, at: SourceLocation(file: specs[position].origin), "the label was not loaded")
            }
        }
        return labels
    }

    /// Loads the given files (and criterion directories) as the runs of one label named `label`.
    public static func loadLabel(
        named label: String, inputs: [String], options: LoadOptions = LoadOptions()
    ) throws(InputError) -> Dataset {
        var context = IngestContext(options: options)
        let data = try loadLabel(LabelSpec(name: label, origin: label, inputs: inputs), context: &context)
        try ValgrindToolCheck.check([data])
        context.finish()
        return Dataset(labels: [data], warnings: context.warnings)
    }

    static func loadLabel(_ spec: LabelSpec, context: inout IngestContext) throws(InputError) -> LabelData {
        var label = LabelAccumulator(label: spec.name, expectedFiles: spec.inputs.count)
        for path in spec.inputs {
            label.beginFile(path)
            let metadata = try loadInput(
                path, criterionBaseline: spec.criterionBaseline, into: &label, context: &context)
            label.endFile(metadata)
        }
        return try label.finish(context: &context)
    }

    private static func loadInput(
        _ path: String, criterionBaseline: String?, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        if CriterionLoader.isCriterionDirectory(path) {
            return try CriterionLoader.load(
                directory: path, baseline: criterionBaseline, into: &label, context: &context)
        }
        let input: InputFile
        let format: InputFormat
        let document: JSONNode?
        switch try InputFormatDetector.detect(path: path, streaming: true) {
        case .streamable(let streamed):
            guard case .lines(let lineFormat) = streamed.reading else {
                throw InputError(.unknownFormat, at: SourceLocation(file: path), "expected a line-based format")
            }
            return try loadLines(lineFormat, path: path, into: &label, context: &context)
        case .whole(let wholeInput, let wholeFormat, let wholeDocument):
            (input, format, document) = (wholeInput, wholeFormat, wholeDocument)
        }
        switch format.reading {
        case .lines(let lineFormat):
            return try loadLines(lineFormat, path: path, into: &label, context: &context)
        case .valgrind:
            return try ValgrindLoader.load(input, format: format, into: &label, context: &context)
        case .criterionDirectory:
            return try CriterionLoader.load(directory: path, into: &label, context: &context)
        case .text(let textFormat):
            let text = try input.utf8Text()
            switch textFormat {
            case .catch2XML: return try Catch2Loader.load(text, path: path, into: &label, context: &context)
            case .bencherText: return try BencherTextLoader.load(text, path: path, into: &label, context: &context)
            }
        case .document(let documentFormat):
            guard let document else {
                throw InputError(.unknownFormat, at: SourceLocation(file: path), "expected a JSON document")
            }
            return try loadJSON(documentFormat, document, path: path, into: &label, context: &context)
        }
    }

    /// Streams a line-based file through a `LineReader`.
    private static func loadLines(
        _ format: LineFormat, path: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        let reader = try LineReader.opening(path, chunkSize: context.chunkSize)
        switch format {
        case .canonicalJSONLines:
            return try CanonicalJSONLinesLoader.load(reader, into: &label, context: &context)
        case .canonicalCSV:
            return try CanonicalCSVLoader.load(reader, into: &label, context: &context)
        case .goBenchmarkText:
            return try GoBenchmarkTextLoader.load(reader, into: &label, context: &context)
        }
    }

    private static func loadJSON(
        _ format: DocumentFormat, _ document: JSONNode, path: String, into label: inout LabelAccumulator,
        context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        switch format {
        case .googleBenchmark:
            return try GoogleBenchmarkLoader.load(document, path: path, into: &label, context: &context)
        case .hyperfine:
            return try HyperfineLoader.load(document, path: path, into: &label, context: &context)
        case .pytestBenchmark:
            return try PytestBenchmarkLoader.load(document, path: path, into: &label, context: &context)
        case .pyperf:
            return try PyperfLoader.load(document, path: path, into: &label, context: &context)
        case .bencherMetricFormat:
            return try BencherMetricFormatLoader.load(document, path: path, into: &label, context: &context)
        case .githubActionBenchmark:
            return try GitHubActionBenchmarkLoader.load(document, path: path, into: &label, context: &context)
        }
    }
}

/// The outcome of each label loaded by `DatasetLoader.loadLabels`, written by the worker that
/// loads it and read after every worker is done.
private final class LabelOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<(LabelData, IngestContext), InputError>?]
    private var firstFailure = Int.max

    init(count: Int) {
        outcomes = Array(repeating: nil, count: count)
    }

    func set(_ position: Int, _ outcome: Result<(LabelData, IngestContext), InputError>) {
        lock.lock()
        defer { lock.unlock() }
        outcomes[position] = outcome
        if case .failure = outcome { firstFailure = min(firstFailure, position) }
    }

    func get(_ position: Int) -> Result<(LabelData, IngestContext), InputError>? {
        lock.lock()
        defer { lock.unlock() }
        return outcomes[position]
    }

    /// Whether a label before `position` has failed.
    func failedBefore(_ position: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure < position
    }
}
