import BenchmarkModel

/// Why the gate passed or failed, as values: counts and the first comparisons concerned.
public enum GateReason: Sendable, Hashable {
    /// `count` regressions; the first of them named.
    case regressions(count: Int, named: [NamedSeries])
    /// `count` inconclusive comparisons failed the gate under `--strict`; the first named.
    case inconclusiveUnderStrict(count: Int, named: [NamedSeries])
    /// No regressions; `inconclusive` comparisons that `--strict` would fail on.
    case noRegressions(inconclusive: Int)
}

/// A benchmark and the base unit of its series, to name a comparison in a sentence.
public struct NamedSeries: Sendable, Hashable {
    /// The benchmark name.
    public let name: String
    /// The base unit (for example `s`).
    public let baseUnit: String

    /// Creates a name.
    public init(name: String, baseUnit: String) {
        self.name = name
        self.baseUnit = baseUnit
    }
}
