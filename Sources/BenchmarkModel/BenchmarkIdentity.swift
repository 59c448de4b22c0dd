/// A benchmark's identity: its full name as the tool printed it, plus the `key=value` parameters
/// found in that name (Go's `BenchmarkFoo/size=1K-8`, Google Benchmark's `BM_Sort/1024`).
///
/// Identity, ordering and hashing use `name` only; `parameters` are derived data kept for grouping.
public struct BenchmarkIdentity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The full name, unique within one label and unit.
    public let name: String
    /// Where the parameters come from.
    private let parameterSource: ParameterSource

    /// Key/value parameters parsed from the name, in the order they appear: those given when the
    /// identity was made, or those the loader's rule parses from `name`, on each access.
    public var parameters: [KeyValue] {
        switch parameterSource {
        case .given(let parameters): parameters
        case .parsedFromName(let parse): parse(name)
        }
    }

    private enum ParameterSource: Sendable {
        case given([KeyValue])
        case parsedFromName(@Sendable (String) -> [KeyValue])
    }

    /// Creates an identity from a full name and its parameters.
    public init(name: String, parameters: [KeyValue] = []) {
        self.name = name
        self.parameterSource = .given(parameters)
    }

    /// Creates an identity whose parameters `parse` finds in `name` whenever they are asked for:
    /// a suite of thousands of series then holds no parsed array per series (6 MB at 20,000
    /// benchmarks in two labels). `parse` must be a pure function of the name.
    public init(name: String, parsingParametersWith parse: @escaping @Sendable (String) -> [KeyValue]) {
        self.name = name
        self.parameterSource = .parsedFromName(parse)
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
