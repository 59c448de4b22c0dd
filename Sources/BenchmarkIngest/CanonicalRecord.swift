import BenchmarkModel

/// The validation shared by the canonical JSON Lines and CSV loaders: one sample with
/// `benchmark`, `unit`, `value` and optional `mode` and `run` (DESIGN.md, "Canonical format").
struct CanonicalRecordSink {
    private var units: [String: MeasurementUnit] = [:]

    /// The unit for `written`, parsed once per distinct spelling.
    mutating func unit(_ written: String) -> MeasurementUnit {
        if let cached = units[written] { return cached }
        let parsed = MeasurementUnit.parse(written)
        units[written] = parsed
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
