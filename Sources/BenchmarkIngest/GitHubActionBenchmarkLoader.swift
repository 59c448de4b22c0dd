import BenchmarkModel

/// Loads the history that github-action-benchmark keeps: `data.js` on the GitHub Pages branch
/// (`window.BENCHMARK_DATA = {…}`) or the `benchmark-data.json` of `external-data-json-path`
/// (its `src/write.ts`: `DataJson` with `lastUpdate`, `repoUrl` and `entries`).
///
/// `entries` maps each suite name (the action's `name` input) to its entries, oldest first; an
/// entry is one workflow run: `commit` (`id`, …), `date` (ms since 1970), `tool`, and `benches`
/// `[{name, value, unit, range?, extra?}]`. Each bench is one sample of the benchmark `name` in
/// its `unit`; `value` may be a number or a numeric string (the action coerces it). The
/// direction comes from `tool` as the action decides it (`biggerIsBetter` in `write.ts`):
/// `customBiggerIsBetter`, `benchmarkjs` and `pytest` are higher-is-better, every other tool
/// lower-is-better. `range` and `extra` are not loaded.
///
/// The action stores one number per benchmark and run, so **each entry is one run holding one
/// sample per benchmark**. As `analyze --history`, each entry is one past run, in file order
/// (`DatasetLoader.loadHistoryFile`); as an ordinary input, the file is one label whose runs are
/// its entries.
enum GitHubActionBenchmarkLoader {
    /// What `data.js` starts with (`SCRIPT_PREFIX` in the action's `src/write.ts`).
    static let scriptPrefix: StaticString = "window.BENCHMARK_DATA ="

    /// The tools whose values the action treats as bigger-is-better.
    static let biggerIsBetterTools: Set<String> = ["customBiggerIsBetter", "benchmarkjs", "pytest"]

    /// Whether a JSON document has the shape of the action's `DataJson`.
    static func matches(_ document: JSONNode) -> Bool {
        guard let entries = document["entries"], case .object = entries.value else { return false }
        return document["lastUpdate"] != nil || document["repoUrl"] != nil
    }

    /// One entry of one suite.
    typealias Entry = (suite: String, index: Int, commit: String, node: JSONNode)

    /// Every entry of every suite, in file order.
    static func entries(_ document: JSONNode, path: String) throws(InputError) -> [Entry] {
        let fields = JSONFields(file: path)
        var result: [Entry] = []
        let suites = try fields.object(
            fields.member(document, "entries", "", in: "the github-action-benchmark data"), "entries")
        for (suite, list) in suites {
            for (index, entry) in try fields.array(list, "entries.\(suite)").enumerated() {
                let where_ = "entries.\(suite)[\(index)]"
                let commit = try fields.member(entry, "commit", where_, in: "an entry")
                let id = try fields.string(fields.member(commit, "id", "\(where_).commit", in: "the commit"), "id")
                result.append((suite: suite, index: index, commit: id, node: entry))
            }
        }
        return result
    }

    /// Appends the benches of `entry` to `label`, in the run `run` (nil: the current file).
    /// Returns the number of samples.
    static func append(
        _ entry: Entry, path: String, run: String?, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> Int {
        let fields = JSONFields(file: path)
        let where_ = "entries.\(entry.suite)[\(entry.index)]"
        let tool = try entry.node["tool"].map { (node) throws(InputError) in
            try fields.string(node, "\(where_).tool")
        }
        let higherIsBetter = tool.map(biggerIsBetterTools.contains) ?? false
        let benches = try fields.array(
            fields.member(entry.node, "benches", where_, in: "an entry"), "\(where_).benches")
        var samples = 0
        for (position, bench) in benches.enumerated() {
            let place = "\(where_).benches[\(position)]"
            let name = try fields.string(fields.member(bench, "name", place, in: "a bench"), "\(place).name")
            let valueNode = try fields.member(bench, "value", place, in: "a bench")
            let value: Double
            if case .string(let text) = valueNode.value {
                guard let parsed = Bytes.parseDouble(text) else {
                    throw .wrongType(
                        path, line: valueNode.line, field: "\(place).value", expected: "a number",
                        found: valueNode.typeDescription)
                }
                value = parsed
            } else {
                value = try fields.number(valueNode, "\(place).value")
            }
            let unitText = try bench["unit"].map { (node) throws(InputError) in
                try fields.string(node, "\(place).unit")
            }
            let unit = unit(unitText ?? "", higherIsBetter: higherIsBetter)
            let series = try label.series(name: name, unit: unit, mode: nil, line: bench.line, context: &context)
            try label.append(
                value, unit: unit, series: series, run: run, line: valueNode.line, field: "\(place).value")
            samples += 1
        }
        return samples
    }

    /// The unit as written, turned higher-is-better when the entry's tool says so.
    static func unit(_ written: String, higherIsBetter: Bool) -> MeasurementUnit {
        let parsed = MeasurementUnit.parse(written.isEmpty ? "(no unit)" : written)
        guard higherIsBetter, parsed.direction == .lowerIsBetter else { return parsed }
        return MeasurementUnit(
            written: parsed.written, baseUnit: parsed.baseUnit, scale: parsed.scale, direction: .higherIsBetter,
            impliedMode: parsed.impliedMode)
    }

    /// Loads the file as one label: each entry is one run (named `<file>#<suite>[<index>]`).
    static func load(
        _ document: JSONNode, path: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        var samples = 0
        for entry in try entries(document, path: path) {
            samples += try append(
                entry, path: path, run: "\(path)#\(entry.suite)[\(entry.index)]", into: &label, context: &context)
        }
        if samples == 0 {
            throw InputError(.noResults, at: SourceLocation(file: path), "no entry with benches in the data")
        }
        return FileMetadata(
            path: path, format: InputFormat.githubActionBenchmark.rawValue,
            entries: JSONFields.flatten(document).filter { $0.key == "repoUrl" })
    }

    /// Loads the file as past runs: one label per entry, named `<suite>@<commit>` (the commit cut
    /// to 12 characters), in file order (oldest first within a suite).
    static func loadRuns(
        _ document: JSONNode, path: String, context: inout IngestContext
    ) throws(InputError) -> [LabelData] {
        var runs: [LabelData] = []
        for entry in try entries(document, path: path) {
            var label = LabelAccumulator(label: "\(entry.suite)@\(entry.commit.prefix(12))")
            label.beginFile(path)
            _ = try append(entry, path: path, run: nil, into: &label, context: &context)
            label.endFile(
                FileMetadata(
                    path: path, format: InputFormat.githubActionBenchmark.rawValue,
                    entries: [KeyValue("commit", entry.commit), KeyValue("suite", entry.suite)]))
            runs.append(try label.finish(context: &context))
        }
        if runs.isEmpty {
            throw InputError(
                .noResults, at: SourceLocation(file: path), "no entries in the github-action-benchmark data")
        }
        return runs
    }
}
