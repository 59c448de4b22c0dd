import BenchmarkHistory

/// Every stored series over a list of runs, by series id: for each, the positions (in that list) of
/// the runs that hold it, oldest first, with its centre and mean log in each — `RunCentres` turned
/// from runs to series. One flat array per column, each series a range of them: 200 runs of 20,000
/// series are 4 million values, and appending them to three arrays per series spent more on the
/// arrays' bookkeeping (a uniqueness and a capacity check per value and array) than on the values
/// (issue 17). The runs are read twice: once to count each series' runs, once to put each value
/// in its place.
struct SeriesCentresTable {
    /// The store's id of each series, increasing.
    let seriesIDs: [Int64]
    /// Series k's values are at `starts[k] ..< starts[k + 1]` of the columns.
    private let starts: [Int]
    /// Positions in the run list, increasing within a series.
    let positions: [Int]
    /// The centre in each of those runs.
    let centres: [Double]
    /// The mean log in each (NaN where a run has none).
    let logMeans: [Double]

    /// The number of series.
    var count: Int { seriesIDs.count }

    /// Where series `index`'s values are in the columns.
    func range(_ index: Int) -> Range<Int> { starts[index]..<starts[index + 1] }

    /// Every series of `runs` (oldest first).
    init(grouping runs: [RunCentres]) {
        // Each run's series as slots (first seen, first numbered). Successive runs of one suite
        // usually hold the same series in the same order: they share one array of slots.
        var slotOfID: [Int64: Int] = [:]
        var idOfSlot: [Int64] = []
        var runSlots: [[Int]] = []
        runSlots.reserveCapacity(runs.count)
        var previousIDs: [Int64] = []
        var slots: [Int] = []
        var counts: [Int] = []
        // Runs that hold a series twice are placed one at a time (a block would write its values run
        // by run for each of its two places, not in run order).
        var repeatsASeries: [Bool] = []
        repeatsASeries.reserveCapacity(runs.count)
        var repeats = false
        for run in runs {
            if run.seriesIDs != previousIDs {
                slots = run.seriesIDs.map { id in
                    if let known = slotOfID[id] { return known }
                    slotOfID[id] = idOfSlot.count
                    idOfSlot.append(id)
                    counts.append(0)
                    return idOfSlot.count - 1
                }
                previousIDs = run.seriesIDs
                repeats = Set(slots).count != slots.count
            }
            repeatsASeries.append(repeats)
            counts.withUnsafeMutableBufferPointer { counts in
                for slot in slots { counts[slot] += 1 }
            }
            runSlots.append(slots)
        }
        // Series in id order; each slot's next free place in the columns.
        let order = idOfSlot.indices.sorted { idOfSlot[$0] < idOfSlot[$1] }
        var starts = [Int](repeating: 0, count: order.count + 1)
        var next = [Int](repeating: 0, count: order.count)
        var total = 0
        for (rank, slot) in order.enumerated() {
            starts[rank] = total
            next[slot] = total
            total += counts[slot]
        }
        starts[order.count] = total
        var positions = [Int](repeating: 0, count: total)
        var centres = [Double](repeating: 0, count: total)
        var logMeans = [Double](repeating: 0, count: total)
        positions.withUnsafeMutableBufferPointer { positions in
            centres.withUnsafeMutableBufferPointer { centres in
                logMeans.withUnsafeMutableBufferPointer { logMeans in
                    next.withUnsafeMutableBufferPointer { next in
                        var first = 0
                        while first < runs.count {
                            // Up to `block` successive runs of the same series in the same order are
                            // placed together: each series' values of those runs are consecutive in the
                            // columns, so each place written is a run of them (one cache line of eight
                            // values) rather than one value per series and run.
                            var end = first + 1
                            while end < runs.count, end - first < Self.block, !repeatsASeries[first],
                                runSlots[end] == runSlots[first]
                            {
                                end += 1
                            }
                            Self.place(
                                runs[first..<end], firstPosition: first, slots: runSlots[first], next: next,
                                positions: positions, centres: centres, logMeans: logMeans)
                            first = end
                        }
                    }
                }
            }
        }
        self.seriesIDs = order.map { idOfSlot[$0] }
        self.starts = starts
        self.positions = positions
        self.centres = centres
        self.logMeans = logMeans
    }

    /// Runs placed together when they hold the same series (a cache line of doubles).
    private static let block = 8

    /// Places the values of `runs` (successive, from run list position `firstPosition`, every one
    /// holding the series of `slots` in that order) at each series' next places.
    private static func place(
        _ runs: ArraySlice<RunCentres>, firstPosition: Int, slots: [Int], next: UnsafeMutableBufferPointer<Int>,
        positions: UnsafeMutableBufferPointer<Int>, centres: UnsafeMutableBufferPointer<Double>,
        logMeans: UnsafeMutableBufferPointer<Double>
    ) {
        let width = slots.count
        let depth = runs.count
        // The runs' two columns side by side, run after run, read below one series at a time.
        var centreRows = [Double](repeating: 0, count: width * depth)
        var logMeanRows = [Double](repeating: 0, count: width * depth)
        for (row, run) in runs.enumerated() {
            centreRows.replaceSubrange(row * width..<(row + 1) * width, with: run.centres)
            logMeanRows.replaceSubrange(row * width..<(row + 1) * width, with: run.logMeans)
        }
        centreRows.withUnsafeBufferPointer { centreRows in
            logMeanRows.withUnsafeBufferPointer { logMeanRows in
                for (offset, slot) in slots.enumerated() {
                    let place = next[slot]
                    next[slot] = place + depth
                    for row in 0..<depth {
                        positions[place + row] = firstPosition + row
                        centres[place + row] = centreRows[row * width + offset]
                        logMeans[place + row] = logMeanRows[row * width + offset]
                    }
                }
            }
        }
    }
}
