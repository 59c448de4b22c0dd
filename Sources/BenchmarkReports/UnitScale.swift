import BenchmarkAnalysis
import BenchmarkModel
import Foundation
import NumberText

/// Chooses a display scale for a group of values in one base unit (ns/µs/ms/s for seconds; k/M/G
/// for counts; KiB/MiB/GiB for bytes) and formats numbers with 4 significant digits, as Go's
/// benchstat does.
struct UnitScale {
    let factor: Double
    let suffix: String

    /// The scale that suits the median magnitude of `values` in `baseUnit`.
    ///
    /// The scale is the largest whose factor the upper median m (the value at index ⌊n/2⌋ of the n
    /// positive values sorted; 1 when there are none) reaches, else the smallest. m ≥ t exactly when
    /// at most ⌊n/2⌋ positive values lie below t, so one pass counting the values below each factor
    /// decides — no sorted copy (sorting a million centres was 2 % of such a report).
    init(baseUnit: String, values: [Double]) {
        let scales: [(factor: Double, suffix: String)]
        switch UnitQuantity(baseUnit: baseUnit) {
        case .time: scales = [(1, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")]
        case .bytes, .byteRate: scales = [(1_073_741_824, "GiB"), (1_048_576, "MiB"), (1024, "KiB"), (1, "B")]
        case .executionCount, .count: scales = [(1e9, "G"), (1e6, "M"), (1e3, "k"), (1, "")]
        }
        let factors = scales.map(\.factor)
        var positives = 0
        var below = [Int](repeating: 0, count: factors.count)
        for value in values where value > 0 {
            positives += 1
            for position in factors.indices where value < factors[position] { below[position] += 1 }
        }
        let chosen =
            factors.indices.first { positives > 0 ? below[$0] <= positives / 2 : 1 >= factors[$0] }
            ?? factors.count - 1
        (factor, suffix) = scales[chosen]
    }

    /// The unit heading for the group, for example `ms` or `M instructions`.
    func heading(baseUnit: String) -> String {
        switch UnitQuantity(baseUnit: baseUnit) {
        case .time, .bytes: suffix
        case .byteRate: suffix + "/s"
        case .executionCount, .count: suffix.isEmpty ? baseUnit : "\(suffix) \(baseUnit)"
        }
    }

    /// A value in this scale with 4 significant digits.
    func format(_ value: Double) -> String {
        var buffer = ReportBuffer(capacity: 16)
        format(value, to: &buffer)
        return buffer.text
    }

    /// Appends `format(value)`.
    func format(_ value: Double, to buffer: inout ReportBuffer) {
        Self.significant(value / factor, digits: 4, to: &buffer)
    }

    /// Decimal exponents from which `significant` writes scientific notation.
    static let scientificAbove = 15
    static let scientificBelow = -9

    static func significant(_ value: Double, digits: Int) -> String {
        var buffer = ReportBuffer(capacity: 16)
        significant(value, digits: digits, to: &buffer)
        return buffer.text
    }

    /// Appends `value` with `digits` significant digits (`-` when not finite).
    static func significant(_ value: Double, digits: Int, to buffer: inout ReportBuffer) {
        guard value.isFinite else { return buffer.append("-") }
        if value == 0 { return buffer.append("0") }
        let magnitude = Int(floor(log10(abs(value))))
        // Past a sane width (1e308 instructions would print 309 digits, 1e-300 s 300 decimals),
        // scientific notation with the same significant digits; every value of a usual report is
        // inside these bounds, so its text is unchanged.
        if magnitude >= scientificAbove || magnitude <= scientificBelow {
            let text: String
            switch digits {
            case ...1: text = PrintfNumber.format(value, "%.0e")
            case 2: text = PrintfNumber.format(value, "%.1e")
            case 3: text = PrintfNumber.format(value, "%.2e")
            case 4: text = PrintfNumber.format(value, "%.3e")
            default: text = PrintfNumber.format(value, "%.4e")
            }
            return buffer.append(contentsOf: text)
        }
        let decimals = max(0, digits - 1 - magnitude)
        buffer.append(value, decimals: decimals)
    }
}

/// Shared number formatting for reports.
enum ReportNumber {
    /// `+5.28%`, `-0.31%`, `0.00%`.
    static func signedPercent(_ value: Double) -> String {
        var buffer = ReportBuffer(capacity: 16)
        signedPercent(value, to: &buffer)
        return buffer.text
    }

    /// Appends `signedPercent(value)`.
    static func signedPercent(_ value: Double, to buffer: inout ReportBuffer) {
        if value > 0 { buffer.append(byte: UInt8(ascii: "+")) }
        // A change of 10¹⁵ % and more (a base near zero) in scientific notation, not 300 digits.
        if value.isFinite, abs(value) >= 1e15 {
            buffer.append(contentsOf: PrintfNumber.format(value, "%.2e"))
        } else {
            buffer.append(value, decimals: 2)
        }
        buffer.append(byte: UInt8(ascii: "%"))
    }

    /// `[-1.20%, +3.40%]`.
    static func interval(_ range: ClosedRange<Double>?) -> String {
        var buffer = ReportBuffer(capacity: 24)
        interval(range, to: &buffer)
        return buffer.text
    }

    /// Appends `interval(range)` (nothing for nil).
    static func interval(_ range: ClosedRange<Double>?, to buffer: inout ReportBuffer) {
        guard let range else { return }
        buffer.append(byte: UInt8(ascii: "["))
        signedPercent(range.lowerBound, to: &buffer)
        buffer.append(", ")
        signedPercent(range.upperBound, to: &buffer)
        buffer.append(byte: UInt8(ascii: "]"))
    }

    /// `1%`, `2.5%`, `12.3%`: a threshold or σ without needless zeros (whole numbers bare, two
    /// significant digits below 10, one decimal from 10).
    static func magnitudePercent(_ value: Double) -> String {
        if value == value.rounded() { return PrintfNumber.format(value, "%.0f%%") }
        if abs(value) >= 10 { return PrintfNumber.format(value, "%.1f%%") }
        return PrintfNumber.format(value, "%.2g%%")
    }

    /// A count as written: a whole number in full (below 10¹⁵), anything else to 4 significant digits.
    static func count(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : PrintfNumber.format(value, "%.4g")
    }

    /// A p-value: three decimals, scientific notation below 0.001 (`2.5e-08`), `<1e-16` below
    /// double resolution — in the p column and in every sentence alike.
    static func pValue(_ p: Double?) -> String {
        var buffer = ReportBuffer(capacity: 16)
        pValue(p, to: &buffer)
        return buffer.text
    }

    /// Appends `pValue(p)`.
    static func pValue(_ p: Double?, to buffer: inout ReportBuffer) {
        guard let p else { return buffer.append("-") }
        if p < 1e-16 { return buffer.append("<1e-16") }
        if p < 0.001 {
            if !FixedNotation.appendScientific(p, to: &buffer) {
                buffer.append(contentsOf: PrintfNumber.format(p, "%.1e"))
            }
            return
        }
        buffer.append(p, decimals: 3)
    }
}
