import BenchmarkModel

/// Loads the Bencher Metric Format (BMF) JSON (bencher.dev, "Bencher Metric Format"): an object
/// of benchmarks, each an object of measures, each a metric `{"value": N, "lower_value": N,
/// "upper_value": N}` (only `value` required).
///
/// Each (benchmark, measure) is one series; its sample is `value` (`lower_value`/`upper_value`
/// are a spread, not samples, and are not loaded). Bencher's built-in measures have units:
/// `latency` → ns, `throughput` → ops/s (higher is better), `build-time` → s, `file-size` → B,
/// `instructions`, `cycles`, `estimated-cycles`; any other measure keeps its name as the unit
/// (lower is better, with the unknown-unit warning).
///
/// BMF holds one number per benchmark and measure, so **each file is one run holding one sample
/// per series**: give several files (several runs) per label.
enum BencherMetricFormatLoader {
    /// The units of Bencher's built-in measures (by slug).
    static let measureUnits: [String: String] = [
        "latency": "ns", "throughput": "ops/s", "build-time": "s", "file-size": "B", "instructions": "instructions",
        "cycles": "cycles", "estimated-cycles": "cycles",
    ]

    /// Whether `document` has BMF's shape: a non-empty object whose first member is an object whose
    /// first member is an object holding `value`.
    static func matches(_ document: JSONNode) -> Bool {
        guard case .object(let benchmarks) = document.value, !benchmarks.isEmpty else { return false }
        let measures: JSONNode = benchmarks[0].node
        guard case .object(let metrics) = measures.value, !metrics.isEmpty else { return false }
        let metric: JSONNode = metrics[0].node
        return metric["value"] != nil
    }

    static func load(
        _ document: JSONNode, path: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        let fields = JSONFields(file: path)
        var samples = 0
        for (benchmark, measuresNode) in try fields.object(document, "") {
            let where_ = String(benchmark.prefix(60))
            for (measure, metric) in try fields.object(measuresNode, where_) {
                let field = "\(where_).\(measure).value"
                let valueNode = try fields.member(metric, "value", "\(where_).\(measure)", in: "a BMF metric")
                let value = try fields.number(valueNode, field)
                let unit = MeasurementUnit.parse(measureUnits[measure] ?? measure)
                let series = try label.series(
                    name: benchmark, unit: unit, mode: nil, line: metric.line, context: &context)
                try label.append(value, unit: unit, series: series, run: nil, line: valueNode.line, field: field)
                samples += 1
            }
        }
        if samples == 0 {
            throw InputError(.noResults, at: SourceLocation(file: path), "no benchmark with a measure in the BMF file")
        }
        return FileMetadata(path: path, format: InputFormat.bencherMetricFormat.rawValue, entries: [])
    }
}
