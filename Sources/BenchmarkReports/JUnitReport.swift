import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// JUnit XML, as GitLab, Jenkins and GitHub test reporters read it: one `<testsuite>` per head label
/// and mode (and `--row` section, named in brackets), one `<testcase>` per benchmark; a regression is a `<failure>`, and under `--strict` so is
/// any comparison that does not show non-inferiority (what fails the gate); an inconclusive comparison
/// that does not fail is `<skipped>` ("not decided", as CI dashboards expect), and so is a missing
/// benchmark; the others pass. Every test case has its reason in `<system-out>`.
enum JUnitReport {
    static func render(_ input: ReportInput) -> String {
        let result = input.result
        let table = ReportTable(result)
        let failures = result.comparisons.filter { isFailure($0, strict: result.options.strict) }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"benchstat\" tests=\"\(result.comparisons.count)\" failures=\"\(failures)\">\n"
        for group in table.groups {
            let suiteFailures = group.rows.filter { isFailure($0.comparison, strict: result.options.strict) }.count
            let skipped = group.rows.filter { isSkipped($0.comparison, strict: result.options.strict) }.count
            let section = group.section.isEmpty ? "" : " [\(ReportTable.sectionHeading(group.section))]"
            let name =
                "\(group.headLabel) vs \(result.baseLabel): \(group.mode.rawValue) (\(group.unitHeading))\(section)"
            out +=
                "  <testsuite name=\"\(XMLEscaping.attribute(name))\" tests=\"\(group.rows.count)\" "
                + "failures=\"\(suiteFailures)\" skipped=\"\(skipped)\">\n"
            for row in group.rows {
                let c = row.comparison
                out +=
                    "    <testcase classname=\"benchstat.\(XMLEscaping.attribute(c.mode.rawValue))\" "
                    + "name=\"\(XMLEscaping.attribute(c.benchmark.name))\">\n"
                let message = "\(c.verdict.rawValue): \(row.change) \(row.interval)".trimmingCharacters(
                    in: .whitespaces)
                if isFailure(c, strict: result.options.strict) {
                    out +=
                        "      <failure message=\"\(XMLEscaping.attribute(message))\" type=\"\(c.verdict.rawValue)\">"
                        + XMLEscaping.text(ReasonText.reason(of: c)) + "</failure>\n"
                } else if isSkipped(c, strict: result.options.strict) {
                    out += "      <skipped message=\"\(XMLEscaping.attribute(ReasonText.reason(of: c)))\"/>\n"
                }
                out +=
                    "      <system-out>" + XMLEscaping.text("\(message) — \(ReasonText.reason(of: c))")
                    + "</system-out>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    static func isFailure(_ c: Comparison, strict: Bool) -> Bool {
        c.verdict == .regression || (strict && c.verdict != .missing && c.nonInferiorityShown == false)
    }

    /// Missing, or undecided without failing: reported as not run.
    static func isSkipped(_ c: Comparison, strict: Bool) -> Bool {
        c.verdict == .missing || (c.verdict == .inconclusive && !isFailure(c, strict: strict))
    }
}

/// XML 1.0 escaping; characters XML 1.0 cannot carry at all (most C0 controls) are written as
/// visible escapes instead.
enum XMLEscaping {
    /// Whether XML 1.0 (§2.2, `Char`) forbids `scalar`: C0 controls but tab, line feed and carriage
    /// return, and U+FFFE, U+FFFF (surrogates cannot occur in a Swift string).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return value == 0xFFFE || value == 0xFFFF
    }

    /// Whether `value` holds a scalar XML 1.0 forbids.
    static func holdsForbidden(_ value: String) -> Bool {
        // U+FFFE and U+FFFF are EF BF BE / EF BF BF in UTF-8, controls one byte below 0x20.
        // Over the contiguous bytes (the view's iterator was 2% of an HTML report).
        var bytes = value
        return bytes.withUTF8 { $0.contains { $0 == 0xEF || $0 < 0x20 } }
            && value.unicodeScalars.contains(where: isForbidden)
    }

    /// `value` with every scalar XML 1.0 forbids written as `\u{…}` text.
    static func replacingForbidden(_ value: String) -> String {
        guard holdsForbidden(value) else { return value }
        var out = ""
        for scalar in value.unicodeScalars {
            if isForbidden(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func text(_ value: String) -> String { escape(value, attribute: false) }
    static func attribute(_ value: String) -> String { escape(value, attribute: true) }

    private static func escape(_ value: String, attribute: Bool) -> String {
        // Most names and reasons need nothing: found by one byte scan (0xEF leads U+FFFE and U+FFFF).
        let needsEscape = value.utf8.contains { byte in
            switch byte {
            case 0x26, 0x3C, 0x3E, 0xEF: true
            case 0x22, 0x0A, 0x09: attribute
            default: byte < 0x20
            }
        }
        guard needsEscape else { return value }
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            // A raw tab in an attribute reads back as a space (XML attribute-value normalisation).
            case "\t" where attribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || isForbidden(scalar):
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
