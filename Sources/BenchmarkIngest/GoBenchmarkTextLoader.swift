import BenchmarkModel

/// Loads Go benchmark text (`go test -bench` output; golang.org/x/perf/benchfmt) into a label.
///
/// Each value/unit pair of a result line becomes a sample of the series (name, unit), so
/// `ns/op`, `B/op`, `allocs/op` and `MB/s` of one line land in four series. The name is kept in
/// full (with `Benchmark` and the `-GOMAXPROCS` suffix, as benchfmt's `.fullname`); its
/// `/key=value` parts and the GOMAXPROCS suffix become the identity's parameters. Configuration
/// lines are kept, in order, as the file's metadata. The whole file is one run.
enum GoBenchmarkTextLoader {
    static func load(
        _ input: InputFile, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        let file = input.path
        var entries: [KeyValue] = []
        var units: [String: MeasurementUnit] = [:]
        var lastName = ""
        var lastSeries: [(unit: String, series: Int, parsed: MeasurementUnit)] = []
        var results = 0
        var lastResultLine = 0
        try GoBenchmarkTextReader.scan(input.data, fileName: file) {
            (record: GoBenchmarkTextReader.ScannedRecord) throws(InputError) in
            switch record {
            case .configuration(let key, let value, _):
                if !value.isEmpty { entries.append(KeyValue(key, value)) }
            case .result(let name, _, let measurements, let line):
                results += 1
                lastResultLine = line
                let sameName = name == lastName
                if !sameName {
                    lastName = name
                    lastSeries.removeAll(keepingCapacity: true)
                }
                for (position, measurement) in measurements.enumerated() {
                    if position < lastSeries.count, lastSeries[position].unit == measurement.unit {
                        let cached = lastSeries[position]
                        try label.append(
                            measurement.value, unit: cached.parsed, series: cached.series, run: nil, line: line,
                            field: measurement.unit)
                        continue
                    }
                    let unit: MeasurementUnit
                    if let known = units[measurement.unit] {
                        unit = known
                    } else {
                        unit = MeasurementUnit.parse(measurement.unit)
                        units[measurement.unit] = unit
                    }
                    let series = try label.series(
                        name: name, parameters: GoBenchmarkName.parameters(name), unit: unit, mode: nil, line: line,
                        context: &context)
                    try label.append(
                        measurement.value, unit: unit, series: series, run: nil, line: line, field: measurement.unit)
                    let entry = (unit: measurement.unit, series: series, parsed: unit)
                    if position < lastSeries.count { lastSeries[position] = entry } else { lastSeries.append(entry) }
                }
            }
        }
        if results == 0 {
            throw InputError(
                .noResults, at: SourceLocation(file: file),
                "no benchmark result lines (expected lines like \"BenchmarkName-8  1000  123 ns/op\")")
        }
        // `go test` ends its output with a newline (and `ok`/`PASS`): a result on a last line without
        // one was probably cut short mid-write, and may have lost measurements.
        if let last = input.data.last, last != Bytes.newline, lastResultLine > 0,
            input.data.reduce(into: 0, { count, byte in if byte == Bytes.newline { count += 1 } }) + 1
                == lastResultLine
        {
            context.warn(
                SourceLocation(file: file, line: lastResultLine),
                "the file ends inside this result line (no final newline): was it cut short? Its measurements "
                    + "may be incomplete")
        }
        return FileMetadata(path: file, format: .goBenchmarkText, entries: entries)
    }
}

/// The parts of a Go benchmark name, as golang.org/x/perf/benchfmt's `Name.Parts` splits them.
enum GoBenchmarkName {
    /// `/key=value` parts as parameters, then the `-N` GOMAXPROCS suffix as `gomaxprocs`.
    /// Positional parts (`/100`) are left in the name only.
    static func parameters(_ fullName: String) -> [KeyValue] {
        let (prefix, gomaxprocs) = splitGomaxprocs(fullName)
        var parameters: [KeyValue] = []
        for part in prefix.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            if let equals = part.firstIndex(of: "="), equals != part.startIndex {
                parameters.append(KeyValue(String(part[..<equals]), String(part[part.index(after: equals)...])))
            }
        }
        if let gomaxprocs { parameters.append(KeyValue("gomaxprocs", gomaxprocs)) }
        return parameters
    }

    /// Splits a trailing `-<digits>` off, as benchfmt's `splitGomaxprocs`.
    static func splitGomaxprocs(_ name: String) -> (prefix: Substring, gomaxprocs: String?) {
        let utf8 = name.utf8
        var index = utf8.endIndex
        var sawDigit = false
        while index > utf8.startIndex {
            let previous = utf8.index(before: index)
            let byte = utf8[previous]
            if byte == UInt8(ascii: "-") && sawDigit {
                let prefix = name[..<previous]
                return (prefix, String(name[utf8.index(after: previous)...]))
            }
            guard byte >= 0x30 && byte <= 0x39 else { break }
            sawDigit = true
            index = previous
        }
        return (name[...], nil)
    }
}
