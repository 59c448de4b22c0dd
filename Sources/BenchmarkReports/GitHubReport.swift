import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// GitHub Actions workflow commands. GitHub shows at most 10 annotations of each type (error,
/// warning, notice) per step and drops the rest, so the order and the cap are chosen here:
/// 1. a notice with the gate, first;
/// 2. `::error` per regression, the largest changes first (size on the log scale, |log(head/base)|);
/// 3. `::warning` per inconclusive comparison, then `::warning file=…,line=…` per input warning;
/// 4. `::notice` per improvement, the largest first;
/// 5. when anything was left out, a closing notice saying how many of each kind were.
/// Each type stops at `perTypeLimit` lines, the notices counting the gate and the closing line. The
/// CLI also appends the markdown report (every comparison) to `$GITHUB_STEP_SUMMARY` when set.
enum GitHubReport {
    /// Annotations of one type that GitHub shows per step.
    static let perTypeLimit = 10

    static func render(_ input: ReportInput) -> String {
        let result = input.result
        let gate = result.gate
        var out =
            "::notice title=benchstat gate \(gate.verdict.rawValue)::"
            + data(ReasonText.gateReasons(result).joined(separator: "; ")) + "\n"
        let regressions = largestFirst(result.comparisons.filter { $0.verdict == .regression })
        let improvements = largestFirst(result.comparisons.filter { $0.verdict == .improvement })
        let inconclusive = result.comparisons.filter { $0.verdict == .inconclusive }
        let warnings = inconclusive.count + result.warnings.count
        let errorsShown = min(regressions.count, perTypeLimit)
        let warningsShown = min(warnings, perTypeLimit)
        // The gate takes one notice; the closing line another when anything is left out.
        var noticesShown = min(improvements.count, perTypeLimit - 1)
        let leavesOut = errorsShown < regressions.count || warningsShown < warnings || noticesShown < improvements.count
        if leavesOut { noticesShown = min(improvements.count, perTypeLimit - 2) }
        for c in regressions.prefix(errorsShown) { out += annotation("error", c) }
        for c in inconclusive.prefix(warningsShown) { out += annotation("warning", c) }
        for warning in result.warnings.prefix(max(0, warningsShown - inconclusive.count)) {
            // `::warning file=…,line=…::message`: GitHub annotates the file itself.
            if case .input(let input) = warning {
                var properties = "file=\(property(input.location.file))"
                if let line = input.location.line { properties += ",line=\(line)" }
                out += "::warning \(properties),title=benchstat input::\(data(input.message))\n"
            } else {
                out += "::warning title=benchstat::\(data(ReasonText.warning(warning)))\n"
            }
        }
        for c in improvements.prefix(noticesShown) { out += annotation("notice", c) }
        if leavesOut {
            let left = [
                (regressions.count - errorsShown, "regression(s)"),
                (max(0, inconclusive.count - warningsShown), "inconclusive"),
                (result.warnings.count - max(0, warningsShown - inconclusive.count), "input warning(s)"),
                (improvements.count - noticesShown, "improvement(s)"),
            ].filter { $0.0 > 0 }
            let total = left.reduce(0) { $0 + $1.0 }
            out +=
                "::notice title=\(property("benchstat: \(total) more not annotated"))::"
                + data(
                    "GitHub shows \(perTypeLimit) annotations of each type per step; not annotated: "
                        + left.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
                        + ". Every comparison is in the job summary (markdown report).") + "\n"
        }
        return out
    }

    /// `comparisons` with the largest changes first (|log(head/base)|; a comparison without a
    /// change last), in table order among equals.
    static func largestFirst(_ comparisons: [Comparison]) -> [Comparison] {
        func size(_ c: Comparison) -> Double {
            guard let percent = c.change?.percent, percent > -100, percent.isFinite else { return -1 }
            return abs(log1p(percent / 100))
        }
        return comparisons.enumerated().sorted { left, right in
            let (a, b) = (size(left.element), size(right.element))
            return a != b ? a > b : left.offset < right.offset
        }.map(\.element)
    }

    /// One comparison's annotation: `::error title=benchstat regression: NAME::NAME +5.00%: reason`.
    private static func annotation(_ command: String, _ c: Comparison) -> String {
        let change = c.change.map { ReportNumber.signedPercent($0.percent) } ?? ""
        let title = "benchstat \(c.verdict.rawValue): \(c.benchmark.name)"
        return
            "::\(command) title=\(property(title))::\(data("\(c.benchmark.name) \(change): \(ReasonText.reason(of: c))"))\n"
    }

    /// Escapes a command's message (`%`, CR, LF), as actions/toolkit's `escapeData`; other control
    /// characters (an ANSI escape in a benchmark name would colour or rewrite the Actions log) are
    /// shown as visible escapes (`\u{1B}`), as the text report shows them.
    static func data(_ text: String) -> String { escape(text, property: false) }

    /// Escapes a command property (also `:` and `,`), as actions/toolkit's `escapeProperty`.
    static func property(_ text: String) -> String { escape(text, property: true) }

    /// Both escapes in one pass over the scalars, into bytes (the three `replacingOccurrences`
    /// passes they replace cost ~0.3 ms per row through Foundation). No escape produces a character
    /// that another escape would rewrite, so one pass equals the passes in sequence.
    private static func escape(_ text: String, property: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        func append(_ literal: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x25: append("%25")
            case 0x0D: append("%0D")
            case 0x0A: append("%0A")
            case 0x3A where property: append("%3A")
            case 0x2C where property: append("%2C")
            case 0..<0x20, 0x7F...0x9F:
                append("\\u{")
                out.append(contentsOf: String(scalar.value, radix: 16, uppercase: true).utf8)
                append("}")
            case 0..<0x80:
                out.append(UInt8(scalar.value))
            default:
                if let encoded = UTF8.encode(scalar) { out.append(contentsOf: encoded) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
