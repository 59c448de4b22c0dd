import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// The table model every human-readable report renders: comparisons grouped by head label, mode and
/// unit, each row's numbers already formatted in the group's display scale, with footnotes.
struct ReportTable {
    struct Row {
        let comparison: Comparison
        let name: String
        let base: String
        let baseSpread: String
        let head: String
        let headSpread: String
        let change: String
        let interval: String
        let p: String
        let verdict: Verdict
        let reason: String
        var footnotes: [Int]
    }

    struct Group {
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
        var current: [Comparison] = []
        func flush() {
            guard let first = current.first else { return }
            let values = current.flatMap { [$0.base?.centre, $0.head?.centre].compactMap { $0 } }
            let scale = UnitScale(baseUnit: first.unit.baseUnit, values: values)
            var rows: [Row] = []
            for comparison in current {
                var refs: [Int] = []
                for note in comparison.notes {
                    if let index = footnotes.firstIndex(of: note) {
                        refs.append(index + 1)
                    } else {
                        footnotes.append(note)
                        refs.append(footnotes.count)
                    }
                }
                rows.append(
                    Row(
                        comparison: comparison, name: comparison.benchmark.name,
                        base: comparison.base.map { scale.format($0.centre) } ?? "-",
                        baseSpread: Self.spread(comparison.base),
                        head: comparison.head.map { scale.format($0.centre) } ?? "-",
                        headSpread: Self.spread(comparison.head),
                        change: comparison.change.map { ReportNumber.signedPercent($0.percent) } ?? "-",
                        interval: ReportNumber.interval(comparison.change?.interval),
                        p: ReportNumber.pValue(comparison.pAdjusted), verdict: comparison.verdict,
                        reason: comparison.reason, footnotes: refs))
            }
            groups.append(
                Group(
                    headLabel: first.headLabel, mode: first.mode, baseUnit: first.unit.baseUnit,
                    unitHeading: scale.heading(baseUnit: first.unit.baseUnit), rows: rows))
            current = []
        }
        for comparison in result.comparisons {
            if let first = current.first,
                first.headLabel != comparison.headLabel || first.mode != comparison.mode
                    || first.unit.baseUnit != comparison.unit.baseUnit
            {
                flush()
            }
            current.append(comparison)
        }
        flush()
        self.groups = groups
        self.footnotes = footnotes
    }

    /// `± 1.2%` from the side's spread, or empty.
    static func spread(_ side: SideSummary?) -> String {
        guard let side, let spread = side.spreadPercent else { return "" }
        return "± " + UnitScale.significant(spread, digits: 2) + "%"
    }
}
