import BenchmarkModel

/// A parsed `--row` or `--col` projection: Go benchstat's projection syntax
/// (golang.org/x/perf/benchproc/syntax, "Projections") — keys, each with an optional order.
public struct Projection: Sendable, CustomStringConvertible {
    /// How the values of one key are ordered.
    public enum Order: Sendable, Equatable {
        /// The order values are first seen in (the default).
        case firstSeen
        /// `@alpha`: by their text.
        case alpha
        /// `@num`: numerically, understanding metric and IEC prefixes (`2k`, `1Mi`).
        case numeric
        /// `@(a b c)`: this order; a value not listed is filtered out.
        case fixed([String])
    }

    /// One key of the projection and its order.
    public struct Part: Sendable {
        /// The key.
        public let key: FieldKey
        /// The order of its values.
        public let order: Order
    }

    /// The keys, in the order given.
    public let parts: [Part]

    /// The filter that `@(…)` orders imply (Go: a fixed order also filters), or nil.
    public var impliedFilter: FilterExpression? {
        let terms: [FilterExpression] = parts.compactMap { part in
            guard case .fixed(let values) = part.order else { return nil }
            return .or(values.map { .match(part.key, .literal($0)) })
        }
        return terms.isEmpty ? nil : .and(terms)
    }

    /// The projected values of a series, one per part ("" where the series has none).
    public func values(_ fields: BenchmarkFields) -> [KeyValue] {
        parts.map { KeyValue($0.key.description, fields.value($0.key) ?? "") }
    }

    public var description: String { parts.map(\.key.description).joined(separator: ",") }

    /// Orders distinct value tuples (each as long as `parts`), given in first-seen order.
    public func sorted(_ tuples: [[String]]) -> [[String]] {
        // The first-seen rank of each prefix: the first tuple that starts with it.
        var firstSeen: [[String]: Int] = [:]
        for (rank, tuple) in tuples.enumerated() {
            for length in 1...max(1, tuple.count) where firstSeen[Array(tuple.prefix(length))] == nil {
                firstSeen[Array(tuple.prefix(length))] = rank
            }
        }
        return tuples.sorted { left, right in
            for (index, part) in parts.enumerated() where left[index] != right[index] {
                switch part.order {
                case .firstSeen:
                    return (firstSeen[Array(left.prefix(index + 1))] ?? 0)
                        < (firstSeen[Array(right.prefix(index + 1))] ?? 0)
                case .alpha:
                    return left[index] < right[index]
                case .numeric:
                    let (a, b) = (NumericValue.parse(left[index]), NumericValue.parse(right[index]))
                    switch (a, b) {
                    case (let x?, let y?) where x != y: return x < y
                    case (.some, nil): return true
                    case (nil, .some): return false
                    default: return left[index] < right[index]
                    }
                case .fixed(let values):
                    return (values.firstIndex(of: left[index]) ?? values.count)
                        < (values.firstIndex(of: right[index]) ?? values.count)
                }
            }
            return false
        }
    }
}

/// Numbers as Go's `@num` order reads them: a decimal with an optional metric (k, M, G, T, m, µ, u,
/// n) or IEC (Ki, Mi, Gi, Ti) prefix.
enum NumericValue {
    static func parse(_ text: String) -> Double? {
        let factors: [(String, Double)] = [
            ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
            ("k", 1e3), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("m", 1e-3), ("µ", 1e-6), ("u", 1e-6),
            ("n", 1e-9),
        ]
        for (suffix, factor) in factors where text.hasSuffix(suffix) {
            if let number = Double(text.dropLast(suffix.count)), number.isFinite { return number * factor }
        }
        if let number = Double(text), number.isFinite { return number }
        return nil
    }
}
