/// The average of the Pearson correlations of every pair among n vectors of the same length: how
/// far the vectors move together. With vectors u_i centred and scaled to unit length,
///
///     ρ̄ = Σ_{i<j} u_i·u_j / (n(n−1)/2) = (‖Σ u_i‖² − n) / (n(n−1)),
///
/// which costs O(n·m) instead of O(n²·m) (the identity behind Cronbach's α and the average
/// inter-item correlation; Cronbach 1951). A vector of equal values has no direction and is left out.
///
/// When the vectors are independent and each centred vector's direction is uniform on its
/// (m − 1)-dimensional subspace (independent normal coordinates), every u_i·u_j has mean 0 and
/// variance 1/(m − 1) and the pairs are uncorrelated, so ρ̄ has mean 0 and standard error
/// √(2 / ((m − 1)·n(n − 1))) — `standardErrorUnderIndependence`.
///
/// The design effect of Kish (1965) turns ρ̄ into an effective number of independent vectors,
/// n / (1 + (n − 1)·max(ρ̄, 0)) — `effectiveCount(correlation:)`.
public struct AveragePairwiseCorrelation: Sendable, Equatable {
    /// The average pairwise correlation ρ̄, in [−1/(n−1), 1] up to rounding.
    public let value: Double
    /// The standard error of ρ̄ if the vectors were independent: √(2 / ((m − 1)·n(n − 1))).
    public let standardErrorUnderIndependence: Double
    /// How many vectors entered (those with two or more distinct values).
    public let vectorCount: Int

    /// The average pairwise correlation of `vectors`, or nil when fewer than two of them vary.
    /// - Throws: `.invalidArgument` when the vectors differ in length or are shorter than 2;
    ///   `.nonFinite` for a NaN or infinite coordinate (its index in the flattened input).
    public init?(vectors: [[Double]]) throws(StatisticsError) {
        guard let length = vectors.first?.count else { return nil }
        guard length >= 2 else {
            throw .invalidArgument("correlations need vectors of at least 2 values (got \(length))")
        }
        var sum = [Double](repeating: 0, count: length)
        var count = 0
        var centred = [Double](repeating: 0, count: length)
        for (position, vector) in vectors.enumerated() {
            guard vector.count == length else {
                throw .invalidArgument("vector #\(position) has \(vector.count) values, the first has \(length)")
            }
            if let bad = vector.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: position * length + bad) }
            let mean = Summation.sum(vector) / Double(length)
            var squares = 0.0
            for index in 0..<length {
                centred[index] = vector[index] - mean
                squares += centred[index] * centred[index]
            }
            guard squares > 0 else { continue }
            let norm = squares.squareRoot()
            for index in 0..<length { sum[index] += centred[index] / norm }
            count += 1
        }
        guard count >= 2 else { return nil }
        let n = Double(count)
        var total = 0.0
        for value in sum { total += value * value }
        self.value = (total - n) / (n * (n - 1))
        self.standardErrorUnderIndependence = (2 / (Double(length - 1) * n * (n - 1))).squareRoot()
        self.vectorCount = count
    }

    /// Kish's effective number of independent vectors, n / (1 + (n − 1)·max(ρ, 0)), for an average
    /// correlation `correlation` among `count` vectors (Kish 1965, the design effect).
    public static func effectiveCount(_ count: Int, correlation: Double) -> Double {
        let n = Double(count)
        return n / (1 + (n - 1) * min(max(correlation, 0), 1))
    }
}
