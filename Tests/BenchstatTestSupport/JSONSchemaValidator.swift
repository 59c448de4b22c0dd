import Foundation

/// A JSON Schema (draft 2020-12) validator for exactly the keywords `docs/benchstat.schema.json`
/// uses, so the tests can check the JSON report against its schema without Python.
///
/// Supported: `type` (a name or an array of names), `properties`, `required`,
/// `additionalProperties: false`, `items`, `prefixItems`, `minItems`, `maxItems`, `enum`, `const`,
/// `$ref` to `#/$defs/<name>`, `minimum`, and the annotations `title` and `description`; `$schema`,
/// `$id` and `$defs` at the root only. Any other keyword, any other form of a supported one
/// (`additionalProperties: true` or a schema, a boolean schema, a `$ref` elsewhere) makes
/// `init(schema:)` throw, so the schema cannot outgrow the validator silently.
///
/// Instances are what `JSONSerialization` returns. Values are checked as JSON Schema says:
/// keywords for objects ignore non-objects, those for arrays ignore non-arrays, `minimum` ignores
/// non-numbers; `integer` is a number with no fractional part.
public struct JSONSchemaValidator {
    /// Every keyword the validator understands.
    public static let supportedKeywords: Set<String> = [
        "$schema", "$id", "$defs", "title", "description", "type", "properties", "required",
        "additionalProperties", "items", "prefixItems", "minItems", "maxItems", "enum", "const", "$ref", "minimum",
    ]

    /// Keywords allowed only on the root schema.
    static let rootOnlyKeywords: Set<String> = ["$schema", "$id", "$defs"]

    /// The type names of `type`.
    static let typeNames: Set<String> = ["null", "boolean", "integer", "number", "string", "array", "object"]

    /// A schema the validator cannot apply faithfully, with the schema location (a JSON pointer).
    public struct SchemaError: Error, CustomStringConvertible, Equatable {
        /// The JSON pointer of the offending schema keyword, for example `#/$defs/side/oneOf`.
        public let location: String
        /// What is wrong there.
        public let message: String

        public var description: String { "\(location): \(message)" }
    }

    /// One place where an instance does not satisfy the schema.
    public struct Violation: Error, CustomStringConvertible, Equatable {
        /// The path of the offending value in the instance, for example `$.comparisons[0].ci`.
        public let path: String
        /// What is wrong there.
        public let message: String

        public var description: String { "\(path): \(message)" }
    }

    private let root: [String: Any]

