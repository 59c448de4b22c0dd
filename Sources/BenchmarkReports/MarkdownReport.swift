import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// A pull-request comment: the headline verdict, counts, the changed or undecided benchmarks first,
/// and every comparison in a collapsed `<details>` block. Names are escaped so that they cannot break
/// the table, inject HTML or ping anyone.
enum MarkdownReport {
    static func render(_ input: ReportInput) -> String {
        let result = input.result
        let table = ReportTable(result)
        var out = ""
        let regressions = result.comparisons.filter { $0.verdict == .regression }.count
        if result.gate.verdict == .pass {
            out += "### ✅ benchstat: no regressions\n\n"
        } else {
            out += "### ❌ benchstat: gate failed (\(regressions) regression\(regressions == 1 ? "" : "s"))\n\n"
        }
        for reason in result.gate.reasons { out += "- " + MarkdownEscaping.inline(reason) + "\n" }
        out += "\n"
        for summary in result.summaries {
            out += MarkdownEscaping.inline(TextReport.summaryLine(summary, base: result.baseLabel)) + "\n"
            for difference in summary.environmentDifferences {
                out += "- ⚠️ environment differs: " + MarkdownEscaping.inline(difference) + "\n"
            }
            out += "\n"
        }
        let attention: Set<Verdict> = [.regression, .improvement, .inconclusive]
        let changed = table.groups.compactMap { group -> ReportTable.Group? in
            var copy = group
            copy.rows = group.rows.filter { attention.contains($0.verdict) }.sorted { $0.verdict < $1.verdict }
            return copy.rows.isEmpty ? nil : copy
        }
        if !changed.isEmpty {
            out += "#### Changed or undecided\n\n"
            out += tables(changed, base: result.baseLabel, footnotes: table.footnotes.count)
        }
        out += "<details><summary>All \(result.comparisons.count) comparisons</summary>\n\n"
        out += tables(table.groups, base: result.baseLabel, footnotes: table.footnotes.count)
        for (index, note) in table.footnotes.enumerated() {
            out += "\(index + 1). " + MarkdownEscaping.inline(note) + "\n"
        }
        if !table.footnotes.isEmpty { out += "\n" }
        out += "</details>\n"
        if !result.warnings.isEmpty {
            out += "\n<details><summary>\(result.warnings.count) warning(s)</summary>\n\n"
            for warning in result.warnings { out += "- " + MarkdownEscaping.inline(warning) + "\n" }
            out += "\n</details>\n"
        }
        out +=
            "\n<sub>\(result.comparisons.first?.test ?? "welch-log"), \(result.options.correction.rawValue) "
            + "correction, α=\(result.options.alpha), thresholds: instrumentation "
            + "\(result.options.thresholds.percentByMode[.instrumentation] ?? 0)%, walltime "
            + "\(result.options.thresholds.percentByMode[.walltime] ?? 0)%</sub>\n"
        return out
    }

    static func tables(_ groups: [ReportTable.Group], base: String, footnotes: Int) -> String {
        var out = ""
        for group in groups {
            out +=
                "**\(group.mode.rawValue)** · \(MarkdownEscaping.inline(group.unitHeading))"
                + " · \(MarkdownEscaping.inline(group.headLabel)) vs \(MarkdownEscaping.inline(base))\n\n"
            out +=
                "| | Benchmark | \(MarkdownEscaping.cell(base)) | \(MarkdownEscaping.cell(group.headLabel)) "
                + "| Change | CI | p | Verdict | Reason |\n"
            out += "|---|---|--:|--:|--:|---|--:|---|---|\n"
            for row in group.rows {
                let notes = row.footnotes.isEmpty ? "" : " " + row.footnotes.map { "[\($0)]" }.joined()
                out +=
                    "| \(icon(row.verdict)) | `` \(MarkdownEscaping.code(row.name)) `` | \(row.base) "
                    + "| \(row.head) | \(row.change) | \(row.interval) | \(row.p) | \(row.verdict.rawValue)\(notes) "
                    + "| \(MarkdownEscaping.cell(row.reason)) |\n"
            }
            out += "\n"
        }
        return out
    }

    static func icon(_ verdict: Verdict) -> String {
        switch verdict {
        case .regression: "❌"
        case .improvement: "⚡"
        case .inconclusive: "❔"
        case .noise: "✅"
        case .missing: "➖"
        }
    }
}

/// Escaping for untrusted text inside markdown.
enum MarkdownEscaping {
    /// Text in a table cell or paragraph: HTML and markdown metacharacters become entities or
    /// backslash escapes, `@` cannot ping, newlines become spaces.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in TextEscaping.visible(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "\\|"
            case "`": out += "&#96;"
            case "@": out += "&#64;"
            case "*", "_", "[", "]", "\\", "#", "~": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }

    /// A table cell (same as `inline`).
    static func cell(_ text: String) -> String { inline(text) }

    /// Text inside a double-backtick code span in a table: only `|` (table syntax) and backticks
    /// (closing the span) need care; code spans do not interpret HTML or mentions.
    static func code(_ text: String) -> String {
        TextEscaping.visible(text).replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "`", with: "ˋ")
    }
}
