import BenchmarkHistory

/// Every stored series over a list of runs, by series id: for each, the positions (in that list) of
/// the runs that hold it, oldest first, with its centre and mean log in each — `RunCentres` turned
/// from runs to series. One flat array per column, each series a range of them: 200 runs of 20,000
/// series are 4 million values, and appending them to three arrays per series spent more on the
/// arrays' bookkeeping (a uniqueness and a capacity check per value and array) than on the values
/// (issue 17). It is built in two passes over the runs (`Builder`): their series ids first, to
/// count each series' runs, then their values, each put in its place as it is read — so the runs'
/// own columns are never all held at once (at 200 runs of 20,000 series they were 64 MB more).
struct SeriesCentresTable {
    /// The store's id of each series, increasing.
    let seriesIDs: [Int64]
    /// Series k's values are at `starts[k] ..< starts[k + 1]` of the columns.
    private let starts: [Int]
    /// Positions in the run list, increasing within a series (32 bits: 16 MB less at 200 runs of
    /// 20,000 series; a list of runs is far shorter than 2³¹).
    private let runPositions: [Int32]
    /// The centre in each of those runs.
    let centres: [Double]
    /// The mean log in each (NaN where a run has none).
    let logMeans: [Double]

    /// The number of series.
    var count: Int { seriesIDs.count }

    /// Where series `index`'s values are in the columns.
    func range(_ index: Int) -> Range<Int> { starts[index]..<starts[index + 1] }

    /// The position in the run list of the run of the value at `place` of the columns.
    func position(at place: Int) -> Int { Int(runPositions[place]) }

    /// `position(at:)` of each place of `places`.
    func positions(_ places: Range<Int>) -> [Int] { runPositions[places].map { Int($0) } }

    /// Every series of `runs` (oldest first), held all at once; nil when a run's columns are not as
    /// long as its series ids.
    init?(grouping runs: [RunCentres]) {
        var builder = Builder(seriesIDs: runs.map(\.seriesIDs))
        for run in runs where !builder.add(run) { return nil }
        guard let table = builder.finish() else { return nil }
        self = table
    }

    fileprivate init(
        seriesIDs: [Int64], starts: [Int], positions: [Int32], centres: [Double], logMeans: [Double]
    ) {
        self.seriesIDs = seriesIDs
        self.starts = starts
        self.runPositions = positions
        self.centres = centres
        self.logMeans = logMeans
    }

    /// Runs placed together when they hold the same series (a cache line of doubles).
    fileprivate static let block = 8

    /// Builds the table from each run's series ids (the first pass), then each run's values in run
    /// order (`add(_:)`, the second).
    struct Builder {
        /// Each run's series as slots (first seen, first numbered); successive runs of one suite
        /// usually hold the same series in the same order and share one array of slots.
        private let runSlots: [[Int]]
        /// Whether each run holds a series twice: such a run is placed alone (a block would write
        /// its values run by run for each of its two places, not in run order).
        private let repeatsASeries: [Bool]
        /// The ids of the runs' series as the first pass gave them, to check the second against.
        private let expectedIDs: [[Int64]]
        /// The table's series ids, increasing, and where each one's values start (`SeriesCentresTable`).
        private let seriesIDs: [Int64]
        private let starts: [Int]
        /// Each slot's next free place in the columns.
        private var next: [Int]
        private var positions: [Int32]
        private var centres: [Double]
        private var logMeans: [Double]
        /// The runs read but not yet placed: `pendingDepth` successive runs from run `pendingFirst`,
        /// holding the series of `runSlots[pendingFirst]`; their columns side by side, run after run,
        /// at the start of `centreRows` and `logMeanRows` (room for a block of the widest run yet).
        private var pendingFirst = 0
        private var pendingDepth = 0
        private var centreRows: [Double] = []
        private var logMeanRows: [Double] = []
        /// Runs read so far.
        private(set) var added = 0

