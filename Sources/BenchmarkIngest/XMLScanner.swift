import BenchmarkModel

/// A small pull scanner for the XML that benchmark reporters write (Catch2's `-r xml`): start
/// tags with their attributes, end tags, and the line of each. Text, comments, processing
/// instructions, `<!DOCTYPE …>` and CDATA sections are skipped; attribute values have the five
/// predefined entities and numeric character references decoded (XML 1.0, §2.4 and §4.6).
///
/// It checks what a loader relies on — tags nest and close, attributes are quoted, the document
/// ends with every element closed — and throws `malformedLine` naming the line otherwise. It is
/// not a validating parser (no DTDs, no namespaces).
struct XMLScanner {
    /// One tag.
    enum Event: Equatable {
        /// `<name a="v">` (and `<name/>`, which is followed by its `.end`).
        case start(name: String, attributes: [String: String], line: Int)
        /// `</name>`.
        case end(name: String, line: Int)
    }

    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1
    /// The open elements and the lines they opened on.
    private var open: [(name: String, line: Int)] = []
    /// The end event owed by a self-closing tag.
    private var pendingEnd: Event?

    /// A scanner over `text`, read from `file` (for messages).
    init(_ text: String, file: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        self.file = file
    }

    /// The next tag, or nil at the end of a well-formed document.
    ///
    /// - Throws: `malformedLine` for broken markup, a mismatched end tag, or an end of input with
    ///   elements still open (a report cut short).
    mutating func next() throws(InputError) -> Event? {
        if let pending = pendingEnd {
            pendingEnd = nil
            return pending
        }
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "<") else {
                if bytes[position] == Bytes.newline { line += 1 }
                position += 1
                continue
            }
            if startsWith("<!--") {
                try skip(past: "-->", what: "comment")
            } else if startsWith("<![CDATA[") {
                try skip(past: "]]>", what: "CDATA section")
            } else if startsWith("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if startsWith("<!") {
                try skip(past: ">", what: "declaration")
            } else if startsWith("</") {
                let tagLine = line
                position += 2
                let name = try scanName()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
                    throw malformed(at: tagLine, "end tag </\(name) is not closed with \">\"")
                }
                position += 1
                guard let last = open.popLast() else {
                    throw malformed(at: tagLine, "end tag </\(name)> with no element open")
                }
                guard last.name == name else {
                    throw malformed(at: tagLine, "end tag </\(name)> closes <\(last.name)> opened at line \(last.line)")
                }
                return .end(name: name, line: tagLine)
            } else {
                return try scanStartTag()
            }
        }
        if let last = open.last {
            throw malformed(
                at: line, "the XML ends inside <\(last.name)> opened at line \(last.line) (was the run cut short?)")
        }
        return nil
    }

    private mutating func scanStartTag() throws(InputError) -> Event {
        let tagLine = line
        position += 1
        let name = try scanName()
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            guard position < bytes.count else {
                throw malformed(at: tagLine, "tag <\(name) is not closed (was the run cut short?)")
            }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                open.append((name, tagLine))
                return .start(name: name, attributes: attributes, line: tagLine)
            }
            if startsWith("/>") {
                position += 2
                pendingEnd = .end(name: name, line: tagLine)
                return .start(name: name, attributes: attributes, line: tagLine)
            }
            let key = try scanName()
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw malformed(at: line, "attribute \(key) of <\(name)> has no \"=\"")
            }
            position += 1
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
            else {
                throw malformed(at: line, "attribute \(key) of <\(name)> is not quoted")
            }
            let quote = bytes[position]
            position += 1
            let valueStart = position
            while position < bytes.count, bytes[position] != quote {
                if bytes[position] == Bytes.newline { line += 1 }
                position += 1
            }
            guard position < bytes.count else {
                throw malformed(at: tagLine, "attribute \(key) of <\(name)> is not closed (was the run cut short?)")
            }
            let raw = String(decoding: bytes[valueStart..<position], as: UTF8.self)
            position += 1
            attributes[key] = try decodeEntities(raw, at: line)
        }
    }

    private mutating func scanName() throws(InputError) -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if Bytes.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"")
            {
                break
            }
            position += 1
        }
        guard position > start else {
            let found = position < bytes.count ? "\"\(Character(Unicode.Scalar(bytes[position])))\"" : "the end"
            throw malformed(at: line, "expected a tag or attribute name, found \(found)")
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func skipSpace() {
        while position < bytes.count, Bytes.isSpace(bytes[position]) {
            if bytes[position] == Bytes.newline { line += 1 }
            position += 1
        }
    }

    private func startsWith(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return text.withUTF8Buffer { prefix in
            for offset in 0..<count where bytes[position + offset] != prefix[offset] { return false }
            return true
        }
    }

    private mutating func skip(past terminator: StaticString, what: String) throws(InputError) {
        let startLine = line
        while position < bytes.count {
            if startsWith(terminator) {
                position += terminator.utf8CodeUnitCount
                return
            }
            if bytes[position] == Bytes.newline { line += 1 }
            position += 1
        }
        throw malformed(at: startLine, "the \(what) is not closed (was the run cut short?)")
    }

    private func decodeEntities(_ raw: String, at line: Int) throws(InputError) -> String {
        guard raw.contains("&") else { return raw }
        var result = ""
        var rest = Substring(raw)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else {
                throw malformed(at: line, "\"&\" without \";\" in an attribute value")
            }
            let entity = rest[rest.index(after: ampersand)..<semicolon]
            switch entity {
            case "lt": result += "<"
            case "gt": result += ">"
            case "amp": result += "&"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let scalar: Unicode.Scalar? =
                    if entity.hasPrefix("#x") {
                        UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if entity.hasPrefix("#") {
                        UInt32(entity.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                    } else {
                        nil
                    }
                guard let scalar else {
                    throw malformed(at: line, "unknown entity \"&\(entity.prefix(20));\" in an attribute value")
                }
                result.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private func malformed(at line: Int, _ message: String) -> InputError {
        .malformed(file, line: line, "invalid XML: \(message)")
    }
}
