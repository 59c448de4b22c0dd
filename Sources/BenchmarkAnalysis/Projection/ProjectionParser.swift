/// Parses Go benchstat's projection syntax (golang.org/x/perf/benchproc/syntax, "Projections"):
///
///     expr  = part {","? part}
///     part  = key | key "@" order | key "@" "(" word {word} ")"
///     order = "alpha" | "num"
///
/// Words are bare (up to white space or `( ) : @ ,`) or double-quoted. `.unit` is not a
/// projection key (every table is per unit already); `.config` is not supported.
public enum ProjectionParser {
    /// Parses `expression` given to `flag`.
    public static func parse(_ expression: String, flag: String) throws(FilterSyntaxError) -> Projection {
        let characters = Array(expression)
        var position = 0
        func error(_ message: String, at offset: Int? = nil) -> FilterSyntaxError {
            FilterSyntaxError(flag: flag, expression: expression, column: (offset ?? position) + 1, message: message)
        }
        func skipSeparators() {
            while position < characters.count, characters[position].isWhitespace || characters[position] == "," {
                position += 1
            }
        }
        func word() throws(FilterSyntaxError) -> String {
            guard position < characters.count else { throw error("expected a word, found the end") }
            if characters[position] == "\"" {
                let start = position
                position += 1
                var text = ""
                while true {
                    guard position < characters.count else { throw error("missing end quote", at: start) }
                    let character = characters[position]
                    position += 1
                    if character == "\"" { return text }
                    if character == "\\", position < characters.count {
                        text.append(characters[position])
                        position += 1
                    } else {
                        text.append(character)
                    }
                }
            }
            let start = position
            while position < characters.count, !characters[position].isWhitespace,
                !"():@,".contains(characters[position])
            {
                position += 1
            }
            guard position > start else { throw error("expected a word, found \"\(characters[position])\"") }
            return String(characters[start..<position])
        }
        var parts: [Projection.Part] = []
        skipSeparators()
        if position == characters.count { throw error("empty projection") }
        while position < characters.count {
            let start = position
            let key = try word()
            guard let fieldKey = FieldKey(key), fieldKey != .unit else {
                throw error(
                    "unknown key \"\(key)\" (keys: .name, .fullname, .file, /param, or a configuration key)", at: start)
            }
            var order = Projection.Order.firstSeen
            if position < characters.count, characters[position] == "@" {
                position += 1
                if position < characters.count, characters[position] == "(" {
                    position += 1
                    var values: [String] = []
                    while true {
                        while position < characters.count, characters[position].isWhitespace { position += 1 }
                        guard position < characters.count else { throw error("missing \")\"") }
                        if characters[position] == ")" {
                            position += 1
                            break
                        }
                        values.append(try word())
                    }
                    if values.isEmpty { throw error("empty fixed order \"@()\"", at: position - 2) }
                    order = .fixed(values)
                } else {
                    let orderStart = position
                    switch try word() {
                    case "alpha": order = .alpha
                    case "num": order = .numeric
                    case let other:
                        throw error("unknown order \"\(other)\" (alpha, num, or (value value …))", at: orderStart)
                    }
                }
            }
            if position < characters.count, !characters[position].isWhitespace, characters[position] != "," {
                throw error("unexpected \"\(characters[position])\"")
            }
            parts.append(Projection.Part(key: fieldKey, order: order))
            skipSeparators()
        }
        return Projection(parts: parts)
    }
}
