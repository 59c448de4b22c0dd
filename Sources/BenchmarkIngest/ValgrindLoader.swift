import BenchmarkModel
import Foundation

/// Loads callgrind and cachegrind output files (valgrind user manual, "Callgrind Format
/// Specification" and "Cachegrind: cachegrind.out format").
///
/// The header's `events:` line names the columns; the totals come from the `summary:` line,
/// else from the last `totals:` line (callgrind writes both; callgrind_annotate reads `summary:`
/// first, so does this loader). Missing trailing numbers count as 0. The event is
/// `LoadOptions.callgrindEvent` (`Ir` by default: unit "instructions"; any other event keeps its
/// name as the unit). The benchmark is named by the `cmd:` line (whitespace-trimmed), else by the
/// file stem. Each file is one sample of one run (valgrind runs one process). Mode:
/// instrumentation. Header `key: value` lines (`creator`, `cmd`, `desc`, `events`, …) become
/// the file's metadata.
enum ValgrindLoader {
    static func load(
        _ input: InputFile, format: InputFormat, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        let output = try ValgrindOutput.parse(input, format: format)
        let event = context.options.callgrindEvent
        let (value, line, field) = try output.total(of: event)
        let unit = MeasurementUnit.parse(event)
        let name =
            (output.command?.isEmpty == false ? output.command : nil) ?? BytePath.display(InputFile.stem(input.path))
        let series = try label.series(
            name: name, parameters: [], unit: unit, mode: .instrumentation, line: line, context: &context)
        try label.append(value, unit: unit, series: series, run: nil, line: line, field: field)
        return FileMetadata(path: input.path, format: format.rawValue, entries: output.entries)
    }
}

/// One callgrind or cachegrind output file, parsed: its events, its `summary:`/`totals:` line, its
/// command and its header. The loader and `benchstat measure` (which sums the callgrind files of
/// one traced run) read totals through it.
public struct ValgrindOutput: Sendable {
    /// The file.
    public let path: String
    /// The format's name (`callgrind` or `cachegrind`), for messages.
    let formatName: String
    /// The `events:` columns and the line that named them.
    let events: [String]
    let eventsLine: Int
    /// The totals line (`summary:` preferred, else the last `totals:`) and its field name.
    let totals: (line: Int, field: String, numbers: [Substring])
    /// The `cmd:` line, trimmed.
    public let command: String?
    /// Header `key: value` lines.
    let entries: [KeyValue]

    /// Reads and parses `path` as callgrind output (the loader's rules; `measure` uses it).
    public static func read(path: String) throws(InputError) -> ValgrindOutput {
        try parse(try InputFile.read(path), format: .callgrind)
    }

    static func parse(_ input: InputFile, format: InputFormat) throws(InputError) -> ValgrindOutput {
        let path = input.path
        guard let text = String(data: input.data, encoding: .utf8) ?? String(data: input.data, encoding: .isoLatin1)
        else {
            throw InputError(.unreadableFile, at: SourceLocation(file: path), "cannot decode the file as text")
        }
        var events: [String]?
        var eventsLine = 0
        var summary: (line: Int, numbers: [Substring])?
        var totals: (line: Int, numbers: [Substring])?
        var command: String?
        var entries: [KeyValue] = []
        var inHeader = true
        // Lines end in LF or CRLF (a file that passed through Windows); "\r\n" is one Character.
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        for (offset, rawLine) in body.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }
        )
        .enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            let number = offset + 1
            guard let colon = line.firstIndex(of: ":") else {
                if line.contains("=") { inHeader = false }
                continue
            }
            let key = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "events":
                events = value.split(separator: " ").map(String.init)
                eventsLine = number
            case "summary":
                summary = (number, value.split(separator: " "))
            case "totals":
                totals = (number, value.split(separator: " "))
            case "cmd":
                command = value
            default:
                break
            }
            if inHeader, key.allSatisfy({ $0.isLetter || $0 == "_" }), !key.isEmpty {
                entries.append(KeyValue(key, value))
            }
        }
        guard let events else {
            throw .missingField(path, line: nil, field: "events", in: "the \(format.rawValue) header")
        }
        guard let line = summary ?? totals else {
            throw InputError(
                .missingField, at: SourceLocation(file: path, field: "summary"),
                "missing \"summary:\" or \"totals:\" line in the \(format.rawValue) output (was the run cut short?)")
        }
        return ValgrindOutput(
            path: path, formatName: format.rawValue, events: events, eventsLine: eventsLine,
            totals: (line.line, summary != nil ? "summary" : "totals", line.numbers), command: command,
            entries: entries)
    }

    /// The total of `event`, with the line and field it came from (a missing trailing number is 0).
    /// - Throws: `.unsupportedOption` when the file does not record `event`; `.wrongType` for a
    ///   total that is not a number.
    public func total(of event: String) throws(InputError) -> (value: Double, line: Int, field: String) {
        guard let column = events.firstIndex(of: event) else {
            throw InputError(
                .unsupportedOption, at: SourceLocation(file: path, line: eventsLine, field: "events"),
                "event \"\(event)\" is not recorded; the file has events \(events.joined(separator: " "))")
        }
        let field = "\(totals.field).\(event)"
        guard column < totals.numbers.count else { return (0, totals.line, field) }
        guard let parsed = Bytes.parseDouble(totals.numbers[column]) else {
            throw .wrongType(
                path, line: totals.line, field: field, expected: "an integer count",
                found: "\"\(totals.numbers[column].prefix(30))\"")
        }
        return (parsed, totals.line, field)
    }
}
