import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Testing

@testable import BenchmarkReports

/// The text report writes a large group's cells in parts on every core; laid out in order with the
/// widths of them all, the lines must be those of one table written row by row — however the rows
/// are cut into parts.
@Suite struct TextPartsTests {
    @Test(arguments: [1, 7, 64, 333])
    func partsLayOutAsOneTable(rowsPerPart: Int) throws {
        // Names and values of many widths; changes of both signs; one sample per side for some rows
        // (a reason letter), and a footnote-bearing unit mix.
        var base: [BenchmarkSeries] = []
        var head: [BenchmarkSeries] = []
        for k in 0..<700 {
            let name = "bench/\(String(repeating: "x", count: k % 13))-\(k)"
            let scale = pow10(k % 9)
            let samples = k % 5 == 0 ? 1 : 6
            base.append(
                DatasetBuilder.series(name, runs: [(0..<samples).map { (100 + Double(($0 * 7 + k) % 5)) * scale }]))
            head.append(
                DatasetBuilder.series(
                    name,
                    runs: [(0..<samples).map { (100 + Double(($0 * 3 + k) % 5)) * scale * (0.9 + 0.0003 * Double(k)) }])
            )
        }
        let result = try Analyzer.analyze(dataset: DatasetBuilder.dataset(base: base, head: head))
        let table = ReportTable(result, onlyChanged: false)
        let (_, sharedIndex) = TextReport.sharedReasons(table)
        let group = try #require(table.groups.first)
        #expect(group.rows.count == 700)
        func lines(_ parts: [(rows: Range<Int>, cells: CellTable)]) -> [UInt8] {
            var widths = [Int](repeating: 0, count: TextReport.columnCount)
            for part in parts {
                for (column, width) in part.cells.columnWidths().enumerated() {
                    widths[column] = max(widths[column], width)
                }
            }
            var out = ReportBuffer()
            for part in parts {
                for line in 0..<part.rows.count {
                    part.cells.appendLine(line, widths: widths, to: &out)
                    out.append("\n")
                }
            }
            return out.bytes
        }
        let whole = TextReport.rowCells(group.rows, shared: sharedIndex[0], rowsPerPart: .max)
        let cut = TextReport.rowCells(group.rows, shared: sharedIndex[0], rowsPerPart: rowsPerPart)
        #expect(whole.count == 1)
        #expect(cut.count == min((700 + rowsPerPart - 1) / rowsPerPart, 64))
        #expect(cut.map(\.rows.count).reduce(0, +) == 700)
        #expect(zip(cut.dropLast(), cut.dropFirst()).allSatisfy { $0.rows.upperBound == $1.rows.lowerBound })
        #expect(lines(cut) == lines(whole))
    }

    private func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
