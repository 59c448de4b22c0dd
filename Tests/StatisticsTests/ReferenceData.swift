import Foundation
import Testing

// The scipy/numpy/statsmodels reference values written by Reference/generate_reference.py,
// read from disk next to this file (not as a bundle resource).

// MARK: Tolerances (relative unless stated)

/// t, df, p, confidence interval of the t-tests: scipy and GSL agree to ~1e-13 on
/// well-conditioned inputs; 1e-9 leaves room for tail p-values and Welch df.
let tTestTolerance = 1e-9
/// Exact Mann–Whitney p-values against exact rational arithmetic (and scipy `method="exact"`).
let exactPTolerance = 1e-12
/// Normal-approximation Mann–Whitney p-values against scipy `method="asymptotic"`.
let asymptoticPTolerance = 1e-6
/// Adjusted p-values against statsmodels `multipletests` / scipy `false_discovery_control`.
let adjustmentTolerance = 1e-12
/// Descriptive statistics against numpy (different summation orders: a few ulps).
let descriptiveTolerance = 1e-12
/// Power of the t-test against statsmodels (noncentral t by Boost vs. our quadrature; observed ~4e-13).
let powerTolerance = 1e-10
/// Achieved confidence levels (binomial / U distribution sums).
let levelTolerance = 1e-12
/// Bootstrap interval ends against scipy.stats.bootstrap, in units of the bootstrap standard
/// error: the Monte Carlo error of a 2.5% quantile with B = 20 000 (Swift) and 200 000 (scipy)
/// is ≈ 0.02 SE, so 0.1 SE is about 5 standard deviations of the difference.
let bootstrapToleranceInStandardErrors = 0.1

/// |a − b| / |b| (|a − b| when b = 0).
func relativeError(_ a: Double, _ b: Double) -> Double {
    b == 0 ? abs(a) : abs(a - b) / abs(b)
}

/// Whether `a` matches `b` to relative tolerance `tolerance`, with an absolute floor `scale·tolerance`
/// for values that are themselves differences near 0.
func close(_ a: Double, _ b: Double, _ tolerance: Double, scale: Double = 0) -> Bool {
    abs(a - b) <= tolerance * max(abs(b), scale)
}

// MARK: Cases

struct DescriptiveCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let values: [Double]
    let count: Int
    let mean: Double
    let variance: Double?
    let standardDeviation: Double?
    let median, minimum, maximum, mad, scaledMAD: Double
    let cv: Double?
    let quantileLevels: [Double]
    let quantiles: [Double]
    var testDescription: String { name }
}

struct TTestCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let base, head: [Double]
    let equalVariances: Bool
    let confidence: Double
    let meanDifference: Double
    let t, df, p, ciLower, ciUpper: Double?
    let degeneracy: String?
    var testDescription: String { name }
}

struct GeometricMeanCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let base, head: [Double]
    let confidence, ratio, ciLower, ciUpper: Double
    let p: Double?
    var testDescription: String { name }
}

struct MannWhitneyCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let base, head: [Double]
    let u, p: Double
    let method: String
    let degeneracy: String?
    let scipyExactP: Double?
    let asymptoticP: Double
    var testDescription: String { name }
}

struct HodgesLehmannCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let base, head: [Double]
    let confidence, estimate, lower, upper, achieved: Double
    let k: Int
    let levelReached: Bool
    let method: String
    var testDescription: String { name }
}

struct MedianCICase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let values: [Double]
    let confidence, median, lower, upper, achieved: Double
    let k: Int
    let levelReached: Bool
    var testDescription: String { name }
}

struct MultipleComparisonsCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let p, bonferroni, holm, benjaminiHochberg, benjaminiHochbergScipy: [Double]
    var testDescription: String { name }
}

struct EquivalenceCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let base, head: [Double]
    let lower, upper, alpha, p, pLower, pUpper, df: Double
    let equivalent: Bool
    var testDescription: String { name }
}

