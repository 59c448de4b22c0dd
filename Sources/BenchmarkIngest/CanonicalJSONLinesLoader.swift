import BenchmarkModel
import Foundation

/// Loads benchstat's canonical JSON Lines format (DESIGN.md, "Canonical format"): one JSON
/// object per line with `benchmark` (string), `unit` (string) and `value` (number), optionally
/// `mode` (`"walltime"` or `"instrumentation"`), `run` (string or number) and `iteration` (a
/// non-negative integer: the round of an interleaved measurement, for `analyze --paired`); other
/// keys are ignored; blank lines are skipped.
///
/// The common line — a flat object of unescaped strings and numbers — is scanned in place on the
/// file's bytes without building a JSON tree; when consecutive lines name the same benchmark,
/// unit, mode and run, the series is reused without hashing. Other lines go through `JSONParser`.
///
/// - Complexity: O(file size), memory O(samples).
enum CanonicalJSONLinesLoader {
    /// Reads the file line by line from `reader`.
    static func load(
        _ reader: LineReader, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        let file = reader.path
        var sink = CanonicalRecordSink()
        var samples = 0
        var cache = LineCache()
        // The label's table, kept from its earlier files (handed back when this one is read).
        var resolved = label.takeResolvedLines()
        defer { label.keepResolvedLines(resolved) }
        var previous = PreviousLine()
        // Lines in a row that neither shortcut served (the previous line with another value, or the
        // previous line's fields). An interleaved file never repeats its previous line, so after a
        // while the copies the shortcuts need are made only every `rememberEvery` lines — still often
        // enough to notice a stretch of consecutive samples. The shortcuts map fields to the series
        // the table would, so an older copy is as right as a fresh one.
        var misses = 0
        let rememberEvery = 16
        var lineNumber = 0
        var templateServedLast = false
        var templateMisses = 0
        while let (start, stop) = try reader.nextLine() {
            lineNumber += 1
            let buffer = reader.bytes
            let (lower, upper) = Bytes.trim(buffer, start, stop)
            if lower == upper { continue }
            samples += 1
            // The two shortcuts, the one that served the line before first: the previous line with
            // another value (a file of consecutive samples), or the next key's template (interleaved).
            // A file whose keys come in no order (shuffled) never meets a template; after
            // `rememberEvery` lines in a row without one, it is tried only every `rememberEvery`th line.
            var previousValue: Double?
            if !templateServedLast, cache.valid { previousValue = previous.value(buffer, lower, upper) }
            let tryTemplate =
                previousValue == nil && (templateMisses < rememberEvery || lineNumber % rememberEvery == 0)
            if tryTemplate, let (position, token) = resolved.nextByTemplate(buffer, lower, upper),
                Bytes.jsonTokenEnd(buffer, from: token.0, to: token.1) == token.1,
                case .number(let value) = FlatLine.token(buffer, token.0, token.1)
            {
                templateServedLast = true
                templateMisses = 0
                let known = resolved.take(position)
                let runKey = known.runKey ?? label.currentFileRun
                if label.appendIfPlain(value, scale: known.unit.scale, series: known.series, runKey: runKey) {
                    continue
                }
                try label.append(
                    value, unit: known.unit, series: known.series, runKey: runKey, line: lineNumber, field: "value")
                continue
            }
            if tryTemplate { templateMisses += 1 }
            if templateServedLast, cache.valid { previousValue = previous.value(buffer, lower, upper) }
            templateServedLast = false
            if let value = previousValue {
                misses = 0
                if previous.iteration == nil,
                    label.appendIfPlain(value, scale: cache.unitValue.scale, series: cache.series, runKey: cache.runKey)
                {
                    continue
                }
                try label.append(
                    value, unit: cache.unitValue, series: cache.series, runKey: cache.runKey, line: lineNumber,
                    field: "value", iteration: previous.iteration)
                continue
            }
            var fields = FlatLine()
            let flat = fields.scan(buffer, lower, upper)
            if !flat {
                fields = try FlatLine.general(buffer, lower, upper, file: file, line: lineNumber)
            }
            let remember = misses < rememberEvery || lineNumber % rememberEvery == 0
            var cacheHit = false
            let iteration = try add(
                fields, buffer, line: (lower, upper), number: lineNumber, file: file, cache: &cache,
                remember: remember, cacheHit: &cacheHit, resolved: &resolved, sink: &sink, label: &label,
                context: &context)
            misses = cacheHit ? 0 : misses + 1
            if remember {
                // `previous` and `cache` describe the same line: both are kept, or neither.
                if flat, cache.valid, case .number = fields.value {
                    previous.set(buffer, lower, upper, value: fields.valueToken, iteration: iteration)
                } else {
                    previous.clear()
                }
            }
        }
        if samples == 0 {
            throw InputError(.emptyFile, at: SourceLocation(file: file), "the file holds no JSON Lines samples")
        }
        return FileMetadata(path: file, format: InputFormat.canonicalJSONLines.rawValue, entries: [])
    }

