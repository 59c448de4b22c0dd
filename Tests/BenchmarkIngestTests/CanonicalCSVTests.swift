import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Testing

@Suite("Canonical CSV")
struct CanonicalCSVTests {
    @Test func loadsColumnsInAnyOrder() throws {
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile(
                "head.csv",
                #"""
                run,value,unit,benchmark,comment
                r1,1.5,ms,"parse,fast",ignored
                r1,1600,us,"parse,fast",
                r2,42,instructions,"say ""hi""",x

                """#)
            let (label, _) = try loadSingle(path)
            #expect(label.label == "head")
            #expect(label.files.first?.format == InputFormat.canonicalCSV.rawValue)
            let parse = try #require(label.series("parse,fast", "s"))
            #expect(parse.allValues == [1.5 * 1e-3, 1600 * 1e-6])
            #expect(parse.runs.map(\.id) == ["r1"])
            let hi = try #require(label.series("say \"hi\"", "instructions"))
            #expect(hi.mode == .instrumentation)
            #expect(hi.runs.first?.source.line == 4)
        }
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "no value column", content: "benchmark,unit,value2\nx,ns,1\n", kind: .unknownFormat, line: 1,
            fragment: "unknown input format", fileName: "t.csv"),
        BadInput(
            name: "missing unit column", content: "benchmark,value\nx,1\n", kind: .missingField, line: 1,
            fragment: "no \"unit\" column", fileName: "t.csv"),
        BadInput(
            name: "value not a number", content: "benchmark,unit,value\nx,ns,1\nx,ns,fast\n", kind: .wrongType, line: 3,
            fragment: "field \"value\": expected a number, found \"fast\"", fileName: "t.csv"),
        BadInput(
            name: "truncated row", content: "benchmark,unit,value\nx,ns\n", kind: .malformedLine, line: 2,
            fragment: "expected 3 comma-separated fields", fileName: "t.csv"),
        BadInput(
            name: "empty value", content: "benchmark,unit,value\nx,ns,\n", kind: .missingField, line: 2,
            fragment: "empty cell", fileName: "t.csv"),
        BadInput(
            name: "NaN", content: "benchmark,unit,value\nx,ns,NaN\n", kind: .nonFiniteValue, line: 2,
            fragment: "finite", fileName: "t.csv"),
        BadInput(
            name: "inf", content: "benchmark,unit,value\nx,ns,inf\n", kind: .nonFiniteValue, line: 2,
            fragment: "finite", fileName: "t.csv"),
        BadInput(
            name: "negative", content: "benchmark,unit,value\nx,ms,-2\n", kind: .valueOutOfRange, line: 2,
            fragment: "value must be > 0", fileName: "t.csv"),
        BadInput(
            name: "zero instructions", content: "benchmark,unit,value\nx,instructions,0\n", kind: .valueOutOfRange,
            line: 2, fragment: "value must be > 0", fileName: "t.csv"),
        BadInput(
            name: "unterminated quote", content: "benchmark,unit,value\n\"x,ns,1\n", kind: .malformedLine, line: 2,
            fragment: "unterminated", fileName: "t.csv"),
        BadInput(
            name: "header only", content: "benchmark,unit,value\n", kind: .emptyFile, line: nil,
            fragment: "no samples", fileName: "t.csv"),
    ]

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }
}
