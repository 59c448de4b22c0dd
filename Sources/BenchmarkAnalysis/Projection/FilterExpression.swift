/// A parsed `--filter` expression: Go benchstat's filter language (golang.org/x/perf/benchproc/
/// syntax, "Filters") over the fields of a benchmark series (`BenchmarkFields`).
///
/// Matching a term is a pure function of the fields; `*` and an empty `and` match everything.
public indirect enum FilterExpression: Sendable, CustomStringConvertible {
    /// Every sub-expression matches (`x y`, `x AND y`; `*` is the empty conjunction).
    case and([FilterExpression])
    /// At least one sub-expression matches (`x OR y`, and `key:(a OR b)`).
    case or([FilterExpression])
    /// The sub-expression does not match (`-x`, `NOT x`).
    case not(FilterExpression)
    /// The key's value matches the pattern (`key:value`, `key:/regexp/`).
    case match(FieldKey, ValuePattern)

    /// Whether a series with `fields` is kept.
    public func matches(_ fields: BenchmarkFields) -> Bool {
        switch self {
        case .and(let terms): terms.allSatisfy { $0.matches(fields) }
        case .or(let terms): terms.contains { $0.matches(fields) }
        case .not(let term): !term.matches(fields)
        case .match(let key, let pattern): fields.candidates(key).contains { pattern.matches($0) }
        }
    }

    /// Whether any term reads a file configuration key (then the filter is evaluated per run, since
    /// runs of one series may come from files with different configurations).
    public var readsConfiguration: Bool {
        switch self {
        case .and(let terms), .or(let terms): terms.contains(where: \.readsConfiguration)
        case .not(let term): term.readsConfiguration
        case .match(let key, _):
            if case .configuration = key { true } else { false }
        }
    }

    /// The expression in canonical syntax (fully parenthesised).
    public var description: String {
        switch self {
        case .and(let terms): terms.isEmpty ? "*" : "(" + terms.map(\.description).joined(separator: " AND ") + ")"
        case .or(let terms): "(" + terms.map(\.description).joined(separator: " OR ") + ")"
        case .not(let term): "-" + term.description
        case .match(let key, let pattern): "\(key):\(pattern)"
        }
    }
}

/// The value side of a filter term.
public enum ValuePattern: Sendable, CustomStringConvertible {
    /// The value equals this text exactly (a quoted word, or a bare word without glob characters).
    case literal(String)
    /// A bare word holding `*`, `?` or `[…]`: a shell glob over the whole value (this tool's
    /// extension; Go compares such a word literally).
    case glob(GlobPattern)
    /// `/regexp/`: the regular expression matches somewhere in the value (unanchored, as Go's
    /// `regexp.Match`).
    case regex(FilterRegex)

    /// Whether `value` matches.
    public func matches(_ value: String) -> Bool {
        switch self {
        case .literal(let text): value == text
        case .glob(let glob): glob.matches(value)
        case .regex(let regex): regex.matches(value)
        }
    }

    public var description: String {
        switch self {
        case .literal(let text): "\"" + text + "\""
        case .glob(let glob): glob.text
        case .regex(let regex): "/" + regex.pattern + "/"
        }
    }
}
