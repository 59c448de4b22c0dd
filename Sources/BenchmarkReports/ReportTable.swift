import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// The table model every human-readable report renders: comparisons grouped by head label, mode and
/// unit, each with the group's display scale, with footnotes. Cells are formatted when a renderer
/// asks for them — straight into its `ReportBuffer`, or as a `String`.
struct ReportTable {
    /// A comparison with its footnote numbers, formatted in its group's scale: a position in the
    /// shared array of comparisons, so that no comparison is copied. A struct, stored inline in its
    /// group (no allocation per row); a renderer on several cores reads rows in place, since a copy
    /// retains the shared array, whose one reference count both cores would then contend for.
    struct Row {
        /// Every comparison of the result — the array is shared, not copied (a copy of each
        /// comparison per row was 11 MB of a 20,000-row report) — and this row's position in it.
        private let comparisons: [Comparison]
        let index: Int
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

        // Each reads the one number it shows, not the side: a copy of a side retains its label and
        // samples, twice a cell at a million rows.
        func appendBase(to buffer: inout ReportBuffer) { centre(comparisons[index].base?.centre, to: &buffer) }
        func appendHead(to buffer: inout ReportBuffer) { centre(comparisons[index].head?.centre, to: &buffer) }
        func appendBaseSpread(to buffer: inout ReportBuffer) {
            ReportTable.spread(percent: comparisons[index].base?.spreadPercent, to: &buffer)
        }
        func appendHeadSpread(to buffer: inout ReportBuffer) {
            ReportTable.spread(percent: comparisons[index].head?.spreadPercent, to: &buffer)
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

        private func centre(_ centre: Double?, to buffer: inout ReportBuffer) {
            if let centre {
                scale.format(centre, to: &buffer)
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
    /// How many rows `onlyChanged` left out, by verdict (empty without it).
    let hidden: [Verdict: Int]

    /// Whether a row of `verdict` is shown under `--only-changed`: regressions and improvements.
    static func isChange(_ verdict: Verdict) -> Bool { verdict == .regression || verdict == .improvement }

    /// The table of `result`. With `onlyChanged`, only regressions and improvements are rows (a group
    /// left without rows is left out); each group keeps the scale of all its comparisons, so a
    /// number reads the same with and without the flag.
    init(_ result: AnalysisResult, onlyChanged: Bool = false) {
        var hidden: [Verdict: Int] = [:]
        var groups: [Group] = []
        var footnotes: [String] = []
        // Footnote → 1-based number.
        var footnoteNumbers: [ComparisonNote: Int] = [:]
        let comparisons = result.comparisons
        for range in Self.groupRanges(comparisons) {
            let first = comparisons[range.lowerBound]
            let scale = Self.scale(comparisons, range)
            var rows: [Row] = []
            rows.reserveCapacity(range.count)
            for index in range {
                if onlyChanged, !Self.isChange(comparisons[index].verdict) {
                    hidden[comparisons[index].verdict, default: 0] += 1
                    continue
                }
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
            if !rows.isEmpty {
                groups.append(
                    Group(
                        section: first.group, headLabel: first.headLabel, mode: first.mode,
                        baseUnit: first.unit.baseUnit, unitHeading: scale.heading(baseUnit: first.unit.baseUnit),
                        rows: rows))
            }
        }
        self.groups = groups
        self.footnotes = footnotes
        self.hidden = hidden
    }

    /// The table's groups as ranges of `comparisons`: runs of one head label, mode and base unit.
    static func groupRanges(_ comparisons: [Comparison]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in comparisons.indices where index > start {
            if comparisons[start].headLabel != comparisons[index].headLabel
                || comparisons[start].group != comparisons[index].group
                || comparisons[start].mode != comparisons[index].mode
                || comparisons[start].unit.baseUnit != comparisons[index].unit.baseUnit
            {
                ranges.append(start..<index)
                start = index
            }
        }
        if start < comparisons.count { ranges.append(start..<comparisons.count) }
        return ranges
    }

    /// The display scale of one group: the one that suits the median of its base and head centres.
    static func scale(_ comparisons: [Comparison], _ range: Range<Int>) -> UnitScale {
        var values: [Double] = []
        values.reserveCapacity(2 * range.count)
        for index in range {
            if let centre = comparisons[index].base?.centre { values.append(centre) }
            if let centre = comparisons[index].head?.centre { values.append(centre) }
        }
        return UnitScale(baseUnit: comparisons[range.lowerBound].unit.baseUnit, values: values)
    }

    /// The unit heading of the table group of each series the gate names (`µs`, `M instructions`),
    /// so that the gate line says the unit the table is in. A name in several groups (several head
    /// labels) takes its first group's. Scales are computed only for the groups holding a named series.
    static func displayUnits(_ result: AnalysisResult) -> [NamedSeries: String] {
        var wanted = Set<NamedSeries>()
        for reason in result.gate.reasons {
            switch reason {
            case .regressions(_, let named), .notShownNonInferior(_, let named): wanted.formUnion(named)
            case .noRegressions, .driftNotMeasured: break
            }
        }
        guard !wanted.isEmpty else { return [:] }
        let comparisons = result.comparisons
        var units: [NamedSeries: String] = [:]
        for range in groupRanges(comparisons) {
            let baseUnit = comparisons[range.lowerBound].unit.baseUnit
            var scale: UnitScale?
            for index in range {
                let series = NamedSeries(name: comparisons[index].benchmark.name, baseUnit: baseUnit)
                guard wanted.contains(series), units[series] == nil else { continue }
                let chosen = scale ?? Self.scale(comparisons, range)
                scale = chosen
                units[series] = chosen.heading(baseUnit: baseUnit)
            }
            if units.count == wanted.count { break }
        }
        return units
    }

    /// `12 rows hidden by --only-changed (10 noise, 2 missing)`, or nil when none was.
    var hiddenLine: String? {
        let total = hidden.values.reduce(0, +)
        guard total > 0 else { return nil }
        let parts = Verdict.allCases.compactMap { verdict in hidden[verdict].map { "\($0) \(verdict.rawValue)" } }
        return "\(total) row\(total == 1 ? "" : "s") hidden by --only-changed (\(parts.joined(separator: ", ")))"
    }

    /// The heading of a `--row` section: `key: value` pairs as Go's benchstat heads its tables.
    static func sectionHeading(_ section: [KeyValue]) -> String {
        section.map { "\($0.key): \($0.value)" }.joined(separator: "  ")
    }

    /// Appends `± 1.2%` for a side's spread `percent`; nothing for nil.
    static func spread(percent: Double?, to buffer: inout ReportBuffer) {
        guard let spread = percent else { return }
        buffer.append("± ")
        UnitScale.significant(spread, digits: 2, to: &buffer)
        buffer.append("%")
    }
}
