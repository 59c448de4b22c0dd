import BenchmarkModel

/// A parsed JSON value with the 1-based line it starts on, so that loaders can name the line of
/// a wrong field. Objects keep their members in file order.
struct JSONNode {
    /// The line the value starts on.
    let line: Int
    /// The value.
    let value: JSONValue

    /// The member `key` of an object, or nil (also when this is not an object).
    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.node
    }

    /// A short description of the value's type for messages ("a string", "an array", …).
    var typeDescription: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string(let text): "a string (\"\(text.prefix(30))\")"
        case .number(let number): "a number (\(formatNumber(number)))"
        case .bool(let flag): "\(flag)"
        case .null: "null"
        }
    }
}

/// The JSON data model (RFC 8259), plus Python's `NaN`, `Infinity` and `-Infinity`, which
/// Python's `json` module writes and which loaders then reject with a clear message.
indirect enum JSONValue {
    case object([(key: String, node: JSONNode)])
    case array([JSONNode])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
}

/// Typed access to a JSON document's fields that throws `InputError`s naming the file, the line
/// and the field path (`results[2].times[0]`).
struct JSONFields {
    let file: String

    func object(_ node: JSONNode, _ path: String) throws(InputError) -> [(key: String, node: JSONNode)] {
        guard case .object(let members) = node.value else {
            throw .wrongType(file, line: node.line, field: path, expected: "an object", found: node.typeDescription)
        }
        return members
    }

    func array(_ node: JSONNode, _ path: String) throws(InputError) -> [JSONNode] {
        guard case .array(let elements) = node.value else {
            throw .wrongType(file, line: node.line, field: path, expected: "an array", found: node.typeDescription)
        }
        return elements
    }

    func string(_ node: JSONNode, _ path: String) throws(InputError) -> String {
        guard case .string(let text) = node.value else {
            throw .wrongType(file, line: node.line, field: path, expected: "a string", found: node.typeDescription)
        }
        return text
    }

    func number(_ node: JSONNode, _ path: String) throws(InputError) -> Double {
        guard case .number(let number) = node.value else {
            throw .wrongType(file, line: node.line, field: path, expected: "a number", found: node.typeDescription)
        }
        return number
    }

    func member(_ node: JSONNode, _ key: String, _ path: String, in context: String) throws(InputError) -> JSONNode {
        _ = try object(node, path)
        guard let member = node[key] else {
            throw .missingField(file, line: node.line, field: path.isEmpty ? key : "\(path).\(key)", in: context)
        }
        return member
    }

    /// A scalar's text for metadata (strings as they are, numbers and booleans printed).
    static func scalarText(_ node: JSONNode) -> String? {
        switch node.value {
        case .string(let text): text
        case .number(let number): formatNumber(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null, .object, .array: nil
        }
    }

    /// Flattens scalar members of an object (one level of nesting as `outer.inner`) into
    /// metadata entries, in file order.
    static func flatten(_ node: JSONNode?, prefix: String = "") -> [KeyValue] {
        guard let node, case .object(let members) = node.value else { return [] }
        var entries: [KeyValue] = []
        for (key, member) in members {
            let name = prefix.isEmpty ? key : "\(prefix).\(key)"
            if let text = scalarText(member) {
                entries.append(KeyValue(name, text))
            } else if case .object = member.value, prefix.isEmpty {
                entries.append(contentsOf: flatten(member, prefix: name))
            }
        }
        return entries
    }
}