    /// What the previous line resolved to, with copies of its bytes (the reader's buffer moves on).
    private struct LineCache {
        var name = ByteKey()
        var unit = ByteKey()
        var mode = FieldKey()
        var run = FieldKey()
        var valid = false
        var series = 0
        var unitValue = MeasurementUnit.parse("")
        var runKey = 0

        /// Remembers the line `fields` (whose name, unit, mode and run are plain bytes or absent)
        /// as resolved to `series`.
        mutating func set(
            _ buffer: UnsafeRawBufferPointer, _ fields: FlatLine, series: Int, unit: MeasurementUnit, runKey: Int
        ) {
            guard case .bytes(let nameStart, let nameEnd) = fields.benchmark,
                case .bytes(let unitStart, let unitEnd) = fields.unit
            else {
                valid = false
                return
            }
            name.set(buffer, nameStart, nameEnd)
            self.unit.set(buffer, unitStart, unitEnd)
            mode.set(buffer, fields.mode)
            run.set(buffer, fields.run)
            valid = true
            self.series = series
            unitValue = unit
            self.runKey = runKey
        }
    }

    /// The bytes of the previous line around its value's token: a line that differs from it only
    /// in that token (a number) has the same fields but the value, so it is not scanned again.
    private struct PreviousLine {
        private var bytes = ByteKey()
        private var valueStart = 0
        private var valueEnd = 0
        /// The line's iteration (the same for a line that differs only in its value).
        private(set) var iteration: Int?

        /// Keeps line `[start, end)`, whose value is the number token `value`.
        mutating func set(
            _ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, value: (Int, Int), iteration: Int?
        ) {
            self.iteration = iteration
            bytes.set(buffer, start, end)
            valueStart = value.0 - start
            valueEnd = value.1 - start
        }

        mutating func clear() { bytes.clear() }

        /// The value of line `[start, end)` when it is the kept line with another number token
        /// (one `FlatLine.scan` reads as a number) in place of the value's; else nil.
        @inline(__always)
        func value(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Double? {
            let suffix = bytes.count - valueEnd
            guard bytes.isSet, end - start > valueStart + suffix, let base = buffer.baseAddress else { return nil }
            let tokenStart = start + valueStart
            let tokenEnd = end - suffix
            let same = bytes.withUnsafeBytes { own -> Bool in
                guard let ownBase = own.baseAddress else { return false }
                return memcmp(ownBase, base + start, valueStart) == 0
                    && memcmp(ownBase + valueEnd, base + tokenEnd, suffix) == 0
            }
            guard same else { return nil }
            var i = tokenStart
            while i < tokenEnd {
                if FlatLine.endsToken(buffer[i]) { return nil }
                i += 1
            }
            guard case .number(let value) = FlatLine.token(buffer, tokenStart, tokenEnd) else { return nil }
            return value
        }
    }

    /// A copy of an optional string field: absent, or its bytes.
    private struct FieldKey {
        var present = false
        var bytes = ByteKey()

        func equals(_ buffer: UnsafeRawBufferPointer, _ field: FlatField) -> Bool {
            switch field {
            case .missing: return !present
            case .bytes(let start, let end): return present && bytes.equals(buffer, start, end)
            default: return false
            }
        }

        mutating func set(_ buffer: UnsafeRawBufferPointer, _ field: FlatField) {
            if case .bytes(let start, let end) = field {
                present = true
                bytes.set(buffer, start, end)
            } else {
                present = false
            }
        }
    }

