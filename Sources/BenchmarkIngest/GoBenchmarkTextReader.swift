import BenchmarkModel
import Foundation

/// One measurement of a Go benchmark result line: a value and its unit as written.
public struct GoMeasurement: Sendable, Hashable {
    /// The number as written (not scaled).
    public let value: Double
    /// The unit as written, for example `ns/op`, `B/op`, `MB/s` or a custom `text-bytes`.
    public let unit: String

    /// Creates a measurement.
    public init(value: Double, unit: String) {
        self.value = value
        self.unit = unit
    }
}

/// One benchmark result line of the Go benchmark format.
public struct GoBenchmarkResult: Sendable, Hashable {
    /// The full name as printed, including the `Benchmark` prefix, sub-benchmark parts and the
    /// `-GOMAXPROCS` suffix (`BenchmarkEncode/format=json-48`), as golang.org/x/perf/benchfmt keeps it.
    public let name: String
    /// The iteration count the values are averaged over.
    public let iterations: Int
    /// The value/unit pairs, in line order.
    public let measurements: [GoMeasurement]
    /// The 1-based line.
    public let line: Int
}

/// A record of the Go benchmark format, in file order.
public enum GoBenchmarkRecord: Sendable, Hashable {
    /// A `key: value` configuration line; it applies to every following result of the file until
    /// the key is set again. An empty value deletes the key.
    case configuration(key: String, value: String, line: Int)
    /// A benchmark result line.
    case result(GoBenchmarkResult)
}

