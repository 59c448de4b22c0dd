import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// A pull-request comment: the headline verdict, counts, the changed or undecided benchmarks first,
/// and every comparison in a collapsed `<details>` block. Names are escaped so that they cannot break
/// the table, inject HTML or ping anyone.
enum MarkdownReport {
    static func render(_ input: ReportInput) -> String { String(decoding: renderUTF8(input), as: UTF8.self) }

    /// The report as UTF-8 bytes, without the copy into a `String`.
    static func renderUTF8(_ input: ReportInput) -> [UInt8] {
        let result = input.result
        let table = ReportTable(result, onlyChanged: input.onlyChanged)
        var out = ""
        let regressions = result.comparisons.reduce(0) { $0 + ($1.verdict == .regression ? 1 : 0) }
        if result.gate.verdict == .pass {
            out += "### ✅ benchstat: no regressions\n\n"
        } else {
            out += "### ❌ benchstat: gate failed (\(regressions) regression\(regressions == 1 ? "" : "s"))\n\n"
        }
        for reason in ReasonText.gateReasons(result) { out += "- " + MarkdownEscaping.inline(reason) + "\n" }
        out += "\n"
        for summary in result.summaries {
            out += MarkdownEscaping.inline(TextReport.summaryLine(summary, base: result.baseLabel)) + "\n"
            for difference in summary.environmentDifferences {
                out += "- ⚠️ environment differs: " + MarkdownEscaping.inline(ReasonText.environment(difference)) + "\n"
            }
            out += "\n"
        }
        let attention: Set<Verdict> = [.regression, .improvement, .inconclusive]
        let changed = table.groups.compactMap { group -> ReportTable.Group? in
            var copy = group
            copy.rows = group.rows.filter { attention.contains($0.verdict) }.sorted { $0.verdict < $1.verdict }
            return copy.rows.isEmpty ? nil : copy
        }
        var buffer = ReportBuffer(capacity: out.utf8.count + 512 * result.comparisons.count)
        buffer.append(contentsOf: out)
        if !changed.isEmpty {
            buffer.append(input.onlyChanged ? "#### Changed\n\n" : "#### Changed or undecided\n\n")
            tables(changed, base: result.baseLabel, to: &buffer)
        }
        // With --only-changed the changed tables are the whole table: no folded copy of them.
        if !input.onlyChanged {
            buffer.append(contentsOf: "<details><summary>All \(result.comparisons.count) comparisons</summary>\n\n")
            tables(table.groups, base: result.baseLabel, to: &buffer)
            buffer.append(contentsOf: "</details>\n\n")
        }
        // The notes the tables' markers point to stay outside the folded block, where the
        // changed table that uses them is read.
        out = ""
        if let hidden = table.hiddenLine { out += "_" + MarkdownEscaping.inline(hidden) + "_\n\n" }
        for (index, note) in table.footnotes.enumerated() {
            out += "\(index + 1). " + MarkdownEscaping.inline(note) + "\n"
        }
        if !result.warnings.isEmpty {
            out += "\n<details><summary>\(result.warnings.count) warning(s)</summary>\n\n"
            for warning in result.warnings { out += "- " + MarkdownEscaping.inline(ReasonText.warning(warning)) + "\n" }
            out += "\n</details>\n"
        }
        out +=
            "\n<sub>\(result.options.method.rawValue), \(result.options.correction.rawValue) "
            + "correction, α=\(result.options.alpha), thresholds: instrumentation "
            + "\(result.options.thresholds.percentByMode[.instrumentation] ?? 0)%, walltime "
            + "\(result.options.thresholds.percentByMode[.walltime] ?? 0)%</sub>\n"
        buffer.append(contentsOf: out)
        return buffer.bytes
    }

