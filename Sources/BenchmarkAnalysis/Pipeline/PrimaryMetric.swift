import BenchmarkModel

/// Part of step 4: which comparison is its benchmark's primary metric — the first of its name in
/// the order compared (base series in file order, then those only in the head), i.e. the first
/// unit its base file reported (Go's `sec/op` before `B/op`). The suite geometric mean counts
/// primary metrics only.
///
/// The names are found again through a `NameIndex`, which keeps each name's hash beside its
/// position and compares two names only when their hashes are equal. A `Set<String>` compared
/// every name met on a probe (a cache miss into each one's storage), copied each name in and
/// released them all after: at a million comparisons a third of a second on one core.
enum PrimaryMetric {
    static func mark(_ comparisons: inout [Comparison]) {
        var index = NameIndex(minimumCapacity: comparisons.count)
        for position in comparisons.indices {
            let name = comparisons[position].benchmark.name
            let hash = NameIndex.hash(name)
            let isFirst = index.find(hash: hash, isName: { comparisons[$0].benchmark.name == name }) == nil
            if isFirst { index.insert(hash: hash, position: position) }
            comparisons[position].isPrimaryMetric = isFirst
        }
    }
}
