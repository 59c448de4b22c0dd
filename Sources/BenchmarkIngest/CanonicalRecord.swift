import BenchmarkModel

/// The validation shared by the canonical JSON Lines and CSV loaders: one sample with
/// `benchmark`, `unit`, `value` and optional `mode` and `run` (DESIGN.md, "Canonical format").
struct CanonicalRecordSink {
    private var units: [ExactText: MeasurementUnit] = [:]
    /// The first spellings met, searched one by one before `units` (a file has a handful of units:
    /// comparing short strings costs a fraction of hashing one, once per new benchmark).
    private var firstUnits: [(written: String, unit: MeasurementUnit)] = []

    /// The unit for `written`, parsed once per distinct spelling (byte for byte: each spelling is
    /// shown as written, `ExactText`).
    mutating func unit(_ written: String) -> MeasurementUnit {
        for known in firstUnits where ExactText.same(known.written, written) { return known.unit }
        if let cached = units[ExactText(written)] { return cached }
        let parsed = MeasurementUnit.parse(written)
        units[ExactText(written)] = parsed
        if firstUnits.count < 8 { firstUnits.append((written, parsed)) }
        return parsed
    }

    /// Parses a `mode` field.
    static func mode(_ text: String, file: String, line: Int) throws(InputError) -> MeasurementMode {
        guard let mode = MeasurementMode(rawValue: text) else {
            throw InputError(
                .wrongType, at: SourceLocation(file: file, line: line, field: "mode"),
                "field \"mode\": expected \"walltime\" or \"instrumentation\", found \"\(text)\"")
        }
        return mode
    }

    /// Checks the name and unit are usable.
    static func checkNonEmpty(_ text: String, field: String, file: String, line: Int) throws(InputError) {
        if text.isEmpty {
            throw InputError(
                .missingField, at: SourceLocation(file: file, line: line, field: field),
                "field \"\(field)\": expected a non-empty string, found \"\"")
        }
    }
}

/// The fields of the canonical format (DESIGN.md, "Canonical format"): the one place their names
/// are spelled. `benchmark`, `unit` and `value` are required; the others optional.
public enum CanonicalField: String, Sendable, CaseIterable {
    case benchmark
    case mode
    case unit
    case value
    case run
    /// The round of an interleaved measurement (`benchmark measure`, `--paired`).
    case iteration

    /// The fields a record must have.
    static let required: [CanonicalField] = [.benchmark, .unit, .value]
}

/// Writes canonical JSON Lines records, one sample per line, in the field order of DESIGN.md — what
/// `benchstat measure` writes and `CanonicalJSONLinesLoader` reads back.
public enum CanonicalRecordWriter {
    /// One record as a line (with its newline): `{"benchmark": …, "mode": …, "unit": …, "value": …,
    /// "run": …, "iteration": …}`, optional fields left out when nil.
    public static func line(
        benchmark: String, mode: MeasurementMode?, unit: String, value: UInt64, run: String?, iteration: Int?
    ) -> String {
        var fields: [(CanonicalField, String)] = [(.benchmark, quoted(benchmark))]
        if let mode { fields.append((.mode, quoted(mode.rawValue))) }
        fields.append((.unit, quoted(unit)))
        fields.append((.value, String(value)))
        if let run { fields.append((.run, quoted(run))) }
        if let iteration { fields.append((.iteration, String(iteration))) }
        return "{" + fields.map { "\"\($0.0.rawValue)\": \($0.1)" }.joined(separator: ", ") + "}\n"
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\u00XX` (RFC 8259 §7).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
