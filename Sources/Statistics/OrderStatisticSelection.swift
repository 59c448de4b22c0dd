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
        // Three-way partition, each pass without a branch on the data (Lomuto's scheme with the
        // swap always made and the boundary moved by the comparison's outcome): on differences of
        // samples every comparison is a coin toss, and a mispredicted branch per element cost more
        // than the partition itself. [lo, less) < pivot, [less, equal) == pivot, [equal, hi] > pivot;
        // the pivot is one of the range's values, so the middle part is never empty.
        let less = partition(buffer, lo: lo, hi: hi) { $0 < pivot }
        let equal = partition(buffer, lo: less, hi: hi) { $0 == pivot }
        let below = targets.prefix { $0 < less }
        let above = targets.drop { $0 < equal }
        select(below, in: buffer, lo: lo, hi: less - 1, round: round + 1)
        select(above, in: buffer, lo: equal, hi: hi, round: round + 1)
    }

    /// Moves the values of `buffer[lo...hi]` that satisfy `goesFirst` before the others; returns
    /// the position of the first other value.
    @inline(__always)
    private static func partition(
        _ buffer: UnsafeMutableBufferPointer<Double>, lo: Int, hi: Int, _ goesFirst: (Double) -> Bool
    ) -> Int {
        var boundary = lo
        for i in lo...hi {
            let value = buffer[i]
            buffer[i] = buffer[boundary]
            buffer[boundary] = value
            // The outcome as 0 or 1 (a conditional increment is compiled as a branch).
            boundary &+= Int(truncatingIfNeeded: unsafeBitCast(goesFirst(value), to: UInt8.self))
        }
        return boundary
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
