import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// GitHub Actions workflow commands: `::error` per regression, `::warning` per inconclusive
/// comparison, `::notice` per improvement, then a closing notice with the gate. The CLI also appends
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
            out += "::\(command) title=\(property(title))::\(data("\(c.benchmark.name) \(change): \(c.reason)"))\n"
        }
        let gate = input.result.gate
        out +=
            "::notice title=benchstat gate \(gate.verdict.rawValue)::"
            + data(gate.reasons.joined(separator: "; ")) + "\n"
        return out
    }

    /// Escapes a command's message (`%`, CR, LF), as actions/toolkit's `escapeData`; other control
    /// characters (an ANSI escape in a benchmark name would colour or rewrite the Actions log) are
    /// shown as visible escapes (`\u{1B}`), as the text report shows them.
    static func data(_ text: String) -> String {
        var visible = ""
        for scalar in text.unicodeScalars {
            if scalar != "\n", scalar != "\r", scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                visible += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                visible.unicodeScalars.append(scalar)
            }
        }
        return visible.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a command property (also `:` and `,`), as actions/toolkit's `escapeProperty`.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
