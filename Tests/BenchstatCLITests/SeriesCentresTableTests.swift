import BenchmarkHistory
import Testing

@testable import BenchstatCLI

@Suite("A history's centres turned from runs to series")
struct SeriesCentresTableTests {
    /// Runs that hold different series, in different orders, one series twice in a run: each series
    /// gets its runs' positions, centres and mean logs in run order, and the series come in id order.
    @Test func everySeriesInRunOrder() throws {
        let runs = [
            RunCentres(runID: 10, seriesIDs: [7, 3], centres: [70, 30], logMeans: [7.0, 3.0]),
            RunCentres(runID: 11, seriesIDs: [7, 3], centres: [71, 31], logMeans: [7.1, .nan]),
            RunCentres(runID: 12, seriesIDs: [3, 9, 7], centres: [32, 92, 72], logMeans: [3.2, 9.2, 7.2]),
            RunCentres(runID: 13, seriesIDs: [9, 9], centres: [93, 94], logMeans: [9.3, 9.4]),
        ]
        let table = try #require(SeriesCentresTable(grouping: runs))
        #expect(table.seriesIDs == [3, 7, 9])
        let series = (0..<table.count).map { index in
            let range = table.range(index)
            return (table.positions(range), Array(table.centres[range]), Array(table.logMeans[range]))
        }
        #expect(series[0].0 == [0, 1, 2] && series[0].1 == [30, 31, 32])
        #expect(series[0].2[0] == 3.0 && series[0].2[1].isNaN && series[0].2[2] == 3.2)
        #expect(series[1].0 == [0, 1, 2] && series[1].1 == [70, 71, 72] && series[1].2 == [7.0, 7.1, 7.2])
        #expect(series[2].0 == [2, 3, 3] && series[2].1 == [92, 93, 94] && series[2].2 == [9.2, 9.3, 9.4])
    }

    /// Twenty runs, blocks of them placed together: runs 0–10 and 12–19 hold the same three series,
    /// run 11 only two of them; every value lands at its series and run.
    @Test func runsAcrossBlocks() throws {
        let runs = (0..<20).map { run in
            let ids: [Int64] = run == 11 ? [5, 1] : [1, 5, 9]
            return RunCentres(
                runID: Int64(100 + run), seriesIDs: ids, centres: ids.map { Double($0) * 1000 + Double(run) },
                logMeans: ids.map { Double($0) + Double(run) / 100 })
        }
        let table = try #require(SeriesCentresTable(grouping: runs))
        #expect(table.seriesIDs == [1, 5, 9])
        for (index, id) in table.seriesIDs.enumerated() {
            let range = table.range(index)
            let expectedRuns = id == 9 ? Array(0..<11) + Array(12..<20) : Array(0..<20)
            #expect(table.positions(range) == expectedRuns)
            #expect(Array(table.centres[range]) == expectedRuns.map { Double(id) * 1000 + Double($0) })
            #expect(Array(table.logMeans[range]) == expectedRuns.map { Double(id) + Double($0) / 100 })
        }
    }

    /// Successive runs that each hold a series twice are not placed as a block (which would write
    /// them run by run for each place): the values stay in run order.
    @Test func aSeriesTwiceInEachRun() throws {
        var runs: [RunCentres] = []
        for run in 0..<3 {
            let first = Double(run) * 10
            runs.append(
                RunCentres(runID: Int64(run), seriesIDs: [9, 9], centres: [first, first + 1], logMeans: [0, 0]))
        }
        let table = try #require(SeriesCentresTable(grouping: runs))
        #expect(table.seriesIDs == [9])
        #expect(table.positions(table.range(0)) == [0, 0, 1, 1, 2, 2])
        #expect(Array(table.centres[table.range(0)]) == [0, 1, 10, 11, 20, 21])
    }

    /// The second pass must read the series the first gave, run by run: a run recorded or replaced
    /// between the passes (other series, or columns of another length) is refused, and a table that
    /// did not read every run is not made — no value lands in another series' place.
    @Test func aStoreThatChangedBetweenThePasses() {
        let ids: [[Int64]] = [[1, 2], [1, 2], [1, 2]]
        func run(_ id: Int64, _ series: [Int64], values: Int? = nil) -> RunCentres {
            let count = values ?? series.count
            return RunCentres(
                runID: id, seriesIDs: series, centres: Array(repeating: 1, count: count),
                logMeans: Array(repeating: 0, count: count))
        }
        var builder = SeriesCentresTable.Builder(seriesIDs: ids)
        let accepted = [
            builder.add(run(0, [1, 2])), builder.add(run(1, [1, 3])), builder.add(run(1, [1, 2], values: 1)),
            builder.add(run(1, [1, 2])),
        ]
        #expect(accepted == [true, false, false, true])
        #expect(builder.added == 2)
        var unfinished = builder
        #expect(unfinished.finish() == nil)
        let last = [builder.add(run(2, [1, 2])), builder.add(run(3, [1, 2]))]
        #expect(last == [true, false])
        let table = builder.finish()
        #expect(table?.seriesIDs == [1, 2] && table?.positions(0..<6) == [0, 1, 2, 0, 1, 2])
        #expect(SeriesCentresTable(grouping: [run(0, [1, 2], values: 3)]) == nil)
    }

    @Test func noRuns() throws {
        let table = try #require(SeriesCentresTable(grouping: []))
        #expect(table.count == 0 && table.centres.isEmpty)
    }
}
