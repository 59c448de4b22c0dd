import Foundation

/// The statistical part of one comparison, before verdicts, as a method estimated it: the change on
/// the log scale, its interval and p-value, the noise model, and the centre intervals per side.
struct ChangeEstimate {
    /// The method that made it.
    let method: MethodIdentifier
    /// The change head / base − 1 in percent with its interval, or nil when no ratio exists (a
    /// count from zero, or a difference no test could estimate).
    let change: RelativeChange?
    /// The two-sided p-value, or nil when no test was possible (exact or no noise estimate).
    let pValue: Double?
    /// The noise source.
    let noise: NoiseModel
    /// `observationSigma` as a percentage of the centre, or nil.
    let noisePercent: Double?
    /// σ of one observation on the log scale: the noise level the decision used and the power
    /// analysis' σ, or nil.
    let observationSigma: Double?
    /// What equivalence and non-inferiority are judged from: the t distribution of the log change,
    /// or (rank methods) its interval at level 1 − 2α; nil without a test.
    var evidence: ChangeEvidence? = nil
    /// What `ModerationStep` needs to borrow between-run variance across the suite (Welch with
    /// runs as the unit on both sides), or nil.
    var moderation: ModerationInput? = nil
    /// Centre interval per side on the log scale (Welch), or nil.
    var baseCentreInterval: ClosedRange<Double>? = nil
    var headCentreInterval: ClosedRange<Double>? = nil
}

extension RelativeChange {
    /// The change of a log-scale estimate: exp(log ratio) − 1 in percent, the interval likewise.
    init(logChange: Double, logInterval: ClosedRange<Double>?) {
        self.init(
            percent: expm1(logChange) * 100,
            interval: logInterval.map { (expm1($0.lowerBound) * 100)...(expm1($0.upperBound) * 100) })
    }
}
