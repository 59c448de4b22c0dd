import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// The table model every human-readable report renders: comparisons grouped by head label, mode and
/// unit, each with the group's display scale, with footnotes. Cells are formatted when a renderer
/// asks for them — straight into its `ReportBuffer`, or as a `String`.
struct ReportTable {
    /// A comparison with its footnote numbers, formatted in its group's scale. A class, so that the
    /// renderers pass rows around without copying the comparison.
    final class Row {
        /// Every comparison of the result — the array is shared, not copied (a copy of each
        /// comparison per row was 11 MB of a 20,000-row report) — and this row's position in it.
        private let comparisons: [Comparison]
        private let index: Int
        /// The group's display scale.
        let scale: UnitScale
        let footnotes: [Int]

        init(comparisons: [Comparison], index: Int, scale: UnitScale, footnotes: [Int]) {
            self.comparisons = comparisons
            self.index = index
            self.scale = scale
            self.footnotes = footnotes
        }

        /// The row's comparison (a copy; the accessors below read single fields in place).
        var comparison: Comparison { comparisons[index] }
        var name: String { comparisons[index].benchmark.name }
        var verdict: Verdict { comparisons[index].verdict }
        /// The reason as a value (rows that share one share it by value).
        var reasonValue: VerdictReason? { comparisons[index].reason }
        /// The reason in words.
        var reason: String { ReasonText.reason(of: comparisons[index]) }

        /// The base centre in the group's scale, or `-`.
        var base: String { Self.text { appendBase(to: &$0) } }
        /// `± 1.2%`, or empty.
        var baseSpread: String { Self.text { appendBaseSpread(to: &$0) } }
        /// The head centre in the group's scale, or `-`.
        var head: String { Self.text { appendHead(to: &$0) } }
        /// `± 1.2%`, or empty.
        var headSpread: String { Self.text { appendHeadSpread(to: &$0) } }
        /// `+5.28%`, or `-`.
        var change: String { Self.text { appendChange(to: &$0) } }
        /// `[-1.20%, +3.40%]`, or empty.
        var interval: String { Self.text { appendInterval(to: &$0) } }
        /// The adjusted p-value, or `-`.
        var p: String { Self.text { appendP(to: &$0) } }

        func appendBase(to buffer: inout ReportBuffer) { centre(comparisons[index].base, to: &buffer) }
        func appendHead(to buffer: inout ReportBuffer) { centre(comparisons[index].head, to: &buffer) }
        func appendBaseSpread(to buffer: inout ReportBuffer) {
            ReportTable.spread(comparisons[index].base, to: &buffer)
        }
        func appendHeadSpread(to buffer: inout ReportBuffer) {
            ReportTable.spread(comparisons[index].head, to: &buffer)
        }

        func appendChange(to buffer: inout ReportBuffer) {
            if let change = comparisons[index].change {
                ReportNumber.signedPercent(change.percent, to: &buffer)
            } else {
                buffer.append("-")
            }
        }

        func appendInterval(to buffer: inout ReportBuffer) {
            ReportNumber.interval(comparisons[index].change?.interval, to: &buffer)
        }

        func appendP(to buffer: inout ReportBuffer) { ReportNumber.pValue(comparisons[index].pAdjusted, to: &buffer) }

        private func centre(_ side: SideSummary?, to buffer: inout ReportBuffer) {
            if let side {
                scale.format(side.centre, to: &buffer)
            } else {
                buffer.append("-")
            }
        }

        private static func text(_ write: (inout ReportBuffer) -> Void) -> String {
            var buffer = ReportBuffer(capacity: 24)
            write(&buffer)
            return buffer.text
        }
    }

    struct Group {
        /// The `--row` values of the group's comparisons (empty without `--row`).
        let section: [KeyValue]
        let headLabel: String
        let mode: MeasurementMode
        let baseUnit: String
        let unitHeading: String
        var rows: [Row]
    }

    let groups: [Group]
    /// Footnote texts; a row's `footnotes` index into it (1-based in rendering).
    let footnotes: [String]

    init(_ result: AnalysisResult) {
        var groups: [Group] = []
        var footnotes: [String] = []
        // Footnote → 1-based number.
        var footnoteNumbers: [ComparisonNote: Int] = [:]
        let comparisons = result.comparisons
        var start = 0
        func flush(_ end: Int) {
            guard start < end else { return }
            let first = comparisons[start]
            var values: [Double] = []
            values.reserveCapacity(2 * (end - start))
            for index in start..<end {
                if let centre = comparisons[index].base?.centre { values.append(centre) }
                if let centre = comparisons[index].head?.centre { values.append(centre) }
            }
            let scale = UnitScale(baseUnit: first.unit.baseUnit, values: values)
            var rows: [Row] = []
            rows.reserveCapacity(end - start)
            for index in start..<end {
                var refs: [Int] = []
                for note in comparisons[index].notes {
                    if let number = footnoteNumbers[note] {
                        refs.append(number)
                    } else {
                        footnotes.append(ReasonText.note(note))
                        footnoteNumbers[note] = footnotes.count
                        refs.append(footnotes.count)
                    }
                }
                rows.append(Row(comparisons: comparisons, index: index, scale: scale, footnotes: refs))
            }
            groups.append(
                Group(
                    section: first.group, headLabel: first.headLabel, mode: first.mode, baseUnit: first.unit.baseUnit,
                    unitHeading: scale.heading(baseUnit: first.unit.baseUnit), rows: rows))
            start = end
        }
        for index in comparisons.indices where index > start {
            if comparisons[start].headLabel != comparisons[index].headLabel
                || comparisons[start].group != comparisons[index].group
                || comparisons[start].mode != comparisons[index].mode
                || comparisons[start].unit.baseUnit != comparisons[index].unit.baseUnit
            {
                flush(index)
            }
        }
        flush(comparisons.count)
        self.groups = groups
        self.footnotes = footnotes
    }

    /// `± 1.2%` from the side's spread, or empty.
    /// The heading of a `--row` section: `key: value` pairs as Go's benchstat heads its tables.
    static func sectionHeading(_ section: [KeyValue]) -> String {
        section.map { "\($0.key): \($0.value)" }.joined(separator: "  ")
    }

    static func spread(_ side: SideSummary?) -> String {
        var buffer = ReportBuffer(capacity: 16)
        spread(side, to: &buffer)
        return buffer.text
    }

    /// Appends `spread(side)`.
    static func spread(_ side: SideSummary?, to buffer: inout ReportBuffer) {
        guard let side, let spread = side.spreadPercent else { return }
        buffer.append("± ")
        UnitScale.significant(spread, digits: 2, to: &buffer)
        buffer.append("%")
    }
}
