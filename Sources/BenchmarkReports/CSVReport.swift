import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// One row per comparison with raw numbers (base units, percentages), RFC 4180 quoting. With
/// `--only-changed`, only the regressions and improvements (no line counts the others: it would not
/// be CSV). With `--row`, a last column `group` holds each row's section (`key: value` pairs, as
/// the text report heads them).
enum CSVReport {
    static let header = [
        "benchmark", "head", "mode", "unit", "base_n", "base_center", "head_n", "head_center", "change_percent",
        "ci_low_percent", "ci_high_percent", "p_value", "p_adjusted", "test", "noise", "threshold_percent",
        "verdict", "reason",
    ]

    static func render(_ input: ReportInput) -> String {
        let grouped = input.result.options.rows != nil
        var out =
            (header + (grouped ? ["group"] : [])).map { quote($0, guardFormula: false) }.joined(separator: ",")
            + "\r\n"
        for c in input.result.comparisons where !input.onlyChanged || ReportTable.isChange(c.verdict) {
            var fields: [String] = [
                c.benchmark.name, c.headLabel, c.mode.rawValue, c.unit.baseUnit,
                number(c.base.map { Double($0.count) }),
                number(c.base?.centre), number(c.head.map { Double($0.count) }), number(c.head?.centre),
                number(c.change?.percent), number(c.change?.interval?.lowerBound),
                number(c.change?.interval?.upperBound), number(c.pValue), number(c.pAdjusted), c.method.rawValue,
                c.noise.rawValue, number(c.thresholdPercent), c.verdict.rawValue, ReasonText.reason(of: c),
            ]
            if grouped { fields.append(ReportTable.sectionHeading(c.group)) }
            // Only the fields that come from the input are guarded against formula injection: the
            // benchmark, the head label, the unit (an unknown unit is kept as written) and the group.
            out +=
                fields.enumerated().map { quote($1, guardFormula: $0 < 2 || $0 == 3 || $0 == header.count) }
                .joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Quotes a field when it holds a comma, quote, CR or LF; a leading `=`, `+`, `-`, `@`, tab or
    /// CR is prefixed with `'` so spreadsheets do not evaluate it (OWASP CSV injection), unless
    /// numeric. Both look at bytes and scalars, not `Character`s: a `,` or `=` that a combining mark
    /// joins into one grapheme cluster is still a comma or an equals sign to a CSV reader.
    static func quote(_ field: String, guardFormula: Bool) -> String {
        var value = field
        if guardFormula, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            Double(value) == nil
        {
            value = "'" + value
        }
        if !value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }
}
