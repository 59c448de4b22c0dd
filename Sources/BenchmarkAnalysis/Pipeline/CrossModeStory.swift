import BenchmarkModel

/// Step 6c of the analysis: one story per benchmark across modes. When a benchmark was measured in
/// instructions (or another instrumentation unit) and in walltime, a decided change in one mode
/// is noted with what the other mode saw — a lone instruction-count change whose walltime interval
/// covers 0 reads differently from both moving.
enum CrossModeStory {
    static func apply(_ comparisons: inout [Comparison]) {
        var modes = Set<MeasurementMode>()
        for index in comparisons.indices where comparisons[index].verdict != .missing {
            modes.insert(comparisons[index].mode)
        }
        guard modes.count > 1 else { return }
        // The first comparison of each (head, benchmark, mode) with a change.
        struct Key: Hashable {
            let head: String
            let name: String
            let mode: MeasurementMode
        }
        var first: [Key: Int] = [:]
        for index in comparisons.indices where comparisons[index].change != nil {
            let c = comparisons[index]
            let key = Key(head: c.headLabel, name: c.benchmark.name, mode: c.mode)
            if first[key] == nil { first[key] = index }
        }
        for index in comparisons.indices {
            let c = comparisons[index]
            guard c.verdict == .regression || c.verdict == .improvement else { continue }
            for mode in MeasurementMode.allCases where mode != c.mode {
                guard let other = first[Key(head: c.headLabel, name: c.benchmark.name, mode: mode)],
                    let change = comparisons[other].change
                else { continue }
                comparisons[index].notes.append(
                    .otherMode(
                        mode: mode, changePercent: change.percent, interval: change.interval,
                        verdict: comparisons[other].verdict))
            }
        }
    }
}
