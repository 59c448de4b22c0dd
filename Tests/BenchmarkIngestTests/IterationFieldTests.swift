import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

/// The optional `iteration` field (the round of an interleaved `benchstat measure`), in JSON Lines
/// and CSV, and the errors for values that are not non-negative integers.
@Suite struct IterationFieldTests {
    @Test func jsonLinesCarryIterationsPerRun() throws {
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile(
                "a.jsonl",
                #"{"benchmark":"x","unit":"ns","value":10,"run":"m1","iteration":1}"# + "\n"
                    + #"{"benchmark":"x","unit":"ns","value":11,"run":"m1","iteration":2}"# + "\n"
                    + #"{"benchmark":"x","unit":"ns","value":12,"run":"m1","iteration":3.0}"# + "\n"
                    + #"{"iteration":0,"benchmark":"x\u0041","unit":"ns","value":13}"# + "\n")
            let (label, _) = try loadSingle(path)
            let x = try #require(label.series("x", "s"))
            #expect(x.runs.map(\.iterations) == [[1, 2, 3]])
            #expect(x.runs.map(\.values.count) == [3])
            let escaped = try #require(label.series("xA", "s"))
            #expect(escaped.runs.map(\.iterations) == [[0]])
        }
    }

    @Test func withoutIterationsTheFieldIsNil() throws {
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile(
                "a.jsonl",
                #"{"benchmark":"x","unit":"ns","value":10}"# + "\n" + #"{"benchmark":"x","unit":"ns","value":11}"#)
            let (label, _) = try loadSingle(path)
            #expect(try #require(label.series("x", "s")).runs.map(\.iterations) == [nil])
        }
    }

    @Test func csvCarriesIterations() throws {
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile(
                "a.csv", "benchmark,unit,value,run,iteration\nx,ns,10,m1,1\nx,ns,11,m1,2\ny,ns,5,m1,\n")
            let (label, _) = try loadSingle(path)
            #expect(try #require(label.series("x", "s")).runs.map(\.iterations) == [[1, 2]])
            #expect(try #require(label.series("y", "s")).runs.map(\.iterations) == [nil])
        }
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "fractional iteration",
            content: #"{"benchmark":"x","unit":"ns","value":1,"iteration":1}"# + "\n"
                + #"{"benchmark":"x","unit":"ns","value":1,"iteration":2.5}"#,
            kind: .valueOutOfRange, line: 2, fragment: "field \"iteration\": expected a non-negative integer",
            fileName: "t.jsonl"),
        BadInput(
            name: "negative iteration", content: #"{"benchmark":"x","unit":"ns","value":1,"iteration":-1}"#,
            kind: .valueOutOfRange, line: 1, fragment: "expected a non-negative integer, found -1", fileName: "t.jsonl"),
        BadInput(
            name: "iteration is a string", content: #"{"benchmark":"x","unit":"ns","value":1,"iteration":"3"}"#,
            kind: .wrongType, line: 1, fragment: "field \"iteration\": expected a non-negative integer, found a string",
            fileName: "t.jsonl"),
        BadInput(
            name: "iteration is null (general parser)",
            content: #"{"benchmark":"x\n","unit":"ns","value":1,"iteration":null}"#, kind: .wrongType, line: 1,
            fragment: "field \"iteration\": expected a non-negative integer", fileName: "t.jsonl"),
        BadInput(
            name: "iteration on some samples of a run only",
            content: #"{"benchmark":"x","unit":"ns","value":1,"iteration":1}"# + "\n"
                + #"{"benchmark":"x","unit":"ns","value":2}"#,
            kind: .missingField, line: 2, fragment: "missing field \"iteration\"", fileName: "t.jsonl"),
        BadInput(
            name: "CSV iteration not an integer", content: "benchmark,unit,value,iteration\nx,ns,1,1\nx,ns,1,2.5\n",
            kind: .valueOutOfRange, line: 3, fragment: "field \"iteration\": expected a non-negative integer",
            fileName: "t.csv"),
        BadInput(
            name: "CSV negative iteration", content: "benchmark,unit,value,iteration\nx,ns,1,-2\n",
            kind: .valueOutOfRange, line: 2, fragment: "found \"-2\"", fileName: "t.csv"),
    ]

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }
}
