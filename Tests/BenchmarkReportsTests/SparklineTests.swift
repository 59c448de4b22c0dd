import Testing

@testable import BenchmarkReports

/// The `--plot` distribution sketches.
@Suite struct SparklineTests {
    @Test func tallestBinIsFullAndEmptyBinsAreBlank() throws {
        let sketch = try #require(Sparkline.histogram([1, 1, 1, 1, 8], range: 1...8, bins: 4))
        #expect(sketch == "█  ▂")
    }

    @Test func baseAndHeadShareOneLogAxis() throws {
        // Base sits at the low end, head at the high end of the shared range.
        let line = try #require(Sparkline.line(base: [10, 10, 10], head: [100, 100], bins: 4))
        #expect(line == "base |█   |  head |   █|")
    }

    @Test func identicalValuesDrawOneBar() throws {
        let line = try #require(Sparkline.line(base: [5, 5], head: [5], bins: 3))
        #expect(line == "base | █ |  head | █ |")
    }

    @Test func nothingToDraw() {
        #expect(Sparkline.line(base: [], head: [0, -1], bins: 4) == nil)
        #expect(Sparkline.histogram([0], range: 1...2) == nil)
    }
}
