import BenchmarkModel

/// Why the gate passed or failed, as values: counts and the first comparisons concerned.
public enum GateReason: Sendable, Hashable {
    /// `count` regressions; the first of them named.
    case regressions(count: Int, named: [NamedSeries])
    /// Under `--strict`, `count` comparisons did not show non-inferiority; the first named.
    case notShownNonInferior(count: Int, named: [NamedSeries])
    /// No regressions; `inconclusive` undecided comparisons, `strictWouldFail` of all comparisons
    /// without shown non-inferiority (what `--strict` would fail on).
    case noRegressions(inconclusive: Int, strictWouldFail: Int)
    /// `count` comparisons had one run per side and no history: between-run drift is not in their
    /// intervals (a remark, not a cause of failure).
    case driftNotMeasured(count: Int)
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