    /// Adds the sample of one line; returns its iteration. `cacheHit` is set when the previous
    /// line's fields served; `cache` is updated only when `remember` is true.
    @discardableResult
    private static func add(
        _ fields: FlatLine, _ buffer: UnsafeRawBufferPointer, line bounds: (Int, Int), number line: Int, file: String,
        cache: inout LineCache, remember: Bool, cacheHit: inout Bool, resolved: inout ResolvedSeriesTable,
        sink: inout CanonicalRecordSink, label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> Int? {
        guard case .number(let value) = fields.value else {
            if case .missing = fields.value {
                throw .missingField(file, line: line, field: "value", in: "the sample")
            }
            throw .wrongType(
                file, line: line, field: "value", expected: "a number", found: fields.value.describe(buffer))
        }
        let iteration = try fields.iteration.optionalIteration(buffer, file: file, line: line)
        if cache.valid, case .bytes(let nameStart, let nameEnd) = fields.benchmark,
            case .bytes(let unitStart, let unitEnd) = fields.unit,
            cache.name.equals(buffer, nameStart, nameEnd), cache.unit.equals(buffer, unitStart, unitEnd),
            cache.mode.equals(buffer, fields.mode), cache.run.equals(buffer, fields.run)
        {
            cacheHit = true
            if iteration == nil,
                label.appendIfPlain(value, scale: cache.unitValue.scale, series: cache.series, runKey: cache.runKey)
            {
                return iteration
            }
            try label.append(
                value, unit: cache.unitValue, series: cache.series, runKey: cache.runKey, line: line, field: "value",
                iteration: iteration)
            return iteration
        }
        // The same fields earlier in the file (an interleaved file): the series resolved then. A key
        // exists only for fields in place, which only the flat scanner gives: a line with a key is
        // one it read, with the value's token where `fields.valueToken` says (for the templates).
        let key = fields.byteKey
        if let key, let known = resolved.find(buffer, name: key.name, unit: key.unit, mode: key.mode, run: key.run) {
            let runKey = known.runKey ?? label.currentFileRun
            try label.append(
                value, unit: known.unit, series: known.series, runKey: runKey, line: line, field: "value",
                iteration: iteration)
            if remember { cache.set(buffer, fields, series: known.series, unit: known.unit, runKey: runKey) }
            // The key the template would have served, on a line not made like it: the next ones will
            // likely be made like this one (in a file of no order, the key is seldom a candidate).
            if iteration == nil, resolved.foundCandidate {
                resolved.keepTemplate(buffer, line: bounds, name: key.name, value: fields.valueToken, onlyIfNone: false)
            }
            return iteration
        }
        let name = try fields.benchmark.requiredString(buffer, field: "benchmark", file: file, line: line)
        let unitText = try fields.unit.requiredString(buffer, field: "unit", file: file, line: line)
        try CanonicalRecordSink.checkNonEmpty(name, field: "benchmark", file: file, line: line)
        try CanonicalRecordSink.checkNonEmpty(unitText, field: "unit", file: file, line: line)
        var mode: MeasurementMode?
        if let modeText = try fields.mode.optionalString(buffer, field: "mode", file: file, line: line) {
            mode = try CanonicalRecordSink.mode(modeText, file: file, line: line)
        }
        let run = try fields.run.optionalRun(buffer, file: file, line: line)
        let unit = sink.unit(unitText)
        let series = try label.series(
            name: name, parameters: [], unit: unit, mode: mode, line: line, context: &context)
        let explicitRunKey = run.map { label.runKey($0) }
        let runKey = explicitRunKey ?? label.currentFileRun
        try label.append(
            value, unit: unit, series: series, runKey: runKey, line: line, field: "value", iteration: iteration)
        if let key {
            resolved.record(
                buffer, name: key.name, unit: key.unit, mode: key.mode, run: key.run,
                as: .init(series: series, unit: unit, runKey: explicitRunKey))
            if iteration == nil {
                resolved.keepTemplate(buffer, line: bounds, name: key.name, value: fields.valueToken, onlyIfNone: true)
            }
            if remember { cache.set(buffer, fields, series: series, unit: unit, runKey: runKey) }
        } else if remember {
            cache.valid = false
        }
        return iteration
    }
}

/// One field of a canonical line: absent, an unescaped string in place, or a decoded value.
enum FlatField {
    case missing
    case bytes(Int, Int)
    case text(String)
    case number(Double)
    case other(String)

    var isBytesOrMissing: Bool {
        switch self {
        case .missing, .bytes: true
        default: false
        }
    }