/// A streaming reader of the Go benchmark format (https://golang.org/design/14313-benchmark-format),
/// with the semantics of golang.org/x/perf/benchfmt's `Reader`:
///
/// - a line starting with `Benchmark` is a result: `BenchmarkName-8  N  v1 unit1  v2 unit2 …`
///   (fields separated by spaces or tabs); a line that is only a name (from `go test -v`) is
///   skipped;
/// - a line whose first field is `Unit` is unit metadata, which this reader skips;
/// - `key: value` lines, where the key starts with a lower-case letter and has no space and no
///   upper-case letter, set configuration;
/// - every other line (`PASS`, `ok …`, logs, blank lines) is ignored.
///
/// Unlike benchfmt, which reports a malformed result line and continues, this reader stops at
/// the first one with an `InputError` (`file:line: message`, with benchfmt's messages: "missing
/// iteration count", "parsing iteration count: invalid syntax", "missing measurements",
/// "parsing measurement: invalid syntax", "missing units"): a CI gate must not silently drop a
/// sample.
///
/// - Complexity: O(file size); names are turned into `String`s once per run of equal names.
public enum GoBenchmarkTextReader {
    /// Reads `data`, calling `body` for each record in file order.
    ///
    /// - Parameter fileName: the path used in messages.
    public static func read(
        _ data: Data, fileName: String, _ body: (GoBenchmarkRecord) throws(InputError) -> Void
    ) throws(InputError) {
        let result: Result<Void, InputError> = data.withUnsafeBytes { buffer in
            do throws(InputError) {
                try read(buffer, fileName: fileName, body)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    private static func read(
        _ buffer: UnsafeRawBufferPointer, fileName: String, _ body: (GoBenchmarkRecord) throws(InputError) -> Void
    ) throws(InputError) {
        // A UTF-8 byte-order mark would otherwise hide a result on line 1 (`\u{FEFF}Benchmark…`).
        var start = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
        var lineNumber = 0
        let end = buffer.count
        var measurements = MeasurementList()
        while start < end {
            lineNumber += 1
            let stop = Bytes.lineEnd(buffer, from: start, to: end)
            defer { start = stop + 1 }
            switch try parseLine(buffer, start, stop, fileName: fileName, line: lineNumber, into: &measurements) {
            case .ignored:
                continue
            case .configuration(let key, let value):
                try body(.configuration(key: key, value: value, line: lineNumber))
            case .result(let nameEnd, let iterations):
                let pairs = (0..<measurements.count).map {
                    GoMeasurement(
                        value: measurements[$0].value,
                        unit: Bytes.string(buffer, measurements[$0].unitStart, measurements[$0].unitEnd))
                }
                try body(
                    .result(
                        GoBenchmarkResult(
                            name: Bytes.string(buffer, start, nameEnd), iterations: iterations, measurements: pairs,
                            line: lineNumber)))
            }
        }
    }

    /// One value/unit pair of a result line, its unit as a byte range of the line's buffer.
    struct Measurement {
        var value: Double
        var unitStart: Int
        var unitEnd: Int
    }

    /// The value/unit pairs of the line last parsed, in a buffer reused from line to line.
    struct MeasurementList {
        private var storage: [Measurement] = []
        /// How many pairs the line has.
        private(set) var count = 0

        var isEmpty: Bool { count == 0 }

        subscript(position: Int) -> Measurement { storage[position] }

        /// Empties the list, keeping its storage.
        mutating func removeAll() { count = 0 }

        mutating func append(_ measurement: Measurement) {
            if count < storage.count {
                storage[count] = measurement
            } else {
                storage.append(measurement)
            }
            count += 1
        }
    }

    /// What one line is.
    enum Line {
        /// Blank, `PASS`, `ok …`, a log, unit metadata, or a bare benchmark name.
        case ignored
        /// A `key: value` configuration line.
        case configuration(key: String, value: String)
        /// A result line: its name is bytes `[start, nameEnd)` of the line; its value/unit pairs
        /// are in the `measurements` given to `parseLine`.
        case result(nameEnd: Int, iterations: Int)
    }

    /// Parses the line `[start, stop)` of `buffer` (without its `\n`; a `\r` before it is
    /// dropped here), putting a result's value/unit pairs into `measurements`.
    ///
    /// - Throws: `malformedLine` for a result line that breaks the format, with benchfmt's message.
    static func parseLine(
        _ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, fileName: String, line lineNumber: Int,
        into measurements: inout MeasurementList
    ) throws(InputError) -> Line {
        var stop = end
        if stop > start, buffer[stop - 1] == Bytes.carriageReturn { stop -= 1 }
        guard stop > start else { return .ignored }
        if Bytes.hasPrefix(buffer, start, stop, "Benchmark") {
            // The name: the first field.
            let nameEnd = Bytes.fieldEnd(buffer, from: start + 9, to: stop)
            if nameEnd == stop { return .ignored }  // `go test -v` prints the bare name first.
            let iterations = try parseResult(
                buffer, nameEnd: nameEnd, stop, fileName: fileName, line: lineNumber, into: &measurements)
            return .result(nameEnd: nameEnd, iterations: iterations)
        }
        if buffer[start] == UInt8(ascii: "U") {
            var i = start
            while i < stop, !Bytes.isSpace(buffer[i]) { i += 1 }
            if Bytes.equals(buffer, start, i, "Unit") { return .ignored }
        }
        if let (key, value) = keyValue(buffer, start, stop) {
            return .configuration(key: key, value: value)
        }
        return .ignored
    }

    /// Parses the rest of a result line after its name, `[nameEnd, stop)` (`stop` after any `\r`
    /// is dropped): the iteration count, returned, and the value/unit pairs, put into
    /// `measurements`.
    ///
    /// - Throws: `malformedLine` with benchfmt's message.
    @inline(__always)
    static func parseResult(
        _ buffer: UnsafeRawBufferPointer, nameEnd: Int, _ stop: Int, fileName: String, line lineNumber: Int,
        into measurements: inout MeasurementList
    ) throws(InputError) -> Int {
        if let iterations = parsePlainResult(buffer, nameEnd: nameEnd, stop, into: &measurements) {
            return iterations
        }
        return try parseAnyResult(
            buffer, nameEnd: nameEnd, stop, fileName: fileName, line: lineNumber, into: &measurements)
    }

    /// `parseResult` for the plain line — an iteration count of digits, values of digits with at
    /// most one `.` (up to 15 characters converted here, longer ones by `Bytes.parseDouble`), units —
    /// in one pass; nil for anything else (signs, exponents, errors), which `parseAnyResult` then reads.
    @inline(__always)
    private static func parsePlainResult(
        _ buffer: UnsafeRawBufferPointer, nameEnd: Int, _ stop: Int, into measurements: inout MeasurementList
    ) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        @inline(__always) func byte(_ index: Int) -> UInt8 { base.load(fromByteOffset: index, as: UInt8.self) }
        var i = nameEnd
        while i < stop, Bytes.isSpace(byte(i)) { i += 1 }
        let iterationStart = i
        var iterations = 0
        while i < stop {
            let digit = byte(i) &- 0x30
            guard digit < 10 else { break }
            iterations = iterations &* 10 &+ Int(digit)
            i += 1
        }
        guard i > iterationStart, i - iterationStart <= 18, i < stop, Bytes.isSpace(byte(i)) else { return nil }
        measurements.removeAll()
        while true {
            while i < stop, Bytes.isSpace(byte(i)) { i += 1 }
            if i == stop { return measurements.isEmpty ? nil : iterations }
            let valueStart = i
            var mantissa: UInt64 = 0
            var dot = -1
            while i < stop {
                let current = byte(i)
                let digit = current &- 0x30
                if digit < 10 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                } else if current == UInt8(ascii: "."), dot < 0 {
                    dot = i
                } else {
                    break
                }
                i += 1
            }
            let length = i - valueStart
            guard length > 0, dot < 0 || length >= 2, i < stop, Bytes.isSpace(byte(i)) else {
                return nil
            }
            var value: Double
            if length <= 15 {
                value = Double(mantissa)
                if dot >= 0, dot < i - 1 { value /= Bytes.powerOfTen(i - dot - 1) }
            } else {
                // Full precision (16 digits and more): the same parser as `parseAnyResult`'s, on the
                // same field, instead of reading the whole line a second time there.
                guard let parsed = Bytes.parseDouble(buffer, valueStart, i) else { return nil }
                value = parsed
            }
            while i < stop, Bytes.isSpace(byte(i)) { i += 1 }
            guard i < stop else { return nil }
            let unitStart = i
            i = Bytes.fieldEnd(buffer, from: i, to: stop)
            measurements.append(Measurement(value: value, unitStart: unitStart, unitEnd: i))
        }
    }

    /// `parseResult` for any line, with benchfmt's error messages.
    private static func parseAnyResult(
        _ buffer: UnsafeRawBufferPointer, nameEnd: Int, _ stop: Int, fileName: String, line lineNumber: Int,
        into measurements: inout MeasurementList
    ) throws(InputError) -> Int {
        var i = nameEnd
        func error(_ message: String) -> InputError {
            .malformed(fileName, line: lineNumber, message)
        }
        @inline(__always) func nextField() -> (Int, Int) {
            while i < stop, Bytes.isSpace(buffer[i]) { i += 1 }
            let fieldStart = i
            i = Bytes.fieldEnd(buffer, from: i, to: stop)
            return (fieldStart, i)
        }
        let iterationField = nextField()
        guard iterationField.0 < iterationField.1 else { throw error("missing iteration count") }
        guard let iterations = Bytes.parseInt(buffer, iterationField.0, iterationField.1) else {
            throw error(
                "parsing iteration count: invalid syntax (expected an integer, found \""
                    + "\(Bytes.excerpt(buffer, iterationField.0, iterationField.1))\")")
        }
        measurements.removeAll()
        while true {
            let valueField = nextField()
            if valueField.0 == valueField.1 {
                if measurements.isEmpty { throw error("missing measurements") }
                break
            }
            guard let value = Bytes.parseDouble(buffer, valueField.0, valueField.1) else {
                throw error(
                    "parsing measurement: invalid syntax (expected a number, found \""
                        + "\(Bytes.excerpt(buffer, valueField.0, valueField.1))\")")
            }
            let unitField = nextField()
            if unitField.0 == unitField.1 { throw error("missing units") }
            measurements.append(Measurement(value: value, unitStart: unitField.0, unitEnd: unitField.1))
        }
        return iterations
    }

    /// Parses `key: value` as benchfmt's `parseKeyValueLine` does.
    private static func keyValue(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ stop: Int) -> (String, String)? {
        let first = buffer[start]
        if first < 0x80 {
            guard first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return nil }
            var i = start + 1
            while i < stop {
                let byte = buffer[i]
                if byte >= 0x80 { return unicodeKeyValue(buffer, start, stop) }
                if byte == UInt8(ascii: ":") { break }
                if Bytes.isSpace(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) { return nil }
                i += 1
            }
            guard i < stop else { return nil }
            return keyValueParts(buffer, start, colon: i, stop)
        }
        return unicodeKeyValue(buffer, start, stop)
    }

