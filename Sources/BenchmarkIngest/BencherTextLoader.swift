import BenchmarkModel
import Foundation

/// Loads the `bencher` text that Rust's libtest (`cargo bench` with `#[bench]`) and criterion.rs
/// (`cargo bench -- --output-format bencher`) print:
///
///     test fib 15 ... bench:         2,345 ns/iter (+/- 12)
///     test parse  ... bench:       1,234.56 ns/iter (+/- 56.78) = 830 MB/s
///
/// Each such line is one sample of the benchmark `NAME` (between `test ` and ` ... bench:`,
/// trimmed) in its unit (`ns/iter`); the number may have `,` thousands separators. The `(+/- …)`
/// spread (libtest: max − min of its samples; criterion: the standard deviation's estimate) is
/// not a sample and is not loaded; a `= N MB/s` throughput becomes a second, higher-is-better
/// series. Every other line (`running 3 tests`, `test result: …`, `test x ... ok`) is ignored.
///
/// The tools print one number per benchmark, so **each file is one run holding one sample per
/// benchmark**; the whole file is one run (`cargo bench >> file` twice gives two samples of one
/// run: write each run to its own file instead).
enum BencherTextLoader {
    /// What marks a result line, after `test NAME`.
    static let marker = " ... bench:"

    static func load(
        _ text: String, path: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        var samples = 0
        var lineNumber = 0
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            guard let result = try parse(rawLine, path: path, line: lineNumber) else { continue }
            for (value, unitText, field) in result.values {
                let unit = MeasurementUnit.parse(unitText)
                let series = try label.series(
                    name: result.name, unit: unit, mode: nil, line: lineNumber, context: &context)
                try label.append(value, unit: unit, series: series, run: nil, line: lineNumber, field: field)
                samples += 1
            }
        }
        if samples == 0 {
            throw InputError(
                .noResults, at: SourceLocation(file: path),
                "no \"test NAME ... bench: N ns/iter (+/- M)\" line (run cargo bench, and criterion with "
                    + "-- --output-format bencher)")
        }
        return FileMetadata(path: path, format: InputFormat.bencherText.rawValue, entries: [])
    }

    /// Whether `line` is a bencher result line (for format detection).
    static func isResultLine(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.hasPrefix("test ") && trimmed.contains(marker)
    }

    /// The name and the (value, unit, field) pairs of a result line, or nil for any other line.
    ///
    /// - Throws: `malformedLine` for a result line whose number or unit cannot be read.
    static func parse(
        _ rawLine: Substring, path: String, line: Int
    ) throws(InputError) -> (name: String, values: [(Double, String, String)])? {
        guard isResultLine(rawLine), let markerRange = rawLine.range(of: marker) else { return nil }
        let head = rawLine.drop { $0 == " " || $0 == "\t" }.dropFirst(5)
        let name = String(head[..<markerRange.lowerBound]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            throw .malformed(path, line: line, "a bench line without a benchmark name")
        }
        var words = rawLine[markerRange.upperBound...].split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
        func number(_ word: Substring?, _ what: String) throws(InputError) -> Double {
            guard let word, let value = Bytes.parseDouble(word.replacingOccurrences(of: ",", with: "")) else {
                throw .malformed(
                    path, line: line,
                    "expected \(what) after \"bench:\" (\"1,234 ns/iter\"), found \"\((word ?? "").prefix(30))\"")
            }
            return value
        }
        let value = try number(words.popFirst(), "a number")
        guard let unit = words.popFirst(), unit.contains("/") else {
            throw .malformed(path, line: line, "expected a unit such as ns/iter after the number of benchmark \(name)")
        }
        var values = [(value, String(unit), "bench")]
        if let equals = words.firstIndex(of: "=") {
            let rest = words[words.index(after: equals)...]
            let rate = try number(rest.first, "a throughput")
            guard let rateUnit = rest.dropFirst().first else {
                throw .malformed(path, line: line, "expected a unit such as MB/s after \"= \(rest.first ?? "")\"")
            }
            values.append((rate, String(rateUnit), "throughput"))
        }
        return (name, values)
    }
}
