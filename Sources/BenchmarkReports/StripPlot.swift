import BenchmarkAnalysis
import BenchmarkModel
import Foundation
import NumberText

/// An inline SVG strip plot of one comparison: a lane per side, every sample a dot (one row of dots
/// per run, so between-run shifts are visible), the centre as a solid line and its confidence
/// interval as a shaded bar, the practical threshold as a dashed band around the base centre, all
/// on a logarithmic axis (the scale the analysis compares on). Deterministic: the vertical jitter
/// is a low-discrepancy sequence, never random, so the output is byte-stable.
struct StripPlot {
    let comparison: Comparison
    let test: ComparisonTest
    let confidence: Double

    /// The SVG's coordinate system (scaled to the page width by CSS).
    static let width = 1000.0
    static let left = 170.0
    static let right = 24.0
    static let top = 8.0
    static let laneHeight = 48.0
    static let laneGap = 6.0
    /// At most this many dots per side; larger samples are thinned evenly (and the lane says so).
    static let maximumDots = 800

    struct Lane {
        let side: SideSummary
        let colour: String
        let runs: [[Double]]
    }

    /// The axis' display scale: the one that suits the centres of the sides drawn. The card above
    /// the plot names its unit too (`unitHeading`), so that the text and the axis agree.
    var scale: UnitScale {
        UnitScale(
            baseUnit: comparison.unit.baseUnit,
            values: [comparison.base, comparison.head].compactMap { $0?.centre }.filter { $0 > 0 })
    }

    /// The axis' unit (`µs`, `M instructions`).
    var unitHeading: String { scale.heading(baseUnit: comparison.unit.baseUnit) }

    func svg() -> String {
        var out = ReportBuffer(capacity: 4096)
        svg(into: &out)
        return out.text
    }

    /// Appends the plot to `out`, written as bytes: a large page has 40 dots and 20 other elements
    /// per benchmark, every coordinate printf's `%.1f` (`FixedNotation`, exactly).
    func svg(into out: inout ReportBuffer) {
        let lanes = self.lanes()
        let values = lanes.flatMap { $0.runs.flatMap { $0 } }
        guard !values.isEmpty else {
            out.append("<p class=\"notes\">No positive samples to plot.</p>\n")
            return
        }
        let scale = self.scale
        var extent =
            values
            + lanes.flatMap { lane in
                [lane.side.centre] + (lane.side.centreInterval.map { [$0.lowerBound, $0.upperBound] } ?? [])
            }
        if let band = thresholdBand() { extent += [band.lowerBound, band.upperBound] }
        extent = extent.filter { $0 > 0 && $0.isFinite }
        var low = log10(extent.min() ?? 1)
        var high = log10(extent.max() ?? 1)
        if high - low < 1e-9 {
            low -= 0.004
            high += 0.004
        }
        let pad = (high - low) * 0.05
        let axis = LogAxis(low: low - pad, high: high + pad, from: Self.left, to: Self.width - Self.right)
        let axisY = Self.top + Double(lanes.count) * (Self.laneHeight + Self.laneGap) + 2
        let height = axisY + 34
        out.append("<svg class=\"strip\" viewBox=\"0 0 ")
        out.append(svg: Self.width)
        out.append(" ")
        out.append(svg: height)
        out.append("\" width=\"")
        out.append(svg: Self.width)
        out.append("\" height=\"")
        out.append(svg: height)
        out.append("\" role=\"img\" aria-label=\"")
        // Each lane's title once: it is both the lane's tooltip and part of the plot's label.
        let titles = lanes.map { laneTitle($0.side, scale) }
        out.append(contentsOf: HTMLEscaping.text(ariaLabel(titles: titles)))
        out.append("\">\n")
        for index in lanes.indices {
            out.append("<rect x=\"")
            out.append(svg: Self.left)
            out.append("\" y=\"")
            out.append(svg: laneTop(index))
            out.append("\" width=\"")
            out.append(svg: Self.width - Self.left - Self.right)
            out.append("\" height=\"")
            out.append(svg: Self.laneHeight)
            out.append("\" fill=\"#f6f8fa\"/>\n")
        }
        if let band = thresholdBand() {
            let x0 = axis.x(band.lowerBound)
            let x1 = axis.x(band.upperBound)
            let y1 = axisY - 2
            out.append("<rect x=\"")
            out.append(svg: x0)
            out.append("\" y=\"")
            out.append(svg: Self.top)
            out.append("\" width=\"")
            out.append(svg: x1 - x0)
            out.append("\" height=\"")
            out.append(svg: y1 - Self.top)
            out.append("\" fill=\"#8c959f\" fill-opacity=\"0.12\"/>\n")
            for x in [x0, x1] {
                out.appendLine(x1: x, y1: Self.top, x2: x, y2: y1)
                out.append(" stroke=\"#6e7781\" stroke-dasharray=\"5 3\"/>\n")
            }
        }
        for (index, lane) in lanes.enumerated() {
            self.lane(lane, title: titles[index], top: laneTop(index), axis: axis, scale, into: &out)
        }
        out.appendLine(x1: Self.left, y1: axisY, x2: Self.width - Self.right, y2: axisY)
        out.append(" stroke=\"#59636e\"/>\n")
        for tick in axis.ticks() {
            let x = axis.x(tick.value)
            out.appendLine(x1: x, y1: axisY, x2: x, y2: axisY + 5)
            out.append(" stroke=\"#59636e\"/>\n<text x=\"")
            out.append(svg: x)
            out.append("\" y=\"")
            out.append(svg: axisY + 18)
            out.append("\" text-anchor=\"middle\">")
            out.append(contentsOf: tick.label(scale))
            out.append("</text>\n")
        }
        out.append("<text x=\"")
        out.append(svg: Self.left - 12)
        out.append("\" y=\"")
        out.append(svg: axisY + 18)
        out.append("\" text-anchor=\"end\">")
        out.append(contentsOf: HTMLEscaping.text(unitHeading))
        out.append(", log scale</text>\n</svg>\n")
    }

