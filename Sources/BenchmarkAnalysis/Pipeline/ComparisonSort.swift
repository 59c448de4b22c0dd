import BenchmarkModel

/// `--sort`: within each table of the report (a run of comparisons with the same group, head label,
/// mode and unit), orders the rows by the sort keys in turn; ties keep their order (stable).
enum ComparisonSort {
    /// The verdicts' rank under `verdict`: worst first.
    private static func rank(_ verdict: Verdict) -> Int {
        switch verdict {
        case .regression: 0
        case .inconclusive: 1
        case .improvement: 2
        case .noise: 3
        case .missing: 4
        }
    }

    static func apply(_ comparisons: inout [Comparison], keys: [SortKey]) {
        guard !keys.isEmpty, comparisons.count > 1 else { return }
        // The table of each comparison: a new one starts wherever the group, head, mode or unit changes.
        var table = [Int](repeating: 0, count: comparisons.count)
        for index in comparisons.indices.dropFirst() {
            let (previous, current) = (comparisons[index - 1], comparisons[index])
            let same =
                previous.group == current.group && previous.headLabel == current.headLabel
                && previous.mode == current.mode && previous.unit.baseUnit == current.unit.baseUnit
            table[index] = table[index - 1] + (same ? 0 : 1)
        }
        let order = comparisons.indices.sorted { a, b in
            if table[a] != table[b] { return table[a] < table[b] }
            for key in keys {
                let ordering = compare(comparisons[a], comparisons[b], key.field)
                if ordering != 0 {
                    // A missing value (nil change or p) stays last in either direction.
                    if ordering == .missingLeft { return false }
                    if ordering == .missingRight { return true }
                    return key.descending ? ordering > 0 : ordering < 0
                }
            }
            return a < b
        }
        ComparisonOrder.permute(&comparisons, into: order)
    }

    /// -1/0/+1 for present values; `missingLeft`/`missingRight` when only one side has none.
    private static func compare(_ left: Comparison, _ right: Comparison, _ field: SortKey.Field) -> Int {
        func numbers(_ x: Double?, _ y: Double?) -> Int {
            switch (x, y) {
            case (let x?, let y?): x < y ? -1 : (x > y ? 1 : 0)
            case (nil, .some): .missingLeft
            case (.some, nil): .missingRight
            case (nil, nil): 0
            }
        }
        switch field {
        case .name:
            let (x, y) = (left.benchmark.name, right.benchmark.name)
            return x < y ? -1 : (x > y ? 1 : 0)
        case .change: return numbers(left.change?.percent, right.change?.percent)
        case .p: return numbers(left.pAdjusted, right.pAdjusted)
        case .verdict:
            let (x, y) = (rank(left.verdict), rank(right.verdict))
            return x < y ? -1 : (x > y ? 1 : 0)
        }
    }
}

extension Int {
    /// `ComparisonSort`'s marks for a missing value on the left or right.
    fileprivate static let missingLeft = Int.max
    fileprivate static let missingRight = Int.min
}
