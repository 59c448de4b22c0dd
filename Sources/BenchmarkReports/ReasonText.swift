import BenchmarkAnalysis
import BenchmarkModel
import NumberText

/// The words of every report: verdict reasons, comparison notes, gate reasons, warnings and
/// environment differences, from the analysis' typed values. Numbers go through `ReportNumber`, so a
/// p-value or a percentage prints the same way in every column and sentence of every format.
public enum ReasonText {
    /// One line naming the rule that decided a comparison.
    static func reason(_ reason: VerdictReason) -> String {
        switch reason {
        case .onlyIn(let side, let label):
            side == .head ? "only in \(label) (new benchmark)" : "only in \(label) (removed)"
        case .noNoiseEstimate(let baseCount, let headCount):
            "n=\(baseCount)/\(headCount) per side, no noise estimate: repeat the runs or pass --history"
        case .identical:
            "exact: identical on both sides"
        case .exactBeyondThreshold(let threshold, let judgedByHistory):
            judgedByHistory
                ? "exact counts, beyond the \(band(threshold)) threshold; history shows no build noise"
                : "exact counts, beyond the \(band(threshold)) threshold (no history to judge build noise)"
        case .exactWithinThreshold(let threshold):
            "exact counts, within the \(band(threshold)) threshold"
        case .exactCountsChanged(let base, let head, let unit):
            "exact counts: \(ReportNumber.count(base / unit.scale)) → \(ReportNumber.count(head / unit.scale)) "
                + unit.written
        case .zeroAmongVaryingSamples:
            "zero values among varying samples: no ratio can be estimated"
        case .noTestPossible:
            "no test was possible"
        case .significant(let change, let p, let threshold, let historySigma):
            "\(ReportNumber.signedPercent(change)) is significant (p=\(ReportNumber.pValue(p))"
                + (historySigma.map { " against history noise σ=\(ReportNumber.magnitudePercent($0))" } ?? "")
                + "), beyond \(band(threshold))"
        case .significantWithinThreshold(let change, let p, let threshold):
            "\(ReportNumber.signedPercent(change)) is significant (p=\(ReportNumber.pValue(p))) but within the "
                + "\(band(threshold)) threshold"
        case .equivalent(let p, let threshold, let level, let historySigma):
            (historySigma.map { "within history noise σ=\(ReportNumber.magnitudePercent($0)): " } ?? "")
                + "not significant (p=\(ReportNumber.pValue(p))); the \(ReportNumber.magnitudePercent(level * 100)) "
                + "interval lies within \(band(threshold))"
        case .undecided(let p, let threshold, let needed, let unit):
            "not significant (p=\(ReportNumber.pValue(p))) but the interval crosses \(band(threshold))"
                + (needed.map { "; ~\($0) \(unit.rawValue) per side would resolve \(band(threshold))" } ?? "")
        }
    }

    /// A comparison's reason, or empty before a decision (never in a finished analysis).
    static func reason(of comparison: Comparison) -> String { comparison.reason.map(reason) ?? "" }

    /// A footnote.
    static func note(_ note: ComparisonNote) -> String {
        switch note {
        case .outliers(let count, let label): "\(count) outlier(s) in \(label)"
        case .modeDiffers(let used, let label): "mode differs between labels; \(used.rawValue) from \(label) used"
        case .paired(let pairs, let byRun):
            "paired: \(pairs) pairs by " + (byRun ? "(run, iteration)" : "iteration (run ids differ between labels)")
        case .pairedSamplesLeftOut(let count): "--paired: \(count) unpaired sample(s) left out"
        case .pairedWithoutIterations: "--paired: no iteration fields, so the samples were compared unpaired"
        case .pairedTooFew(let pairs):
            "--paired: \(pairs) pair(s), too few (or without spread) for the paired test, so the samples were "
                + "compared unpaired"
        case .driftNotMeasured:
            "between-run drift not measured: one run per side (measure ≥ 2 interleaved runs per side, or pass "
                + "--history)"
        case .baseRunOutsideHistory(let percent, let sigmas):
            "the base run is \(ReportNumber.signedPercent(percent)) (\(PrintfNumber.format(sigmas, "%+.1f"))σ) "
                + "off its history: outside the 99% prediction interval of one more history run"
        case .robustEstimateDisagrees(let trimmed):
            "20%-trimmed means of the logs change by \(ReportNumber.signedPercent(trimmed)): a heavy tail pulls "
                + "the mean; --test yuen is robust to it"
        case .varianceBorrowed(let prior):
            "between-run variance borrowed across the suite (empirical Bayes, prior worth "
                + "\(PrintfNumber.format(prior, "%.1f")) degrees of freedom; --no-moderation turns it off)"
        case .otherMode(let mode, let change, let interval, let verdict):
            "\(mode.rawValue) of the same benchmark: \(ReportNumber.signedPercent(change))"
                + (interval.map { " " + ReportNumber.interval($0) } ?? "") + " (\(verdict.rawValue))"
                + (interval.map { $0.contains(0) ? ", its interval covers 0" : "" } ?? "")
        }
    }