    func laneTop(_ index: Int) -> Double { Self.top + Double(index) * (Self.laneHeight + Self.laneGap) }

    func lanes() -> [Lane] {
        var lanes: [Lane] = []
        if let base = comparison.base { lanes.append(Lane(side: base, colour: "#4c6a92", runs: positive(base))) }
        if let head = comparison.head {
            let colour: String
            switch comparison.verdict {
            case .regression: colour = "#cf222e"
            case .improvement: colour = "#1a7f37"
            case .inconclusive: colour = "#9a6700"
            case .noise, .missing: colour = "#57606a"
            }
            lanes.append(Lane(side: head, colour: colour, runs: positive(head)))
        }
        return lanes
    }

    /// The side's positive, finite samples per run (a log axis cannot show zeros).
    func positive(_ side: SideSummary) -> [[Double]] {
        side.samplesByRun.map { $0.filter { $0 > 0 && $0.isFinite } }.filter { !$0.isEmpty }
    }

    /// Base centre × (1 ± threshold), or nil without a base or a threshold.
    func thresholdBand() -> ClosedRange<Double>? {
        guard let base = comparison.base, base.centre > 0, comparison.thresholdPercent > 0,
            comparison.thresholdPercent < 100
        else { return nil }
        let t = comparison.thresholdPercent / 100
        return base.centre * (1 - t)...base.centre * (1 + t)
    }

    func lane(
        _ lane: Lane, title: String, top: Double, axis: LogAxis, _ scale: UnitScale, into out: inout ReportBuffer
    ) {
        let count = lane.runs.reduce(0) { $0 + $1.count }
        let stride = max(1, (count + Self.maximumDots - 1) / Self.maximumDots)
        let shown = (count + stride - 1) / stride
        let radius = shown <= 60 ? 3.4 : shown <= 250 ? 2.6 : 2.0
        let opacity = shown <= 60 ? 0.6 : shown <= 250 ? 0.45 : 0.3
        let innerTop = top + 6
        let innerHeight = Self.laneHeight - 12
        let middle = top + Self.laneHeight / 2
        out.append("<g>\n<title>")
        out.append(contentsOf: HTMLEscaping.text(title))
        out.append("</title>\n<text class=\"lane\" x=\"")
        out.append(svg: Self.left - 12)
        out.append("\" y=\"")
        out.append(svg: middle - 3)
        out.append("\" text-anchor=\"end\">")
        out.append(contentsOf: HTMLEscaping.text(Self.shortened(lane.side.label)))
        out.append("</text>\n<text x=\"")
        out.append(svg: Self.left - 12)
        out.append("\" y=\"")
        out.append(svg: middle + 11)
        out.append("\" text-anchor=\"end\">n=")
        out.append(integer: lane.side.count)
        if lane.side.runs > 1 {
            out.append(" · ")
            out.append(integer: lane.side.runs)
            out.append(" runs")
        }
        if stride > 1 {
            out.append(" · 1 in ")
            out.append(integer: stride)
            out.append(" shown")
        }
        out.append("</text>\n")
        if let interval = lane.side.centreInterval, interval.lowerBound > 0 {
            let x0 = axis.x(interval.lowerBound)
            let x1 = axis.x(interval.upperBound)
            out.append("<rect x=\"")
            out.append(svg: x0)
            out.append("\" y=\"")
            out.append(svg: top + 2)
            out.append("\" width=\"")
            out.append(svg: max(1, x1 - x0))
            out.append("\" height=\"")
            out.append(svg: Self.laneHeight - 4)
            out.append("\" fill=\"")
            out.append(contentsOf: lane.colour)
            out.append("\" fill-opacity=\"0.16\" stroke=\"")
            out.append(contentsOf: lane.colour)
            out.append("\" stroke-opacity=\"0.5\"/>\n")
        }
        out.append("<g fill=\"")
        out.append(contentsOf: lane.colour)
        out.append("\" fill-opacity=\"")
        out.append(svg: opacity)
        out.append("\">\n")
        // One row of dots per run when there are few enough runs to tell apart.
        let rows = lane.runs.count <= 12 ? lane.runs.count : 1
        let rowHeight = innerHeight / Double(max(1, rows))
        var seen = 0
        for (runIndex, run) in lane.runs.enumerated() {
            let rowTop = innerTop + Double(rows > 1 ? runIndex : 0) * rowHeight
            for value in run {
                defer { seen += 1 }
                guard seen % stride == 0 else { continue }
                let jitter = (Double(seen / stride) * 0.618_033_988_75 + Double(runIndex) * 0.37)
                    .truncatingRemainder(dividingBy: 1)
                let y = rowTop + rowHeight * (0.2 + 0.6 * jitter)
                out.append("<circle cx=\"")
                out.append(svg: axis.x(value))
                out.append("\" cy=\"")
                out.append(svg: y)
                out.append("\" r=\"")
                out.append(svg: radius)
                out.append("\"/>\n")
            }
        }
        out.append("</g>\n")
        if lane.side.centre > 0 {
            let x = axis.x(lane.side.centre)
            out.appendLine(x1: x, y1: top, x2: x, y2: top + Self.laneHeight)
            out.append(" stroke=\"")
            out.append(contentsOf: lane.colour)
            out.append("\" stroke-width=\"3\"/>\n")
        }
        out.append("</g>\n")
    }

