/// A `--filter`, `--row`, `--col` or `--label-by` expression that does not parse: the flag, the
/// expression, the 1-based column (in characters) where the problem is, and what is wrong.
public struct FilterSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The flag the expression came from (`--filter`).
    public let flag: String
    /// The expression as given.
    public let expression: String
    /// 1-based character column of the problem.
    public let column: Int
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(flag: String, expression: String, column: Int, message: String) {
        self.flag = flag
        self.expression = expression
        self.column = column
        self.message = message
    }

    /// `--filter: column 7: expected key:value` and the expression with a caret under the column.
    public var description: String {
        let shown = String(expression.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return "\(flag): column \(column): \(message)\n    \(shown)\n    "
            + String(repeating: " ", count: max(0, column - 1)) + "^"
    }
}