    /// One gate reason; a named series is followed by `units[series]` (the unit its table shows),
    /// else by its base unit.
    static func gate(_ reason: GateReason, units: [NamedSeries: String] = [:]) -> String {
        switch reason {
        case .regressions(let count, let named):
            "\(count) regression(s): " + names(named, count: count, units: units)
        case .notShownNonInferior(let count, let named):
            "\(count) comparison(s) do not show non-inferiority under --strict: "
                + names(named, count: count, units: units)
        case .noRegressions(let inconclusive, let strictWouldFail):
            "no regressions" + (inconclusive == 0 ? "" : " (\(inconclusive) inconclusive)")
                + (strictWouldFail == 0
                    ? "" : "; --strict would fail on \(strictWouldFail) without shown non-inferiority")
        case .driftNotMeasured(let count):
            "between-run drift not measured for \(count) comparison(s) with one run per side: measure ≥ 2 "
                + "interleaved runs per side, or pass --history"
        }
    }

    /// The gate's reasons, in order, each named series in the unit of its table group (`µs`, as
    /// the table shows it, not the base unit `s`).
    static func gateReasons(_ result: AnalysisResult) -> [String] {
        let units = ReportTable.displayUnits(result)
        return result.gate.reasons.map { gate($0, units: units) }
    }

    /// A warning, `file:line: message` for input warnings.
    static func warning(_ warning: AnalysisWarning) -> String {
        switch warning {
        case .input(let input): input.description
        case .ignoredByConfiguration(let count):
            "\(count) benchmark(s) left out by the configuration's ignore rules"
        case .labelsLookLikeRuns(let labels):
            "the labels \(labels.prefix(4).joined(separator: ", "))\(labels.count > 4 ? ", …" : "") look like runs of one "
                + "label (one file each, the same benchmarks, none named base or head); lay runs out as "
                + "runs/base/<run>.json and runs/head/<run>.json and pass runs/"
        }
    }

    /// `file:line: warning: message` (`warning: message` without a location), the form compilers
    /// and CI logs link to.
    public static func diagnostic(_ warning: AnalysisWarning) -> String {
        switch warning {
        case .input(let input): "\(input.location): warning: \(input.message)"
        case .ignoredByConfiguration, .labelsLookLikeRuns: "warning: " + Self.warning(warning)
        }
    }

    /// `cpu: base has A, head has B`.
    static func environment(_ difference: EnvironmentDifference) -> String {
        "\(difference.key): \(difference.baseLabel) has \(difference.baseValues.joined(separator: " | ")), "
            + "\(difference.headLabel) has \(difference.headValues.joined(separator: " | "))"
    }

    /// What a side's centre is under `test`.
    static func centreName(_ test: ComparisonTest) -> String {
        switch test {
        case .welch: "geometric mean"
        case .mannWhitney: "median"
        case .yuen: "20%-trimmed geometric mean"
        }
    }

    /// `±5%`.
    private static func band(_ threshold: Double) -> String { "±" + ReportNumber.magnitudePercent(threshold) }

    /// `a (s), b (s), and 3 more`.
    private static func names(_ named: [NamedSeries], count: Int, units: [NamedSeries: String]) -> String {
        let more = count > named.count ? ", and \(count - named.count) more" : ""
        return named.map { "\($0.name) (\(units[$0] ?? $0.baseUnit))" }.joined(separator: ", ") + more
    }
}
