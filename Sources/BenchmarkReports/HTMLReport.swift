import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// A self-contained HTML page: the gate, the suite summary, a strip plot of the samples of every
/// changed or undecided benchmark (inline SVG on a log axis, centres and intervals marked) with its
/// reason, and the full verdict table. No scripts, no external assets: it reads the same offline, in
/// a CI artifact viewer or attached to an e-mail. The markup is well-formed XML (void elements
/// self-closed, every name escaped as entities), so it parses as XHTML too.
enum HTMLReport {
    static func render(_ input: ReportInput) -> String {
        var bytes: [UInt8] = []
        var chunks = ReportChunks { piece in
            bytes.append(contentsOf: piece)
            return true
        }
        render(input, into: &chunks)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the page into `out` as it is built: the articles and the table go out in pieces, so
    /// that the page (64 MB at 20,000 benchmarks) is never held whole.
    static func render(_ input: ReportInput, into out: inout ReportChunks) {
        let result = input.result
        let table = ReportTable(result, onlyChanged: input.onlyChanged)
        let passed = result.gate.verdict == .pass
        let regressions = result.comparisons.filter { $0.verdict == .regression }.count
        let headline =
            passed
            ? "No regressions" : "Gate failed: \(regressions) regression\(regressions == 1 ? "" : "s")"
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>benchstat: \(HTMLEscaping.text(headline))</title>\n"
        out += "<style>\n" + stylesheet + "</style>\n</head>\n<body>\n"
        out += "<header class=\"gate \(passed ? "pass" : "fail")\">\n"
        out += "<h1><span class=\"mark\">\(passed ? "✓" : "✗")</span> benchstat: \(HTMLEscaping.text(headline))</h1>\n"
        out += "<ul class=\"reasons\">\n"
        for reason in ReasonText.gateReasons(result) { out += "<li>\(HTMLEscaping.text(reason))</li>\n" }
        out += "</ul>\n</header>\n"
        out += summarySection(result)
        let attention: Set<Verdict> =
            input.onlyChanged ? [.regression, .improvement] : [.regression, .improvement, .inconclusive]
        var anchors: [Int: String] = [:]
        var plotted: [(Int, Comparison)] = []
        for (index, comparison) in result.comparisons.enumerated() where attention.contains(comparison.verdict) {
            anchors[index] = "b\(plotted.count + 1)"
            plotted.append((index, comparison))
        }
        plotted.sort { $0.1.verdict < $1.1.verdict }
        if !plotted.isEmpty {
            out += "<section>\n<h2>\(input.onlyChanged ? "Changed" : "Changed or undecided") (\(plotted.count))</h2>\n"
            out += "<p class=\"legend\">" + HTMLEscaping.text(legend(result.options)) + "</p>\n"
            for (index, comparison) in plotted {
                changedArticle(comparison, id: anchors[index] ?? "", result: result, into: &out)
            }
            out += "</section>\n"
        }
        if let hidden = table.hiddenLine {
            let shown = result.comparisons.count - table.hidden.values.reduce(0, +)
            out += "<section>\n<h2>\(shown) of \(result.comparisons.count) comparisons</h2>\n"
            out += "<p class=\"notes\">\(HTMLEscaping.text(hidden))</p>\n"
        } else {
            out += "<section>\n<h2>All \(result.comparisons.count) comparisons</h2>\n"
        }
        tables(table, result: result, anchors: anchors, into: &out)
        out += "</section>\n"
        if !result.warnings.isEmpty {
            out += "<section>\n<details><summary>\(result.warnings.count) warning(s)</summary>\n<ul>\n"
            for warning in result.warnings { out += "<li>\(HTMLEscaping.text(ReasonText.warning(warning)))</li>\n" }
            out += "</ul>\n</details>\n</section>\n"
        }
        out += "<footer>\(HTMLEscaping.text(methodLine(result)))</footer>\n</body>\n</html>\n"
        out.flush()
    }

    // MARK: Sections

    static func summarySection(_ result: AnalysisResult) -> String {
        var out = "<section class=\"summary\">\n"
        for summary in result.summaries {
            out += "<div class=\"suite\">\n<h2>\(HTMLEscaping.text(summary.headLabel)) "
            out += "<span class=\"vs\">vs</span> \(HTMLEscaping.text(result.baseLabel))</h2>\n<p class=\"geomean\">"
            if let geomean = summary.geomean {
                out +=
                    "Geometric mean change <strong>\(HTMLEscaping.text(ReportNumber.signedPercent(geomean.percent)))</strong>"
                if let interval = geomean.interval {
                    out += " <span class=\"ci\">\(HTMLEscaping.text(ReportNumber.interval(interval)))</span>"
                }
                out += " over \(summary.geomeanCount) benchmark\(summary.geomeanCount == 1 ? "" : "s")"
            } else {
                out += "No geometric mean (no benchmark compared on both sides)"
            }
            out += "</p>\n<ul class=\"counts\">\n"
            for verdict in Verdict.allCases {
                let count = summary.counts[verdict] ?? 0
                out +=
                    "<li class=\"chip \(verdict.rawValue)\(count == 0 ? " zero" : "")\">"
                    + "<b>\(count)</b> \(verdict.rawValue)</li>\n"
            }
            out += "</ul>\n"
            for difference in summary.environmentDifferences {
                out +=
                    "<p class=\"env\">⚠ environment differs: \(HTMLEscaping.text(ReasonText.environment(difference)))</p>\n"
            }
            out += "</div>\n"
        }
        if let runs = result.historyRuns {
            out += "<p class=\"history\">History: \(runs) past run\(runs == 1 ? "" : "s") read.</p>\n"
        }
        return out + "</section>\n"
    }

    static func changedArticle(_ c: Comparison, id: String, result: AnalysisResult, into chunks: inout ReportChunks) {
        var out = "<article id=\"\(id)\" class=\"bench \(c.verdict.rawValue)\">\n"
        out += "<h3><span class=\"badge \(c.verdict.rawValue)\">\(c.verdict.rawValue)</span> "
        out += "<code>\(HTMLEscaping.text(c.benchmark.name))</code></h3>\n"
        var facts: [String] = []
        if let change = c.change {
            var text = "<strong>\(HTMLEscaping.text(ReportNumber.signedPercent(change.percent)))</strong>"
            if let interval = change.interval {
                text +=
                    " \(HTMLEscaping.text(ReportNumber.interval(interval))) \(TextReport.percent(result.options.confidence)) CI"
            }
            facts.append(text)
        }
        if c.pAdjusted != nil { facts.append("p=\(HTMLEscaping.text(ReportNumber.pValue(c.pAdjusted))) (adjusted)") }
        facts.append("threshold ±\(plain(c.thresholdPercent))%")
        let plot = StripPlot(comparison: c, test: result.options.test, confidence: result.options.confidence)
        // The unit the plot's axis is in, not the unit the input was written in.
        facts.append("\(HTMLEscaping.text(c.mode.rawValue)), \(HTMLEscaping.text(plot.unitHeading))")
        if result.headLabels.count > 1 {
            facts.append("\(HTMLEscaping.text(c.headLabel)) vs \(HTMLEscaping.text(result.baseLabel))")
        }
        out += "<p class=\"facts\">" + facts.joined(separator: " · ") + "</p>\n"
        out += "<p class=\"reason\">\(HTMLEscaping.text(ReasonText.reason(of: c)))</p>\n"
        if !c.notes.isEmpty {
            out +=
                "<p class=\"notes\">" + c.notes.map { HTMLEscaping.text(ReasonText.note($0)) }.joined(separator: " · ")
                + "</p>\n"
        }
        chunks += out
        var svg = ReportBuffer(capacity: 4096)
        plot.svg(into: &svg)
        svg.append("</article>\n")
        chunks.append(svg)
    }

    static func tables(
        _ table: ReportTable, result: AnalysisResult, anchors: [Int: String], into out: inout ReportChunks
    ) {
        for (index, group) in table.groups.enumerated() {
            if !group.section.isEmpty, index == 0 || table.groups[index - 1].section != group.section {
                out += "<h3 class=\"section\">\(HTMLEscaping.text(ReportTable.sectionHeading(group.section)))</h3>\n"
            }
            out +=
                "<h3 class=\"group\">\(HTMLEscaping.text(group.mode.rawValue)) · "
                + "\(HTMLEscaping.text(group.unitHeading)) · \(HTMLEscaping.text(group.headLabel)) vs "
                + "\(HTMLEscaping.text(result.baseLabel))</h3>\n"
            out += "<div class=\"scroll\"><table>\n<thead><tr><th>Benchmark</th>"
            out += "<th class=\"num\">\(HTMLEscaping.text(result.baseLabel))</th>"
            out += "<th class=\"num\">\(HTMLEscaping.text(group.headLabel))</th>"
            out += "<th class=\"num\">Change <small>(\(TextReport.percent(result.options.confidence)) CI)</small></th>"
            out += "<th class=\"num\">p</th><th>Verdict</th><th>Reason</th></tr></thead>\n<tbody>\n"
            for row in group.rows {
                let name = HTMLEscaping.text(row.name)
                let link =
                    anchors[row.index].map { "<a href=\"#\($0)\"><code>\(name)</code></a>" } ?? "<code>\(name)</code>"
                let notes = row.footnotes.map { "<sup>\($0)</sup>" }.joined(separator: "<sup>,</sup>")
                out += "<tr class=\"\(row.verdict.rawValue)\"><td class=\"name\">\(link)</td>"
                out +=
                    "<td class=\"num\">\(HTMLEscaping.text(row.base)) <small>\(HTMLEscaping.text(row.baseSpread))</small></td>"
                out +=
                    "<td class=\"num\">\(HTMLEscaping.text(row.head)) <small>\(HTMLEscaping.text(row.headSpread))</small></td>"
                out += "<td class=\"num\">\(HTMLEscaping.text(row.change))"
                if !row.interval.isEmpty { out += "<br/><small>\(HTMLEscaping.text(row.interval))</small>" }
                out += "</td>"
                out += "<td class=\"num\">\(HTMLEscaping.text(row.p))</td>"
                out += "<td><span class=\"badge \(row.verdict.rawValue)\">\(row.verdict.rawValue)</span>\(notes)</td>"
                out += "<td class=\"reason\">\(HTMLEscaping.text(row.reason))</td></tr>\n"
            }
            out += "</tbody>\n</table></div>\n"
        }
        if !table.footnotes.isEmpty {
            out += "<ol class=\"footnotes\">\n"
            for note in table.footnotes { out += "<li>\(HTMLEscaping.text(note))</li>\n" }
            out += "</ol>\n"
        }
    }

    static func legend(_ options: AnalysisOptions) -> String {
        let centre = ReasonText.centreName(options.test)
        return "Each dot is one sample (one row of dots per run); the solid line is the \(centre) and the "
            + "shaded bar its \(TextReport.percent(options.confidence)) confidence interval; the dashed lines "
            + "mark the practical threshold around the base centre. The axis is logarithmic."
    }

    static func methodLine(_ result: AnalysisResult) -> String {
        let options = result.options
        let thresholds = MeasurementMode.allCases.map { mode in
            "\(mode.rawValue) \(plain(options.thresholds.percentByMode[mode] ?? 0))%"
        }
        return "benchstat · \(result.options.method.rawValue), \(options.correction.rawValue) "
            + "correction, α=\(options.alpha), \(TextReport.percent(options.confidence)) intervals, "
            + "thresholds: \(thresholds.joined(separator: ", "))"
    }

    /// `5`, `0.5`, `2.25`: a percentage as written in a flag, without trailing zeros.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }

    // MARK: Style

    static let stylesheet = """
        :root { --regression: #cf222e; --improvement: #1a7f37; --inconclusive: #9a6700; --noise: #57606a;
          --missing: #8c959f; --base: #4c6a92; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--fg);
          max-width: 1120px; margin: 0 auto; padding: 24px; background: #fff; }
        code { font: 12.5px/1.3 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", monospace; }
        h1 { font-size: 22px; margin: 0 0 6px; }
        h2 { font-size: 17px; margin: 28px 0 10px; }
        h3 { font-size: 14px; margin: 0 0 4px; }
        h3.group { margin: 18px 0 6px; }
        h3.section { margin: 26px 0 4px; font-size: 15px; }
        .gate { border-radius: 8px; padding: 16px 20px; border: 1px solid; }
        .gate.pass { background: #dafbe1; border-color: #4ac26b; }
        .gate.fail { background: #ffebe9; border-color: #ff8182; }
        .gate .mark { display: inline-block; width: 1.3em; text-align: center; }
        .gate.pass .mark { color: var(--improvement); }
        .gate.fail .mark { color: var(--regression); }
        .reasons { margin: 0; padding-left: 2.2em; color: var(--fg); }
        .summary h2 { margin-top: 22px; }
        .vs { color: var(--muted); font-weight: normal; }
        .geomean { margin: 0 0 8px; }
        .ci, small { color: var(--muted); }
        .counts { list-style: none; padding: 0; margin: 0; display: flex; gap: 8px; flex-wrap: wrap; }
        .chip { border-radius: 999px; padding: 2px 12px; border: 1px solid currentColor; }
        .chip.zero { opacity: 0.45; }
        .chip.regression { color: var(--regression); } .chip.improvement { color: var(--improvement); }
        .chip.inconclusive { color: var(--inconclusive); } .chip.noise { color: var(--noise); }
        .chip.missing { color: var(--missing); }
        .env { color: var(--inconclusive); margin: 6px 0 0; }
        .history { color: var(--muted); }
        .bench { border: 1px solid var(--line); border-left: 5px solid var(--noise);
          border-radius: 6px; padding: 12px 16px 8px; margin: 0 0 14px; }
        .bench.regression { border-left-color: var(--regression); }
        .bench.improvement { border-left-color: var(--improvement); }
        .bench.inconclusive { border-left-color: var(--inconclusive); }
        .badge { display: inline-block; font-size: 11px; font-weight: 600; text-transform: uppercase;
          letter-spacing: 0.03em; color: #fff; border-radius: 4px; padding: 1px 6px; vertical-align: 1px; }
        .badge.regression { background: var(--regression); } .badge.improvement { background: var(--improvement); }
        .badge.inconclusive { background: var(--inconclusive); } .badge.noise { background: var(--noise); }
        .badge.missing { background: var(--missing); }
        .facts, .reason, .notes { margin: 2px 0; }
        .legend { color: var(--muted); font-size: 12.5px; margin: -4px 0 12px; }
        .reason { color: var(--fg); }
        .notes { color: var(--muted); font-size: 12.5px; }
        svg.strip { display: block; width: 100%; max-width: 1070px; height: auto; margin-top: 6px; }
        svg text { font: 11px system-ui, "DejaVu Sans", sans-serif; fill: var(--muted); }
        svg text.lane { fill: var(--fg); font-weight: 600; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; color: var(--fg); }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { background: #f6f8fa; font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.name { overflow-wrap: anywhere; min-width: 17em; }
        td.reason { color: var(--muted); min-width: 15em; }
        tr.regression td:first-child { box-shadow: inset 4px 0 var(--regression); }
        tr.improvement td:first-child { box-shadow: inset 4px 0 var(--improvement); }
        tr.inconclusive td:first-child { box-shadow: inset 4px 0 var(--inconclusive); }
        a { color: inherit; }
        .footnotes { color: var(--muted); font-size: 12.5px; }
        footer { margin-top: 28px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line);
          padding-top: 8px; }

        """
}

/// Escaping for untrusted text in HTML (and XML) text and attribute values: the five markup
/// characters become entities, control characters become visible escapes (`\\u{1B}`).
enum HTMLEscaping {
    /// `value` as XHTML text or attribute content: controls shown as `\u{…}` (`TextEscaping`),
    /// markup characters as entities, and the code points XML 1.0 forbids that are left (U+FFFE,
    /// U+FFFF: the C0 controls are already gone) shown as `\u{FFFE}`, so that the page stays
    /// well-formed XML.
    static func text(_ value: String) -> String {
        // Most names, numbers and reasons need nothing (`µs` and `±` included): checked on the bytes.
        guard needsEscaping(value) else { return value }
        var out = ""
        // By Unicode scalar, not by `Character`: a markup character that a combining mark or a
        // prepended mark (U+0600) joins into one grapheme cluster is not equal to the character
        // alone, yet a browser's parser sees it bare.
        for scalar in XMLEscaping.replacingForbidden(TextEscaping.visible(value)).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `value` may change under `text(_:)`: it holds a markup character, or a character one
    /// of the two escapings it applies first changes (`TextEscaping`'s controls, the code points
    /// `XMLEscaping` forbids).
    static func needsEscaping(_ value: String) -> Bool {
        var bytes = value
        // One scan for markup and for every other byte that could matter: a control (TextEscaping:
        // below 0x20, 0x7F, or 0xC2 leading a C1 control; XML: below 0x20) or 0xEF (leading
        // U+FFFE/U+FFFF). Without such a byte (most names, every number) the exact checks cannot
        // change anything and are skipped.
        var markup = false
        var suspect = false
        bytes.withUTF8 { utf8 in
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                    markup = true
                case 0..<0x20, 0x7F, 0xC2, 0xEF:
                    suspect = true
                default:
                    break
                }
            }
        }
        if markup { return true }
        guard suspect else { return false }
        return TextEscaping.needsEscaping(value) || XMLEscaping.holdsForbidden(value)
    }
}
