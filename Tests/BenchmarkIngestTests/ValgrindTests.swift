import BenchmarkIngest
import BenchmarkModel
import Testing

@Suite("callgrind and cachegrind")
struct ValgrindTests {
    static let directory = "\(Fixtures.peers)/valgrind/base"

    @Test func realFilesAreOneSampleEach() throws {
        let dataset = try DatasetLoader.loadLabel(
            named: "base",
            inputs: ["\(Self.directory)/callgrind.out", "\(Self.directory)/callgrind_cachesim.out"])
        let label = try #require(dataset.labels.first)
        #expect(label.files.map(\.format) == [InputFormat.callgrind, .callgrind].map(\.rawValue))
        let series = try #require(label.series("./work", "instructions"))
        #expect(series.mode == .instrumentation)
        #expect(series.unit.written == "Ir")
        #expect(series.runs.map(\.values) == [[13_956_032], [13_956_034]])
        let (cachegrind, _) = try loadSingle("\(Self.directory)/cachegrind.out")
        #expect(cachegrind.files.map(\.format) == [InputFormat.cachegrind.rawValue])
        #expect(cachegrind.series("./work", "instructions")?.allValues == [13_967_227])
        #expect(label.files.first?.value(for: "creator") == "callgrind-3.19.0")
    }

    /// callgrind and cachegrind of one `gzip -c` count different start-up code (20,528,370 vs
    /// 20,581,169 Ir): they are never samples of one series, in one label or across labels.
    @Test(arguments: [true, false])
    func callgrindAndCachegrindAreNotMixed(inOneLabel: Bool) throws {
        let directory = "\(Fixtures.peers)/valgrind-tools"
        let callgrind = "\(directory)/callgrind.out"
        let cachegrind = "\(directory)/cachegrind.out"
        #expect(try loadSingle(callgrind).0.series("gzip -c input", "instructions")?.allValues == [20_528_370])
        #expect(try loadSingle(cachegrind).0.series("gzip -c input", "instructions")?.allValues == [20_581_169])
        let error = inputError { () throws(InputError) in
            if inOneLabel {
                _ = try DatasetLoader.loadLabel(named: "x", inputs: [callgrind, cachegrind])
            } else {
                _ = try DatasetLoader.load(paths: [callgrind, cachegrind])
            }
        }
        let thrown = try #require(error)
        #expect(thrown.kind == .mixedTools)
        #expect(thrown.location.file == cachegrind)
        #expect(thrown.message.contains("is cachegrind output here but callgrind output in \(callgrind)"))
    }

    @Test func otherEventsAreSelectable() throws {
        let (label, _) = try loadSingle(
            "\(Self.directory)/callgrind_cachesim.out", options: LoadOptions(callgrindEvent: "D1mr"))
        let series = try #require(label.series.first)
        #expect(series.unit.baseUnit == "D1mr")
        #expect(series.mode == .instrumentation)
        #expect(series.allValues == [6238])
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "no summary (truncated)", content: "# callgrind format\nversion: 1\ncmd: ./a\nevents: Ir\nfl=x\n",
            kind: .missingField, line: nil, fragment: "missing \"summary:\" or \"totals:\"", fileName: "callgrind.out.1"
        ),
        BadInput(
            name: "summary not a number", content: "desc: x\ncmd: ./a\nevents: Ir Dr\nsummary: many 3\n",
            kind: .wrongType, line: 4, fragment: "expected an integer count", fileName: "cachegrind.out.1"),
        BadInput(
            name: "zero instructions", content: "# callgrind format\ncmd: ./a\nevents: Ir\nsummary: 0\n",
            kind: .valueOutOfRange, line: 4, fragment: "value must be > 0", fileName: "callgrind.out.2"),
        BadInput(
            name: "negative", content: "# callgrind format\ncmd: ./a\nevents: Ir\nsummary: -5\n",
            kind: .valueOutOfRange, line: 4, fragment: "value must be > 0", fileName: "callgrind.out.3"),
        BadInput(
            name: "no events header", content: "# callgrind format\ncmd: ./a\nsummary: 5\n", kind: .missingField,
            line: nil, fragment: "missing field \"events\"", fileName: "callgrind.out.4"),
        BadInput(
            name: "inf", content: "# callgrind format\ncmd: ./a\nevents: Ir\nsummary: inf\n",
            kind: .nonFiniteValue, line: 4, fragment: "finite", fileName: "callgrind.out.5"),
    ]

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }

    @Test func unknownEvent() throws {
        try expectBadInput(
            BadInput(
                name: "unknown event", content: "# callgrind format\ncmd: ./a\nevents: Ir\nsummary: 5\n",
                kind: .unsupportedOption, line: 3, fragment: "event \"Bc\" is not recorded", fileName: "callgrind.out"),
            options: LoadOptions(callgrindEvent: "Bc"))
    }
}