    /// Appends one table per group: a heading, then a row per comparison.
    static func tables(_ groups: [ReportTable.Group], base: String, to out: inout ReportBuffer) {
        for (index, group) in groups.enumerated() {
            if !group.section.isEmpty, index == 0 || groups[index - 1].section != group.section {
                out.append("##### ")
                MarkdownEscaping.appendInline(ReportTable.sectionHeading(group.section), to: &out)
                out.append("\n\n")
            }
            out.append("**")
            out.append(contentsOf: group.mode.rawValue)
            out.append("** · ")
            MarkdownEscaping.appendInline(group.unitHeading, to: &out)
            out.append(" · ")
            MarkdownEscaping.appendInline(group.headLabel, to: &out)
            out.append(" vs ")
            MarkdownEscaping.appendInline(base, to: &out)
            out.append("\n\n| | Benchmark | ")
            MarkdownEscaping.appendInline(base, to: &out)
            out.append(" | ")
            MarkdownEscaping.appendInline(group.headLabel, to: &out)
            out.append(" | Change | CI | p | Verdict | Reason |\n")
            out.append("|---|---|--:|--:|--:|---|--:|---|---|\n")
            for row in group.rows {
                out.append("| ")
                out.append(icon(row.verdict))
                out.append(" | `` ")
                MarkdownEscaping.appendCode(row.name, to: &out)
                out.append(" `` | ")
                row.appendBase(to: &out)
                out.append(" | ")
                row.appendHead(to: &out)
                out.append(" | ")
                row.appendChange(to: &out)
                out.append(" | ")
                row.appendInterval(to: &out)
                out.append(" | ")
                row.appendP(to: &out)
                out.append(" | ")
                out.append(contentsOf: row.verdict.rawValue)
                if !row.footnotes.isEmpty {
                    out.append(" ")
                    for number in row.footnotes {
                        out.append("[")
                        out.append(integer: number)
                        out.append("]")
                    }
                }
                out.append(" | ")
                MarkdownEscaping.appendInline(row.reason, to: &out)
                out.append(" |\n")
            }
            out.append("\n")
        }
    }

    static func icon(_ verdict: Verdict) -> StaticString {
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
        var buffer = ReportBuffer(capacity: text.utf8.count + 16)
        appendInline(text, to: &buffer)
        return buffer.text
    }

    /// Appends `inline(text)`, byte by byte: every metacharacter is ASCII, and no byte of a longer
    /// UTF-8 sequence is ASCII, so each one is found whatever marks surround it (a `Character`
    /// holding `<` and a combining mark, or U+0600 and `@`, is not equal to `<` or `@`, yet a
    /// markdown or HTML parser sees the bare character). U+1FEF, which Unicode normalisation turns
    /// into a backtick, is escaped as one.
    static func appendInline(_ text: String, to buffer: inout ReportBuffer) {
        var visible = TextEscaping.visible(text)
        visible.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: StaticString
                var width = 1
                switch byte {
                case UInt8(ascii: "&"): escape = "&amp;"
                case UInt8(ascii: "<"): escape = "&lt;"
                case UInt8(ascii: ">"): escape = "&gt;"
                case UInt8(ascii: "|"): escape = "\\|"
                case UInt8(ascii: "`"): escape = "&#96;"
                case UInt8(ascii: "@"): escape = "&#64;"
                case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\\"),
                    UInt8(ascii: "#"), UInt8(ascii: "~"):
                    buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    buffer.append(byte: UInt8(ascii: "\\"))
                    buffer.append(byte: byte)
                    index += 1
                    runStart = index
                    continue
                case 0xE1 where isGreekVaria(bytes, at: index):
                    escape = "&#96;"
                    width = 3
                default:
                    index += 1
                    continue
                }
                buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                buffer.append(escape)
                index += width
                runStart = index
            }
            buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }

    /// Whether the UTF-8 bytes at `index` are U+1FEF GREEK VARIA (E1 BF AF), whose canonical
    /// decomposition is a backtick.
    private static func isGreekVaria(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE1 && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xAF
    }

    /// A table cell (same as `inline`).
    static func cell(_ text: String) -> String { inline(text) }

    /// Text inside a double-backtick code span in a table: only `|` (table syntax) and backticks
    /// (closing the span) need care; code spans do not interpret HTML or mentions.
    static func code(_ text: String) -> String {
        var buffer = ReportBuffer(capacity: text.utf8.count + 8)
        appendCode(text, to: &buffer)
        return buffer.text
    }

    /// Appends `code(text)`, byte by byte (see `appendInline`): `|` escaped, a backtick (or U+1FEF)
    /// shown as ˋ.
    static func appendCode(_ text: String, to buffer: inout ReportBuffer) {
        var visible = TextEscaping.visible(text)
        visible.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let width: Int
                if byte == UInt8(ascii: "|") || byte == UInt8(ascii: "`") {
                    width = 1
                } else if byte == 0xE1, isGreekVaria(bytes, at: index) {
                    width = 3
                } else {
                    index += 1
                    continue
                }
                buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                buffer.append(byte == UInt8(ascii: "|") ? "\\|" : "ˋ")
                index += width
                runStart = index
            }
            buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }
}
