import BenchmarkModel
import Foundation

/// Loads the canonical columns as CSV (DESIGN.md, "Canonical format"): a header line naming the
/// columns (`benchmark`, `unit`, `value` required; `mode`, `run`, `iteration` optional; any order; other
/// columns ignored), then one sample per line. Fields follow RFC 4180 quoting (`"a,b"`, `""` for a
/// quote) within one line; blank lines are skipped.
enum CanonicalCSVLoader {
    /// Reads the file line by line from `reader`.
    static func load(
        _ reader: LineReader, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        let file = reader.path
        if try load(reader, file: file, into: &label, context: &context) == 0 {
            throw InputError(.emptyFile, at: SourceLocation(file: file), "the CSV file has a header but no samples")
        }
        return FileMetadata(path: file, format: InputFormat.canonicalCSV.rawValue, entries: [])
    }

    private struct Columns {
        var benchmark = -1
        var unit = -1
        var value = -1
        var mode: Int?
        var run: Int?
        var iteration: Int?
        var count = 0
    }

    private static func load(
        _ reader: LineReader, file: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> Int {
        var sink = CanonicalRecordSink()
        var columns: Columns?
        var lineNumber = 0
        var samples = 0
        while let (start, stop) = try reader.nextLine() {
            lineNumber += 1
            let buffer = reader.bytes
            let (lower, upper) = Bytes.trim(buffer, start, stop)
            if lower == upper { continue }
            let fields = try splitFields(buffer, lower, upper, file: file, line: lineNumber)
            guard let header = columns else {
                columns = try readHeader(fields, file: file, line: lineNumber)
                continue
            }
            // More fields than the header (`a,ns,1,100,r1` under `benchmark,unit,value`) would shift
            // no column but hide a misaligned row: an error, as is a row with fewer.
            guard fields.count == header.count else {
                throw .malformed(
                    file, line: lineNumber,
                    "expected \(header.count) comma-separated fields as in the header, found \(fields.count)")
            }
            func field(_ index: Int, _ name: String) throws(InputError) -> String {
                let text = fields[index]
                if text.isEmpty {
                    throw InputError(
                        .missingField, at: SourceLocation(file: file, line: lineNumber, field: name),
                        "field \"\(name)\": expected a value, found an empty cell")
                }
                return text
            }
            let name = try field(header.benchmark, "benchmark")
            let unitText = try field(header.unit, "unit")
            let valueText = try field(header.value, "value")
            guard let value = Bytes.parseDouble(valueText) ?? parseSpecial(valueText) else {
                throw .wrongType(
                    file, line: lineNumber, field: "value", expected: "a number", found: "\"\(valueText.prefix(40))\"")
            }
            var mode: MeasurementMode?
            if let index = header.mode, !fields[index].isEmpty {
                mode = try CanonicalRecordSink.mode(fields[index], file: file, line: lineNumber)
            }
            var run: String?
            if let index = header.run, !fields[index].isEmpty { run = fields[index] }
            var iteration: Int?
            if let index = header.iteration, !fields[index].isEmpty {
                iteration = try parseIteration(fields[index], file: file, line: lineNumber)
            }
            let unit = sink.unit(unitText)
            let series = try label.series(
                name: name, parameters: [], unit: unit, mode: mode, line: lineNumber, context: &context)
            try label.append(
                value, unit: unit, series: series, run: run, line: lineNumber, field: "value", iteration: iteration)
            samples += 1
        }
        return samples
    }

    /// An `iteration` cell: a non-negative decimal integer.
    private static func parseIteration(_ text: String, file: String, line: Int) throws(InputError) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(trimmed)
        else {
            throw InputError(
                .valueOutOfRange, at: SourceLocation(file: file, line: line, field: "iteration"),
                "field \"iteration\": expected a non-negative integer, found \"\(text.prefix(40))\"")
        }
        return number
    }

    private static func parseSpecial(_ text: String) -> Double? {
        switch text.lowercased() {
        case "nan": .nan
        case "inf", "+inf", "infinity": .infinity
        case "-inf", "-infinity": -.infinity
        default: nil
        }
    }

    private static func readHeader(_ fields: [String], file: String, line: Int) throws(InputError) -> Columns {
        var columns = Columns()
        columns.count = fields.count
        var seen: [String: Int] = [:]
        for (index, name) in fields.enumerated() {
            let column = name.trimmingCharacters(in: .whitespaces)
            if ["benchmark", "unit", "value", "mode", "run", "iteration"].contains(column) {
                if let earlier = seen[column] {
                    throw InputError(
                        .malformedLine, at: SourceLocation(file: file, line: line, field: column),
                        "the CSV header names column \"\(column)\" twice (columns \(earlier + 1) and \(index + 1)); "
                            + "which one holds the values is ambiguous")
                }
                seen[column] = index
            }
            switch column {
            case "benchmark": columns.benchmark = index
            case "unit": columns.unit = index
            case "value": columns.value = index
            case "mode": columns.mode = index
            case "run": columns.run = index
            case "iteration": columns.iteration = index
            default: break
            }
        }
        for (name, index) in [("benchmark", columns.benchmark), ("unit", columns.unit), ("value", columns.value)]
        where index < 0 {
            throw InputError(
                .missingField, at: SourceLocation(file: file, line: line, field: name),
                "the CSV header has no \"\(name)\" column (expected benchmark,mode,unit,value,run)")
        }
        return columns
    }

    /// Splits one CSV line into fields, undoing RFC 4180 quoting.
    private static func splitFields(
        _ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, file: String, line: Int
    ) throws(InputError) -> [String] {
        var fields: [String] = []
        var i = start
        while true {
            if i < end, buffer[i] == UInt8(ascii: "\"") {
                var bytes: [UInt8] = []
                i += 1
                var closed = false
                while i < end {
                    if buffer[i] == UInt8(ascii: "\"") {
                        if i + 1 < end, buffer[i + 1] == UInt8(ascii: "\"") {
                            bytes.append(UInt8(ascii: "\""))
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    bytes.append(buffer[i])
                    i += 1
                }
                guard closed else { throw .malformed(file, line: line, "unterminated quoted CSV field") }
                fields.append(String(decoding: bytes, as: UTF8.self))
                while i < end, buffer[i] == Bytes.space || buffer[i] == Bytes.tab { i += 1 }
                if i < end, buffer[i] != UInt8(ascii: ",") {
                    throw .malformed(file, line: line, "expected ',' after a quoted CSV field")
                }
            } else {
                let fieldStart = i
                while i < end, buffer[i] != UInt8(ascii: ",") { i += 1 }
                let (lower, upper) = Bytes.trim(buffer, fieldStart, i)
                fields.append(Bytes.string(buffer, lower, upper))
            }
            guard i < end else { break }
            i += 1  // the comma
        }
        return fields
    }
}