    func laneTitle(_ side: SideSummary, _ scale: UnitScale) -> String {
        let unit = scale.heading(baseUnit: comparison.unit.baseUnit)
        var text = "\(side.label): \(centreName) \(scale.format(side.centre)) \(unit)"
        if let interval = side.centreInterval {
            text +=
                ", \(TextReport.percent(confidence)) CI [\(scale.format(interval.lowerBound)), "
                + "\(scale.format(interval.upperBound))]"
        }
        return text + ", n=\(side.count) in \(side.runs) run\(side.runs == 1 ? "" : "s")"
    }

    func ariaLabel(titles: [String]) -> String {
        "Samples of \(comparison.benchmark.name): " + titles.joined(separator: "; ")
    }

    var centreName: String { ReasonText.centreName(test) }

    /// A label that fits the left margin.
    static func shortened(_ label: String) -> String {
        label.count <= 22 ? label : String(label.prefix(21)) + "…"
    }
}

/// A logarithmic axis from `10^low` to `10^high` mapped onto `from...to`.
struct LogAxis {
    let low: Double
    let high: Double
    let from: Double
    let to: Double

    struct Tick {
        let value: Double
        /// The spacing that decides how many decimals the label needs.
        let resolution: Double

        func label(_ scale: UnitScale) -> String {
            // A zero, subnormal or infinite spacing has no finite magnitude: never convert it to Int.
            let magnitude = floor(log10(resolution / scale.factor) + 1e-9)
            let decimals = magnitude.isFinite ? max(0, -Int(max(-9, min(0, magnitude)))) : (magnitude < 0 ? 9 : 0)
            return PrintfNumber.fixed(value / scale.factor, decimals: min(decimals, 9))
        }
    }

    func x(_ value: Double) -> Double {
        from + (log10(value) - low) / (high - low) * (to - from)
    }

    /// 1-2-5 ticks per decade across a wide range; evenly spaced round values across a narrow one
    /// (where a log axis is nearly linear).
    func ticks() -> [Tick] {
        let lo = pow(10, low)
        let hi = pow(10, high)
        if high - low >= 1 {
            var ticks: [Tick] = []
            for exponent in Int(floor(low))...Int(ceil(high)) {
                for mantissa in [1.0, 2.0, 5.0] {
                    let value = mantissa * pow(10, Double(exponent))
                    if value >= lo, value <= hi { ticks.append(Tick(value: value, resolution: value)) }
                }
            }
            return ticks.count > 12 ? ticks.filter { abs(log10($0.value).rounded() - log10($0.value)) < 1e-9 } : ticks
        }
        let step = Self.niceStep((hi - lo) / 6)
        let first = (lo / step).rounded(.up)
        let last = (hi / step).rounded(.down)
        guard first <= last, last - first < 100 else { return [] }
        return stride(from: first, through: last, by: 1).map { Tick(value: $0 * step, resolution: step) }
    }

    /// 1, 2 or 5 times a power of ten, near `raw`.
    static func niceStep(_ raw: Double) -> Double {
        let power = pow(10, floor(log10(raw)))
        let fraction = raw / power
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        return nice * power
    }
}

extension ReportBuffer {
    /// Appends an SVG coordinate: one decimal, no exponent (printf's `%.1f`).
    fileprivate mutating func append(svg value: Double) {
        append(value, decimals: 1)
    }

    /// Appends `<line x1=".." y1=".." x2=".." y2=".."` (the caller closes the element).
    fileprivate mutating func appendLine(x1: Double, y1: Double, x2: Double, y2: Double) {
        append("<line x1=\"")
        append(svg: x1)
        append("\" y1=\"")
        append(svg: y1)
        append("\" x2=\"")
        append(svg: x2)
        append("\" y2=\"")
        append(svg: y2)
        append("\"")
    }
}
