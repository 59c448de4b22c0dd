/// A benchmark's identity: its full name as the tool printed it, plus the `key=value` parameters
/// found in that name (Go's `BenchmarkFoo/size=1K-8`, Google Benchmark's `BM_Sort/1024`).
///
/// Identity, ordering and hashing use `name` only; `parameters` are derived data kept for grouping.
public struct BenchmarkIdentity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The full name, unique within one label and unit.
    public let name: String
    /// Key/value parameters parsed from the name, in the order they appear.
    public let parameters: [KeyValue]

    /// Creates an identity from a full name and its parameters.
    public init(name: String, parameters: [KeyValue] = []) {
        self.name = name
        self.parameters = parameters
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.name < rhs.name }
    public var description: String { name }
}

/// One `key: value` or `key=value` pair, kept in file order.
public struct KeyValue: Sendable, Hashable {
    /// The key, for example `cpu` or `size`.
    public let key: String
    /// The value, for example `Intel(R) Xeon(R) CPU @ 2.20GHz`.
    public let value: String

    /// Creates a pair.
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
