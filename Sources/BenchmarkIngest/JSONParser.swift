import BenchmarkModel

/// A small recursive-descent JSON parser over bytes that records the line of every value.
///
/// Used for the peer formats (Google Benchmark, hyperfine, pytest-benchmark, pyperf, criterion),
/// whose files are small, and as the general path for canonical JSON Lines.
struct JSONParser {
    private let buffer: UnsafeRawBufferPointer
    private let file: String
    private var position: Int
    private let end: Int
    private(set) var line: Int
    private var depth = 0

    /// A parser over `[start, end)` of `buffer`, whose first byte is on line `line`.
    init(_ buffer: UnsafeRawBufferPointer, file: String, start: Int = 0, end: Int? = nil, line: Int = 1) {
        self.buffer = buffer
        self.file = file
        self.position = start
        self.end = end ?? buffer.count
        self.line = line
    }

    /// Parses one whole document: one value, then only whitespace.
    static func parseDocument(_ buffer: UnsafeRawBufferPointer, file: String) throws(InputError) -> JSONNode {
        // A UTF-8 byte-order mark (Windows editors, PowerShell's Out-File -Encoding utf8) is skipped,
        // as the line formats skip it.
        let bom = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
        return try parseDocument(buffer, file: file, start: bom ? 3 : 0, line: 1, trailingSemicolon: false)
    }

    /// Parses one value that starts at `start` (on line `line`), then only whitespace — and one
    /// `;` before it when `trailingSemicolon` (a JavaScript assignment such as `data.js`).
    static func parseDocument(
        _ buffer: UnsafeRawBufferPointer, file: String, start: Int, line: Int, trailingSemicolon: Bool
    ) throws(InputError) -> JSONNode {
        var parser = JSONParser(buffer, file: file, start: start, line: line)
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if trailingSemicolon, parser.position < parser.end, buffer[parser.position] == UInt8(ascii: ";") {
            parser.position += 1
            parser.skipWhitespace()
        }
        if parser.position < parser.end {
            throw parser.error("expected the end of the JSON document, found \(parser.found)")
        }
        return node
    }

    /// Parses one value starting at the current position.
    mutating func parseValue() throws(InputError) -> JSONNode {
        skipWhitespace()
        guard position < end else { throw error("unexpected end of input, expected a JSON value") }
        let startLine = line
        let byte = buffer[position]
        switch byte {
        case UInt8(ascii: "{"):
            return JSONNode(line: startLine, value: try parseObject())
        case UInt8(ascii: "["):
            return JSONNode(line: startLine, value: try parseArray())
        case UInt8(ascii: "\""):
            return JSONNode(line: startLine, value: .string(try parseString()))
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONNode(line: startLine, value: .bool(true))
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONNode(line: startLine, value: .bool(false))
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONNode(line: startLine, value: .null)
        default:
            return JSONNode(line: startLine, value: .number(try parseNumber()))
        }
    }

