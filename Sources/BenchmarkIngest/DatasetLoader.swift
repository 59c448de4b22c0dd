import BenchmarkModel

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
        var context = IngestContext(options: options)
        let specs = try LabelDiscovery.labels(for: paths, context: &context)
        var labels: [LabelData] = []
        for spec in specs {
            labels.append(try loadLabel(spec, context: &context))
        }
        return Dataset(labels: labels, warnings: context.warnings)
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
        var labels: [LabelData] = []
        for spec in specs {
            labels.append(try loadLabel(spec, context: &context))
        }
        return Dataset(labels: labels, warnings: context.warnings)
    }

    /// Loads the given files (and criterion directories) as the runs of one label named `label`.
    public static func loadLabel(
        named label: String, inputs: [String], options: LoadOptions = LoadOptions()
    ) throws(InputError) -> Dataset {
        var context = IngestContext(options: options)
        let data = try loadLabel(LabelSpec(name: label, origin: label, inputs: inputs), context: &context)
        return Dataset(labels: [data], warnings: context.warnings)
    }

    static func loadLabel(_ spec: LabelSpec, context: inout IngestContext) throws(InputError) -> LabelData {
        var label = LabelAccumulator(label: spec.name)
        for path in spec.inputs {
            label.beginFile(path)
            let metadata = try loadInput(path, into: &label, context: &context)
            label.endFile(metadata)
        }
        return try label.finish()
    }

    private static func loadInput(
        _ path: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        if CriterionLoader.isCriterionDirectory(path) {
            return try CriterionLoader.load(directory: path, into: &label, context: &context)
        }
        let input = try InputFile.read(path)
        let (format, document) = try InputFormatDetector.detect(input)
        switch format {
        case .canonicalJSONLines:
            return try CanonicalJSONLinesLoader.load(input, into: &label, context: &context)
        case .canonicalCSV:
            return try CanonicalCSVLoader.load(input, into: &label, context: &context)
        case .goBenchmarkText:
            return try GoBenchmarkTextLoader.load(input, into: &label, context: &context)
        case .callgrind, .cachegrind:
            return try ValgrindLoader.load(input, format: format, into: &label, context: &context)
        case .googleBenchmarkJSON, .hyperfineJSON, .pytestBenchmarkJSON, .pyperfJSON, .criterionDirectory:
            guard let document else {
                throw InputError(.unknownFormat, at: SourceLocation(file: path), "expected a JSON document")
            }
            return try loadJSON(format, document, path: path, into: &label, context: &context)
        }
    }

    private static func loadJSON(
        _ format: InputFormat, _ document: JSONNode, path: String, into label: inout LabelAccumulator,
        context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        switch format {
        case .googleBenchmarkJSON:
            return try GoogleBenchmarkLoader.load(document, path: path, into: &label, context: &context)
        case .hyperfineJSON:
            return try HyperfineLoader.load(document, path: path, into: &label, context: &context)
        case .pytestBenchmarkJSON:
            return try PytestBenchmarkLoader.load(document, path: path, into: &label, context: &context)
        default:
            return try PyperfLoader.load(document, path: path, into: &label, context: &context)
        }
    }
}
