/// Order statistics selected in place: Hoare's FIND (quickselect; Hoare 1961, "Algorithm 65")
/// for several ranks at once (each partition's two sides searched for the ranks they hold), with a
/// median-of-three pivot, a sort of small ranges, and a sort of any range still being split after
/// 64 rounds (so the worst case stays O(n log n)). The values are exactly the
/// elements a full sort would put at those ranks.
enum OrderStatisticSelection {
    /// The elements of `values` at the 1-based `ranks` (ascending, distinct) of its sorted order;
    /// ranks outside 1…count are left out. `values` is reordered. Its values must not be NaN.
    static func select(ranks: [Int], in values: inout [Double]) -> [Int: Double] {
        var result: [Int: Double] = [:]
        values.withUnsafeMutableBufferPointer { buffer in
            let targets = ranks.filter { $0 >= 1 && $0 <= buffer.count }.map { $0 - 1 }
            guard !targets.isEmpty else { return }
            select(targets[...], in: buffer, lo: 0, hi: buffer.count - 1, round: 0)
            for target in targets { result[target + 1] = buffer[target] }
        }
        return result
    }

    /// Puts the elements of 0-based positions `targets` (ascending, within lo…hi) in place: one
    /// partition of the range serves every target in it (the ranks of one call are found together,
    /// not one after another over what is left of the array).
    private static func select(
        _ targets: ArraySlice<Int>, in buffer: UnsafeMutableBufferPointer<Double>, lo: Int, hi: Int, round: Int
    ) {
        guard !targets.isEmpty, lo < hi else { return }
        if hi - lo < 16 || round >= 64 {
            var range = UnsafeMutableBufferPointer(rebasing: buffer[lo...hi])
            range.sort()
            return
        }
        let mid = lo + (hi - lo) / 2
        let pivot = medianOfThree(buffer[lo], buffer[mid], buffer[hi])
        var i = lo
        var j = hi
        while i <= j {
            while i <= hi && buffer[i] < pivot { i += 1 }
            while j >= lo && buffer[j] > pivot { j -= 1 }
            if i <= j {
                buffer.swapAt(i, j)
                i += 1
                j -= 1
            }
        }
        // Now [lo, j] ≤ pivot ≤ [i, hi], and any element between equals the pivot (already in place).
        let below = targets.prefix { $0 <= j }
        let above = targets.drop { $0 < i }
        select(below, in: buffer, lo: lo, hi: j, round: round + 1)
        select(above, in: buffer, lo: i, hi: hi, round: round + 1)
    }

    private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
        if a < b {
            if b < c { return b }
            return a < c ? c : a
        }
        if a < c { return a }
        return b < c ? c : b
    }
}
