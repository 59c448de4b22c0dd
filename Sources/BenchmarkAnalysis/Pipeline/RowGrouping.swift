import BenchmarkModel

/// `--row` (Go benchstat's `-table`/`-row` keys): each comparison gets the values of the
/// projection's keys (`Comparison.group`), and the comparisons are reordered so that each group's
/// tables come together, groups in the projection's order. Within a group the report order of
/// `ComparisonOrder` (head, mode, unit, first seen) is kept. Benchmarks are never pooled: a group
/// is a section of the report, its rows still one per benchmark.
enum RowGrouping {
    /// The fields of each series of `base` and `head` by name and base unit (base first, head where
    /// base lacks it), for projecting the comparisons of this pair of labels.
    static func fields(base: LabelData, head: LabelData) -> [SeriesKey: BenchmarkFields] {
        var fields: [SeriesKey: BenchmarkFields] = [:]
        for label in [base, head] {
            var files: [String: FileMetadata] = [:]
            for file in label.files where files[file.path] == nil { files[file.path] = file }
            for series in label.series where fields[SeriesKey(series)] == nil {
                fields[SeriesKey(series)] = BenchmarkFields(
                    benchmark: series.benchmark, unit: series.unit, label: label.label,
                    file: series.runs.first.flatMap { FilterStep.file(of: $0, in: files, label: label) })
            }
        }
        return fields
    }

    /// Sets each comparison's group from `fields` (keyed by name and base unit).
    static func assign(
        _ comparisons: inout [Comparison], projection: Projection, fields: [SeriesKey: BenchmarkFields]
    ) {
        for index in comparisons.indices {
            let key = SeriesKey(name: comparisons[index].benchmark.name, baseUnit: comparisons[index].unit.baseUnit)
            guard let found = fields[key] else { continue }
            comparisons[index].group = projection.values(found)
        }
    }

    /// Puts the groups in the projection's order, each group's comparisons in their present order.
    static func order(_ comparisons: inout [Comparison], projection: Projection) {
        var seen = Set<[String]>()
        var tuples: [[String]] = []
        for comparison in comparisons {
            let tuple = comparison.group.map(\.value)
            if seen.insert(tuple).inserted { tuples.append(tuple) }
        }
        guard tuples.count > 1 else { return }
        var rank: [[String]: Int] = [:]
        for (position, tuple) in projection.sorted(tuples).enumerated() { rank[tuple] = position }
        let order = comparisons.indices.sorted { a, b in
            let (x, y) = (rank[comparisons[a].group.map(\.value)] ?? 0, rank[comparisons[b].group.map(\.value)] ?? 0)
            return x != y ? x < y : a < b
        }
        ComparisonOrder.permute(&comparisons, into: order)
    }
}
