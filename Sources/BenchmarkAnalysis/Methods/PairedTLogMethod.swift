import BenchmarkModel
import Foundation
import Statistics

/// `--paired` (`paired-t-log`): matches base and head samples of interleaved measurements by their round and runs
/// the paired t-test on the log ratios (Student 1908, paired), which cancels slow drift of the
/// machine that hits both members of a pair alike.
///
/// Samples are matched by (run id, iteration) when base and head name the same runs (as
/// `benchstat measure` writes them: one run id for all its commands), else by iteration alone. A
/// key that occurs more than once on a side, a sample without a partner and a run without
/// iterations are left out, with a note.
struct PairedTLogMethod: ComparisonMethod {
    static let identifier = MethodIdentifier.pairedTLog

    /// The samples matched for one benchmark.
    struct Pairs {
        /// log(base), log(head) of every pair, in base order.
        var baseLogs: [Double] = []
        var headLogs: [Double] = []
        /// Samples on either side left without a partner.
        var unpaired = 0
        /// Whether the key included the run id.
        var byRun = true
    }

    private struct Key: Hashable {
        let run: String
        let iteration: Int
    }

    /// Matches the samples of `base` and `head`, or nil when neither side carries iterations.
    static func pairs(base: BenchmarkSeries, head: BenchmarkSeries) -> Pairs? {
        let baseHas = base.runs.contains { $0.iterations != nil }
        let headHas = head.runs.contains { $0.iterations != nil }
        guard baseHas || headHas else { return nil }
        let byRun = Set(base.runs.map(\.id)) == Set(head.runs.map(\.id))
        var result = Pairs()
        result.byRun = byRun
        let baseSamples = keyed(base, byRun: byRun, unpaired: &result.unpaired)
        let headSamples = keyed(head, byRun: byRun, unpaired: &result.unpaired)
        var headByKey: [Key: Double] = [:]
        for (key, value) in headSamples { headByKey[key] = value }
        var matched = 0
        for (key, value) in baseSamples {
            guard let partner = headByKey[key], value > 0, partner > 0 else {
                result.unpaired += 1
                continue
            }
            result.baseLogs.append(log(value))
            result.headLogs.append(log(partner))
            matched += 1
        }
        result.unpaired += headSamples.count - matched
        return result
    }

    /// The samples of `series` with a unique key; the others are counted in `unpaired`.
    private static func keyed(_ series: BenchmarkSeries, byRun: Bool, unpaired: inout Int) -> [(Key, Double)] {
        var samples: [(Key, Double)] = []
        var counts: [Key: Int] = [:]
        for run in series.runs {
            guard let iterations = run.iterations, iterations.count == run.values.count else {
                unpaired += run.values.count
                continue
            }
            for (iteration, value) in zip(iterations, run.values) {
                let key = Key(run: byRun ? run.id : "", iteration: iteration)
                counts[key, default: 0] += 1
                samples.append((key, value))
            }
        }
        let unique = samples.filter { counts[$0.0] == 1 }
        unpaired += samples.count - unique.count
        return unique
    }

    /// The paired estimate, or nil (the caller falls back to the unpaired test) with fewer than two
    /// pairs or differences without spread.
    static func estimate(_ pairs: Pairs, confidence: Double) throws(StatisticsError) -> ChangeEstimate? {
        guard pairs.baseLogs.count >= 2 else { return nil }
        let result = try PairedTTest.test(base: pairs.baseLogs, head: pairs.headLogs, confidence: confidence)
        guard let pValue = result.pValue, let interval = result.confidenceInterval, let error = result.standardError,
            let degreesOfFreedom = result.degreesOfFreedom
        else { return nil }
        // σ of one difference, shared between the sides so that the two-sample power analysis asks
        // for as many pairs as a paired test needs.
        let sigma = error * Double(pairs.baseLogs.count).squareRoot() / 2.0.squareRoot()
        return ChangeEstimate(
            method: identifier,
            change: RelativeChange(logChange: result.meanDifference, logInterval: interval.lower...interval.upper),
            pValue: pValue, noise: .withinRun, noisePercent: expm1(sigma) * 100, observationSigma: sigma,
            evidence: .studentT(
                logChange: result.meanDifference, standardError: error, degreesOfFreedom: degreesOfFreedom))
    }

    func estimate(_ sides: ComparedSides, context: MethodContext) throws(StatisticsError) -> MethodOutcome {
        guard let pairs = Self.pairs(base: sides.base, head: sides.head) else {
            return .notApplicable(notes: [.pairedWithoutIterations])
        }
        var notes: [ComparisonNote] = []
        if pairs.unpaired > 0 { notes.append(.pairedSamplesLeftOut(count: pairs.unpaired)) }
        guard let estimate = try Self.estimate(pairs, confidence: context.confidence) else {
            notes.append(.pairedTooFew(pairs: pairs.baseLogs.count))
            return .notApplicable(notes: notes)
        }
        notes.insert(.paired(pairs: pairs.baseLogs.count, byRun: pairs.byRun), at: 0)
        return .estimate(estimate, notes: notes)
    }
}