    /// Reads a schema, checking that it uses only supported keywords, in supported forms, and that
    /// every `$ref` resolves.
    public init(schema data: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SchemaError(location: "#", message: "the schema is not a JSON object")
        }
        try self.init(schema: root)
    }

    /// Checks `schema` as `init(schema: Data)` does.
    public init(schema: [String: Any]) throws {
        root = schema
        if let errors = Self.schemaErrors(in: schema).first { throw errors }
    }

    /// Every unsupported keyword or form in `schema`, in document order (object keys sorted).
    public static func schemaErrors(in schema: [String: Any]) -> [SchemaError] {
        var errors: [SchemaError] = []
        if let defs = schema["$defs"] {
            if let defs = defs as? [String: Any] {
                for name in defs.keys.sorted() {
                    let location = "#/$defs/\(name)"
                    guard let definition = defs[name] as? [String: Any] else {
                        errors.append(SchemaError(location: location, message: "a definition must be a schema object"))
                        continue
                    }
                    check(definition, at: location, isRoot: false, root: schema, into: &errors)
                }
            } else {
                errors.append(SchemaError(location: "#/$defs", message: "`$defs` must be an object"))
            }
        }
        check(schema, at: "#", isRoot: true, root: schema, into: &errors)
        return errors
    }

    private static func check(
        _ schema: [String: Any], at location: String, isRoot: Bool, root: [String: Any],
        into errors: inout [SchemaError]
    ) {
        func fail(_ keyword: String, _ message: String) {
            errors.append(SchemaError(location: "\(location)/\(keyword)", message: message))
        }
        func subschema(_ value: Any, _ at: String) {
            guard let object = value as? [String: Any] else {
                errors.append(SchemaError(location: at, message: "a subschema must be a schema object"))
                return
            }
            check(object, at: at, isRoot: false, root: root, into: &errors)
        }
        for keyword in schema.keys.sorted() {
            let value = schema[keyword] as Any
            guard supportedKeywords.contains(keyword) else {
                fail(keyword, "unsupported keyword `\(keyword)`")
                continue
            }
            if rootOnlyKeywords.contains(keyword), !isRoot {
                fail(keyword, "`\(keyword)` is supported on the root schema only")
                continue
            }
            switch keyword {
            case "$schema", "$id", "title", "description":
                if !(value is String) { fail(keyword, "`\(keyword)` must be a string") }
            case "$defs":
                break  // checked by schemaErrors(in:)
            case "type":
                let names =
                    (value as? [Any]).map { $0.compactMap { $0 as? String } } ?? [value as? String].compactMap { $0 }
                let count = (value as? [Any])?.count ?? 1
                if names.isEmpty || names.count != count || !names.allSatisfy(typeNames.contains) {
                    fail(keyword, "`type` must be a type name or a non-empty array of type names")
                }
            case "properties":
                guard let properties = value as? [String: Any] else {
                    fail(keyword, "`properties` must be an object")
                    continue
                }
                for name in properties.keys.sorted() {
                    subschema(properties[name] as Any, "\(location)/properties/\(name)")
                }
            case "required":
                if !((value as? [Any])?.allSatisfy { $0 is String } ?? false) {
                    fail(keyword, "`required` must be an array of strings")
                }
            case "additionalProperties":
                if !(isBoolean(value) && (value as? Bool) == false) {
                    fail(keyword, "only `additionalProperties: false` is supported")
                }
            case "items":
                subschema(value, "\(location)/items")
            case "prefixItems":
                guard let items = value as? [Any], !items.isEmpty else {
                    fail(keyword, "`prefixItems` must be a non-empty array of schemas")
                    continue
                }
                for (index, item) in items.enumerated() { subschema(item, "\(location)/prefixItems/\(index)") }
            case "minItems", "maxItems":
                if integerValue(value).map({ $0 < 0 }) ?? true {
                    fail(keyword, "`\(keyword)` must be a non-negative integer")
                }
            case "enum":
                if (value as? [Any])?.isEmpty ?? true { fail(keyword, "`enum` must be a non-empty array") }
            case "const":
                break
            case "minimum":
                if !isNumber(value) { fail(keyword, "`minimum` must be a number") }
            case "$ref":
                guard let reference = value as? String else {
                    fail(keyword, "`$ref` must be a string")
                    continue
                }
                if resolve(reference, in: root) == nil {
                    fail(keyword, "`$ref` \(reference) does not name an entry of the root `$defs`")
                }
            default:
                fail(keyword, "supported keyword `\(keyword)` has no check (validator bug)")
            }
        }
    }

    /// The definition `#/$defs/<name>` names, or nil.
    private static func resolve(_ reference: String, in root: [String: Any]) -> [String: Any]? {
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix) else { return nil }
        let name = String(reference.dropFirst(prefix.count))
        guard !name.isEmpty, !name.contains("/"), !name.contains("~") else { return nil }
        return (root["$defs"] as? [String: Any])?[name] as? [String: Any]
    }

    /// Every violation of the schema by `json`, parsed with `JSONSerialization`.
    public func validate(json data: Data) throws -> [Violation] {
        validate(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    /// Every violation of the schema by `instance` (a value as `JSONSerialization` returns it), in
    /// document order (object keys sorted).
    public func validate(_ instance: Any) -> [Violation] {
        var violations: [Violation] = []
        validate(instance, against: root, at: "$", into: &violations)
        return violations
    }

    private func validate(
        _ value: Any, against schema: [String: Any], at path: String, into violations: inout [Violation]
    ) {
        func fail(_ message: String) { violations.append(Violation(path: path, message: message)) }

        if let reference = schema["$ref"] as? String, let target = Self.resolve(reference, in: root) {
            validate(value, against: target, at: path, into: &violations)
        }
        if let type = schema["type"] {
            let names = (type as? [String]) ?? [type as? String].compactMap { $0 }
            if !names.contains(where: { Self.matches(value, type: $0) }) {
                fail("expected \(names.joined(separator: " or ")), found \(Self.describe(value))")
                return
            }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { Self.equal($0, value) }) {
            let list = allowed.map(Self.literal).joined(separator: ", ")
            fail("\(Self.describe(value)) is not one of \(list)")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            fail("expected \(Self.literal(constant)), found \(Self.describe(value))")
        }
        if let minimum = schema["minimum"], Self.isNumber(value), Self.doubleValue(value) < Self.doubleValue(minimum) {
            fail("\(Self.literal(value)) is below the minimum \(Self.literal(minimum))")
        }
        if let object = value as? [String: Any], !Self.isNumber(value) {
            validateObject(object, against: schema, at: path, into: &violations)
        }
        if let array = value as? [Any] {
            validateArray(array, against: schema, at: path, into: &violations)
        }
    }

    private func validateObject(
        _ object: [String: Any], against schema: [String: Any], at path: String, into violations: inout [Violation]
    ) {
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for key in (schema["required"] as? [String] ?? []) where object[key] == nil {
            violations.append(Violation(path: path, message: "missing required key \"\(key)\""))
        }
        for key in object.keys.sorted() {
            let childPath = Self.append(key: key, to: path)
            if let propertySchema = properties[key] as? [String: Any] {
                validate(object[key] as Any, against: propertySchema, at: childPath, into: &violations)
            } else if schema["additionalProperties"] != nil {
                violations.append(Violation(path: childPath, message: "unexpected key \"\(key)\""))
            }
        }
    }

    private func validateArray(
        _ array: [Any], against schema: [String: Any], at path: String, into violations: inout [Violation]
    ) {
        if let minItems = schema["minItems"].flatMap(Self.integerValue), array.count < minItems {
            violations.append(Violation(path: path, message: "\(array.count) items, fewer than minItems \(minItems)"))
        }
        if let maxItems = schema["maxItems"].flatMap(Self.integerValue), array.count > maxItems {
            violations.append(Violation(path: path, message: "\(array.count) items, more than maxItems \(maxItems)"))
        }
        let prefix = schema["prefixItems"] as? [[String: Any]] ?? []
        for (index, element) in array.enumerated() {
            let elementPath = "\(path)[\(index)]"
            if index < prefix.count {
                validate(element, against: prefix[index], at: elementPath, into: &violations)
            } else if let items = schema["items"] as? [String: Any] {
                validate(element, against: items, at: elementPath, into: &violations)
            }
        }
    }

    // MARK: - JSON values as JSONSerialization returns them

    /// Whether `value` is a JSON boolean. `JSONSerialization` returns booleans as `NSNumber`s of
    /// Objective-C type `c` (char), and numbers never as that type.
    static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    /// Whether `value` is a JSON number (not a boolean).
    static func isNumber(_ value: Any) -> Bool { value is NSNumber && !isBoolean(value) }

    static func doubleValue(_ value: Any) -> Double { (value as? NSNumber)?.doubleValue ?? .nan }

    /// The value of a JSON number with no fractional part, or nil.
    static func integerValue(_ value: Any) -> Int? {
        guard isNumber(value) else { return nil }
        let double = doubleValue(value)
        guard double.isFinite, double == double.rounded(), abs(double) < 0x1p62 else { return nil }
        return Int(double)
    }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": value is NSNull
        case "boolean": isBoolean(value)
        case "number": isNumber(value)
        case "integer":
            isNumber(value) && doubleValue(value).isFinite && doubleValue(value) == doubleValue(value).rounded()
        case "string": value is String
        case "array": value is [Any]
        case "object": value is [String: Any] && !(value is NSNumber)
        default: false
        }
    }

    /// JSON equality: numbers by value, booleans apart from numbers.
    static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (is NSNull, is NSNull): return true
        case let (x as String, y as String): return x == y
        case let (x as [Any], y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case let (x as [String: Any], y as [String: Any]):
            return Set(x.keys) == Set(y.keys) && x.keys.allSatisfy { equal(x[$0] as Any, y[$0] as Any) }
        default:
            if isBoolean(a), isBoolean(b) { return (a as? Bool) == (b as? Bool) }
            if isNumber(a), isNumber(b) { return doubleValue(a) == doubleValue(b) }
            return false
        }
    }

    /// The JSON type of `value` and, for scalars, the value itself.
    static func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case is String: "string \(literal(value))"
        case is [Any]: "array"
        case is [String: Any] where !(value is NSNumber): "object"
        default:
            isBoolean(value) ? "boolean \(literal(value))" : isNumber(value) ? "number \(literal(value))" : "\(value)"
        }
    }

    /// `value` as JSON text, for messages.
    static func literal(_ value: Any) -> String {
        if let string = value as? String { return "\"\(string)\"" }
        if value is NSNull { return "null" }
        if isBoolean(value) { return (value as? Bool) == true ? "true" : "false" }
        if let integer = integerValue(value) { return "\(integer)" }
        if isNumber(value) { return "\(doubleValue(value))" }
        return "\(value)"
    }

    /// `path` with the object key `key` appended: `.key` for identifier-like keys, `["key"]` otherwise.
    static func append(key: String, to path: String) -> String {
        let plain =
            !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }
        return plain ? "\(path).\(key)" : "\(path)[\"\(key)\"]"
    }
}