    private static func keyValueParts(
        _ buffer: UnsafeRawBufferPointer, _ start: Int, colon: Int, _ stop: Int
    ) -> (String, String)? {
        let key = Bytes.string(buffer, start, colon)
        var valueStart = colon + 1
        if valueStart == stop { return (key, "") }
        guard buffer[valueStart] == Bytes.space || buffer[valueStart] == Bytes.tab else { return nil }
        while valueStart < stop, buffer[valueStart] == Bytes.space || buffer[valueStart] == Bytes.tab {
            valueStart += 1
        }
        return (key, Bytes.string(buffer, valueStart, stop))
    }

    private static func unicodeKeyValue(
        _ buffer: UnsafeRawBufferPointer, _ start: Int, _ stop: Int
    ) -> (String, String)? {
        // Offsets count the file's bytes: an invalid byte is one byte (Go's RuneError, width 1, neither
        // lower, upper nor space), not the three bytes of the U+FFFD a repaired String would hold.
        var bytes = buffer[start..<stop].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        var index = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if index == 0 && !scalar.properties.isLowercase { return nil }
                if scalar.properties.isWhitespace || scalar.properties.isUppercase { return nil }
                if index > 0 && scalar == ":" {
                    return keyValueParts(buffer, start, colon: start + offset, stop)
                }
                offset += encoded.count
            case .error(let length):
                if index == 0 { return nil }
                offset += length
            case .emptyInput:
                return nil
            }
            index += 1
        }
    }
}

extension Bytes {
    /// Whether bytes `[a0, a1)` equal bytes `[b0, b1)` of the same buffer.
    @inline(__always)
    static func equals(_ buffer: UnsafeRawBufferPointer, _ a0: Int, _ a1: Int, _ b0: Int, _ b1: Int) -> Bool {
        let count = a1 - a0
        guard count == b1 - b0 else { return false }
        if count == 0 || a0 == b0 { return true }
        guard let base = buffer.baseAddress else { return false }
        return memcmp(base + a0, base + b0, count) == 0
    }
}
