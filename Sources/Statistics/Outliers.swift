internal import Foundation

/// Tukey's fences (Tukey 1977, *Exploratory Data Analysis*): values below Q1 − k·IQR or above
/// Q3 + k·IQR are outliers (k = 1.5 "outside", 3 "far out"). Quartiles are type 7 (linear
/// interpolation, as numpy and R's default), from GSL.
public enum Outliers {
    /// Flags the outliers of `values`.
    /// - Parameters:
    ///   - k: the fence multiplier (≥ 0).
    ///   - logScale: compute quartiles and fences on natural logarithms (for ratio-scale data such
    ///     as timings; the values must then be > 0). The reported fences are in the original units.
    /// - Throws: `.emptySample`, `.nonFinite(index:)`, `.nonPositive(index:)` (log scale),
    ///   `.invalidArgument` (k).
    public static func tukeyFences(_ values: [Double], k: Double = 1.5, logScale: Bool) throws(StatisticsError)
        -> OutlierFlags
    {
        guard k >= 0 && k.isFinite else { throw .invalidArgument("k must be finite and ≥ 0 (got \(k))") }
        let scaled = logScale ? try validatedLogs(values) : values
        try validateFinite(scaled)
        let (q1, q3, lowerFence, upperFence) = try fences(sorted: GSL.sorted(scaled), k: k)
        let low = scaled.indices.filter { scaled[$0] < lowerFence }
        let high = scaled.indices.filter { scaled[$0] > upperFence }
        func original(_ x: Double) -> Double { logScale ? exp(x) : x }
        return OutlierFlags(
            lowIndices: low, highIndices: high, lowerFence: original(lowerFence), upperFence: original(upperFence),
            firstQuartile: original(q1), thirdQuartile: original(q3))
    }

    /// How many values of an ascending sample lie outside Tukey's fences Q1 − k·IQR and Q3 + k·IQR
    /// (the count of `tukeyFences` on the same values, without sorting or index lists). For the
    /// log scale, pass the sorted logarithms.
    /// - Throws: `.emptySample`, `.nonFinite(index:)`, `.invalidArgument` (k).
    public static func tukeyOutlierCount(sorted: [Double], k: Double = 1.5) throws(StatisticsError) -> Int {
        guard k >= 0 && k.isFinite else { throw .invalidArgument("k must be finite and ≥ 0 (got \(k))") }
        try validateFinite(sorted)
        let (_, _, lowerFence, upperFence) = try fences(sorted: sorted, k: k)
        var count = 0
        for value in sorted where value < lowerFence || value > upperFence { count += 1 }
        return count
    }

    /// `tukeyOutlierCount(sorted:k:)` of values in any order (sorted here with GSL).
    public static func tukeyOutlierCount(_ values: [Double], k: Double = 1.5) throws(StatisticsError) -> Int {
        try tukeyOutlierCount(sorted: GSL.sorted(values), k: k)
    }

    /// Q1 and Q3 (Hyndman & Fan type 7) of sorted data and the fences k·IQR beyond them.
    private static func fences(sorted: [Double], k: Double) throws(StatisticsError)
        -> (q1: Double, q3: Double, lower: Double, upper: Double)
    {
        let q1 = try viaGSL { () throws(GSLError) in try GSL.quantile(sorted: sorted, 0.25) }
        let q3 = try viaGSL { () throws(GSLError) in try GSL.quantile(sorted: sorted, 0.75) }
        let iqr = q3 - q1
        let lowerFence = q1 - k * iqr
        let upperFence = q3 + k * iqr
        try requireFinite(lowerFence, upperFence, what: "a fence")
        return (q1, q3, lowerFence, upperFence)
    }
}

/// The result of `Outliers.tukeyFences`. Indices refer to the input array, ascending.
public struct OutlierFlags: Sendable, Equatable {
    /// Indices of values below the lower fence.
    public let lowIndices: [Int]
    /// Indices of values above the upper fence.
    public let highIndices: [Int]
    /// Q1 − k·IQR (exp of it on the log scale).
    public let lowerFence: Double
    /// Q3 + k·IQR (exp of it on the log scale).
    public let upperFence: Double
    /// The first quartile (type 7), in original units.
    public let firstQuartile: Double
    /// The third quartile (type 7), in original units.
    public let thirdQuartile: Double

    /// All outlier indices, ascending.
    public var allIndices: [Int] { (lowIndices + highIndices).sorted() }
    /// The number of outliers.
    public var count: Int { lowIndices.count + highIndices.count }
}
