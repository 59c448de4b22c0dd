/// The one-way analysis of variance of values in groups, with the method-of-moments estimate of the
/// between-group variance component of the random-effects model xᵢⱼ = μ + aᵢ + eᵢⱼ,
/// aᵢ ~ (0, σ²_between), eᵢⱼ ~ (0, σ²_within) (Fisher 1925; Searle, Casella & McCulloch 1992, §3.5).
///
/// With r groups of sizes nᵢ, N = Σnᵢ, group means x̄ᵢ and grand mean x̄:
///
///     MS_within  = ΣΣ(xᵢⱼ − x̄ᵢ)² / (N − r)
///     MS_between = Σnᵢ(x̄ᵢ − x̄)² / (r − 1)
///     n₀         = (N − Σnᵢ²/N) / (r − 1)          (the effective group size of an unbalanced design)
///     σ²_between = max(0, (MS_between − MS_within) / n₀)
///
/// `F = MS_between / MS_within` is scipy's `f_oneway` statistic (checked against it in the tests).
/// Sums are plain and in index order (`Summation`).
public struct OneWayANOVA: Sendable, Equatable {
    /// Mean square within groups (the pooled within-group variance).
    public let meanSquareWithin: Double
    /// Mean square between groups.
    public let meanSquareBetween: Double
    /// The between-group variance component σ²_between (≥ 0).
    public let betweenGroupVariance: Double
    /// Degrees of freedom between groups (r − 1).
    public let degreesOfFreedomBetween: Double
    /// Degrees of freedom within groups (N − r).
    public let degreesOfFreedomWithin: Double

    /// The F statistic MS_between / MS_within (infinite when MS_within is 0 and MS_between is not).
    public var f: Double { meanSquareBetween / meanSquareWithin }

    /// Analyses `groups`, or returns nil when there are fewer than two groups, an empty group, or no
    /// within-group degrees of freedom (N − r < 1).
    public init?(groups: [[Double]]) {
        var values: [Double] = []
        var groupEnds: [Int] = []
        groupEnds.reserveCapacity(groups.count)
        for group in groups {
            values.append(contentsOf: group)
            groupEnds.append(values.count)
        }
        self.init(values: values, groupEnds: groupEnds)
    }

    /// Analyses `values` cut into groups that end (exclusive) at the ascending offsets `groupEnds`,
    /// the last being `values.count` — the same numbers as `init(groups:)` of those groups, without
    /// an array per group; nil as there (an empty group: two equal ends).
    public init?(values: [Double], groupEnds: [Int]) {
        let r = groupEnds.count
        let n = values.count
        guard r >= 2, n - r >= 1, groupEnds.last == n else { return nil }
        var start = 0
        for end in groupEnds {
            guard end > start else { return nil }
            start = end
        }
        var total = 0.0
        for value in values { total += value }
        let grand = total / Double(n)
        var ssWithin = 0.0
        var ssBetween = 0.0
        var sumOfSquaredSizes = 0.0
        start = 0
        for end in groupEnds {
            let group = values[start..<end]
            start = end
            let mean = Summation.sum(group) / Double(group.count)
            ssBetween += Double(group.count) * (mean - grand) * (mean - grand)
            for value in group { ssWithin += (value - mean) * (value - mean) }
            sumOfSquaredSizes += Double(group.count * group.count)
        }
        meanSquareWithin = ssWithin / Double(n - r)
        meanSquareBetween = ssBetween / Double(r - 1)
        let n0 = (Double(n) - sumOfSquaredSizes / Double(n)) / Double(r - 1)
        betweenGroupVariance = max(0, (meanSquareBetween - meanSquareWithin) / n0)
        degreesOfFreedomBetween = Double(r - 1)
        degreesOfFreedomWithin = Double(n - r)
    }
}