    private mutating func parseObject() throws(InputError) -> JSONValue {
        try enter()
        position += 1
        var members: [(key: String, node: JSONNode)] = []
        var keys: [String] = []
        var seenKeys = Set<[UInt8]>()
        skipWhitespace()
        if position < end, buffer[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < end, buffer[position] == UInt8(ascii: "\"") else {
                throw error("expected a string key in an object, found \(found)")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < end, buffer[position] == UInt8(ascii: ":") else {
                throw error("expected ':' after key \"\(key)\", found \(found)")
            }
            // RFC 8259 leaves an object with a repeated name undefined (parsers keep the first or the
            // last): refuse it rather than pick one silently. Names are compared byte for byte.
            // A set of the names once the object is large, so that a huge object stays linear.
            var repeated = false
            if keys.count < 16 {
                for earlier in keys where earlier.utf8.elementsEqual(key.utf8) { repeated = true }
            } else {
                if seenKeys.isEmpty {
                    for earlier in keys { seenKeys.insert(Array(earlier.utf8)) }
                }
                repeated = !seenKeys.insert(Array(key.utf8)).inserted
            }
            keys.append(key)
            if repeated {
                throw error("key \"\(key)\" appears twice in one object; which value to use is ambiguous")
            }
            position += 1
            let value = try parseValue()
            members.append((key, value))
            skipWhitespace()
            guard position < end else { throw error("unexpected end of input inside an object") }
            if buffer[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if buffer[position] == UInt8(ascii: "}") {
                position += 1
                depth -= 1
                return .object(members)
            }
            throw error("expected ',' or '}' in an object, found \(found)")
        }
    }

    private mutating func parseArray() throws(InputError) -> JSONValue {
        try enter()
        position += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if position < end, buffer[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard position < end else { throw error("unexpected end of input inside an array") }
            if buffer[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if buffer[position] == UInt8(ascii: "]") {
                position += 1
                depth -= 1
                return .array(elements)
            }
            throw error("expected ',' or ']' in an array, found \(found)")
        }
    }

    private mutating func enter() throws(InputError) {
        depth += 1
        if depth > 256 { throw error("JSON nested more than 256 levels deep") }
    }

    /// Parses a string starting at the opening quote; decodes escapes.
    mutating func parseString() throws(InputError) -> String {
        position += 1
        let start = position
        var hasEscape = false
        while position < end {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") {
                let text: String
                if hasEscape {
                    text = try decodeEscapes(start, position)
                } else {
                    text = Bytes.string(buffer, start, position)
                }
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                position += 2
                continue
            }
            if byte < 0x20 {
                throw error("unescaped control character in a string")
            }
            position += 1
        }
        throw error("unterminated string")
    }

    private func decodeEscapes(_ start: Int, _ stop: Int) throws(InputError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(stop - start)
        var i = start
        var pendingHighSurrogate: UInt32?
        // A high surrogate not followed at once by a low one stands for nothing: U+FFFD, as a lone
        // low surrogate is (dropping it would make "s\ud800x" the benchmark "sx").
        let replacement = Array("\u{FFFD}".utf8)
        while i < stop {
            let byte = buffer[i]
            if pendingHighSurrogate != nil, !lowSurrogateEscape(at: i, stop) {
                bytes.append(contentsOf: replacement)
                pendingHighSurrogate = nil
            }
            guard byte == UInt8(ascii: "\\"), i + 1 < stop else {
                bytes.append(byte)
                i += 1
                continue
            }
            let escape = buffer[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "\""): bytes.append(0x22)
            case UInt8(ascii: "\\"): bytes.append(0x5C)
            case UInt8(ascii: "/"): bytes.append(0x2F)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                guard i + 4 <= stop, let code = UInt32(Bytes.string(buffer, i, i + 4), radix: 16) else {
                    throw error("invalid \\u escape in a string")
                }
                i += 4
                if (0xD800...0xDBFF).contains(code) {
                    pendingHighSurrogate = code
                    continue
                }
                var scalarValue = code
                if (0xDC00...0xDFFF).contains(code), let high = pendingHighSurrogate {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                }
                pendingHighSurrogate = nil
                let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
            }
        }
        if pendingHighSurrogate != nil { bytes.append(contentsOf: replacement) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a `\uDC00`–`\uDFFF` escape (a low surrogate) starts at `index`.
    private func lowSurrogateEscape(at index: Int, _ stop: Int) -> Bool {
        guard index + 6 <= stop, buffer[index] == UInt8(ascii: "\\"), buffer[index + 1] == UInt8(ascii: "u"),
            let code = UInt32(Bytes.string(buffer, index + 2, index + 6), radix: 16)
        else { return false }
        return (0xDC00...0xDFFF).contains(code)
    }

    private mutating func parseNumber() throws(InputError) -> Double {
        let start = position
        while position < end {
            let byte = buffer[position]
            let isNumberByte =
                (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            guard isNumberByte else { break }
            position += 1
        }
        guard position > start else { throw error("expected a JSON value, found \(found)") }
        let token = Bytes.string(buffer, start, position)
        switch token {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: break
        }
        guard let first = token.utf8.first, first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39),
            let value = Bytes.parseDouble(buffer, start, position)
        else {
            position = start
            throw error("expected a JSON value, found \(found)")
        }
        return value
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(InputError) {
        guard Bytes.hasPrefix(buffer, position, end, literal) else {
            throw error("expected a JSON value, found \(found)")
        }
        position += literal.utf8CodeUnitCount
    }

    /// Whether every byte has been consumed.
    var isAtEnd: Bool { position >= end }

    mutating func skipWhitespace() {
        while position < end {
            let byte = buffer[position]
            if byte == Bytes.newline {
                line += 1
            } else if !(byte == Bytes.space || byte == Bytes.tab || byte == Bytes.carriageReturn) {
                return
            }
            position += 1
        }
    }

    /// What is at the current position, for messages.
    private var found: String {
        guard position < end else { return "the end of the input" }
        var stop = position
        while stop < end, stop < position + 20, buffer[stop] != Bytes.newline { stop += 1 }
        return "\"\(Bytes.string(buffer, position, stop))\""
    }

    private func error(_ message: String) -> InputError {
        .malformed(file, line: line, "invalid JSON: \(message)")
    }
}
