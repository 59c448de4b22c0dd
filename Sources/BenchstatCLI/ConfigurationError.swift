/// Why `benchstat.toml` cannot be used: the file, where (line, key), and what is wrong. The CLI
/// prints `description` once, with exit code 2.
struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    enum Problem: Sendable, Equatable {
        /// The file cannot be read (the reason from the system).
        case unreadable(String)
        /// The TOML parser's message.
        case notTOML(String)
        /// A key the place does not know.
        case unknownKey(String, place: String, allowed: [String])
        /// A value of the wrong type or outside its range: the expectation, as a phrase.
        case invalidValue(expected: String)
        /// A `[[benchmark]]` rule without `match`.
        case missingMatch
    }

    /// The configuration file.
    let path: String
    /// The 1-based line, when the parser knows it.
    var line: Int?
    /// The key or table concerned (`defaults.alpha`, `[[benchmark]] #2`), when there is one.
    var key: String?
    /// What is wrong.
    let problem: Problem

    var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        switch problem {
        case .unreadable(let reason):
            return "\(location): cannot read the configuration file: \(reason)"
        case .notTOML(let message):
            return "\(location): \(message)"
        case .unknownKey(let unknown, let place, let allowed):
            return "\(location): unknown key \"\(unknown)\" in \(place); expected one of: "
                + allowed.joined(separator: ", ")
        case .invalidValue(let expected):
            return "\(location): \(key ?? "value") \(expected)"
        case .missingMatch:
            return "\(location): \(key ?? "[[benchmark]]") needs match = \"glob\""
        }
    }
}
