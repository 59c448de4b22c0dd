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

    /// Escapes a command's message (`%`, CR, LF), as actions/toolkit's `escapeData`.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a command property (also `:` and `,`), as actions/toolkit's `escapeProperty`.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
