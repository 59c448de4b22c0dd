import BenchmarkModel

/// A series' identity across labels: benchmark name and base unit.
struct SeriesKey: Hashable, Comparable {
    let name: String
    let baseUnit: String

    init(name: String, baseUnit: String) {
        self.name = name
        self.baseUnit = baseUnit
    }

    init(_ series: BenchmarkSeries) {
        name = series.benchmark.name
        baseUnit = series.unit.baseUnit
    }

    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.name, lhs.baseUnit) < (rhs.name, rhs.baseUnit) }
}