    func describe(_ buffer: UnsafeRawBufferPointer) -> String {
        switch self {
        case .missing: "nothing"
        case .bytes(let start, let end): "a string (\"\(Bytes.excerpt(buffer, start, end))\")"
        case .text(let text): "a string (\"\(text.prefix(40))\")"
        case .number(let value): "a number (\(formatNumber(value)))"
        case .other(let description): description
        }
    }

    func requiredString(
        _ buffer: UnsafeRawBufferPointer, field: String, file: String, line: Int
    ) throws(InputError) -> String {
        guard let text = try optionalString(buffer, field: field, file: file, line: line) else {
            throw .missingField(file, line: line, field: field, in: "the sample")
        }
        return text
    }

    func optionalString(
        _ buffer: UnsafeRawBufferPointer, field: String, file: String, line: Int
    ) throws(InputError) -> String? {
        switch self {
        case .missing: return nil
        case .bytes(let start, let end): return Bytes.string(buffer, start, end)
        case .text(let text): return text
        case .number, .other:
            throw .wrongType(file, line: line, field: field, expected: "a string", found: describe(buffer))
        }
    }

    /// An `iteration` field: absent, or a non-negative integer (written as a JSON number).
    func optionalIteration(_ buffer: UnsafeRawBufferPointer, file: String, line: Int) throws(InputError) -> Int? {
        switch self {
        case .missing:
            return nil
        case .number(let value):
            guard value.isFinite, value == value.rounded(), value >= 0, value < 9_007_199_254_740_992 else {
                throw InputError(
                    .valueOutOfRange, at: SourceLocation(file: file, line: line, field: "iteration"),
                    "field \"iteration\": expected a non-negative integer, found \(formatNumber(value))")
            }
            return Int(value)
        default:
            throw .wrongType(
                file, line: line, field: "iteration", expected: "a non-negative integer", found: describe(buffer))
        }
    }

    /// A `run` field: a string, or a number printed as written (`"run": 3` is run `3`).
    func optionalRun(_ buffer: UnsafeRawBufferPointer, file: String, line: Int) throws(InputError) -> String? {
        if case .number(let value) = self { return formatNumber(value) }
        return try optionalString(buffer, field: "run", file: file, line: line)
    }
}

extension FlatLine {
    /// The byte ranges of the name, unit, mode and run when each is given as plain bytes (the
    /// mode and run may be absent): the key under which `ResolvedSeriesTable` remembers the line.
    var byteKey: (name: (Int, Int), unit: (Int, Int), mode: (Int, Int)?, run: (Int, Int)?)? {
        guard case .bytes(let nameStart, let nameEnd) = benchmark, case .bytes(let unitStart, let unitEnd) = unit
        else { return nil }
        func optional(_ field: FlatField) -> (Int, Int)?? {
            switch field {
            case .missing: return .some(nil)
            case .bytes(let start, let end): return .some((start, end))
            default: return nil
            }
        }
        guard let mode = optional(mode), let run = optional(run) else { return nil }
        return ((nameStart, nameEnd), (unitStart, unitEnd), mode, run)
    }
}

/// The canonical fields of one JSON line.
struct FlatLine {
    var benchmark = FlatField.missing
    var unit = FlatField.missing
    var value = FlatField.missing
    var mode = FlatField.missing
    var run = FlatField.missing
    var iteration = FlatField.missing
    /// Where `scan` found the token of `value` (when it is a number or literal).
    var valueToken = (0, 0)
    /// The keys other than the canonical ones met so far on the line (byte ranges).
    private var otherKeys: [(Int, Int)] = []

