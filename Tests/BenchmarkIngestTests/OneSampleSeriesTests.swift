import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Testing

/// A series of one sample is held inline (`SeriesRuns`), not as an array of one run of one value;
/// every way a second sample can join it — the same run, another run, another file, with an
/// iteration — gives the runs an array would have given, and the form is canonical.
@Suite struct OneSampleSeriesTests {
    private func load(_ text: String, _ more: String? = nil) throws -> LabelData {
        try withTemporaryDirectory { directory in
            let first = try directory.writeFile("base/a.jsonl", text)
            guard let more else { return try loadSingle(first).0 }
            _ = try directory.writeFile("base/b.jsonl", more)
            return try loadSingle(directory.path).0
        }
    }

    private func line(_ name: String, _ value: Double, run: String? = nil, iteration: Int? = nil) -> String {
        var fields = ["\"benchmark\": \"\(name)\"", "\"unit\": \"s\"", "\"value\": \(value)"]
        if let run { fields.append("\"run\": \"\(run)\"") }
        if let iteration { fields.append("\"iteration\": \(iteration)") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    @Test func oneSampleIsHeldInlineWithItsRunAndLine() throws {
        let label = try load([line("a", 5), line("b", 7, run: "r")].joined(separator: "\n"))
        let a = try #require(label.series("a", "s"))
        let inline = try #require(a.storedRuns.oneSample)
        #expect(inline.value == 5)
        #expect(inline.source.line == 1)
        #expect(a.runs.count == 1)
        #expect(a.runs[0].values == [5])
        #expect(a.runs[0].source.line == 1)
        #expect(a.runs[0].iterations == nil)
        #expect(try #require(label.series("b", "s")).runs.map(\.id) == ["r"])
        #expect(a.sampleCount == 1 && a.runCount == 1 && a.allValues == [5])
    }

    @Test func secondSampleOfTheRunJoinsIt() throws {
        // Consecutive and interleaved: the second sample comes next, or a whole pass later.
        for text in [
            [line("a", 1), line("a", 2), line("b", 3), line("b", 4)],
            [line("a", 1), line("b", 3), line("a", 2), line("b", 4)],
        ] {
            let label = try load(text.joined(separator: "\n"))
            let a = try #require(label.series("a", "s"))
            #expect(a.storedRuns.oneSample == nil)
            #expect(a.runs.count == 1)
            #expect(a.runs[0].values == [1, 2])
            #expect(a.runs[0].source.line == 1)
            let b = try #require(label.series("b", "s"))
            #expect(b.runs.map(\.values) == [[3, 4]], "\(text)")
        }
    }

    @Test func sampleOfAnotherRunOrFileStartsASecondRun() throws {
        let runs = try load([line("a", 1, run: "x"), line("a", 2, run: "y")].joined(separator: "\n"))
        let a = try #require(runs.series("a", "s"))
        #expect(a.runs.map(\.id) == ["x", "y"])
        #expect(a.runs.map(\.values) == [[1], [2]])
        let files = try load(line("a", 1), line("a", 2))
        let fromFiles = try #require(files.series("a", "s"))
        #expect(fromFiles.runs.count == 2)
        #expect(fromFiles.runs.map(\.values) == [[1], [2]])
        #expect(fromFiles.runs.map { $0.source.line } == [1, 1])
    }

    @Test func iterationsAreKeptAndMixingIsRefused() throws {
        let label = try load([line("a", 1, iteration: 0), line("a", 2, iteration: 1)].joined(separator: "\n"))
        let a = try #require(label.series("a", "s"))
        #expect(a.storedRuns.oneSample == nil)
        #expect(a.runs[0].iterations == [0, 1])
        let one = try #require(try load(line("a", 1, iteration: 3)).series("a", "s"))
        #expect(one.storedRuns.oneSample == nil)
        #expect(one.runs[0].iterations == [3])
        #expect(throws: InputError.self) {
            try load([line("a", 1), line("a", 2, iteration: 1)].joined(separator: "\n"))
        }
    }

    @Test func formIsCanonical() {
        let source = SourceLocation(displayedFile: "f", line: 3)
        let asArray = SeriesRuns([BenchmarkRun(id: "f", values: [2], source: source)])
        let inline = SeriesRuns(oneSample: 2, id: "f", source: source)
        #expect(asArray == inline)
        #expect(asArray.hashValue == inline.hashValue)
        #expect(asArray.oneSample?.value == 2)
        #expect(asArray.oneSampleValue == 2)
        #expect(asArray.oneSample?.source == source)
        #expect(asArray.array == [BenchmarkRun(id: "f", values: [2], source: source)])
        // Held as an array: two samples, an iteration, a run named otherwise than its file, a field.
        #expect(SeriesRuns([BenchmarkRun(id: "f", values: [2, 3], source: source)]).oneSample == nil)
        #expect(SeriesRuns([BenchmarkRun(id: "f", values: [2], source: source, iterations: [0])]).oneSample == nil)
        let named = SeriesRuns(oneSample: 2, id: "r", source: source)
        #expect(named.oneSample == nil)
        #expect(named.oneSampleValue == nil)
        #expect(named == SeriesRuns([BenchmarkRun(id: "r", values: [2], source: source)]))
        #expect(named.array.map(\.id) == ["r"])
        let withField = SourceLocation(displayedFile: "f", line: 3, field: "value")
        #expect(SeriesRuns(oneSample: 2, id: "f", source: withField).array[0].source == withField)
        let noLine = SourceLocation(displayedFile: "f")
        #expect(SeriesRuns(oneSample: 2, id: "f", source: noLine).oneSample?.source == noLine)
        var series = BenchmarkSeries(
            benchmark: BenchmarkIdentity(name: "a"), unit: .parse("ns"), mode: .walltime, runs: [])
        series.runs = [BenchmarkRun(id: "f", values: [2], source: source)]
        #expect(series.storedRuns == inline)
        #expect(!series.storedRuns.containsZero)
        #expect(SeriesRuns(oneSample: 0, id: "f", source: source).containsZero)
        #expect(SeriesRuns([BenchmarkRun(id: "f", values: [3, -0.0], source: source)]).containsZero)
        #expect(!SeriesRuns([BenchmarkRun(id: "f", values: [3, 4], source: source)]).containsZero)
    }
}
