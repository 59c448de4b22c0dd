/// One key of `--sort` (this tool's flag; Go's benchstat orders only by its projections'
/// `@order`): rows within each table are ordered by the keys in turn, ties keep the report order.
public struct SortKey: Sendable, Equatable, CustomStringConvertible {
    /// What is compared.
    public enum Field: String, Sendable, CaseIterable {
        /// The benchmark name, by its text.
        case name
        /// The change in percent (missing changes last).
        case change
        /// The adjusted p-value (missing last).
        case p
        /// The verdict, worst first: regression, inconclusive, improvement, noise, missing.
        case verdict
    }

    /// The field.
    public let field: Field
    /// Whether the order is reversed (`-change`); missing values stay last.
    public let descending: Bool

    /// Creates a key.
    public init(field: Field, descending: Bool = false) {
        self.field = field
        self.descending = descending
    }

    /// Parses a comma-separated list such as `verdict,-change`.
    public static func parseList(_ text: String) throws(FilterSyntaxError) -> [SortKey] {
        var keys: [SortKey] = []
        var column = 1
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = item.trimmingCharacters(in: " ")
            let descending = trimmed.hasPrefix("-")
            let name = descending ? String(trimmed.dropFirst()) : trimmed
            guard let field = Field(rawValue: name) else {
                throw FilterSyntaxError(
                    flag: "--sort", expression: text, column: column,
                    message: "unknown sort key \"\(trimmed)\" (name, change, p, verdict; a leading - reverses)")
            }
            keys.append(SortKey(field: field, descending: descending))
            column += item.count + 1
        }
        return keys
    }

    public var description: String { (descending ? "-" : "") + field.rawValue }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