    /// Scans `[start, end)` as a flat JSON object of unescaped strings, numbers and literals.
    /// Returns false when the line needs the general parser (escapes, nesting, syntax errors).
    mutating func scan(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
        var i = start
        guard buffer[i] == UInt8(ascii: "{") else { return false }
        i += 1
        @inline(__always) func skipSpace() {
            while i < end, Bytes.isSpace(buffer[i]) { i += 1 }
        }
        @inline(__always) func scanString() -> (Int, Int)? {
            guard i < end, buffer[i] == UInt8(ascii: "\"") else { return nil }
            let first = i + 1
            let j = Bytes.jsonStringEnd(buffer, from: first, to: end)
            guard j < end, buffer[j] == UInt8(ascii: "\"") else { return nil }
            i = j + 1
            return (first, j)
        }
        skipSpace()
        if i < end, buffer[i] == UInt8(ascii: "}") { return i + 1 == end }
        while true {
            skipSpace()
            guard let key = scanString() else { return false }
            skipSpace()
            guard i < end, buffer[i] == UInt8(ascii: ":") else { return false }
            i += 1
            skipSpace()
            guard i < end else { return false }
            let field: FlatField
            var tokenRange = (0, 0)
            let byte = buffer[i]
            if byte == UInt8(ascii: "\"") {
                guard let range = scanString() else { return false }
                field = .bytes(range.0, range.1)
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                return false
            } else {
                let tokenStart = i
                i = Bytes.jsonTokenEnd(buffer, from: i, to: end)
                guard let token = Self.token(buffer, tokenStart, i) else { return false }
                field = token
                tokenRange = (tokenStart, i)
            }
            guard assign(buffer, key, field, tokenRange) else { return false }
            skipSpace()
            guard i < end else { return false }
            if buffer[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if buffer[i] == UInt8(ascii: "}") {
                return i + 1 == end
            }
            return false
        }
    }

    /// Whether `byte` ends a number or literal token: `,`, `}` or whitespace.
    @inline(__always)
    static func endsToken(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || Bytes.isSpace(byte)
    }

    /// A number or literal token `[start, end)` as `scan` reads it: a number, a boolean or null;
    /// nil when `scan` would hand the line to the general parser.
    @inline(__always)
    static func token(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> FlatField? {
        if let number = Bytes.parseDouble(buffer, start, end) {
            let first = buffer[start]
            guard first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) || !number.isFinite else {
                return nil
            }
            return .number(number)
        }
        if Bytes.equals(buffer, start, end, "true") || Bytes.equals(buffer, start, end, "false") {
            return .other("a boolean")
        }
        if Bytes.equals(buffer, start, end, "null") { return .other("null") }
        return nil
    }

    /// Assigns a canonical field; false when the key was seen before on this line (the general
    /// parser then reports the repeated key). Other keys are compared with the earlier other keys.
    private mutating func assign(
        _ buffer: UnsafeRawBufferPointer, _ key: (Int, Int), _ field: FlatField, _ tokenRange: (Int, Int)
    ) -> Bool {
        @inline(__always) func set(_ slot: inout FlatField) -> Bool {
            if case .missing = slot {
                slot = field
                return true
            }
            return false
        }
        // By length first: one comparison for most keys.
        switch key.1 - key.0 {
        case 9:
            if Bytes.equals(buffer, key.0, key.1, "benchmark") { return set(&benchmark) }
            if Bytes.equals(buffer, key.0, key.1, "iteration") { return set(&iteration) }
        case 4:
            if Bytes.equals(buffer, key.0, key.1, "unit") { return set(&unit) }
            if Bytes.equals(buffer, key.0, key.1, "mode") { return set(&mode) }
        case 5:
            if Bytes.equals(buffer, key.0, key.1, "value") {
                valueToken = tokenRange
                return set(&value)
            }
        case 3:
            if Bytes.equals(buffer, key.0, key.1, "run") { return set(&run) }
        default:
            break
        }
        for other in otherKeys where other.1 - other.0 == key.1 - key.0 {
            if (0..<(key.1 - key.0)).allSatisfy({ buffer[other.0 + $0] == buffer[key.0 + $0] }) { return false }
        }
        otherKeys.append(key)
        return true
    }

    /// The fields of a line that the flat scanner declined, through the general JSON parser.
    static func general(
        _ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, file: String, line: Int
    ) throws(InputError) -> FlatLine {
        var parser = JSONParser(buffer, file: file, start: start, end: end, line: line)
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if !parser.isAtEnd {
            throw .malformed(file, line: line, "invalid JSON: expected one object per line, found more after it")
        }
        guard case .object(let members) = node.value else {
            throw .malformed(file, line: line, "expected a JSON object per line, found \(node.typeDescription)")
        }
        var fields = FlatLine()
        for (key, member) in members {
            let field: FlatField
            switch member.value {
            case .string(let text): field = .text(text)
            case .number(let number): field = .number(number)
            default: field = .other(member.typeDescription)
            }
            switch key {
            case "benchmark": fields.benchmark = field
            case "unit": fields.unit = field
            case "value": fields.value = field
            case "mode": fields.mode = field
            case "run": fields.run = field
            case "iteration": fields.iteration = field
            default: break
            }
        }
        return fields
    }
}
