import BenchmarkModel

/// Loads Google Benchmark's `--benchmark_format=json` / `--benchmark_out` output (Google
/// Benchmark user guide, "Output Formats" and "Repetitions").
///
/// - Rows with `run_type: "aggregate"` (`_mean`, `_median`, `_stddev`, `_cv`) are skipped with
///   one warning per analysis, naming how many files had them (`IngestContext.finish()`); `iteration` rows are the samples. Rows with
///   `error_occurred: true` are skipped with a warning.
/// - The benchmark name is `run_name` (so `--benchmark_repetitions` rows of one benchmark are
///   samples of one run), else `name`; `key:value` parts of the name (`threads:4`) become
///   parameters.
/// - The sample is `real_time` (or `cpu_time`, `LoadOptions.googleBenchmarkTime`) in `time_unit`
///   (default `ns`); `bytes_per_second` and `items_per_second` become extra higher-is-better
///   series. Other user counters are not loaded (their unit and rate flag are not in the JSON);
///   a warning names them.
/// - `context` (host, CPU, caches, library version…) becomes the file's metadata.
/// - The whole file is one run.
enum GoogleBenchmarkLoader {
    private static let standardKeys: Set<String> = [
        "name", "family_index", "per_family_instance_index", "run_name", "run_type", "repetitions",
        "repetition_index", "threads", "iterations", "real_time", "cpu_time", "time_unit", "bytes_per_second",
        "items_per_second", "label", "error_occurred", "error_message", "skipped", "skip_message", "aggregate_name",
        "aggregate_unit",
        "big_o", "rms", "complexity_n",
    ]

    static func load(
        _ document: JSONNode, path: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        let fields = JSONFields(file: path)
        let rows = try fields.array(
            fields.member(document, "benchmarks", "", in: "the Google Benchmark document"), "benchmarks")
        let timeField = context.options.googleBenchmarkTime.rawValue
        var aggregates = 0
        var skippedCounters: [String] = []
        var skipped: [String] = []
        var skippedLine: Int?
        var units: [String: MeasurementUnit] = [:]
        var samples = 0
        for (index, row) in rows.enumerated() {
            let where_ = "benchmarks[\(index)]"
            let name = try fields.string(fields.member(row, "name", where_, in: "a benchmark row"), "\(where_).name")
            if let runType = row["run_type"], try fields.string(runType, "\(where_).run_type") == "aggregate" {
                aggregates += 1
                continue
            }
            // Google Benchmark ≥ 1.8 marks a benchmark that called SkipWithMessage/SkipWithError
            // `"skipped": true` (with `real_time: 0`): not a measurement; one warning for all of them.
            if let skip = row["skipped"], case .bool(true) = skip.value {
                let message = (row["skip_message"] ?? row["error_message"]).flatMap(JSONFields.scalarText)
                skipped.append(message.map { "\(name) (\($0))" } ?? name)
                if skippedLine == nil { skippedLine = row.line }
                continue
            }
            if let error = row["error_occurred"], case .bool(true) = error.value {
                let message = row["error_message"].flatMap(JSONFields.scalarText) ?? "no message"
                context.warn(
                    SourceLocation(file: path, line: row.line), "skipped benchmark \"\(name)\": it failed (\(message))")
                continue
            }
            let runName = try row["run_name"].map { (node) throws(InputError) in
                try fields.string(node, "\(where_).run_name")
            }
            let benchmark = runName ?? name
            let unitText = try row["time_unit"].map { (node) throws(InputError) in
                try fields.string(node, "\(where_).time_unit")
            }
            let timeUnit = MeasurementUnit.parse(unitText ?? "ns")
            guard timeUnit.quantity == .time else {
                throw .wrongType(
                    path, line: row.line, field: "\(where_).time_unit", expected: "ns, us, ms or s",
                    found: "\"\(unitText ?? "")\"")
            }
            var values: [(MeasurementUnit, JSONNode, String)] = [
                (timeUnit, try fields.member(row, timeField, where_, in: "a benchmark row"), timeField)
            ]
            for rate in ["bytes_per_second", "items_per_second"] {
                if let node = row[rate] {
                    let unit = units[rate] ?? MeasurementUnit.parse(rate)
                    units[rate] = unit
                    values.append((unit, node, rate))
                }
            }
            if case .object(let members) = row.value {
                for (key, node) in members where !standardKeys.contains(key) {
                    if case .number = node.value, !skippedCounters.contains(key) { skippedCounters.append(key) }
                }
            }
            for (unit, node, key) in values {
                let value = try fields.number(node, "\(where_).\(key)")
                let series = try label.series(
                    name: benchmark, parameters: parameters(benchmark), unit: unit, mode: nil, line: node.line,
                    context: &context)
                try label.append(
                    value, unit: unit, series: series, run: nil, line: node.line, field: "\(where_).\(key)")
                samples += 1
            }
        }
        if !skipped.isEmpty {
            let shown = skipped.prefix(5).joined(separator: ", ") + (skipped.count > 5 ? ", …" : "")
            context.warn(
                SourceLocation(file: path, line: skippedLine),
                "skipped \(skipped.count) row(s) marked \"skipped\" (not measured): \(shown)")
        }
        if aggregates > 0 { context.noteSkippedAggregates(aggregates, in: path) }
        if !skippedCounters.isEmpty { context.noteSkippedCounters(skippedCounters, in: path) }
        if samples == 0, !skipped.isEmpty {
            throw InputError(
                .noResults, at: SourceLocation(file: path, line: skippedLine),
                "every benchmark row is marked \"skipped\" (not measured); nothing to compare")
        }
        if samples == 0 {
            throw InputError(
                .noResults, at: SourceLocation(file: path),
                "no per-repetition rows (run_type \"iteration\"); run without --benchmark_report_aggregates_only")
        }
        let metadata = JSONFields.flatten(document["context"]).filter { !$0.key.hasPrefix("caches.") }
        return FileMetadata(path: path, format: InputFormat.googleBenchmarkJSON.rawValue, entries: metadata)
    }

    /// `key:value` parts of a Google Benchmark name (`BM_x/threads:4/real_time`).
    static func parameters(_ name: String) -> [KeyValue] {
        name.split(separator: "/").dropFirst().compactMap { part in
            guard let colon = part.firstIndex(of: ":"), colon != part.startIndex else { return nil }
            return KeyValue(String(part[..<colon]), String(part[part.index(after: colon)...]))
        }
    }
}
