/// Order statistics of the m·n pairwise differences headⱼ − baseᵢ without forming them: selection
/// in the sorted matrix X + Y (Johnson & Mizoguchi 1978, "Selecting the Kth element in X + Y and
/// X₁ + X₂ + … + Xₘ", SIAM J. Comput. 7(2); Monahan 1984, "Algorithm 616: fast computation of the
/// Hodges–Lehmann location estimator", ACM TOMS 10(3), whose randomised pivot it follows).
///
/// With head sorted ascending and base sorted descending, row j of the matrix dⱼᵢ = headⱼ − baseᵢ
/// increases along i and down j — in floating point too, since rounding is monotone — so the
/// number of differences ≤ (or <) a value is counted by one staircase walk in O(m + n). Each row
/// keeps a window of columns that may still hold the wanted element; a pivot drawn uniformly from
/// the windows (GSL's Mersenne Twister, fixed seed, so the work is the same on every run) is
/// ranked, and every window is cut to one side of it. The expected number of rounds is
/// O(log mn), so the cost is O((m + n) log mn) time and O(m + n) memory, against O(mn log mn) and
/// O(mn) for sorting the differences. The element found is one of the differences, computed by
/// the same subtraction, so it is bit-identical to the k-th element of the sorted differences
/// (when −0 and +0 are both among the differences — never with logarithms, which are not −0 — the
/// sign of a zero may differ from the sorted array's, whose order of equal elements is the sort's).
struct ShiftOrderStatistics {
    /// Head ascending (rows).
    private let head: [Double]
    /// Base descending (columns).
    private let base: [Double]

    init(base: [Double], head: [Double]) {
        self.head = head.sorted()
        self.base = base.sorted(by: >)
    }

    /// The number of differences.
    var count: Int { head.count * base.count }

    /// The smallest and the largest difference.
    var extremes: (min: Double, max: Double) {
        guard let lowHead = head.first, let highHead = head.last, let lowBase = base.last, let highBase = base.first
        else { return (0, 0) }
        return (lowHead - highBase, highHead - lowBase)
    }

    /// The `rank`-th smallest difference (1-based, 1 ≤ rank ≤ count).
    func element(rank: Int) throws(StatisticsError) -> Double {
        let m = head.count
        let n = base.count
        guard rank >= 1, rank <= count else { throw .invalidArgument("rank \(rank) outside 1…\(count)") }
        let random: RandomSource
        do {
            random = try RandomSource(seed: 20_240_501)
        } catch {
            throw .numericalFailure("cannot allocate the pivot generator: \(error)")
        }
        var lower = [Int](repeating: 0, count: m)
        var upper = [Int](repeating: n, count: m)
        var active = count
        var atMost = [Int](repeating: 0, count: m)
        var below = [Int](repeating: 0, count: m)
        // A window of about (m + n) / 2 elements is finished by sorting it: a round costs O(m + n),
        // so a smaller window costs a few more rounds, a larger one a longer sort.
        let smallEnough = max(1024, (m + n) / 2)
        while active > smallEnough {
            let pivot = pickPivot(active: active, lower: lower, upper: upper, random: random)
            let (lessThan, lessOrEqual) = ranks(of: pivot, below: &below, atMost: &atMost)
            if rank <= lessThan {
                for j in 0..<m where upper[j] > below[j] { upper[j] = max(lower[j], below[j]) }
            } else if rank > lessOrEqual {
                for j in 0..<m where lower[j] < atMost[j] { lower[j] = min(upper[j], atMost[j]) }
            } else {
                return pivot
            }
            active = 0
            for j in 0..<m { active += upper[j] - lower[j] }
        }
        var eliminated = 0
        var window: [Double] = []
        window.reserveCapacity(active)
        for j in 0..<m {
            eliminated += lower[j]
            let y = head[j]
            for i in lower[j]..<upper[j] { window.append(y - base[i]) }
        }
        window.sort()
        let position = rank - eliminated - 1
        guard window.indices.contains(position) else {
            throw .numericalFailure("pairwise-difference selection lost the element of rank \(rank)")
        }
        return window[position]
    }

    /// A difference drawn uniformly from the windows.
    private func pickPivot(active: Int, lower: [Int], upper: [Int], random: borrowing RandomSource) -> Double {
        var target = min(active - 1, Int(random.uniform() * Double(active)))
        for j in lower.indices {
            let width = upper[j] - lower[j]
            if target < width { return head[j] - base[lower[j] + target] }
            target -= width
        }
        // Unreachable: target < active = Σ widths.
        let j = lower.indices.last { upper[$0] > lower[$0] } ?? 0
        return head[j] - base[lower[j]]
    }

    /// The number of differences < `pivot` and ≤ `pivot`, with each row's counts (the columns
    /// before its first difference ≥ / > `pivot`).
    private func ranks(of pivot: Double, below: inout [Int], atMost: inout [Int]) -> (Int, Int) {
        let n = base.count
        var lessThan = 0
        var lessOrEqual = 0
        // Down the rows the boundaries move left: one walk each.
        var strict = n
        var loose = n
        for j in head.indices {
            let y = head[j]
            while strict > 0, y - base[strict - 1] >= pivot { strict -= 1 }
            while loose > 0, y - base[loose - 1] > pivot { loose -= 1 }
            below[j] = strict
            atMost[j] = loose
            lessThan += strict
            lessOrEqual += loose
        }
        return (lessThan, lessOrEqual)
    }
}
