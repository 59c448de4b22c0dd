import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Testing

@Suite("Canonical JSON Lines")
struct CanonicalJSONLinesTests {
    @Test func loadsSamplesSeriesAndRuns() throws {
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile(
                "base.jsonl",
                """
                {"benchmark": "linter/default-rules[numpy/globals.py]", "mode": "instrumentation", "unit": "instructions", "value": 1234567, "run": "r1"}
                {"benchmark": "linter/default-rules[numpy/globals.py]", "mode": "instrumentation", "unit": "instructions", "value": 1234568, "run": "r2"}

                {"value": 12.5, "unit": "ms", "benchmark": "parse", "extra": {"nested": [1, 2]}}
                {"benchmark": "parse", "unit": "µs", "value": 12600, "note": "unknown keys are ignored"}
                {"benchmark": "esc\\"aped\\u00e9", "unit": "ns", "value": 1e3}
                {"benchmark": "linter/default-rules[numpy/globals.py]", "unit": "instructions", "value": 1234569, "run": "r1", "mode": "instrumentation"}
                """)
            let (label, warnings) = try loadSingle(path)
            #expect(label.label == "base")
            #expect(warnings.isEmpty)
            #expect(
                label.series.map(\.benchmark.name) == ["linter/default-rules[numpy/globals.py]", "parse", "esc\"apedé"])
            let linter = try #require(label.series("linter/default-rules[numpy/globals.py]", "instructions"))
            #expect(linter.mode == .instrumentation)
            #expect(linter.runs.map(\.id) == ["r1", "r2"])
            #expect(linter.runs[0].values == [1_234_567, 1_234_569])
            #expect(linter.runs[0].source.line == 1)
            let parse = try #require(label.series("parse", "s"))
            #expect(parse.mode == .walltime)
            #expect(parse.runs.count == 1)
            #expect(parse.runs[0].id == path)
            #expect(parse.allValues == [0.0125, 0.0126])
            #expect(label.files.first?.format == InputFormat.canonicalJSONLines.rawValue)
        }
    }

    @Test func runFieldGroupsAcrossFiles() throws {
        try withTemporaryDirectory { directory in
            try directory.writeFile(
                "head/a.jsonl", #"{"benchmark":"x","unit":"ns","value":1,"run":"r1"}"# + "\n")
            try directory.writeFile(
                "head/b.jsonl",
                #"{"benchmark":"x","unit":"ns","value":2,"run":"r1"}"# + "\n"
                    + #"{"benchmark":"x","unit":"ns","value":3,"run":7}"# + "\n")
            let base = try directory.writeFile("base.jsonl", #"{"benchmark":"x","unit":"ns","value":1}"#)
            let dataset = try DatasetLoader.load(paths: [base, "\(directory.path)/head"])
            #expect(dataset.labels.map(\.label) == ["base", "head"])
            let series = try #require(dataset.label(named: "head")?.series("x", "s"))
            #expect(series.runs.map(\.id) == ["r1", "7"])
            #expect(series.runs[0].values == [1e-9, 2e-9])
        }
    }

    @Test func unknownUnitWithoutModeIsWalltimeWithAWarning() throws {
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile(
                "a.jsonl",
                #"{"benchmark":"x","unit":"frobs","value":3}"# + "\n" + #"{"benchmark":"y","unit":"frobs","value":0}"#)
            let (label, warnings) = try loadSingle(path)
            #expect(label.series.map(\.mode) == [.walltime, .walltime])
            #expect(warnings.count == 1)
            #expect(warnings.first?.description.hasPrefix("\(path):1: unit \"frobs\"") == true)
        }
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "truncated", content: #"{"benchmark":"x","unit":"ns","value":1}"# + "\n" + #"{"benchmark":"x","uni"#,
            kind: .malformedLine, line: 2, fragment: "invalid JSON", fileName: "t.jsonl"),
        BadInput(
            name: "value is a string", content: #"{"benchmark":"x","unit":"ns","value":"12"}"#, kind: .wrongType,
            line: 1,
            fragment: "field \"value\": expected a number, found a string", fileName: "t.jsonl"),
        BadInput(
            name: "missing unit", content: #"{"benchmark":"x","value":12}"#, kind: .missingField, line: 1,
            fragment: "missing field \"unit\"", fileName: "t.jsonl"),
        BadInput(
            name: "missing value",
            content: #"{"benchmark":"x","unit":"ns","value":1}"# + "\n\n" + #"{"benchmark":"x","unit":"ns"}"#,
            kind: .missingField, line: 3, fragment: "missing field \"value\"", fileName: "t.jsonl"),
        BadInput(
            name: "NaN", content: #"{"benchmark":"x","unit":"ns","value":NaN}"#, kind: .nonFiniteValue, line: 1,
            fragment: "expected a finite number", fileName: "t.jsonl"),
        BadInput(
            name: "Infinity", content: #"{"benchmark":"x","unit":"ns","value":-Infinity}"#, kind: .nonFiniteValue,
            line: 1, fragment: "expected a finite number", fileName: "t.jsonl"),
        BadInput(
            name: "1e309 overflows", content: #"{"benchmark":"x","unit":"ns","value":1e309}"#, kind: .nonFiniteValue,
            line: 1, fragment: "finite", fileName: "t.jsonl"),
        BadInput(
            name: "1e308 GB/s overflows in B/s", content: #"{"benchmark":"x","unit":"GB/s","value":1e308}"#,
            kind: .nonFiniteValue, line: 1, fragment: "overflows when converted to B/s", fileName: "t.jsonl"),
        BadInput(
            name: "negative", content: #"{"benchmark":"x","unit":"ns","value":-4}"#, kind: .valueOutOfRange, line: 1,
            fragment: "value must be > 0", fileName: "t.jsonl"),
        BadInput(
            name: "zero time", content: #"{"benchmark":"x","unit":"ns","value":0}"#, kind: .valueOutOfRange, line: 1,
            fragment: "value must be > 0", fileName: "t.jsonl"),
        BadInput(
            name: "negative bytes", content: #"{"benchmark":"x","unit":"B","value":-1}"#, kind: .valueOutOfRange,
            line: 1, fragment: "value must be >= 0", fileName: "t.jsonl"),
        BadInput(
            name: "bad mode", content: #"{"benchmark":"x","unit":"ns","value":1,"mode":"cpu"}"#, kind: .wrongType,
            line: 1, fragment: "expected \"walltime\" or \"instrumentation\"", fileName: "t.jsonl"),
        BadInput(
            name: "garbage line", content: #"{"benchmark":"x","unit":"ns","value":1}"# + "\nhello\n",
            kind: .malformedLine, line: 2, fragment: "invalid JSON", fileName: "t.jsonl"),
        BadInput(
            name: "conflicting modes",
            content: #"{"benchmark":"x","unit":"ns","value":1}"# + "\n"
                + #"{"benchmark":"x","unit":"ns","value":1,"mode":"instrumentation"}"#,
            kind: .conflictingMode, line: 2, fragment: "is instrumentation here but walltime", fileName: "t.jsonl"),
        BadInput(name: "empty", content: "", kind: .emptyFile, line: nil, fragment: "empty", fileName: "t.jsonl"),
        BadInput(
            name: "whitespace only", content: "\n  \n", kind: .emptyFile, line: nil, fragment: "empty",
            fileName: "t.jsonl"),
    ]

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }
}
