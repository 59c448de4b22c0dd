// Input checks and GSL error translation shared by every file of the module.

internal import Foundation

/// Runs a GSL wrapper and turns its `GSLError` into `StatisticsError.gsl`.
@inline(__always)
func viaGSL<T>(_ body: () throws(GSLError) -> T) throws(StatisticsError) -> T {
    do {
        return try body()
    } catch {
        throw .gsl(error)
    }
}

/// Throws `.emptySample` for an empty sample and `.nonFinite(index:)` for the first NaN/±Inf.
func validateFinite(_ values: [Double], allowEmpty: Bool = false) throws(StatisticsError) {
    if values.isEmpty && !allowEmpty { throw .emptySample }
    if let index = values.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: index) }
}

/// Validates a sample that will be log-transformed and returns the natural logarithms.
func validatedLogs(_ values: [Double]) throws(StatisticsError) -> [Double] {
    try validateFinite(values)
    if let index = values.firstIndex(where: { $0 <= 0 }) { throw .nonPositive(index: index) }
    return values.map { log($0) }
}

/// Throws unless 0 < `confidence` < 1.
func validateConfidence(_ confidence: Double) throws(StatisticsError) {
    guard confidence > 0 && confidence < 1 else {
        throw .invalidArgument("confidence must lie strictly between 0 and 1 (got \(confidence))")
    }
}

/// Throws `.numericalFailure` unless every value is finite.
func requireFinite(_ values: Double..., what: String) throws(StatisticsError) {
    guard values.allSatisfy(\.isFinite) else { throw .numericalFailure("\(what) is not finite") }
}
