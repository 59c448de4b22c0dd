import BenchmarkModel

/// A base and head series of one benchmark and unit, by position in the base and head labels'
/// series, either possibly absent (small, where a pair of series would hold two copies: 3 MB at
/// 20,000 pairs, alive through the whole comparison). The analysis reads each side out of its
/// label when it compares the pair.
struct SeriesIndexPair {
    let base: Int?
    let head: Int?
}

/// Step 3 of the analysis: pairs each base series with the head series of the same (name, base
/// unit); series on one side only are pairs with one member. Base order first, then head's
/// unmatched series in head order.
enum SeriesPairing {
    /// - Throws: `.incompatibleUnits` when a benchmark is measured on both sides but in disjoint
    ///   sets of units.
    static func pair(base: LabelData, head: LabelData) throws(AnalysisError) -> [SeriesIndexPair] {
        // headIndex[i]: the head series with base series i's (name, base unit), or -1. Labels written
        // by the same tool list their benchmarks in the same order, so each base series is first
        // compared with the head series at its own position; a dictionary finds the others.
        var headIndex = [Int](repeating: -1, count: base.series.count)
        var headTaken = [Bool](repeating: false, count: head.series.count)
        var unplaced: [Int] = []
        for (index, series) in base.series.enumerated() {
            if index < head.series.count, sameKey(series, head.series[index]) {
                headIndex[index] = index
                headTaken[index] = true
            } else {
                unplaced.append(index)
            }
        }
        if !unplaced.isEmpty {
            var headByKey: [SeriesKey: Int] = [:]
            for (index, series) in head.series.enumerated() where !headTaken[index] {
                // Keys are unique within a label: no entry is overwritten.
                headByKey[SeriesKey(series)] = index
            }
            for index in unplaced {
                if let found = headByKey[SeriesKey(base.series[index])] {
                    headIndex[index] = found
                    headTaken[found] = true
                }
            }
            try checkUnitsOverlap(base: base, head: head, paired: headIndex)
        }
        var pairs: [SeriesIndexPair] = []
        pairs.reserveCapacity(max(base.series.count, head.series.count))
        for index in base.series.indices {
            pairs.append(SeriesIndexPair(base: index, head: headIndex[index] >= 0 ? headIndex[index] : nil))
        }
        for index in head.series.indices where !headTaken[index] {
            pairs.append(SeriesIndexPair(base: nil, head: index))
        }
        return pairs
    }

    /// Whether two series have the same (name, base unit).
    private static func sameKey(_ a: BenchmarkSeries, _ b: BenchmarkSeries) -> Bool {
        a.benchmark.name == b.benchmark.name && a.unit.baseUnit == b.unit.baseUnit
    }

    /// Throws when a benchmark is measured in base and head but in disjoint sets of units (`ns/op`
    /// in one, only `instructions` in the other). Only a name none of whose (name, unit) series
    /// has a partner in head can be in that case, so unit sets are gathered for those names alone;
    /// base's file order decides which error is reported, and it names where head's first sample of
    /// the benchmark was read.
    static func checkUnitsOverlap(
        base: LabelData, head: LabelData, paired headIndex: [Int]
    ) throws(AnalysisError) {
        var matchedNames = Set<String>()
        var unmatchedNames = Set<String>()
        for (index, series) in base.series.enumerated() {
            if headIndex[index] >= 0 {
                matchedNames.insert(series.benchmark.name)
            } else {
                unmatchedNames.insert(series.benchmark.name)
            }
        }
        let candidates = unmatchedNames.subtracting(matchedNames)
        guard !candidates.isEmpty else { return }
        var headUnitsByName: [String: Set<String>] = [:]
        for series in head.series where candidates.contains(series.benchmark.name) {
            headUnitsByName[series.benchmark.name, default: []].insert(series.unit.baseUnit)
        }
        var baseUnitsByName: [String: Set<String>] = [:]
        for series in base.series where candidates.contains(series.benchmark.name) {
            baseUnitsByName[series.benchmark.name, default: []].insert(series.unit.baseUnit)
        }
        for series in base.series {
            let name = series.benchmark.name
            guard let baseUnits = baseUnitsByName[name], let headUnits = headUnitsByName[name] else { continue }
            let headSeries = head.series.first { $0.benchmark.name == name }
            throw .incompatibleUnits(
                benchmark: name, baseLabel: base.label, baseUnits: baseUnits.sorted(), headLabel: head.label,
                headUnits: headUnits.sorted(), location: headSeries?.runs.first?.source)
        }
    }
}
