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
        // Only benchmarks with a decided change get a note: the others are not looked up.
        struct Subject: Hashable {
            let head: String
            let name: String
        }
        var decided = Set<Subject>()
        for index in comparisons.indices
        where comparisons[index].verdict == .regression || comparisons[index].verdict == .improvement {
            decided.insert(Subject(head: comparisons[index].headLabel, name: comparisons[index].benchmark.name))
        }
        guard !decided.isEmpty else { return }
        // The first comparison of each (head, benchmark, mode) with a change, for those benchmarks.
        struct Key: Hashable {
            let subject: Subject
            let mode: MeasurementMode
        }
        var first: [Key: Int] = [:]
        for index in comparisons.indices where comparisons[index].change != nil {
            let subject = Subject(head: comparisons[index].headLabel, name: comparisons[index].benchmark.name)
            guard decided.contains(subject) else { continue }
            let key = Key(subject: subject, mode: comparisons[index].mode)
            if first[key] == nil { first[key] = index }
        }
        for index in comparisons.indices {
            let verdict = comparisons[index].verdict
            guard verdict == .regression || verdict == .improvement else { continue }
            let subject = Subject(head: comparisons[index].headLabel, name: comparisons[index].benchmark.name)
            for mode in MeasurementMode.allCases where mode != comparisons[index].mode {
                guard let other = first[Key(subject: subject, mode: mode)], let change = comparisons[other].change
                else { continue }
                comparisons[index].notes.append(
                    .otherMode(
                        mode: mode, changePercent: change.percent, interval: change.interval,
                        verdict: comparisons[other].verdict))
            }
        }
    }
}