        /// Prepares the columns for runs holding `seriesIDs` (one list per run, oldest first).
        init(seriesIDs: [[Int64]]) {
            var slotOfID: [Int64: Int] = [:]
            var idOfSlot: [Int64] = []
            var runSlots: [[Int]] = []
            runSlots.reserveCapacity(seriesIDs.count)
            var repeatsASeries: [Bool] = []
            repeatsASeries.reserveCapacity(seriesIDs.count)
            var previousIDs: [Int64] = []
            var slots: [Int] = []
            var repeats = false
            var counts: [Int] = []
            for ids in seriesIDs {
                if ids != previousIDs {
                    slots = ids.map { id in
                        if let known = slotOfID[id] { return known }
                        slotOfID[id] = idOfSlot.count
                        idOfSlot.append(id)
                        counts.append(0)
                        return idOfSlot.count - 1
                    }
                    previousIDs = ids
                    repeats = Set(slots).count != slots.count
                }
                repeatsASeries.append(repeats)
                counts.withUnsafeMutableBufferPointer { counts in
                    for slot in slots { counts[slot] += 1 }
                }
                runSlots.append(slots)
            }
            // Series in id order; each slot's first place in the columns.
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
            self.runSlots = runSlots
            self.repeatsASeries = repeatsASeries
            self.expectedIDs = seriesIDs
            self.seriesIDs = order.map { idOfSlot[$0] }
            self.starts = starts
            self.next = next
            // Not zero-filled (96 MB of writes at 200 runs of 20,000 series): every place is written
            // once by `flush()` before `finish()` hands the columns out — the counts above are those
            // of the runs `add(_:)` accepts, and `finish()` refuses a table that did not read them all.
            positions = Self.unfilled(count: total)
            centres = Self.unfilled(count: total)
            logMeans = Self.unfilled(count: total)
        }

        /// An array of `count` elements of a trivial type whose values are not set: each must be
        /// written before it is read.
        private static func unfilled<Element: BitwiseCopyable>(count: Int) -> [Element] {
            [Element](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }

        /// Reads the next run's values (in run order); false, reading nothing, when `run` does not
        /// hold the series the first pass gave for it (a store that changed between the passes) or
        /// every run was read.
        mutating func add(_ run: RunCentres) -> Bool {
            let position = added
            guard position < runSlots.count, run.seriesIDs == expectedIDs[position],
                run.centres.count == run.seriesIDs.count, run.logMeans.count == run.seriesIDs.count
            else { return false }
            added += 1
            if pendingDepth > 0,
                pendingDepth == SeriesCentresTable.block || repeatsASeries[position]
                    || repeatsASeries[pendingFirst] || runSlots[position] != runSlots[pendingFirst]
            {
                flush()
            }
            if pendingDepth == 0 { pendingFirst = position }
            // Copied as bytes (`append(contentsOf:)` copied value by value: 66 M instructions at 200
            // runs of 20,000 series).
            let width = run.centres.count
            if centreRows.count < width * SeriesCentresTable.block {
                centreRows = Self.unfilled(count: width * SeriesCentresTable.block)
                logMeanRows = Self.unfilled(count: width * SeriesCentresTable.block)
            }
            let offset = pendingDepth * width
            centreRows.withUnsafeMutableBufferPointer { rows in
                run.centres.withUnsafeBufferPointer { values in
                    guard let target = rows.baseAddress, let source = values.baseAddress else { return }
                    (target + offset).update(from: source, count: width)
                }
            }
            logMeanRows.withUnsafeMutableBufferPointer { rows in
                run.logMeans.withUnsafeBufferPointer { values in
                    guard let target = rows.baseAddress, let source = values.baseAddress else { return }
                    (target + offset).update(from: source, count: width)
                }
            }
            pendingDepth += 1
            return true
        }

        /// The table, or nil when not every run of the first pass was read (`add(_:)`). The columns
        /// are moved into it, not copied: the builder is left without them.
        mutating func finish() -> SeriesCentresTable? {
            guard added == runSlots.count else { return nil }
            flush()
            defer {
                positions = []
                centres = []
                logMeans = []
            }
            return SeriesCentresTable(
                seriesIDs: seriesIDs, starts: starts, positions: positions, centres: centres, logMeans: logMeans)
        }

        /// Places the pending runs' values at each series' next places: each series' values of those
        /// runs are consecutive in the columns, so each place written is a run of them (one cache
        /// line of eight values) rather than one value per series and run.
        private mutating func flush() {
            guard pendingDepth > 0 else { return }
            let slots = runSlots[pendingFirst]
            let width = slots.count
            let depth = pendingDepth
            let firstPosition = pendingFirst
            positions.withUnsafeMutableBufferPointer { positions in
                centres.withUnsafeMutableBufferPointer { centres in
                    logMeans.withUnsafeMutableBufferPointer { logMeans in
                        next.withUnsafeMutableBufferPointer { next in
                            centreRows.withUnsafeBufferPointer { centreRows in
                                logMeanRows.withUnsafeBufferPointer { logMeanRows in
                                    for (offset, slot) in slots.enumerated() {
                                        let place = next[slot]
                                        next[slot] = place + depth
                                        for row in 0..<depth {
                                            // Fits: 2³¹ runs would need 64 GB of `runSlots` first.
                                            positions[place + row] = Int32(truncatingIfNeeded: firstPosition + row)
                                            centres[place + row] = centreRows[row * width + offset]
                                            logMeans[place + row] = logMeanRows[row * width + offset]
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            pendingDepth = 0
        }
    }
}
