import BenchmarkModel

/// The smallest relative change worth calling a regression or improvement, per mode, with
/// per-benchmark overrides by glob. A change that is statistically significant but smaller than
/// its threshold is `noise`.
public struct ThresholdPolicy: Sendable {
    /// The default threshold for instrumentation counts, in percent. See the README for why.
    public static let defaultInstrumentationPercent = 1.0
    /// The default threshold for walltime, in percent. See the README for why.
    public static let defaultWalltimePercent = 5.0

    /// Threshold in percent per mode.
    public var percentByMode: [MeasurementMode: Double] {
        didSet { modePercents = Self.modePercents(percentByMode) }
    }
    /// `percentByMode` read out once: `percent(for:mode:)` is asked once per benchmark, and a
    /// lookup in the dictionary was ~360 instructions (1.5 % of a million one-sample comparisons).
    private var modePercents: (instrumentation: Double?, walltime: Double?)
    /// Overrides in file order; the last matching rule wins.
    public var overrides: [ThresholdOverride]

    /// Creates a policy; by default 1% for instrumentation and 5% for walltime, no overrides.
    public init(
        instrumentationPercent: Double = defaultInstrumentationPercent,
        walltimePercent: Double = defaultWalltimePercent,
        overrides: [ThresholdOverride] = []
    ) {
        let percentByMode: [MeasurementMode: Double] = [
            .instrumentation: instrumentationPercent, .walltime: walltimePercent,
        ]
        self.percentByMode = percentByMode
        self.modePercents = Self.modePercents(percentByMode)
        self.overrides = overrides
    }

    private static func modePercents(
        _ percentByMode: [MeasurementMode: Double]
    ) -> (instrumentation: Double?, walltime: Double?) {
        (percentByMode[.instrumentation], percentByMode[.walltime])
    }

    /// The threshold for `benchmark` in `mode`, in percent.
    public func percent(for benchmark: String, mode: MeasurementMode) -> Double {
        var value: Double
        switch mode {
        case .instrumentation: value = modePercents.instrumentation ?? 0
        case .walltime: value = modePercents.walltime ?? 0
        }
        for rule in overrides where rule.pattern.matches(benchmark) {
            if let percent = rule.percent { value = percent }
        }
        return value
    }

    /// Whether a rule says to leave `benchmark` out of the analysis.
    public func ignores(_ benchmark: String) -> Bool {
        var ignored = false
        for rule in overrides where rule.pattern.matches(benchmark) {
            if let ignore = rule.ignore { ignored = ignore }
        }
        return ignored
    }
}

/// One `[[benchmark]]` rule of the configuration file: a glob and what it changes.
public struct ThresholdOverride: Sendable {
    /// Which benchmarks the rule applies to.
    public let pattern: GlobPattern
    /// The threshold in percent for matching benchmarks, or nil to keep the mode's.
    public let percent: Double?
    /// Whether matching benchmarks are left out, or nil to keep what earlier rules said.
    public let ignore: Bool?

    /// Creates a rule.
    public init(pattern: GlobPattern, percent: Double?, ignore: Bool?) {
        self.pattern = pattern
        self.percent = percent
        self.ignore = ignore
    }
}
