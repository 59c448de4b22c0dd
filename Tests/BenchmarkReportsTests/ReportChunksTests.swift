import BenchmarkAnalysis
import BenchstatTestSupport
import Testing

@testable import BenchmarkReports

/// Reports rendered in pieces (`ReportFormat.render(_:into:)`): the pieces join to exactly the report
/// rendered whole, the HTML page and the text table go out in pieces of about the chunk size, and a
/// writer that fails stops the rendering.
@Suite struct ReportChunksTests {
    @Test(arguments: ReportFormat.allCases)
    func piecesJoinToTheWholeReport(format: ReportFormat) throws {
        let result = try EscapingTests.result(names: (0..<60).map { "bench/\($0)" })
        var pieces: [[UInt8]] = []
        var chunks = ReportChunks(chunkSize: 512) { piece in
            pieces.append(piece)
            return true
        }
        format.render(ReportInput(result: result), into: &chunks)
        #expect(pieces.flatMap { $0 } == format.renderUTF8(ReportInput(result: result)))
        if format == .text {
            // Handed over a chunk at a time: pieces of at least the chunk size but the last.
            #expect(pieces.count > 3)
            #expect(pieces.dropLast().allSatisfy { $0.count >= 512 })
        } else if format == .html {
            // Streamed: many pieces, none far beyond the chunk size but the last table's rows.
            #expect(pieces.count > 10)
            #expect(pieces.dropLast().allSatisfy { $0.count >= 512 })
        } else {
            #expect(pieces.count == 1)
        }
    }

    @Test(arguments: [ReportFormat.html, .text])
    func aRefusingWriterStopsTheRendering(format: ReportFormat) throws {
        let result = try EscapingTests.result(names: (0..<60).map { "bench/\($0)" })
        var offered = 0
        var chunks = ReportChunks(chunkSize: 256) { _ in
            offered += 1
            return offered < 3
        }
        format.render(ReportInput(result: result), into: &chunks)
        #expect(offered == 3)
        #expect(chunks.stopped)
    }
}
