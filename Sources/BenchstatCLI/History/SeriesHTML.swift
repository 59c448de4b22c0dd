import BenchmarkHistory
import Foundation

/// `history show --format html`: one self-contained page (inline SVG, no scripts) per benchmark —
/// each machine's run centres over time as dots joined by a line, a vertical rule where a change
/// point starts (labelled with its change), and the noise band of each stretch between change
/// points (mean ± 2σ of its run centres) shaded behind.
enum SeriesHTML {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func render(_ family: [MachineSeries], _ changes: [FoundChange], store: String) -> String {
        let title = family.first.map { escape($0.series.name) } ?? "series"
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<title>benchstat history: \(title)</title>\n<style>\n"
        out += "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
        out += " .band{fill:#9ecae1;opacity:.35} .line{fill:none;stroke:#3182bd;stroke-width:1.5}"
        out += " .dot{fill:#08519c} .cp{stroke:#d62728;stroke-width:1.5;stroke-dasharray:4 3}"
        out += " .cplabel{fill:#d62728;font-size:11px} .axis{stroke:#888} text{font-size:11px}\n"
        out += "</style>\n</head>\n<body>\n<h1>\(title)</h1>\n<p>Store: \(escape(store))</p>\n"
        for series in family {
            out += "<h2>machine \(escape(series.machine)) · \(escape(series.series.baseUnit))</h2>\n"
            out += svg(
                series,
                changes.filter {
                    $0.series.series.id == series.series.id && $0.series.machine == series.machine
                })
        }
        return out + "</body>\n</html>\n"
    }

    private static func svg(_ series: MachineSeries, _ changes: [FoundChange]) -> String {
        let width = 900.0
        let height = 320.0
        let left = 80.0
        let right = 20.0
        let top = 20.0
        let bottom = 40.0
        let centres = series.points.map(\.centre)
        guard !centres.isEmpty else { return "<p>no runs</p>\n" }
        let bounds = [0] + changes.map(\.index).sorted() + [centres.count]
        var bands: [(Int, Int, Double, Double)] = []
        for (lower, upper) in zip(bounds, bounds.dropFirst()) where upper > lower {
            let stretch = centres[lower..<upper]
            let mean = stretch.reduce(0, +) / Double(stretch.count)
            let sd =
                stretch.count > 1
                ? (stretch.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(stretch.count - 1)).squareRoot() : 0
            bands.append((lower, upper, mean - 2 * sd, mean + 2 * sd))
        }
        let low = min(centres.min() ?? 0, bands.map(\.2).min() ?? 0)
        let high = max(centres.max() ?? 1, bands.map(\.3).max() ?? 1)
        let span = high > low ? high - low : max(abs(high), 1)
        func x(_ index: Double) -> Double {
            left + (width - left - right) * (centres.count > 1 ? index / Double(centres.count - 1) : 0.5)
        }
        func y(_ value: Double) -> Double { top + (height - top - bottom) * (1 - (value - low) / span) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\">\n"
        for (lower, upper, bandLow, bandHigh) in bands {
            let x0 = x(Double(lower) - 0.5 < 0 ? 0 : Double(lower) - 0.5)
            let x1 = x(min(Double(upper) - 0.5, Double(centres.count - 1)))
            out += "<rect class=\"band\" x=\"\(f(x0))\" y=\"\(f(y(bandHigh)))\" width=\"\(f(max(x1 - x0, 1)))\" "
            out += "height=\"\(f(max(y(bandLow) - y(bandHigh), 1)))\"/>\n"
        }
        out += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(height - bottom))\" x2=\"\(f(width - right))\" "
        out += "y2=\"\(f(height - bottom))\"/>\n"
        for value in [low, (low + high) / 2, high] {
            out += "<text x=\"4\" y=\"\(f(y(value) + 4))\">\(escape(String(format: "%.6g", value)))</text>\n"
        }
        let path = centres.enumerated().map { "\(f(x(Double($0.offset)))),\(f(y($0.element)))" }
        out += "<polyline class=\"line\" points=\"\(path.joined(separator: " "))\"/>\n"
        for (index, value) in centres.enumerated() {
            let run = series.runs[index]
            out += "<circle class=\"dot\" cx=\"\(f(x(Double(index))))\" cy=\"\(f(y(value)))\" r=\"3\">"
            out += "<title>\(escape(run.info.commit)) \(escape(formatTime(run.info.time))): "
            out += "\(escape(String(format: "%.6g", value)))</title></circle>\n"
        }
        for change in changes {
            let position = x(Double(change.index) - 0.5)
            out += "<line class=\"cp\" x1=\"\(f(position))\" y1=\"\(f(top))\" x2=\"\(f(position))\" "
            out += "y2=\"\(f(height - bottom))\"/>\n"
            let label =
                String(format: "%+.2f%%", change.percent) + " at " + String(change.firstRun.info.commit.prefix(10))
            out += "<text class=\"cplabel\" x=\"\(f(position + 3))\" y=\"\(f(top + 10))\">\(escape(label))</text>\n"
        }
        if let first = series.runs.first, let last = series.runs.last {
            out +=
                "<text x=\"\(f(left))\" y=\"\(f(height - 20))\">\(escape(first.info.commit.prefix(10).description))</text>\n"
            out += "<text x=\"\(f(width - right - 80))\" y=\"\(f(height - 20))\">"
            out += "\(escape(last.info.commit.prefix(10).description))</text>\n"
        }
        return out + "</svg>\n"
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
