import BenchmarkAnalysis
import BenchmarkModel
import Testing

/// `--filter`: Go benchstat's filter syntax parses as Go's does (benchproc/internal/parse), and bad
/// expressions are refused with the column of the problem.
@Suite struct FilterParserTests {
    /// Valid expressions and their canonical form (fully parenthesised; literals quoted).
    @Test(arguments: [
        ("*", "*"),
        (".name:Encode", ".name:\"Encode\""),
        ("/format:json goos:linux", "(/format:\"json\" AND goos:\"linux\")"),
        ("/format:json AND goos:linux", "(/format:\"json\" AND goos:\"linux\")"),
        ("a:1 OR b:2 c:3", "(a:\"1\" OR (b:\"2\" AND c:\"3\"))"),
        ("(a:1 OR b:2) c:3", "((a:\"1\" OR b:\"2\") AND c:\"3\")"),
        ("-a:1", "-a:\"1\""),
        ("NOT a:1", "-a:\"1\""),
        ("- -a:1", "--a:\"1\""),
        (".unit:(ns/op OR B/op)", "(.unit:\"ns/op\" OR .unit:\"B/op\")"),
        (".name:/^Sort$/", ".name:/^Sort$/"),
        (".fullname:/a\\/b/", ".fullname:/a/b/"),
        (".name:Parse*", ".name:Parse*"),
        (".name:*Parse", ".name:*Parse"),
        ("key:\"two words\"", "key:\"two words\""),
        ("\"odd key\":x", "odd key:\"x\""),
        ("key:\"say \\\"hi\\\"\"", "key:\"say \"hi\"\""),
        ("pkg:example.com/a-b", "pkg:\"example.com/a-b\""),
        ("  .name:x  ", ".name:\"x\""),
    ])
    func parses(_ expression: String, _ canonical: String) throws {
        #expect(try FilterParser.parse(expression).description == canonical)
    }

    /// Invalid expressions: the column (1-based, in characters) and the message.
    @Test(arguments: [
        ("", 1, "empty expression"),
        ("name", 1, "expected key:value"),
        (".name:", 7, "expected a value"),
        (".name: x", 7, "expected a value"),
        (".name:(a b)", 10, "separated by OR"),
        (".name:(Sort", 12, "separated by OR"),
        ("(a:1", 5, "missing \")\""),
        ("a:1)", 4, "unbalanced \")\""),
        ("()", 2, "empty parentheses"),
        ("a:1 AND", 8, "expected a term after AND"),
        ("OR a:1", 1, "needs a term before it"),
        ("a:\"open", 3, "missing end quote"),
        ("a:/open", 3, "missing \"/\""),
        ("a:/(/", 3, "bad regular expression"),
        (".config:x", 1, "unknown key \".config\""),
        ("a:\"\\q\"", 4, "bad escape sequence"),
        ("a:1 :b", 5, "unexpected \":\""),
        ("-", 2, "found the end"),
    ])
    func refuses(_ expression: String, _ column: Int, _ message: String) {
        #expect {
            try FilterParser.parse(expression)
        } throws: { error in
            guard let error = error as? FilterSyntaxError else { return false }
            return error.column == column && error.message.contains(message) && error.flag == "--filter"
        }
    }

    /// The message shows the expression with a caret under the column.
    @Test func messagePointsAtTheColumn() throws {
        let error = try #require(throws: FilterSyntaxError.self) { try FilterParser.parse(".name:(a b)") }
        #expect(error.description.hasPrefix("--filter: column 10: value list must be separated by OR"))
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1] == "    .name:(a b)")
        #expect(lines[2] == "    " + String(repeating: " ", count: 9) + "^")
    }
}
