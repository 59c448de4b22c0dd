import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// GitHub Actions workflow commands: `::error` per regression, `::warning` per inconclusive
/// comparison, `::notice` per improvement, `::warning file=…,line=…` per input warning, then a
/// closing notice with the gate. The CLI also appends
/// the markdown report to `$GITHUB_STEP_SUMMARY` when that variable is set.
enum GitHubReport {
    static func render(_ input: ReportInput) -> String {
        var out = ""
        for c in input.result.comparisons {
            let command: String
            switch c.verdict {
            case .regression: command = "error"
            case .inconclusive: command = "warning"
            case .improvement: command = "notice"
            case .noise, .missing: continue
            }
            let change = c.change.map { ReportNumber.signedPercent($0.percent) } ?? ""
            let title = "benchstat \(c.verdict.rawValue): \(c.benchmark.name)"
            out +=
                "::\(command) title=\(property(title))::\(data("\(c.benchmark.name) \(change): \(ReasonText.reason(of: c))"))\n"
        }
        for warning in input.result.warnings {
            // `::warning file=…,line=…::message`: GitHub annotates the file itself.
            if case .input(let input) = warning {
                var properties = "file=\(property(input.location.file))"
                if let line = input.location.line { properties += ",line=\(line)" }
                out += "::warning \(properties),title=benchstat input::\(data(input.message))\n"
            } else {
                out += "::warning title=benchstat::\(data(ReasonText.warning(warning)))\n"
            }
        }
        let gate = input.result.gate
        out +=
            "::notice title=benchstat gate \(gate.verdict.rawValue)::"
            + data(ReasonText.gateReasons(gate).joined(separator: "; ")) + "\n"
        return out
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