struct PowerCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let effect, standardDeviation, alpha, power: Double
    let samplesPerSide: Int
    let solvePower: Double?
    let probeN: [Int]
    let probePower: [Double]
    var testDescription: String { name }
}

struct OutlierCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let values: [Double]
    let k: Double
    let logScale: Bool
    let low, high: [Int]
    let lowerFence, upperFence: Double
    var testDescription: String { name }
}

struct BootstrapCase: Decodable, Sendable, CustomTestStringConvertible {
    let name, kind, statistic, method: String
    let base, head: [Double]
    let confidence, lower, upper, standardError: Double
    var testDescription: String { name }
}

struct NISTCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let count: Int
    let certifiedMean, certifiedStandardDeviation, meanOfDoubles, standardDeviationOfDoubles: Double
    var testDescription: String { name }
}

struct StudentTTail: Decodable, Sendable, CustomTestStringConvertible {
    let t, df, survival: Double
    var testDescription: String { "t=\(t) df=\(df)" }
}

struct StudentTQuantile: Decodable, Sendable, CustomTestStringConvertible {
    let p, df, quantile: Double
    var testDescription: String { "p=\(p) df=\(df)" }
}

struct StudentTReference: Decodable, Sendable {
    let tails: [StudentTTail]
    let quantiles: [StudentTQuantile]
}

struct Reference: Decodable, Sendable {
    let seed: Int
    let versions: [String: String]
    let caseCounts: [String: Int]
    let descriptive: [DescriptiveCase]
    let tTest: [TTestCase]
    let geometricMeanRatio: [GeometricMeanCase]
    let mannWhitney: [MannWhitneyCase]
    let hodgesLehmann: [HodgesLehmannCase]
    let medianCI: [MedianCICase]
    let multipleComparisons: [MultipleComparisonsCase]
    let equivalence: [EquivalenceCase]
    let power: [PowerCase]
    let outliers: [OutlierCase]
    let bootstrap: [BootstrapCase]
    let nist: [NISTCase]
    let studentT: StudentTReference

    /// The directory holding reference.json and the NIST files.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Reference")

    /// Loads reference.json; on failure the error is kept so that `referenceLoads` fails loudly
    /// instead of every parameterised test silently running zero cases.
    static let loaded: Result<Reference, any Error> = Result {
        let data = try Data(contentsOf: directory.appendingPathComponent("reference.json"))
        return try JSONDecoder().decode(Reference.self, from: data)
    }

    /// The reference, or an empty one when it cannot be read (see `loaded`).
    static var shared: Reference? { try? loaded.get() }
}

@Test func referenceLoads() throws {
    let reference = try Reference.loaded.get()
    #expect(reference.versions["scipy"] != nil)
    let counts = [
        "descriptive": reference.descriptive.count, "tTest": reference.tTest.count,
        "geometricMeanRatio": reference.geometricMeanRatio.count, "mannWhitney": reference.mannWhitney.count,
        "hodgesLehmann": reference.hodgesLehmann.count, "medianCI": reference.medianCI.count,
        "multipleComparisons": reference.multipleComparisons.count, "equivalence": reference.equivalence.count,
        "power": reference.power.count, "outliers": reference.outliers.count, "bootstrap": reference.bootstrap.count,
        "nist": reference.nist.count,
    ]
    #expect(counts == reference.caseCounts)
    #expect(counts.values.reduce(0, +) >= 300)
}

/// `Reference/<name>` decoded as `T`, or nil when it is missing or malformed (each suite's
/// `referenceFileLoads` test then fails loudly). Infinities and NaN may be written as the strings
/// "Infinity", "-Infinity" and "NaN".
func referenceFile<T: Decodable>(_ name: String, as type: T.Type) -> T? {
    guard let data = try? Data(contentsOf: Reference.directory.appendingPathComponent(name)) else { return nil }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
        positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return try? decoder.decode(T.self, from: data)
}
