import BenchmarkHistory

/// One stored series over a list of runs: the positions (in that list) of the runs that hold it,
/// oldest first, with its centre and mean log in each — `RunCentres` turned from runs to series.
struct SeriesCentres {
    /// The store's id of the series.
    let seriesID: Int64
    /// Positions in the run list, increasing.
    var positions: [Int] = []
    /// The centre in each of those runs.
    var centres: [Double] = []
    /// The mean log in each (NaN where a run has none).
    var logMeans: [Double] = []

    /// Every series of `runs` (oldest first), by series id.
    static func group(_ runs: [RunCentres]) -> [SeriesCentres] {
        var result: [SeriesCentres] = []
        var slot: [Int64: Int] = [:]
        // Successive runs of one suite usually hold the same series in the same order: their slots
        // are looked up once.
        var previousIDs: [Int64] = []
        var slots: [Int] = []
        for (position, run) in runs.enumerated() {
            if run.seriesIDs != previousIDs {
                slots = run.seriesIDs.map { id in
                    if let known = slot[id] { return known }
                    slot[id] = result.count
                    var series = SeriesCentres(seriesID: id)
                    series.positions.reserveCapacity(runs.count - position)
                    series.centres.reserveCapacity(runs.count - position)
                    series.logMeans.reserveCapacity(runs.count - position)
                    result.append(series)
                    return result.count - 1
                }
                previousIDs = run.seriesIDs
            }
            // Through the buffer: `result[index].….append` checked `result`'s uniqueness three times a
            // value (4 million values at 200 runs × 20,000 series).
            result.withUnsafeMutableBufferPointer { result in
                for (offset, index) in slots.enumerated() {
                    result[index].positions.append(position)
                    result[index].centres.append(run.centres[offset])
                    result[index].logMeans.append(run.logMeans[offset])
                }
            }
        }
        result.sort { $0.seriesID < $1.seriesID }
        return result
    }
}
