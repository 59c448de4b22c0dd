import BenchmarkModel
import Statistics

/// A way to estimate one benchmark's change from its base and head series.
///
/// The analysis asks the methods of `MethodRegistry.methods(for:)` in order; the first that
/// applies estimates the comparison, and the notes of the ones that declined are kept (for
/// example "--paired: no iteration fields, so the samples were compared unpaired"). Adding a method
/// is one new type conforming to this protocol, a `MethodIdentifier` case, and a line in
/// `MethodRegistry`.
protocol ComparisonMethod: Sendable {
    /// The method's identifier, as reports show it.
    static var identifier: MethodIdentifier { get }

    /// The estimate for `sides`, or why this method does not apply.
    func estimate(_ sides: ComparedSides, context: MethodContext) throws(StatisticsError) -> MethodOutcome
}

/// The two sides of one comparison as a method sees them: the series, and their logarithms when
/// every value has one (a series with zeros has none; `ExactCountsMethod` handles those).
struct ComparedSides {
    /// The labels of the two sides.
    let baseLabel: String
    let headLabel: String
    /// The base series.
    let base: BenchmarkSeries
    /// The head series.
    let head: BenchmarkSeries
    /// The base series on the log scale, or nil when a value is ≤ 0.
    let baseLogs: LogSamples?
    /// The head series on the log scale, or nil when a value is ≤ 0.
    let headLogs: LogSamples?
}

/// What every method may use besides the samples.
struct MethodContext {
    /// The confidence level of intervals.
    let confidence: Double
    /// The significance level (rank methods compute their 1 − 2α equivalence interval with it).
    let alpha: Double
    /// The benchmark's history noise, when `--history` covered it.
    let history: HistoryNoise.Estimate?
}

/// What a method made of one comparison.
enum MethodOutcome {
    /// An estimate, with the method's notes.
    case estimate(ChangeEstimate, notes: [ComparisonNote])
    /// An estimate whose verdict the method decided itself (exact counts from or to zero, where no
    /// ratio and no test exist), with its side summaries.
    case decided(ChangeEstimate, Decision, base: SideSummary, head: SideSummary)
    /// The method does not apply; the notes say why (for the report, when a later method is used).
    case notApplicable(notes: [ComparisonNote])
}

/// The methods an analysis asks, in order, for its options.
enum MethodRegistry {
    /// Exact counts first (they take only series with zeros), then the paired test when asked for
    /// (it declines without iterations), then the analysis' test, which always applies.
    static func methods(for options: AnalysisOptions) -> [any ComparisonMethod] {
        var methods: [any ComparisonMethod] = [ExactCountsMethod()]
        if options.paired { methods.append(PairedTLogMethod()) }
        methods.append(method(for: options.test))
        return methods
    }

    /// The method that implements `test`.
    static func method(for test: ComparisonTest) -> any ComparisonMethod {
        switch test {
        case .welch: WelchLogMethod()
        case .mannWhitney: MannWhitneyMethod()
        case .yuen: YuenTrimmedLogMethod()
        }
    }

    /// The identifier of the method that implements `test`.
    static func identifier(for test: ComparisonTest) -> MethodIdentifier {
        switch test {
        case .welch: WelchLogMethod.identifier
        case .mannWhitney: MannWhitneyMethod.identifier
        case .yuen: YuenTrimmedLogMethod.identifier
        }
    }
}
