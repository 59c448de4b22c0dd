import BenchmarkModel

/// Step 7 of the analysis: the report order — head label order, then mode, then unit; within a
/// group the order benchmarks were first seen.
enum ComparisonOrder {
    static func apply(_ comparisons: inout [Comparison], heads: [String]) {
        // Each comparison's group — its (head, mode, unit) — as an integer, and the groups' ranks in
        // the order; then a stable counting sort by rank: O(n) with no comparisons of strings
        // (a comparator that searched `heads` and compared unit strings was a tenth of a
        // 20,000-row analysis). Consecutive comparisons mostly share their group, so the last one
        // is tried before the dictionary.
        var headRank: [String: Int] = [:]
        for (rank, head) in heads.enumerated() where headRank[head] == nil { headRank[head] = rank }
        var groupIndex: [GroupKey: Int] = [:]
        var groups: [GroupKey] = []
        var groupOf = [Int](repeating: 0, count: comparisons.count)
        var last: (head: String, mode: MeasurementMode, unit: String, group: Int)?
        for index in comparisons.indices {
            let headLabel = comparisons[index].headLabel
            let mode = comparisons[index].mode
            let unit = comparisons[index].unit.baseUnit
            if let last, last.mode == mode, last.head == headLabel, last.unit == unit {
                groupOf[index] = last.group
                continue
            }
            let key = GroupKey(head: headRank[headLabel] ?? 0, mode: mode, unit: unit)
            let group: Int
            if let known = groupIndex[key] {
                group = known
            } else {
                group = groups.count
                groups.append(key)
                groupIndex[key] = group
            }
            groupOf[index] = group
            last = (headLabel, mode, unit, group)
        }
        guard groups.count > 1 else { return }
        // Rank of each group: head label order, then mode, then unit.
        let ranked = groups.indices.sorted { a, b in
            let x = groups[a]
            let y = groups[b]
            if x.head != y.head { return x.head < y.head }
            if x.mode != y.mode { return x.mode < y.mode }
            return x.unit < y.unit
        }
        var rankOf = [Int](repeating: 0, count: groups.count)
        for (rank, group) in ranked.enumerated() { rankOf[group] = rank }
        var start = [Int](repeating: 0, count: groups.count + 1)
        for group in groupOf { start[rankOf[group] + 1] += 1 }
        for rank in 0..<groups.count { start[rank + 1] += start[rank] }
        var order = [Int](repeating: 0, count: comparisons.count)
        for (index, group) in groupOf.enumerated() {
            order[start[rankOf[group]]] = index
            start[rankOf[group]] += 1
        }
        permute(&comparisons, into: order)
    }

    /// A table group: head label (by its rank), mode and base unit.
    private struct GroupKey: Hashable {
        let head: Int
        let mode: MeasurementMode
        let unit: String
    }

    /// Rearranges `values` in place so that position i holds what was at `order[i]` (`order` must
    /// be a permutation of `values.indices`, as every caller's counting or index sort makes it),
    /// following each cycle: the cycle's first element is held aside, each position then takes the
    /// element it wants by a move, and the last the held one — one move per element, no second
    /// array of the (large) elements and no copy (a copy of a comparison retains each of its
    /// references). `swapAt` moved each element three times; at a million 592-byte comparisons in
    /// two interleaved groups that was 4 % of the run.
    static func permute<T>(_ values: inout [T], into order: [Int]) {
        guard order.count == values.count else { return assertionFailure("permute: an order of another count") }
        var placed = [Bool](repeating: false, count: order.count)
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in order.indices where !placed[start] {
                placed[start] = true
                guard order[start] != start else { continue }
                let held = (base + start).move()
                // Position `position` wants the value now at `order[position]`.
                var position = start
                while order[position] != start {
                    let source = order[position]
                    (base + position).initialize(to: (base + source).move())
                    position = source
                    placed[position] = true
                }
                (base + position).initialize(to: held)
            }
        }
    }
}
