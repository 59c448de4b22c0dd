/// Order statistics selected in place: Hoare's FIND (quickselect; Hoare 1961, "Algorithm 65")
/// with a median-of-three pivot, a sort of small ranges, and a sort of any range that has not
/// shrunk after 64 rounds (so the worst case stays O(n log n)). The values are exactly the
/// elements a full sort would put at those ranks.
enum OrderStatisticSelection {
    /// The elements of `values` at the 1-based `ranks` (ascending, distinct) of its sorted order;
    /// ranks outside 1…count are left out. `values` is reordered. Its values must not be NaN.
    static func select(ranks: [Int], in values: inout [Double]) -> [Int: Double] {
        var result: [Int: Double] = [:]
        values.withUnsafeMutableBufferPointer { buffer in
            // Everything before `floor` is ≤ everything from it on (ranks already selected).
            var floor = 0
            for rank in ranks where rank >= 1 && rank <= buffer.count {
                let target = rank - 1
                var lo = floor
                var hi = buffer.count - 1
                var rounds = 0
                while lo < hi {
                    if hi - lo < 16 || rounds >= 64 {
                        var range = UnsafeMutableBufferPointer(rebasing: buffer[lo...hi])
                        range.sort()
                        break
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
                    // Now [lo, j] ≤ pivot ≤ [i, hi], and any element between equals the pivot.
                    if target <= j {
                        hi = j
                    } else if target >= i {
                        lo = i
                    } else {
                        break
                    }
                    rounds += 1
                }
                result[rank] = buffer[target]
                floor = target + 1
            }
        }
        return result
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
