/// Parses Go benchstat's filter syntax (golang.org/x/perf/benchproc/syntax, "Filters"; grammar and
/// tokens as benchproc/internal/parse):
///
///     expr    = andExpr {"OR" andExpr}
///     andExpr = match {["AND"] match}
///     match   = "(" expr ")" | "-" match | "NOT" match | "*"
///             | key ":" value | key ":" "(" value {"OR" value} ")"
///     value   = word | "/" regexp "/"
///     word    = bare word | double-quoted string (escapes \" \\ \n \t)
///
/// A bare word ends at white space or one of `( ) : @ ,`; `-` and `*` are operators only where a
/// key or term starts. Extensions over Go: `NOT x` (same as `-x`), and a bare value holding `*`,
/// `?` or `[…]` is a glob over the whole value (`.name:Parse*`). Errors carry the column.
public struct FilterParser {
    private let characters: [Character]
    private let expression: String
    private let flag: String
    private var position = 0

    /// Parses `expression` given to `flag`.
    public static func parse(_ expression: String, flag: String = "--filter") throws(FilterSyntaxError)
        -> FilterExpression
    {
        var parser = FilterParser(expression: expression, flag: flag)
        parser.skipSpace()
        if parser.atEnd { throw parser.error("empty expression (use * to keep everything)") }
        let result = try parser.orExpression()
        parser.skipSpace()
        if !parser.atEnd {
            if parser.characters[parser.position] == ")" { throw parser.error("unbalanced \")\"") }
            throw parser.error("unexpected \"\(parser.characters[parser.position])\"")
        }
        return result
    }

    private init(expression: String, flag: String) {
        self.characters = Array(expression)
        self.expression = expression
        self.flag = flag
    }

    private var atEnd: Bool { position >= characters.count }

    private func error(_ message: String, at offset: Int? = nil) -> FilterSyntaxError {
        FilterSyntaxError(flag: flag, expression: expression, column: (offset ?? position) + 1, message: message)
    }

    private mutating func skipSpace() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    private static func isOperator(_ character: Character) -> Bool {
        character == "(" || character == ")" || character == ":" || character == "@" || character == ","
    }

    /// The bare word at the position (without moving), or nil.
    private func peekBareWord() -> String? {
        var end = position
        while end < characters.count, !characters[end].isWhitespace, !Self.isOperator(characters[end]) { end += 1 }
        return end > position ? String(characters[position..<end]) : nil
    }

    private mutating func orExpression() throws(FilterSyntaxError) -> FilterExpression {
        var terms = [try andExpression()]
        while true {
            skipSpace()
            guard peekBareWord() == "OR" else { break }
            position += 2
            terms.append(try andExpression())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func andExpression() throws(FilterSyntaxError) -> FilterExpression {
        var terms = [try match()]
        while true {
            skipSpace()
            guard !atEnd else { break }
            let character = characters[position]
            if character == ")" { break }
            let word = peekBareWord()
            if word == "OR" { break }
            if word == "AND" {
                position += 3
                skipSpace()
                if atEnd || characters[position] == ")" { throw error("expected a term after AND") }
                continue
            }
            if Self.isOperator(character), character != "(" { throw error("unexpected \"\(character)\"") }
            terms.append(try match())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private mutating func match() throws(FilterSyntaxError) -> FilterExpression {
        skipSpace()
        guard !atEnd else { throw error("expected key:value or a subexpression, found the end") }
        let start = position
        switch characters[position] {
        case "(":
            position += 1
            skipSpace()
            if !atEnd, characters[position] == ")" { throw error("empty parentheses") }
            let inner = try orExpression()
            skipSpace()
            guard !atEnd, characters[position] == ")" else {
                throw error("missing \")\" for the \"(\" at column \(start + 1)")
            }
            position += 1
            return inner
        case "-":
            position += 1
            return .not(try match())
        case "*":
            position += 1
            return .and([])
        default:
            if peekBareWord() == "NOT" {
                position += 3
                return .not(try match())
            }
            if let word = peekBareWord(), word == "AND" || word == "OR" {
                throw error("\(word) needs a term before it")
            }
            let key = try word(what: "key")
            guard let fieldKey = FieldKey(key) else {
                throw error(
                    "unknown key \"\(key)\" (keys: .name, .fullname, .file, .unit, /param, or a configuration key)",
                    at: start)
            }
            guard !atEnd, characters[position] == ":" else { throw error("expected key:value", at: start) }
            position += 1
            if !atEnd, characters[position] == "(" {
                position += 1
                var terms: [FilterExpression] = []
                while true {
                    skipSpace()
                    terms.append(.match(fieldKey, try value()))
                    skipSpace()
                    if !atEnd, characters[position] == ")" {
                        position += 1
                        break
                    }
                    guard peekBareWord() == "OR" else {
                        throw error("value list must be separated by OR and closed by \")\"")
                    }
                    position += 2
                }
                return terms.count == 1 ? terms[0] : .or(terms)
            }
            return .match(fieldKey, try value())
        }
    }

    /// A key or value word: quoted, or bare up to white space or an operator.
    private mutating func word(what: String) throws(FilterSyntaxError) -> String {
        guard !atEnd else { throw error("expected a \(what), found the end") }
        if characters[position] == "\"" { return try quoted() }
        guard let bare = peekBareWord() else { throw error("expected a \(what)") }
        position += bare.count
        return bare
    }

    private mutating func value() throws(FilterSyntaxError) -> ValuePattern {
        guard !atEnd, !characters[position].isWhitespace else { throw error("expected a value after \":\"") }
        let start = position
        switch characters[position] {
        case "\"":
            return .literal(try quoted())
        case "/":
            position += 1
            var pattern = ""
            while true {
                guard !atEnd else { throw error("missing \"/\" at the end of the regular expression", at: start) }
                let character = characters[position]
                if character == "\\", position + 1 < characters.count, characters[position + 1] == "/" {
                    pattern.append("/")
                    position += 2
                    continue
                }
                if character == "/" { break }
                pattern.append(character)
                position += 1
            }
            position += 1
            do {
                return .regex(try FilterRegex(pattern))
            } catch {
                throw self.error("bad regular expression: \(error.message)", at: start)
            }
        case "(", ")", ":", "@", ",":
            throw error("expected a value after \":\"")
        default:
            let text = try word(what: "value")
            if text.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) { return .glob(GlobPattern(text)) }
            return .literal(text)
        }
    }

    /// A double-quoted string with Go's common escapes.
    private mutating func quoted() throws(FilterSyntaxError) -> String {
        let start = position
        position += 1
        var text = ""
        while true {
            guard !atEnd else { throw error("missing end quote", at: start) }
            let character = characters[position]
            position += 1
            if character == "\"" { return text }
            if character == "\\" {
                guard !atEnd else { throw error("missing end quote", at: start) }
                let escaped = characters[position]
                position += 1
                switch escaped {
                case "\"", "\\", "/": text.append(escaped)
                case "n": text.append("\n")
                case "t": text.append("\t")
                default: throw error("bad escape sequence \"\\\(escaped)\"", at: position - 2)
                }
                continue
            }
            text.append(character)
        }
    }
}
