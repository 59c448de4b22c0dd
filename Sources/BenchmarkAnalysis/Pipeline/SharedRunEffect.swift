import Statistics

/// How much the runs of a suite move all its benchmarks together — one machine state per run
/// (load, frequency, a noisy neighbour) slows every benchmark of that run — measured so that
/// `ModerationStep` credits the suite's pooled between-run variance only with the information it
/// really has.
///
/// On each side, the benchmarks that ran in the same runs (the same `BenchmarkRun.id`s, the most
/// common such set) give one vector of run means each; their average pairwise correlation ρ̄
/// (`AveragePairwiseCorrelation`) is near 0 when run effects are a benchmark's own and near 1 when
/// they are shared. The bound used is ρ̄ + 2 standard errors under independence, of the side where
/// it is larger; Kish's design effect turns it into an effective number of independent benchmarks
/// n_eff = n / (1 + (n − 1)·ρ). On real same-binary walltime runs of this repository's Data/
/// (machine load shared across benchmarks), ρ̄ is 0.1–0.5 at two or three runs per side; on
/// simulations with a benchmark's own run effects it is 0 ± 0.05.
struct SharedRunEffect: Equatable {
    /// The upper bound ρ̄ + 2·SE of the average pairwise correlation of run means.
    let correlationBound: Double
    /// How many benchmarks were measured (on the side that decided).
    let benchmarks: Int

    /// Kish's effective number of independent benchmarks, between 1 and `benchmarks`.
    var effectiveBenchmarks: Double {
        AveragePairwiseCorrelation.effectiveCount(benchmarks, correlation: correlationBound)
    }

    /// The prior degrees of freedom the pooled variance is worth to one side of `sideDegreesOfFreedom`
    /// (runs − 1): its base and head sides are 2·n_eff independent variance estimates, one of which is
    /// the side's own, so (2·n_eff − 1)·d — d when every run effect is shared (the suite knows the run
    /// variance no better than the two sides' runs), (2n − 1)·d when none is.
    func creditedPriorDegreesOfFreedom(sideDegreesOfFreedom: Double) -> Double {
        max(2 * effectiveBenchmarks - 1, 1) * sideDegreesOfFreedom
    }

    /// Measures the shared run effect of `inputs` (one comparison each), or nil when neither side
    /// has `minimumBenchmarks` benchmarks with the same runs.
    static func measure(_ inputs: [ModerationInput], minimumBenchmarks: Int) throws(StatisticsError) -> SharedRunEffect?
    {
        var estimates: [AveragePairwiseCorrelation] = []
        for side in [inputs.map(\.base), inputs.map(\.head)] {
            var byRuns: [[String]: [Int]] = [:]
            for (position, runs) in side.enumerated() where runs.runIDs.count >= 2 {
                byRuns[runs.runIDs, default: []].append(position)
            }
            guard
                let members = byRuns.values.max(by: { $0.count < $1.count || ($0.count == $1.count && $0[0] > $1[0]) }),
                members.count >= minimumBenchmarks,
                let correlation = try AveragePairwiseCorrelation(vectors: members.map { side[$0].runMeans })
            else { continue }
            estimates.append(correlation)
        }
        // The side that shows more sharing decides: two runs of the other side may have met the
        // same machine state by chance (on real walltime, one side at ρ̄ = 0.04, the other at 0.8).
        guard
            let largest = estimates.max(by: {
                $0.value + 2 * $0.standardErrorUnderIndependence < $1.value + 2 * $1.standardErrorUnderIndependence
            })
        else { return nil }
        return SharedRunEffect(
            correlationBound: largest.value + 2 * largest.standardErrorUnderIndependence,
            benchmarks: largest.vectorCount)
    }
}
