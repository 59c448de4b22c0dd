import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// The terminal report: an aligned table per head label, mode and unit (like Go's benchstat), the
/// verdict and reason per row, footnotes for warnings, the suite summary and the gate.
/// Control characters in names are shown escaped; colour only when `ReportInput.colour` is set; with
/// `ReportInput.plot`, a sketch of both samples' distributions (shared log axis) under each row.
enum TextReport {
    static func render(_ input: ReportInput) -> String {
        let result = input.result
        let table = ReportTable(result)
        let shown = table.groups.flatMap(\.rows).filter(showsReason)
        var counts: [String: Int] = [:]
        for row in shown { counts[row.reason, default: 0] += 1 }
        // A reason shared by three or more rows is printed once, as a lettered note.
        let shared = counts.filter { $0.value >= 3 }.keys.sorted()
        let sharedIndex = [String: Int](uniqueKeysWithValues: shared.enumerated().map { ($0.element, $0.offset) })
        var out = ""
        for group in table.groups {
            let header = [
                "\(group.mode.rawValue) · \(group.unitHeading)", result.baseLabel, "", group.headLabel, "", "change",
                "\(percent(result.options.confidence)) CI", "p", "verdict",
            ]
            var lines: [[String]] = [header]
            for row in group.rows {
                let marks = row.footnotes.isEmpty ? "" : " " + row.footnotes.map(superscript).joined()
                let letter = sharedIndex[row.reason].map { " (" + noteLetter($0) + ")" } ?? ""
                lines.append([
                    TextEscaping.visible(row.name), row.base, row.baseSpread, row.head, row.headSpread, row.change,
                    row.interval, row.p, row.verdict.rawValue + (showsReason(row) ? letter : "") + marks,
                ])
            }
            let lengths = lines.map { $0.map(\.count) }
            let widths = (0..<header.count).map { column in lengths.map { $0[column] }.max() ?? 0 }
            for (index, line) in lines.enumerated() {
                var text = ""
                for (column, cell) in line.enumerated() {
                    let pad = String(repeating: " ", count: widths[column] - lengths[index][column])
                    let aligned = column == 0 || column == line.count - 1 ? cell + pad : pad + cell
                    text += (column == 0 ? "" : "  ") + aligned
                }
                // Trailing spaces go, one from the end at a time (not by reversing the line).
                while text.last == " " { text.removeLast() }
                if index > 0, input.colour {
                    text = Colour.wrap(text, verdict: group.rows[index - 1].verdict)
                }
                out += text + "\n"
                if index > 0, input.plot, let base = group.rows[index - 1].comparison.base,
                    let head = group.rows[index - 1].comparison.head,
                    let sketch = Sparkline.line(
                        base: base.samplesByRun.flatMap { $0 }, head: head.samplesByRun.flatMap { $0 })
                {
                    out += "    " + sketch + "\n"
                }
                if index > 0 {
                    let row = group.rows[index - 1]
                    if showsReason(row), sharedIndex[row.reason] == nil {
                        out += "    " + TextEscaping.visible(row.reason) + "\n"
                    }
                }
            }
            out += "\n"
        }
        for (index, reason) in shared.enumerated() {
            out += "(" + noteLetter(index) + ") " + TextEscaping.visible(reason) + "\n"
        }
        for (index, note) in table.footnotes.enumerated() {
            out += superscript(index + 1) + " " + TextEscaping.visible(note) + "\n"
        }
        if !table.footnotes.isEmpty || !shared.isEmpty { out += "\n" }
        for warning in result.warnings { out += "warning: " + TextEscaping.visible(warning) + "\n" }
        for summary in result.summaries {
            out += summaryLine(summary, base: result.baseLabel) + "\n"
            for difference in summary.environmentDifferences {
                out += "  environment differs: " + TextEscaping.visible(difference) + "\n"
            }
        }
        if let runs = result.historyRuns { out += "history: \(runs) past run(s) read\n" }
        out +=
            "gate: \(result.gate.verdict.rawValue.uppercased()) — "
            + result.gate.reasons.map(TextEscaping.visible).joined(separator: "; ") + "\n"
        return out
    }

    /// Whether a row's reason is worth a line: every verdict but plain noise and missing.
    static func showsReason(_ row: ReportTable.Row) -> Bool {
        switch row.verdict {
        case .regression, .improvement, .inconclusive: true
        case .noise, .missing: false
        }
    }

    /// `a`, `b`, … `z`, `aa`, … for shared-reason notes.
    static func noteLetter(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return index < 26 ? String(letters[index]) : String(letters[index / 26 - 1]) + String(letters[index % 26])
    }

    static func summaryLine(_ summary: SuiteSummary, base: String) -> String {
        let counts = Verdict.allCases.map { "\(summary.counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        var geomean = "geomean n/a"
        if let g = summary.geomean {
            geomean = "geomean \(ReportNumber.signedPercent(g.percent))"
            if let interval = g.interval { geomean += " \(ReportNumber.interval(interval))" }
            geomean += " over \(summary.geomeanCount) benchmarks"
        }
        return "\(summary.headLabel) vs \(base): \(geomean); \(counts)"
    }

    static func percent(_ level: Double) -> String {
        let value = level * 100
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    static func superscript(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}

/// ANSI colours for the text report.
enum Colour {
    static func wrap(_ text: String, verdict: Verdict) -> String {
        let code: String
        switch verdict {
        case .regression: code = "31"
        case .improvement: code = "32"
        case .inconclusive: code = "33"
        case .noise, .missing: return text
        }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }
}

/// Makes untrusted text safe for a terminal: control characters (including ESC, so no ANSI
/// injection) become visible escapes such as `\n`, `\u{1B}`.
enum TextEscaping {
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
