extension MeasurementUnit {
    /// Whether a value of exactly zero is a valid measurement in this unit.
    ///
    /// Times, instruction counts and cycles must be strictly positive: a zero there is a broken
    /// measurement, and the analysis compares them on the log scale (ratios). Sizes, allocation
    /// counts, rates and unknown units may be zero (Go's `0 allocs/op` is a real, common result;
    /// golang.org/x/perf reports a zero centre as "summaries must be >0 to compute geomean"
    /// instead of rejecting it). No unit accepts negative values.
    public var allowsZero: Bool {
        switch quantity {
        case .time, .executionCount: false
        case .bytes, .byteRate, .count: true
        }
    }
}
