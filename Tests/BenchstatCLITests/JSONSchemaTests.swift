import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

/// `docs/benchstat.schema.json` describes the JSON report: every golden JSON output satisfies it,
/// the validator rejects what the schema forbids and names where, and the schema uses only what the
/// validator supports.
@Suite struct JSONSchemaTests {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let schemaURL = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/benchstat.schema.json")

    /// The names of the golden JSON reports.
    static let goldenJSONFiles: [String] = {
        let golden = testsDirectory.appendingPathComponent("Golden").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: golden)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    static func schema() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
    }

    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: Data(contentsOf: schemaURL))
    }

    static func golden(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(
            with: Data(contentsOf: testsDirectory.appendingPathComponent("Golden/\(name)")))
    }

    @Test func thereAreGoldenJSONReports() {
        #expect(Self.goldenJSONFiles.count >= 8, "\(Self.goldenJSONFiles)")
    }

    @Test(arguments: goldenJSONFiles)
    func goldenReportSatisfiesTheSchema(file: String) throws {
        let data = try Data(contentsOf: Self.testsDirectory.appendingPathComponent("Golden/\(file)"))
        let violations = try Self.validator().validate(json: data)
        #expect(violations.isEmpty, "\(violations.prefix(10).map(\.description).joined(separator: "\n"))")
    }

    @Test func schemaUsesOnlySupportedKeywords() throws {
        let errors = JSONSchemaValidator.schemaErrors(in: try Self.schema())
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func everyPropertyHasADescription() throws {
        var missing: [String] = []
        func walk(_ node: Any, _ location: String) {
            if let object = node as? [String: Any] {
                for (name, property) in object["properties"] as? [String: Any] ?? [:] {
                    if (property as? [String: Any])?["description"] == nil { missing.append("\(location)/\(name)") }
                }
                for (key, value) in object { walk(value, "\(location)/\(key)") }
            } else if let array = node as? [Any] {
                for (index, value) in array.enumerated() { walk(value, "\(location)/\(index)") }
            }
        }
        walk(try Self.schema(), "#")
        #expect(missing.isEmpty, "\(missing.sorted())")
    }

    /// The schema's enums list every case the Swift types can write (the schema may list more:
    /// `exact-counts` is a method identifier being introduced).
    @Test func enumsCoverTheModel() throws {
        let schema = try Self.schema()
        func values(_ path: [String]) -> Set<String> {
            var node: Any? = schema
            for key in path { node = (node as? [String: Any])?[key] }
            return Set((node as? [String: Any])?["enum"] as? [String] ?? [])
        }
        let defs = ["$defs"]
        let comparison = defs + ["comparison", "properties"]
        let options = ["properties", "options", "properties"]
        #expect(values(defs + ["verdict"]) == Set(Verdict.allCases.map(\.rawValue)))
        #expect(values(comparison + ["noise"]) == Set(NoiseModel.allCases.map(\.rawValue)))
        #expect(values(comparison + ["mode"]) == Set(MeasurementMode.allCases.map(\.rawValue)))
        #expect(values(comparison + ["direction"]) == ["lowerIsBetter", "higherIsBetter"])
        #expect(values(comparison + ["test"]) == Set(MethodIdentifier.allCases.map(\.rawValue)))
        #expect(values(options + ["test"]) == Set(ComparisonTest.allCases.map(\.rawValue)))
        #expect(values(options + ["correction"]) == Set(CorrectionMethod.allCases.map(\.rawValue)))
        #expect(values(["properties", "gate", "properties", "verdict"]) == ["pass", "fail"])
    }

    // MARK: - The validator rejects what the schema forbids, naming the JSON path

    /// A step into a JSON value.
    enum Step {
        case key(String)
        case index(Int)
    }

    /// `json` with the value at `path` replaced by `value` (removed when nil).
    static func replacing(_ path: ArraySlice<Step>, in json: Any, with value: Any?) -> Any? {
        guard let step = path.first else { return value }
        switch step {
        case .key(let key):
            guard var object = json as? [String: Any] else { return json }
            object[key] = replacing(path.dropFirst(), in: object[key] as Any, with: value)
            return object
        case .index(let index):
            guard var array = json as? [Any] else { return json }
            if let replaced = replacing(path.dropFirst(), in: array[index], with: value) {
                array[index] = replaced
            } else {
                array.remove(at: index)
            }
            return array
        }
    }

    /// A change to `mixed.json` and the one violation it must produce.
    struct Mutation: CustomTestStringConvertible, Sendable {
        let name: String
        let path: [Step]
        /// The new value as JSON text, or nil to remove the key.
        let value: String?
        let violationPath: String
        let fragment: String

        var testDescription: String { name }
    }

    static let mutations: [Mutation] = [
        Mutation(
            name: "missing required key", path: [.key("comparisons"), .index(0), .key("verdict")], value: nil,
            violationPath: "$.comparisons[0]", fragment: "missing required key \"verdict\""),
        Mutation(
            name: "missing nested required key", path: [.key("gate"), .key("reasons")], value: nil,
            violationPath: "$.gate", fragment: "missing required key \"reasons\""),
        Mutation(
            name: "extra key", path: [.key("comparisons"), .index(3), .key("baseSide"), .key("median")], value: #"1.5"#,
            violationPath: "$.comparisons[3].baseSide.median", fragment: "unexpected key \"median\""),
        Mutation(
            name: "extra top-level key", path: [.key("version")], value: #""1""#,
            violationPath: "$.version", fragment: "unexpected key"),
        Mutation(
            name: "wrong type", path: [.key("comparisons"), .index(2), .key("headSide"), .key("n")], value: #""24""#,
            violationPath: "$.comparisons[2].headSide.n", fragment: "expected integer, found string \"24\""),
        Mutation(
            name: "fraction where an integer belongs", path: [.key("summary"), .key("counts"), .key("noise")],
            value: #"2.5"#, violationPath: "$.summary.counts.noise", fragment: "expected integer"),
        Mutation(
            name: "boolean where a number belongs", path: [.key("options"), .key("alpha")], value: #"true"#,
            violationPath: "$.options.alpha", fragment: "expected number, found boolean true"),
        Mutation(
            name: "number where a boolean belongs", path: [.key("options"), .key("strict")], value: #"0"#,
            violationPath: "$.options.strict", fragment: "expected boolean, found number 0"),
        Mutation(
            name: "value outside the verdict enum", path: [.key("comparisons"), .index(1), .key("verdict")],
            value: #""regressed""#, violationPath: "$.comparisons[1].verdict", fragment: "\"regressed\" is not one of"),
        Mutation(
            name: "value outside the test enum", path: [.key("comparisons"), .index(1), .key("test")],
            value: #""welch""#, violationPath: "$.comparisons[1].test", fragment: "\"welch\" is not one of"),
        Mutation(
            name: "value outside the gate enum", path: [.key("gate"), .key("verdict")], value: #""warn""#,
            violationPath: "$.gate.verdict", fragment: "\"warn\" is not one of \"pass\", \"fail\""),
        Mutation(
            name: "ci of 3 numbers", path: [.key("comparisons"), .index(2), .key("change"), .key("ci")],
            value: #"[-0.9, 0.0, 0.9]"#, violationPath: "$.comparisons[2].change.ci", fragment: "more than maxItems 2"),
        Mutation(
            name: "ci of 1 number", path: [.key("comparisons"), .index(2), .key("baseSide"), .key("ci")],
            value: #"[0.0015]"#, violationPath: "$.comparisons[2].baseSide.ci", fragment: "fewer than minItems 2"),
        Mutation(
            name: "string inside a ci", path: [.key("summary"), .key("geomean"), .key("ci")], value: #"["-4.3", 13.3]"#,
            violationPath: "$.summary.geomean.ci[0]", fragment: "expected number"),
        Mutation(
            name: "NaN as a string", path: [.key("comparisons"), .index(2), .key("pValue")], value: #""NaN""#,
            violationPath: "$.comparisons[2].pValue", fragment: "expected number or null, found string \"NaN\""),
        Mutation(
            name: "negative count", path: [.key("comparisons"), .index(0), .key("baseSide"), .key("outliers")],
            value: #"-1"#, violationPath: "$.comparisons[0].baseSide.outliers", fragment: "below the minimum 0"),
        Mutation(
            name: "another schema version", path: [.key("schemaVersion")], value: #"2"#,
            violationPath: "$.schemaVersion", fragment: "expected 1, found number 2"),
    ]

    @Test(arguments: mutations)
    func validatorRejects(_ mutation: Mutation) throws {
        let validator = try Self.validator()
        let original = try Self.golden("mixed.json")
        #expect(validator.validate(original).isEmpty)
        let value = try mutation.value.map {
            try JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed])
        }
        let changed = try #require(Self.replacing(mutation.path[...], in: original, with: value))
        let violations = validator.validate(changed)
        #expect(violations.count == 1, "\(violations)")
        let violation = try #require(violations.first)
        #expect(violation.path == mutation.violationPath, "\(violation)")
        #expect(violation.message.contains(mutation.fragment), "\(violation)")
    }

    @Test func validatorReportsEveryViolation() throws {
        var changed = try Self.golden("mixed.json")
        changed = try #require(Self.replacing([.key("warnings")], in: changed, with: nil))
        changed = try #require(Self.replacing([.key("heads"), .index(0)], in: changed, with: NSNumber(value: 7)))
        let violations = try Self.validator().validate(changed)
        #expect(violations.map(\.path) == ["$", "$.heads[0]"], "\(violations)")
    }

    // MARK: - The validator refuses a schema it cannot apply

    static let unsupportedSchemas: [(schema: String, location: String)] = [
        (##"{"type": "object", "properties": {"x": {"oneOf": [{"type": "string"}]}}}"##, "#/properties/x/oneOf"),
        (##"{"type": "object", "additionalProperties": true}"##, "#/additionalProperties"),
        (##"{"type": "object", "additionalProperties": {"type": "string"}}"##, "#/additionalProperties"),
        (##"{"type": "array", "items": {"type": "string", "format": "date"}}"##, "#/items/format"),
        (##"{"$ref": "#/definitions/x", "definitions": {"x": {}}}"##, "#/$ref"),
        (##"{"$ref": "#/$defs/absent", "$defs": {}}"##, "#/$ref"),
        (##"{"$defs": {"x": {"$defs": {}}}}"##, "#/$defs/x/$defs"),
        (##"{"type": "decimal"}"##, "#/type"),
        (##"{"type": "number", "exclusiveMinimum": 0}"##, "#/exclusiveMinimum"),
        (##"{"properties": {"x": true}}"##, "#/properties/x"),
    ]

    @Test(arguments: unsupportedSchemas)
    func validatorRefusesUnsupportedSchema(schema: String, location: String) {
        let error = #expect(throws: JSONSchemaValidator.SchemaError.self) {
            _ = try JSONSchemaValidator(schema: Data(schema.utf8))
        }
        #expect(error?.location == location, "\(String(describing: error))")
    }
}
